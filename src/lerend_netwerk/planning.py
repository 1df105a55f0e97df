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

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.netwerk import Netwerk, PlanBijeenkomst, Planning

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.vakanties import Vakanties

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
    tot = datum_tekst(voorbij[-1].datum)
    if gehouden < len(voorbij):
        delen.append(f"{gehouden} van de {len(voorbij)} geplande bijeenkomsten tot {tot} gehouden")
    verwacht = voorbij[-1].fase
    if _fase_nummer(netwerk.fase) < _fase_nummer(verwacht):
        delen.append(f"volgens de planning sinds {tot} in de fase {verwacht.capitalize()}, nu nog in {netwerk.fase.capitalize()}")
    if not delen:
        return None
    return "Achter op de planning: " + "; ".join(delen) + "."


def _fase_nummer(fase: str) -> int:
    return FASE_IDS.index(fase) if fase in FASE_IDS else 0


# --- proposing the meetings ahead -----------------------------------------------------------

# Meetings per phase when the participants have not decided yet: our own starting point, not the
# Handreiking's (it leaves the number to the participants), changed per phase with --fase FASE=AANTAL.
STANDAARD_PER_FASE = {"verkenning": 2, "ontwikkeling": 4, "verdieping": 3, "inbedding": 2, "verankering": 2}
MINSTE_TUSSENRUIMTE = 7  # a meeting moved out of a holiday stays at least a week after the previous one
MAX_PER_FASE = 20
MAX_WEKEN = 26


@dataclass(frozen=True)
class Voorstel:
    """One proposed meeting: its date, phase and aims; `verschoven` when moved out of a holiday."""

    datum: date
    fase: str
    doelen: tuple[str, ...]
    verschoven_van: date | None = None
    vakantie: str | None = None


@dataclass(frozen=True)
class Plan:
    bijeenkomsten: tuple[Voorstel, ...]
    per_fase: dict[str, int]  # the numbers used, current phase first
    elke_dagen: int
    na_tot: dict[str, int]  # meetings per phase that no longer fit before --tot
    meldingen: tuple[str, ...] = ()

    def als_planning(self, gemaakt: date) -> Planning:
        return Planning(gemaakt, tuple(PlanBijeenkomst(v.datum, v.fase, v.doelen) for v in self.bijeenkomsten))


def lees_interval(tekst: str) -> int:
    """'6w', '6 weken', '1 week', '10d', '10 dagen' -> days. Zero, negative or absurd: an LnFout."""
    schoon = tekst.strip().lower().replace(" ", "")
    treffer = re.fullmatch(r"(-?\d+)(w|wk|week|weken|d|dag|dagen)?", schoon)
    if treffer is None:
        raise LnFout(f"'{tekst}' is geen tijdsduur die ik ken.", advies="schrijf het aantal weken als 6w (of 6 weken), of dagen als 10d.")
    aantal = int(treffer.group(1))
    dagen = aantal if (treffer.group(2) or "w").startswith("d") else aantal * 7
    if dagen <= 0:
        raise LnFout(f"elke {tekst.strip()} kan niet: de tijd tussen twee bijeenkomsten moet meer dan 0 zijn.",
                     advies="geef bijvoorbeeld --elke 6w (elke zes weken).")
    if dagen > MAX_WEKEN * 7:
        raise LnFout(f"elke {tekst.strip()} is langer dan een half jaar; zo houdt een netwerk geen vaart.",
                     advies=f"kies hoogstens {MAX_WEKEN} weken, bijvoorbeeld --elke 6w.")
    return dagen


def lees_per_fase(teksten: list[str]) -> dict[str, int]:
    """['ontwikkeling=3', '3=2'] -> {'ontwikkeling': 3, 'verdieping': 2}."""
    from lerend_netwerk.tekst import suggestie

    uit: dict[str, int] = {}
    for tekst in teksten:
        fase, is_, aantal = tekst.partition("=")
        fase = fase.strip().lower()
        if fase.isdigit() and 1 <= int(fase) <= len(FASE_IDS):
            fase = FASE_IDS[int(fase) - 1]
        if not is_ or fase not in FASE_IDS:
            raise LnFout(f"'{tekst}' kan ik niet lezen." + (suggestie(fase, FASE_IDS) if is_ else ""),
                         advies="schrijf --fase FASE=AANTAL, zoals --fase ontwikkeling=3 (fasen: " + ", ".join(FASE_IDS) + ").")
        if not aantal.strip().isdecimal() or int(aantal) > MAX_PER_FASE:
            raise LnFout(f"'{aantal.strip()}' bijeenkomsten in de fase {fase} kan niet.",
                         advies=f"geef een aantal van 0 tot {MAX_PER_FASE}, zoals --fase {fase}=3.")
        uit[fase] = int(aantal)
    return uit


def maak_planning(
    kb: Kennisbank,
    netwerk: Netwerk,
    vakanties: Vakanties,
    *,
    vandaag: date,
    elke_dagen: int = 42,
    van: date | None = None,
    tot: date | None = None,
    per_fase: dict[str, int] | None = None,
) -> Plan:
    """The meetings from the current phase to Verankering, `elke_dagen` apart, out of the holidays.

    The grid keeps its weekday: a date in a holiday moves to the first free
    weekday after it (no holiday, no meeting already in the state), and a
    moved date closer than a week to the previous meeting is dropped; the
    next date on the grid takes its place. Meetings after `tot` are not
    proposed but counted per phase.
    """
    if elke_dagen <= 0:
        raise LnFout("de tijd tussen twee bijeenkomsten moet meer dan 0 zijn.", advies="geef bijvoorbeeld --elke 6w.")
    if van is not None and van < vandaag:
        raise LnFout(f"de begindatum {datum_tekst(van)} ligt in het verleden.",
                     advies="geef een datum vanaf vandaag met --van, of laat --van weg (dan begint de planning na de laatste bijeenkomst).")
    if tot is not None and tot < vandaag:
        raise LnFout(f"de einddatum {datum_tekst(tot)} ligt in het verleden.", advies="geef een datum in de toekomst met --tot.")
    begin = van or _begin(netwerk, vandaag, elke_dagen)
    if tot is not None and tot < begin:
        raise LnFout(f"de einddatum {datum_tekst(tot)} ligt voor het begin van de planning ({datum_tekst(begin)}).",
                     advies="geef met --tot een latere datum, of met --van een eerder begin.")
    aantallen = _aantallen(kb, netwerk, per_fase or {})
    fasen = [f for f, n in aantallen.items() for _ in range(n)]
    doelen = _doelen_per_bijeenkomst(kb, netwerk, aantallen)
    bezet = {b.datum for b in netwerk.bijeenkomsten}
    geplaatst: list[Voorstel] = []
    na_tot: dict[str, int] = {}
    stap = 0
    for index, fase in enumerate(fasen):
        while True:
            rooster = begin + timedelta(days=stap * elke_dagen)
            stap += 1
            datum, vakantie = rooster, vakanties.in_vakantie(rooster)
            if vakantie is not None:
                datum = vakanties.eerste_vrije_dag_na(vakantie, bezet | {v.datum for v in geplaatst})
            vorige = geplaatst[-1].datum if geplaatst else None
            if vorige is None or datum >= vorige + timedelta(days=MINSTE_TUSSENRUIMTE):
                break
        if tot is not None and datum > tot:
            for rest in fasen[index:]:
                na_tot[rest] = na_tot.get(rest, 0) + 1
            break
        geplaatst.append(Voorstel(datum, fase, doelen[index], rooster if vakantie else None, vakantie.naam if vakantie else None))
    return Plan(tuple(geplaatst), aantallen, elke_dagen, na_tot, tuple(_meldingen(vakanties, geplaatst)))


def _begin(netwerk: Netwerk, vandaag: date, elke_dagen: int) -> date:
    """The next planned meeting; else one interval after the last one (but not within a week); else a week from now."""
    volgende = next((b.datum for b in netwerk.geplande_bijeenkomsten if b.datum >= vandaag), None)
    if volgende is not None:
        return volgende
    vroegst = vandaag + timedelta(days=7)
    laatste = netwerk.laatste_bijeenkomst
    return max(laatste.datum + timedelta(days=elke_dagen), vroegst) if laatste else vroegst


def _aantallen(kb: Kennisbank, netwerk: Netwerk, gekozen: dict[str, int]) -> dict[str, int]:
    """Meetings per phase from the current one on: the participants' numbers, else our starting point
    (for the current phase: one per aim still open, at most the starting point)."""
    from lerend_netwerk.voortgang import open_doelen

    huidig = FASE_IDS.index(netwerk.fase)
    uit = {}
    for fase in FASE_IDS[huidig:]:
        if fase in gekozen:
            uit[fase] = gekozen[fase]
        elif fase == netwerk.fase:
            uit[fase] = max(1, min(STANDAARD_PER_FASE[fase], len(open_doelen(kb, netwerk, fase))))
        else:
            uit[fase] = STANDAARD_PER_FASE[fase]
    return uit


def _doelen_per_bijeenkomst(kb: Kennisbank, netwerk: Netwerk, aantallen: dict[str, int]) -> list[tuple[str, ...]]:
    """The aims each meeting works on: a phase's aims (in the current phase the open ones) spread over its meetings in order."""
    from lerend_netwerk.voortgang import open_doelen

    uit: list[tuple[str, ...]] = []
    for fase, n in aantallen.items():
        if fase == netwerk.fase:
            ids = [s.doel.id for s in open_doelen(kb, netwerk, fase)] or [d.id for d in kb.fase(fase).doelen]
        else:
            ids = [d.id for d in kb.fase(fase).doelen]
        m = len(ids)
        for i in range(n):
            a = i * m // n
            b = max((i + 1) * m // n, a + 1)
            uit.append(tuple(ids[a:b]))
    return uit


def _meldingen(vakanties: Vakanties, geplaatst: list[Voorstel]) -> list[str]:
    meldingen = []
    if vakanties.voorbeeld:
        meldingen.append(
            f"De vakanties komen uit {vakanties.bron}: een voorbeeld (regio midden), niet nagekeken. "
            "Controleer de data op rijksoverheid.nl en geef je eigen lijst met --vakanties BESTAND."
        )
    if geplaatst and vakanties.tot is None:
        meldingen.append("Het vakantiebestand noemt geen vakanties; er is niet op vakanties gelet.")
    elif geplaatst and geplaatst[-1].datum > vakanties.tot:
        meldingen.append(f"Het vakantiebestand zegt niets over de tijd na {datum_tekst(vakanties.tot)}; "
                         "daar is niet op vakanties gelet.")
    return meldingen
