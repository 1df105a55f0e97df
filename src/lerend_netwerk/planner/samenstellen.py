"""The agenda itself: opening, the chosen work forms, a break, closing, on the clock; and the lists around it."""

from __future__ import annotations

from itertools import accumulate

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.kennisbank import FASE_IDS, Fase, Kennisbank, Werkvorm
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.planner.afspraken import Afspraak
from lerend_netwerk.planner.geschiedenis import vorige_bijeenkomst
from lerend_netwerk.planner.groep import (
    afwezig_melding,
    doel_van_bijeenkomst,
    opkomst_melding,
    randvoorwaarde_meldingen,
)
from lerend_netwerk.planner.kandidaten import Keuze, gebruikte_werkvormen
from lerend_netwerk.planner.model import Agenda, AgendaOpties, Onderdeel
from lerend_netwerk.planner.rollen import verdeel_rollen
from lerend_netwerk.planner.tijd import MAALTIJD, PAUZE, heeft_maaltijd, heeft_pauze, tijd, verdeel

_NOG_GEEN_TIJD = ""  # items get their clock time once they are all in place

_PAUZE = Onderdeel(
    _NOG_GEEN_TIJD, PAUZE, "Pauze", None, None,
    "De bijeenkomst duurt langer dan twee uur: even bijkomen.", "pauze",
    "Koffie, thee en even bijpraten.",
)
_MAALTIJD = Onderdeel(
    _NOG_GEEN_TIJD, MAALTIJD, "Pauze met maaltijd", None, None,
    "Een lange middag of avond: samen eten geeft energie voor het tweede deel (eigen uitwerking).", "pauze",
    "Samen eten en even bijpraten.",
)


AVOND = 17 * 60  # an evening meeting of three and a half hours or more starts with the meal
_MAALTIJD_EERST = Onderdeel(
    _NOG_GEEN_TIJD, MAALTIJD, "Inloop met maaltijd", None, None,
    "Een lange avond: wie direct uit het werk komt, eet eerst samen (eigen uitwerking).", "pauze",
    "We beginnen met samen eten.",
)


def maaltijd_vooraf(duur: int, start: int) -> bool:
    """A long evening (from 17:00, three and a half hours or more) starts with a meal."""
    return heeft_maaltijd(duur) and start >= AVOND


def met_maaltijd_vooraf(agenda: Agenda, duur: int, start: int) -> Agenda:
    """The agenda planned for the time after the meal, with the meal in front of it."""
    return agenda._replace(
        duur=duur,
        start=tijd(start),
        onderdelen=_op_de_klok([_MAALTIJD_EERST, *agenda.onderdelen], start),
        materialen=(*agenda.materialen, "eten en drinken voor de maaltijd"),
    )


def bron_in_fase(w: Werkvorm, fase_id: str, doel: str | None = None) -> str | None:
    """The reference the Handreiking prints where it names the work form for this aim in this phase;
    else at its first place in this phase; else at its first place at all (never several joined)."""
    hier = [v for v in w.vermeldingen if v.fase == fase_id and v.bron]
    bij_doel = [v for v in hier if v.doel == doel]
    gekozen = bij_doel or hier or [v for v in w.vermeldingen if v.bron]
    return gekozen[0].bron if gekozen else None


def stel_samen(kb: Kennisbank, netwerk: Netwerk, fase: Fase, opties: AgendaOpties, gekozen: list[Keuze], *,
               start: int, start_bron: str, seed: int, meldingen: list[str], afspraken: list[Afspraak] = (),
               volgende=None, plaats: str | None = None) -> Agenda:
    """The agenda of the chosen work forms, in this order, with the time handed out."""
    duur = opties.duur
    gekozen = _pauze_in_het_midden(gekozen, duur)
    werkvormen = [k.werkvorm for k in gekozen]
    opening_min, minuten, afsluiting_min = verdeel(werkvormen, duur)
    vorige = vorige_bijeenkomst(netwerk)
    gebruikt = gebruikte_werkvormen(netwerk)
    dagboek = _leerdagboek(kb, fase.id, opties.zonder, werkvormen)
    dagboek_bekend = dagboek is not None and dagboek.id in gebruikt
    onderdelen = [
        _opening(netwerk, vorige, opening_min, afspraken),
        *(_werkvorm(kb, k, m, fase.id, gebruikt) for k, m in zip(gekozen, minuten)),
        _afsluiting(dagboek, dagboek_bekend, fase.id, afsluiting_min),
    ]
    if heeft_pauze(duur):
        pauze = _MAALTIJD if heeft_maaltijd(duur) else _PAUZE
        onderdelen.insert(_pauze_plek(onderdelen, len(werkvormen)), pauze)
    over = duur - sum(o.duur for o in onderdelen)
    inhoud = [k for k in gekozen if not k.proces and k.afspraak is None] or [k for k in gekozen if k.afspraak is None]
    rollen = verdeel_rollen(kb, netwerk, fase.id, inhoud[0].werkvorm.naam if inhoud else None)
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
        materialen=tuple(dict.fromkeys(_materialen(kb, werkvormen, gebruikt, dagboek, dagboek_bekend, duur))),
        voorbereiding=tuple(dict.fromkeys(
            _voorbereiding(kb, werkvormen, gebruikt, vorige, dagboek, dagboek_bekend, afspraken)
        )),
        meldingen=tuple(dict.fromkeys(_meldingen(kb, netwerk, fase.id, meldingen, gekozen, vorige, over, afspraken))),
        doel=doel_van_bijeenkomst(kb, netwerk, fase.id, [k.doel for k in inhoud if k.doel]),
        thema=netwerk.thema.speerpunt,
        gezamenlijk_leerdoel=netwerk.thema.gezamenlijk_leerdoel,
        kartrekker=netwerk.kartrekker,
        rollen=rollen,
        neem_mee=tuple(dict.fromkeys(_neem_mee(kb, gekozen, gebruikt, dagboek_bekend, afspraken))),
        afspraken=tuple(a.tekst for a in afspraken if not a.prive),
        plaats=plaats,
        volgende=volgende,
        gebruikt=tuple(dict.fromkeys([*(w.id for w in werkvormen if w.id in kb.werkvormen),
                                      *([dagboek.id] if dagboek else [])])),
    )


def _opening(netwerk: Netwerk, vorige: Bijeenkomst | None, minuten: int, afspraken: list[Afspraak]) -> Onderdeel:
    samen = [a for a in afspraken if not a.prive]  # the kartrekker's own tasks stay off the handout
    if samen:
        teksten = "; ".join(f"“{a.tekst}”" for a in samen)
        return Onderdeel(
            _NOG_GEEN_TIJD, minuten, "Opening: welkom en terugblik", None, None,
            f"Terugblik op wat jullie op {datum_tekst(samen[0].datum)} afspraken: {teksten}. Wat is ermee gebeurd?",
            "opening",
            f"Welkom. Vorige keer spraken we af: {teksten}. Hoe staat het daarmee?",
        )
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


def _werkvorm(kb: Kennisbank, k: Keuze, minuten: int, fase_id: str, gebruikt: dict) -> Onderdeel:
    """A work form as an item; one the network already uses comes back with its later purpose (planner.yaml)."""
    w = k.werkvorm
    if k.afspraak is not None:
        return Onderdeel(_NOG_GEEN_TIJD, minuten, w.naam, None, None, k.volledig_waarom, "afspraak",
                         w.uitwerking.uitnodiging)
    bron = bron_in_fase(w, fase_id, k.doel)
    later = kb.planregels.al_in_gebruik.get(w.id)
    if later is not None and w.id in gebruikt:
        kop = next((v.kop for v in w.vermeldingen if v.fase == fase_id), w.naam)
        waarom = (
            f"Jullie gebruiken '{w.naam}' al sinds {datum_tekst(gebruikt[w.id])}; hier gaat het om "
            f"'{kop}' in deze fase: {later.uitleg}"
        )
        if k.afgesproken or k.gekozen:
            waarom = f"{k.volledig_waarom} {waarom}"
        return Onderdeel(_NOG_GEEN_TIJD, minuten, later.titel, w.id, bron, waarom, "werkvorm", later.uitleg)
    return Onderdeel(_NOG_GEEN_TIJD, minuten, w.naam, w.id, bron, k.volledig_waarom, "werkvorm",
                     w.uitwerking.uitnodiging or w.beschrijving)


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


def _afsluiting(dagboek: Werkvorm | None, bekend: bool, fase_id: str, minuten: int) -> Onderdeel:
    """Reflection in the learning diary from Ontwikkeling on (introduced the first time), else a round;
    then agreements for next time."""
    if dagboek is not None:
        begin = "" if bekend else "Vandaag begint ieder een eigen leerdagboek. "
        return Onderdeel(
            _NOG_GEEN_TIJD, minuten, "Afsluiting: leerdagboek en afspraken", None, bron_in_fase(dagboek, fase_id),
            begin + "Reflectie: ieder schrijft kort in het leerdagboek wat hij of zij meeneemt. "
            "Dan de afspraken voor de volgende keer: wat, wie, wanneer.",
            "afsluiting",
            begin + "Schrijf in je leerdagboek wat je vandaag meeneemt; "
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
        # a tie goes to the later boundary: more of the work before the break, while people are fresh
        return abs(sum(o.duur for o in onderdelen[:grens]) - midden), -grens

    return min(grenzen, key=afstand_tot_midden)


def _op_de_klok(onderdelen: list[Onderdeel], start: int) -> tuple[Onderdeel, ...]:
    begintijden = accumulate((o.duur for o in onderdelen), initial=start)
    return tuple(o._replace(start=tijd(begin)) for o, begin in zip(onderdelen, begintijden))


def _al_bekend(kb: Kennisbank, w: Werkvorm, gebruikt: dict) -> bool:
    """A work form the network already uses, coming back with its later purpose: nothing new to hand out."""
    return w.id in gebruikt and w.id in kb.planregels.al_in_gebruik


def _materialen(kb: Kennisbank, werkvormen: list[Werkvorm], gebruikt: dict, dagboek: Werkvorm | None,
                dagboek_bekend: bool, duur: int) -> list[str]:
    materialen = [m for w in werkvormen if not _al_bekend(kb, w, gebruikt) for m in w.uitwerking.materialen]
    if dagboek is not None and not dagboek_bekend:
        materialen.extend(dagboek.uitwerking.materialen or ("leerdagboeken",))
    if heeft_maaltijd(duur):
        materialen.append("eten en drinken voor de maaltijd")
    elif heeft_pauze(duur):
        materialen.append("koffie, thee en iets lekkers voor de pauze")
    return materialen


def _voorbereiding(kb: Kennisbank, werkvormen: list[Werkvorm], gebruikt: dict, vorige: Bijeenkomst | None,
                   dagboek: Werkvorm | None, dagboek_bekend: bool, afspraken: list[Afspraak]) -> list[str]:
    terugblik = (
        [f"Zet de afspraken van de bijeenkomst van {datum_tekst(vorige.datum)} op een rij voor de terugblik."]
        if vorige is not None else []
    )
    nieuw_dagboek = list(dagboek.uitwerking.voorbereiding) if dagboek is not None and not dagboek_bekend else []
    taken = [f"Afgesproken op {datum_tekst(a.datum)}: “{a.tekst}”. Vraag na of het gebeurd is."
             for a in afspraken if a.taak]
    eigen = [v for w in werkvormen if not _al_bekend(kb, w, gebruikt) for v in w.uitwerking.voorbereiding]
    return terugblik + taken + eigen + nieuw_dagboek


def _neem_mee(kb: Kennisbank, gekozen: list[Keuze], gebruikt: dict, dagboek_bekend: bool,
              afspraken: list[Afspraak]) -> list[str]:
    """What participants bring: their diary once they have one, and what was agreed to bring."""
    mee = []
    for k in gekozen:
        later = kb.planregels.al_in_gebruik.get(k.werkvorm.id)
        if later is not None and later.neem_mee and k.werkvorm.id in gebruikt:
            mee.append(later.neem_mee)
    if dagboek_bekend:
        mee.append(kb.planregels.al_in_gebruik["leerdagboek"].neem_mee or "je leerdagboek")
    mee += [a.tekst for a in afspraken if a.meenemen and not a.prive]
    return mee


def _pauze_in_het_midden(gekozen: list[Keuze], duur: int) -> list[Keuze]:
    """With a break, the order of the work forms (agreed and priorities kept first) whose boundary lies
    nearest the middle; ties keep the Handreiking's order."""
    from itertools import permutations

    if not heeft_pauze(duur) or len(gekozen) < 2 or len(gekozen) > 5:
        return gekozen
    werkvormen = [k.werkvorm for k in gekozen]
    opening, minuten, _ = verdeel(werkvormen, duur)
    lengte = dict(zip((w.id for w in werkvormen), minuten))
    vast = [k for k in gekozen if k.afgesproken or k.voorrang or k.gekozen]
    rest = [k for k in gekozen if k not in vast]
    midden = duur / 2

    def afstand(volgorde: tuple[Keuze, ...]) -> float:
        tot, beste = opening, float("inf")
        for k in volgorde[:-1]:
            tot += lengte[k.werkvorm.id]
            beste = min(beste, abs(tot - midden))
        return beste

    opties = [tuple(vast) + p for p in permutations(rest)]
    beste = min(opties, key=lambda volgorde: (round(afstand(volgorde) / 10), opties.index(volgorde)))
    return list(beste)


def _meldingen(kb: Kennisbank, netwerk: Netwerk, fase_id: str, meldingen: list[str], gekozen: list[Keuze],
               vorige: Bijeenkomst | None, over: int, afspraken: list[Afspraak]) -> list[str]:
    """The planner's notes, those of the chosen candidates, a planned meeting first and spare minutes last."""
    groep = [
        *(f"Jouw eigen afspraak van {datum_tekst(a.datum)}: “{a.tekst}”. Gedaan?" for a in afspraken if a.prive),
        *randvoorwaarde_meldingen(kb, netwerk, fase_id),
        *(m for m in (opkomst_melding(kb, netwerk), afwezig_melding(netwerk)) if m),
    ]
    al_gepland = (
        [f"Er staat al een geplande bijeenkomst op {datum_tekst(vorige.datum)}; deze agenda is voor de "
         "bijeenkomst daarna. Is die geplande bijeenkomst geweest? Leg hem vast met 'ln bijeenkomst'."]
        if vorige is not None and not vorige.gehouden else []
    )
    uitlopen = [f"Er blijft {over} minuten over: ruimte om uit te lopen."] if over > 0 else []
    return [*al_gepland, *groep, *meldingen, *(k.melding for k in gekozen if k.melding), *uitlopen]
