"""Dates as kartrekkers type them: 2026-09-18, 18-09-2026, and (where allowed) vandaag or gisteren."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lerend_netwerk.fouten import LnFout

_FORMATEN = ("%Y-%m-%d", "%d-%m-%Y")


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
