"""Which candidates go in: as many as the time needs, in the Handreiking's order; and `--wissel`."""

from __future__ import annotations

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS, Kennisbank
from lerend_netwerk.planner.kandidaten import Keuze
from lerend_netwerk.planner.model import Onderdeel
from lerend_netwerk.planner.tijd import GEWOON, MAXIMUM, MINIMUM, gewone_duur, vaste_minuten

_SOORT_NAAM = {"opening": "de opening", "pauze": "de pauze", "afsluiting": "de afsluiting", "werkvorm": "een werkvorm",
               "afspraak": "een afspraak van de vorige keer"}


def kies(kandidaten: list[Keuze], gekozen: list[Keuze], duur: int, uitgesloten: set[str],
         hoogstens_proces: int = 1) -> list[Keuze]:
    """Add candidates, best first, to those already chosen until the time is used without cramming;
    at most `hoogstens_proces` process work forms unless forced or agreed, so most time goes to the theme."""
    gekozen = list(gekozen)
    ids = {k.werkvorm.id for k in gekozen} | uitgesloten
    for k in kandidaten:
        te_veel_proces = (
            k.proces and not (k.gekozen or k.afgesproken)
            and sum(g.proces for g in gekozen) >= hoogstens_proces
        )
        if k.werkvorm.id not in ids and not te_veel_proces and _hoort_erbij(k, gekozen, duur):
            gekozen.append(k)
            ids.add(k.werkvorm.id)
    return gekozen


def _hoort_erbij(k: Keuze, gekozen: list[Keuze], duur: int) -> bool:
    """A candidate goes in when it fits at its minimum and either it is one of the
    Handreiking's priorities, or the agenda cannot fill the time yet (even with
    everything at its maximum), or it still fits at a comfortable length.
    Stopgaps (recently done, other phases) only when the time cannot be filled."""
    werkvormen = [g.werkvorm for g in gekozen]
    w = k.werkvorm
    if vaste_minuten(duur, MINIMUM) + sum(x.duur[0] for x in werkvormen) + w.duur[0] > duur:
        return False
    nog_niet_te_vullen = vaste_minuten(duur, MAXIMUM) + sum(x.duur[1] for x in werkvormen) < duur
    past_ruim = vaste_minuten(duur, GEWOON) + sum(map(gewone_duur, werkvormen)) + gewone_duur(w) <= duur
    ruimte_voor_meer = len(gekozen) < hoogstens_onderdelen(duur)
    return nog_niet_te_vullen or not gekozen or k.voorrang or (past_ruim and ruimte_voor_meer and k.melding is None)


MINUTEN_PER_ONDERDEEL = 45  # a longer meeting gives more time per item, not more items (our own rule)


def hoogstens_onderdelen(duur: int) -> int:
    """How many items a meeting takes before it gets hurried: one per 45 minutes of content, at least two;
    more only when the chosen ones cannot fill the time even at their longest."""
    return max(2, (duur - vaste_minuten(duur, GEWOON)) // MINUTEN_PER_ONDERDEEL)


def volgorde(kb: Kennisbank, fase_id: str):
    """Sort key for the chosen work forms: what was agreed, then priorities, then where the Handreiking names them."""
    doel_plek = {d.id: i for i, d in enumerate(d for f in kb.fasen for d in f.doelen)}
    wv_plek = {wid: i for i, wid in enumerate(kb.werkvormen)}

    def sleutel(k: Keuze) -> tuple[int, int, int, int]:
        w = k.werkvorm
        hier = [v for v in w.vermeldingen if v.fase == fase_id] or list(w.vermeldingen)
        fase_plek = FASE_IDS.index(hier[0].fase) if hier else len(FASE_IDS)
        doel = min((doel_plek.get(v.doel, 99) for v in hier), default=99)
        return (0 if k.afgesproken else 1 if k.voorrang else 2, fase_plek, doel, wv_plek.get(w.id, 999))

    return sleutel


def voorrang_past_niet(kandidaten: list[Keuze], gekozen: list[Keuze], duur: int) -> list[str]:
    """A priority that does not fit the time is said out loud."""
    return [
        f"'{k.werkvorm.naam}' ({k.werkvorm.duur[0]}–{k.werkvorm.duur[1]} min) is nu aan de beurt, maar past er in "
        f"{duur} minuten niet bij. Plan er een langere bijeenkomst voor (--duur)."
        for k in kandidaten
        if k.voorrang and k not in gekozen
    ]


def wissel(kandidaten: list[Keuze], gekozen: list[Keuze], onderdelen: tuple[Onderdeel, ...],
           nummers: tuple[int, ...], duur: int, hoogstens_proces: int = 1) -> tuple[list[Keuze], set[str]]:
    """Swap the items `nummers` of the agenda without swaps (`onderdelen`), each in its place,
    for the first candidate for the same aim that fits the freed time, else the first that fits.
    Returns the new choice and the ids swapped out."""
    gekozen = list(gekozen)
    weg: set[str] = set()
    for nummer in dict.fromkeys(nummers):
        plek = _plek_om_te_wisselen(nummer, onderdelen, gekozen)
        oud = gekozen[plek]
        weg.add(oud.werkvorm.id)
        nieuw = _vervanger(kandidaten, gekozen, plek, weg, duur)
        if nieuw is None:
            raise LnFout(
                f"Er is geen andere werkvorm die in de plaats van onderdeel {nummer} ({oud.werkvorm.naam}) past.",
                advies="kies er zelf een met --werkvorm ID, of maak de bijeenkomst langer met --duur.",
            )
        gekozen[plek] = nieuw._replace(toevoeging=f" In plaats van '{oud.werkvorm.naam}' (--wissel {nummer}).")
    # the swap may have freed or taken time: fill up again, keeping positions
    return kies(kandidaten, gekozen, duur, weg, hoogstens_proces), weg


def _plek_om_te_wisselen(nummer: int, onderdelen: tuple[Onderdeel, ...], gekozen: list[Keuze]) -> int:
    """Where item `nummer` stands among the chosen work forms; LnFout if it cannot be swapped."""
    if not 1 <= nummer <= len(onderdelen):
        raise _niet_wisselbaar(f"Onderdeel {nummer} bestaat niet; de agenda heeft {len(onderdelen)} onderdelen.",
                               onderdelen)
    onderdeel = onderdelen[nummer - 1]
    if onderdeel.werkvorm is None:
        raise _niet_wisselbaar(
            f"Onderdeel {nummer} is {_SOORT_NAAM[onderdeel.soort]}; alleen werkvormen kun je wisselen.", onderdelen
        )
    plek = next(i for i, k in enumerate(gekozen) if k.werkvorm.id == onderdeel.werkvorm)
    if gekozen[plek].gekozen:
        raise LnFout(
            f"Onderdeel {nummer} ({gekozen[plek].werkvorm.naam}) heb je zelf gekozen met --werkvorm.",
            advies="laat die --werkvorm weg, of wissel een ander onderdeel.",
        )
    return plek


def _niet_wisselbaar(bericht: str, onderdelen: tuple[Onderdeel, ...]) -> LnFout:
    nummers = [str(i) for i, o in enumerate(onderdelen, 1) if o.werkvorm]
    return LnFout(bericht, advies="wissel een werkvorm: " + (", ".join(nummers) or "er staat geen werkvorm in") + ".")


def _vervanger(kandidaten: list[Keuze], gekozen: list[Keuze], plek: int, weg: set[str], duur: int) -> Keuze | None:
    """The first candidate for the same aim as gekozen[plek] that fits its place, else the first that fits;
    a stopgap (done lately, another phase) only when nothing new fits, as when choosing."""
    overige = [k for i, k in enumerate(gekozen) if i != plek]
    ruimte = duur - vaste_minuten(duur, MINIMUM) - sum(k.werkvorm.duur[0] for k in overige)
    bezet = {k.werkvorm.id for k in gekozen} | weg
    zelfde_doel = set(gekozen[plek].werkvorm.doelen)
    voorkeur = sorted(
        kandidaten, key=lambda k: (k.melding is not None, not (set(k.werkvorm.doelen) & zelfde_doel))
    )
    return next((k for k in voorkeur if k.werkvorm.id not in bezet and k.werkvorm.duur[0] <= ruimte), None)
