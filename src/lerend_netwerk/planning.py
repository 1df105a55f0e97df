"""The long-term plan: the meetings ahead until Verankering (`ln planning`), and whether a network keeps up with it.

Pure: dates, the knowledge base and the state come in, a plan or a sentence
goes out; no clock, no files. `maak_planning` proposes the dates; holidays
come from `vakanties.py`, the calendar file from `ical.py`, storing the plan
from `statusbestand/planningopslag.py`.

`planning_achterstand` is the one check every command uses (`ln start`,
`ln overzicht`, and `ln netwerk` when it lands) to say a network is behind its
own plan.
"""

from __future__ import annotations

from datetime import date, timedelta

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.netwerk import Netwerk

SPEELRUIMTE_DAGEN = 14  # a planned date counts as passed this long after it: a meeting moved a week is not "behind"


def planning_achterstand(netwerk: Netwerk, vandaag: date) -> str | None:
    """One Dutch sentence when the network is behind its stored plan, else None.

    Behind: fewer meetings held since the plan began than planned dates have
    passed (each with two weeks' grace), or a phase earlier than the plan
    foresaw for the last passed date.
    """
    plan = netwerk.planning
    if plan is None or not plan.bijeenkomsten:
        return None
    grens = vandaag - timedelta(days=SPEELRUIMTE_DAGEN)
    voorbij = [p for p in plan.bijeenkomsten if p.datum <= grens]
    if not voorbij:
        return None
    begin = plan.bijeenkomsten[0].datum - timedelta(days=SPEELRUIMTE_DAGEN)
    if plan.gemaakt is not None:
        begin = min(begin, plan.gemaakt)
    gehouden = sum(1 for b in netwerk.gehouden_bijeenkomsten if begin <= b.datum <= vandaag)
    delen = []
    if gehouden < len(voorbij):
        delen.append(
            f"volgens de planning waren er tot {datum_tekst(voorbij[-1].datum)} {len(voorbij)} "
            f"{_bijeenkomsten(len(voorbij))}, er {'is' if gehouden == 1 else 'zijn'} er {gehouden} gehouden"
        )
    verwacht = voorbij[-1].fase
    if _fase_nummer(netwerk.fase) < _fase_nummer(verwacht):
        delen.append(
            f"volgens de planning zou het netwerk sinds {datum_tekst(voorbij[-1].datum)} in de fase "
            f"{verwacht.capitalize()} zijn, het is in {netwerk.fase.capitalize()}"
        )
    if not delen:
        return None
    return "Achter op de planning: " + "; ".join(delen) + ". Pas de planning aan met 'ln planning'."


def _bijeenkomsten(aantal: int) -> str:
    return "bijeenkomst" if aantal == 1 else "bijeenkomsten"


def _fase_nummer(fase: str) -> int:
    return FASE_IDS.index(fase) if fase in FASE_IDS else 0
