"""Time: reading and printing clock times and dates, and the meeting's time budget.

The budget's figures are the planner's own defaults, not the Handreiking's
(see docs/planner.md): how long the opening, closing and break are, and how
the minutes of a meeting are handed out over its items.
"""

from __future__ import annotations

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import Werkvorm

STANDAARD_DUUR = 90
MAXIMALE_DUUR = 240  # longer is a study day: plan two meetings
STANDAARD_START = "15:30"  # after the children have gone home; the state's `starttijd` wins
PAUZE_VANAF = 121  # "over two hours": a meeting of 121 minutes or more gets a break
PAUZE = 15
MAALTIJD_VANAF = 211  # an afternoon or evening of more than three and a half hours: a break to eat together
MAALTIJD = 30
# (minimum, usual, maximum) minutes, indexed with these three; a work form's `duur` is (minimum, maximum)
OPENING = (5, 10, 15)
AFSLUITING = (10, 15, 20)
MINIMUM, GEWOON, MAXIMUM = 0, 1, 2

def lees_tijd(tekst: str) -> int:
    """'19:30' (or '19.30', '9:05') -> minutes after midnight; LnFout otherwise (the one reader: klok.py)."""
    from lerend_netwerk import klok

    gelezen = klok.minuten(tekst)
    if gelezen is not None:
        return gelezen
    raise LnFout(
        f"'{tekst}' is geen tijd.",
        advies="schrijf de begintijd als UU:MM, met uren 0-23 en minuten 0-59, bijvoorbeeld --start 19:30.",
    )


def tijd(minuten: int) -> str:
    """Minutes after midnight -> 'HH:MM'."""
    return f"{minuten // 60:02d}:{minuten % 60:02d}"


def heeft_pauze(duur: int) -> bool:
    return duur >= PAUZE_VANAF


def heeft_maaltijd(duur: int) -> bool:
    return duur >= MAALTIJD_VANAF


def pauze_minuten(duur: int) -> int:
    if heeft_maaltijd(duur):
        return MAALTIJD
    return PAUZE if heeft_pauze(duur) else 0


def vaste_minuten(duur: int, lengte: int) -> int:
    """Opening, closing and (if any) break together, at MINIMUM, GEWOON or MAXIMUM length."""
    return OPENING[lengte] + AFSLUITING[lengte] + pauze_minuten(duur)


def gewone_duur(w: Werkvorm) -> int:
    """A comfortable length inside the range: halfway, rounded down to 5 minutes."""
    laag, hoog = w.duur
    return laag + ((hoog - laag) // 2) // 5 * 5


def verdeel(werkvormen: list[Werkvorm], duur: int) -> tuple[int, list[int], int]:
    """Minutes for opening, each work form and closing.

    All start at their minimum; the rest of the time is handed out in rounds of
    five minutes: opening and closing to their usual length, the work forms to a
    comfortable length, the work forms to their maximum, then closing and opening
    to theirs. What cannot be placed stays over (and the agenda says so).
    """
    minuten = [OPENING[MINIMUM], *(w.duur[0] for w in werkvormen), AFSLUITING[MINIMUM]]
    over = duur - vaste_minuten(duur, MINIMUM) - sum(minuten[1:-1])

    def verhoog(plekken: list[int], doelen: list[int]) -> None:
        nonlocal over
        while over > 0:
            erbij_totaal = 0
            for plek, doel in zip(plekken, doelen):
                erbij = max(0, min(5, over, doel - minuten[plek]))
                minuten[plek] += erbij
                over -= erbij
                erbij_totaal += erbij
            if erbij_totaal == 0:
                return

    laatste = len(minuten) - 1
    wv = list(range(1, laatste))
    verhoog([0, laatste], [OPENING[GEWOON], AFSLUITING[GEWOON]])
    verhoog(wv, [gewone_duur(w) for w in werkvormen])
    verhoog(wv, [w.duur[1] for w in werkvormen])
    verhoog([laatste, 0], [AFSLUITING[MAXIMUM], OPENING[MAXIMUM]])
    return minuten[0], minuten[1:-1], minuten[-1]
