"""What the state's meetings tell the planner: what was done recently, the seed, the next date."""

from __future__ import annotations

from datetime import date

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk

RECENT = 2  # work forms of the last two meetings (held or planned) are not repeated


def alle_bijeenkomsten(netwerk: Netwerk) -> list[Bijeenkomst]:
    """Held and planned meetings, oldest first (a planned one counts as the last)."""
    return sorted(netwerk.bijeenkomsten, key=lambda b: (b.datum, b.gehouden is False))


def vorige_bijeenkomst(netwerk: Netwerk) -> Bijeenkomst | None:
    alle = alle_bijeenkomsten(netwerk)
    return alle[-1] if alle else None


def recente_werkvormen(netwerk: Netwerk) -> dict[str, date]:
    """Work forms of the last RECENT meetings (held or planned) -> the latest date."""
    recent: dict[str, date] = {}
    for b in alle_bijeenkomsten(netwerk)[-RECENT:]:
        for wid in b.werkvormen:
            recent[wid] = max(recent.get(wid, b.datum), b.datum)
    return recent


def tot_datum(netwerk: Netwerk, datum: date | None) -> Netwerk:
    """The state as it is before `datum`: later meetings (and one planned on it) do not count."""
    if datum is None:
        return netwerk
    return netwerk._replace(bijeenkomsten=tuple(b for b in netwerk.bijeenkomsten if b.datum < datum))


def standaard_seed(netwerk: Netwerk) -> int:
    """The seed when none is given: the number of meetings in the state, so that
    the same state gives the same agenda and the next meeting a different one."""
    return len(netwerk.bijeenkomsten)


def volgende_datum(netwerk: Netwerk) -> date | None:
    """A guess at the next meeting's date, for `--bewaar` without `--datum`: the
    last meeting (held or planned) plus the network's usual interval (the median
    gap between its meetings; four weeks with fewer than two). None without meetings."""
    from datetime import timedelta
    from statistics import median_low

    data = sorted({b.datum for b in netwerk.bijeenkomsten})
    if not data:
        return None
    gaten = [(b - a).days for a, b in zip(data, data[1:])]
    stap = median_low(gaten) if gaten else 28
    return data[-1] + timedelta(days=max(1, stap))


def controleer_bewaardatum(netwerk: Netwerk, datum: date) -> None:
    """LnFout unless `datum` is after the last meeting held: a planned meeting is for the
    network's future; what already happened is logged with `ln bijeenkomst`. Compares
    with the state's meetings only (never the clock)."""
    from lerend_netwerk.datum import datum_tekst

    laatste = netwerk.laatste_bijeenkomst
    if laatste is None or datum > laatste.datum:
        return
    voorstel = volgende_datum(netwerk)
    raise LnFout(
        f"--bewaar zet de agenda als geplande bijeenkomst in het statusbestand, maar {datum_tekst(datum)} is niet "
        f"na de laatst gehouden bijeenkomst ({datum_tekst(laatste.datum)}).",
        advies=(
            f"plan vooruit met een datum na {datum_tekst(laatste.datum)}, zoals --datum {voorstel.isoformat()}. "
            "Is de bijeenkomst al geweest? Leg vast wat er gebeurde met 'ln bijeenkomst'."
        ),
    )
