"""The agenda itself: opening, the chosen work forms, a break, closing, on the clock; and the lists around it."""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate

from lerend_netwerk.kennisbank import FASE_IDS, Fase, Kennisbank, Werkvorm
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.planner.geschiedenis import vorige_bijeenkomst
from lerend_netwerk.planner.kandidaten import Keuze
from lerend_netwerk.planner.model import Agenda, AgendaOpties, Onderdeel
from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.planner.tijd import PAUZE, heeft_pauze, tijd, verdeel

_NOG_GEEN_TIJD = ""  # items get their clock time once they are all in place

_PAUZE = Onderdeel(
    _NOG_GEEN_TIJD, PAUZE, "Pauze", None, None,
    "De bijeenkomst duurt langer dan twee uur: even bijkomen.", "pauze",
    "Koffie, thee en even bijpraten.",
)


def bron_in_fase(w: Werkvorm, fase_id: str) -> str | None:
    """The reference where the Handreiking names the work form in this phase; else all of them."""
    hier = dict.fromkeys(v.bron for v in w.vermeldingen if v.fase == fase_id and v.bron)
    return "; ".join(hier) or w.bron


def stel_samen(kb: Kennisbank, netwerk: Netwerk, fase: Fase, opties: AgendaOpties, gekozen: list[Keuze], *,
               start: int, start_bron: str, seed: int, meldingen: list[str]) -> Agenda:
    """The agenda of the chosen work forms, in this order, with the time handed out."""
    duur = opties.duur
    werkvormen = [k.werkvorm for k in gekozen]
    opening_min, minuten, afsluiting_min = verdeel(werkvormen, duur)
    vorige = vorige_bijeenkomst(netwerk)
    dagboek = _leerdagboek(kb, fase.id, opties.zonder, werkvormen)
    onderdelen = [
        _opening(netwerk, vorige, opening_min),
        *(_werkvorm(k, m, fase.id) for k, m in zip(gekozen, minuten)),
        _afsluiting(dagboek, fase.id, afsluiting_min),
    ]
    if heeft_pauze(duur):
        onderdelen.insert(_pauze_plek(onderdelen, len(werkvormen)), _PAUZE)
    over = duur - sum(o.duur for o in onderdelen)
    return Agenda(
        netwerk=netwerk.naam,
        fase=fase.id,
        fase_naam=fase.naam,
        duur=duur,
        start=tijd(start),
        eind=tijd(start + duur),
        start_bron=start_bron,
        datum=opties.datum,
        seed=seed,
        onderdelen=_op_de_klok(onderdelen, start),
        materialen=tuple(dict.fromkeys(_materialen(werkvormen, dagboek, duur))),
        voorbereiding=tuple(dict.fromkeys(_voorbereiding(werkvormen, vorige))),
        meldingen=tuple(dict.fromkeys(_meldingen(meldingen, gekozen, vorige, over))),
    )


def _opening(netwerk: Netwerk, vorige: Bijeenkomst | None, minuten: int) -> Onderdeel:
    if vorige is None:
        return Onderdeel(
            _NOG_GEEN_TIJD, minuten, "Opening: welkom en doel van vandaag", None, None,
            f"De eerste bijeenkomst van {netwerk.naam}: waar is het netwerk voor, en wat moet vandaag opleveren?",
            "opening",
            "Welkom: wie is er, wat gaan we vandaag doen en waarom?",
        )
    status = " (de geplande bijeenkomst)" if not vorige.gehouden else ""
    return Onderdeel(
        _NOG_GEEN_TIJD, minuten, "Opening: welkom en terugblik", None, None,
        f"Terugblik op de afspraken van {datum_tekst(vorige.datum)}{status}: wat is ermee gebeurd?",
        "opening",
        "Welkom, terugblik op de afspraken van de vorige keer en het programma van vandaag.",
    )


def _werkvorm(k: Keuze, minuten: int, fase_id: str) -> Onderdeel:
    w = k.werkvorm
    return Onderdeel(_NOG_GEEN_TIJD, minuten, w.naam, w.id, bron_in_fase(w, fase_id), k.volledig_waarom, "werkvorm",
                     w.beschrijving)


def _leerdagboek(kb: Kennisbank, fase_id: str, zonder: tuple[str, ...], werkvormen: list[Werkvorm]) -> Werkvorm | None:
    """The learning diary for the closing: from Ontwikkeling on, unless it is excluded or itself on the agenda."""
    dagboek = kb.werkvormen.get("leerdagboek")
    if (
        dagboek is None
        or FASE_IDS.index(fase_id) < FASE_IDS.index("ontwikkeling")
        or "leerdagboek" in zonder
        or "leerdagboek" in [w.id for w in werkvormen]
    ):
        return None
    return dagboek


def _afsluiting(dagboek: Werkvorm | None, fase_id: str, minuten: int) -> Onderdeel:
    """Reflection in the learning diary once the network has one, else a round; then agreements for next time."""
    if dagboek is not None:
        return Onderdeel(
            _NOG_GEEN_TIJD, minuten, "Afsluiting: leerdagboek en afspraken", None, bron_in_fase(dagboek, fase_id),
            "Reflectie: ieder schrijft kort in het leerdagboek wat hij of zij meeneemt. "
            "Dan de afspraken voor de volgende keer: wat, wie, wanneer.",
            "afsluiting",
            "Schrijf in je leerdagboek wat je vandaag meeneemt; "
            "daarna spreken we af wie wat doet voor de volgende keer.",
        )
    return Onderdeel(
        _NOG_GEEN_TIJD, minuten, "Afsluiting: reflectie en afspraken", None, None,
        "Rondje: wat neem je mee van vandaag? Dan de afspraken voor de volgende keer: wat, wie, wanneer.",
        "afsluiting",
        "Een rondje: wat neem je mee van vandaag? Daarna spreken we af wie wat doet voor de volgende keer.",
    )


def _pauze_plek(onderdelen: list[Onderdeel], aantal_werkvormen: int) -> int:
    """The boundary nearest the middle: between two work forms if there are two, else before the closing."""
    grenzen = list(range(2, len(onderdelen) - 1)) if aantal_werkvormen >= 2 else [len(onderdelen) - 1]
    midden = sum(o.duur for o in onderdelen) / 2

    def afstand_tot_midden(grens: int) -> tuple[float, int]:
        return abs(sum(o.duur for o in onderdelen[:grens]) - midden), grens

    return min(grenzen, key=afstand_tot_midden)


def _op_de_klok(onderdelen: list[Onderdeel], start: int) -> tuple[Onderdeel, ...]:
    begintijden = accumulate((o.duur for o in onderdelen), initial=start)
    return tuple(replace(o, start=tijd(begin)) for o, begin in zip(onderdelen, begintijden))


def _materialen(werkvormen: list[Werkvorm], dagboek: Werkvorm | None, duur: int) -> list[str]:
    materialen = [m for w in werkvormen for m in w.uitwerking.materialen]
    if dagboek is not None:
        materialen.extend(dagboek.uitwerking.materialen or ("leerdagboeken",))
    if heeft_pauze(duur):
        materialen.append("koffie, thee en iets lekkers voor de pauze")
    return materialen


def _voorbereiding(werkvormen: list[Werkvorm], vorige: Bijeenkomst | None) -> list[str]:
    terugblik = (
        [f"Zet de afspraken van de bijeenkomst van {datum_tekst(vorige.datum)} op een rij voor de terugblik."]
        if vorige is not None else []
    )
    return terugblik + [v for w in werkvormen for v in w.uitwerking.voorbereiding]


def _meldingen(meldingen: list[str], gekozen: list[Keuze], vorige: Bijeenkomst | None, over: int) -> list[str]:
    """The planner's notes, those of the chosen candidates, a planned meeting first and spare minutes last."""
    al_gepland = (
        [f"Er staat al een geplande bijeenkomst op {datum_tekst(vorige.datum)}; deze agenda is voor de "
         "bijeenkomst daarna. Is die geplande bijeenkomst geweest? Leg hem vast met 'ln bijeenkomst'."]
        if vorige is not None and not vorige.gehouden else []
    )
    uitlopen = [f"Er blijft {over} minuten over: ruimte om uit te lopen."] if over > 0 else []
    return [*al_gepland, *meldingen, *(k.melding for k in gekozen if k.melding), *uitlopen]
