"""Dates as kartrekkers type and read them: 2026-09-18, 18-09-2026, '18 september 2026'."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lerend_netwerk.fouten import LnFout

_FORMATEN = ("%Y-%m-%d", "%d-%m-%Y")
_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")
_DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def datum_tekst(d: date, *, met_dag: bool = False) -> str:
    """2026-12-10 -> '10 december 2026', or with `met_dag` 'donderdag 10 december 2026'."""
    tekst = f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"
    return f"{_DAGEN[d.weekday()]} {tekst}" if met_dag else tekst


def lees_datum(tekst: str, vandaag: date | None = None) -> date:
    """Read a typed date. `vandaag` enables the words 'vandaag' and 'gisteren'.

    The planner never passes `vandaag`: an agenda depends on the state and the
    options only, never on the clock.
    """
    schoon = tekst.strip().lower()
    if vandaag is not None and schoon == "vandaag":
        return vandaag
    if vandaag is not None and schoon == "gisteren":
        return vandaag - timedelta(days=1)
    for formaat in _FORMATEN:
        try:
            return datetime.strptime(schoon, formaat).date()
        except ValueError:
            pass
    woorden = ", vandaag, gisteren" if vandaag is not None else ""
    raise LnFout(f"'{tekst}' is geen datum die ik ken.", advies=f"schrijf de datum als 2026-09-18 (of 18-09-2026{woorden}).")
