"""Which work forms are candidates for the agenda, in what order, and why.

The ranking (docs/planner.md, "What goes in"): forced work forms, the
Handreiking's explicit priorities, the phase's open aims round-robin, the
phase's other work forms, what was done recently, neighbouring phases.
What was done recently comes back with a reason that is true for the agenda it
ends up on (`zeg_waarom_terug`): the library is used up, or the unused work
forms do not fit in the time.
"""

from __future__ import annotations

import random
from datetime import date
from itertools import zip_longest
from typing import NamedTuple

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.kennisbank import FASE_IDS, Fase, Kennisbank, Werkvorm
from lerend_netwerk.netwerk import Netwerk
from lerend_netwerk.planner.afspraken import Afspraak
from lerend_netwerk.planner.geschiedenis import RECENT, recente_werkvormen
from lerend_netwerk.planner.groep import zonder_leerdoel
from lerend_netwerk.planner.model import AgendaOpties

# Work forms you do *in* a meeting. An `activiteit` (a visit, using a website) or an
# `afspraak` (an agreement with management) is planned only when it serves an
# aim that is still open, or when the kartrekker forces it in.
BIJEENKOMST_SOORTEN = ("werkvorm", "oefening", "instrument")
THEMA_KEUZE = "keuze-thema"


class Keuze(NamedTuple):
    werkvorm: Werkvorm
    waarom: str
    voorrang: bool = False  # an explicit priority of the Handreiking: goes first
    gekozen: bool = False  # forced with --werkvorm
    melding: str | None = None  # said once when this candidate is used
    nieuw: bool = False  # the phase's own, not done lately: ranks 2-4
    terug: date | None = None  # done lately (rank 5): when
    toevoeging: str = ""  # said after the reason (--wissel)
    afgesproken: bool = False  # the group agreed on it last time
    doel: str | None = None  # the aim of this phase it is chosen for
    proces: bool = False  # about the group's process rather than the theme (planner.yaml)
    afspraak: str | None = None  # an agreement in its own item (no work form of the knowledge base)

    @property
    def volledig_waarom(self) -> str:
        return self.waarom + self.toevoeging


def _open_doelen(kb: Kennisbank, netwerk: Netwerk, fase_id: str):
    from lerend_netwerk.voortgang import open_doelen

    return open_doelen(kb, netwerk, fase_id)


def _mag_gepland(w: Werkvorm, fase_id: str, open_ids: set[str]) -> bool:
    """Done in a meeting, or serving an aim of this phase that is still open."""
    if w.soort in BIJEENKOMST_SOORTEN:
        return True
    return any(v.fase == fase_id and v.doel in open_ids for v in w.vermeldingen)


def _kort(titel: str) -> str:
    """An aim's title up to its first ';' or '?' (some are two sentences)."""
    for teken in (";", "?"):
        if teken in titel:
            deel = titel.split(teken)[0].strip()
            return deel + ("?" if teken == "?" else "")
    return titel.rstrip(".")


def rangschik_kandidaten(kb: Kennisbank, netwerk: Netwerk, fase: Fase, opties: AgendaOpties,
                         rng: random.Random, meldingen: list[str], afspraken: list[Afspraak] = ()) -> list[Keuze]:
    """Every work form that could go in, best first. Notes on the state go to `meldingen`."""
    fase_id = fase.id
    statussen = _open_doelen(kb, netwerk, fase_id)
    open_ids = {s.doel.id for s in statussen}
    recent = recente_werkvormen(netwerk)
    gebruikt = gebruikte_werkvormen(netwerk)
    weg = set(opties.zonder)
    if netwerk.thema.speerpunt:
        # the theme is chosen: the work forms for choosing it are done with
        weg |= {w.id for w in kb.werkvormen.values() if w.doelen and set(w.doelen) <= {THEMA_KEUZE}}
    # a work form whose own precondition is not met waits (unless forced or agreed)
    weg |= {w.id for w in kb.werkvormen.values() if vereiste_mist(w, netwerk, gebruikt)}

    rij: dict[str, Keuze] = {}  # id -> its first (best) reason; the order is the ranking

    def voeg_toe(keuzes: list[Keuze]) -> None:
        for keuze in keuzes:
            rij.setdefault(keuze.werkvorm.id, keuze)

    voeg_toe(_door_jou_gekozen(kb, netwerk, fase_id, opties.werkvormen, gebruikt))
    voeg_toe(_afgesproken(kb, afspraken, set(opties.zonder)))
    voeg_toe(_voorrang(kb, netwerk, fase_id, statussen, recent, weg, meldingen))
    voeg_toe(_barometer(kb, opties.barometer, recent, weg | set(rij)))
    voeg_toe(_persoonlijke_uitdaging(kb, netwerk, fase_id, recent, weg | set(rij)))
    if netwerk.thema.speerpunt:
        meldingen.extend(_leerdoel_meldingen(netwerk, fase_id, PERSOONLIJK in rij, kb))
    gevraagd, overig = _per_open_doel(kb, fase, statussen, open_ids, weg | set(recent) | set(rij), rng, gebruikt)
    voeg_toe(_om_en_om(gevraagd))
    voeg_toe(_om_en_om(overig))
    voeg_toe(_rest_van_fase(kb, fase, weg | set(recent) | set(rij), rng))
    # the phase's unused work forms the kartrekker kept out: then "used up" is not the whole story
    door_jou_weg = any(
        w.id in opties.zonder and w.id not in recent and _mag_gepland(w, fase_id, open_ids)
        for w in kb.werkvormen_in_fase(fase_id)
    )
    voeg_toe(_recent_terug(kb, fase, recent, open_ids, weg | set(rij), WEGGELATEN if door_jou_weg else OP))
    voeg_toe(_buurfasen(kb, fase, recent, weg | set(rij)))
    proces = set(kb.planregels.procesvormen)
    return [_met_proces_en_doel(keuze, proces, fase_id) for keuze in rij.values()]


def _met_proces_en_doel(keuze: Keuze, proces: set[str], fase_id: str) -> Keuze:
    """The candidate marked as a process form or not, and with the aim it serves in this phase when it had none."""
    doel = keuze.doel
    if doel is None:
        doel = next((v.doel for v in keuze.werkvorm.vermeldingen if v.fase == fase_id and v.doel), None)
    return keuze._replace(proces=keuze.werkvorm.id in proces, doel=doel)


PERSOONLIJK = "persoonlijke-uitdaging"


def gebruikte_werkvormen(netwerk: Netwerk) -> dict[str, date]:
    """Every work form in the state's meetings (held or planned) -> the first date it was used."""
    gebruikt: dict[str, date] = {}
    for b in sorted(netwerk.bijeenkomsten, key=lambda b: b.datum):
        for wid in b.werkvormen:
            gebruikt.setdefault(wid, b.datum)
    return gebruikt


def vereiste_mist(w: Werkvorm, netwerk: Netwerk, gebruikt: dict[str, date]) -> str | None:
    """Why a work form's own precondition (werkvormen.yaml, `vereist`) is not met yet; None when it is."""
    v = w.vereist
    if v is None:
        return None
    gehouden = {wid for b in netwerk.gehouden_bijeenkomsten for wid in b.werkvormen}
    if (v.gedaan and not set(v.gedaan) & gehouden) or (v.thema and not netwerk.thema.speerpunt) or (
        v.contract and netwerk.contract is None
    ) or any(netwerk.rv(rv).status == "nee" for rv in v.randvoorwaarden):
        return v.uitleg
    return None


# minutes for an agreement in its own item (our own estimate): doing what was agreed takes time, looking at
# what people brought less; both leave room for the phase's own work
AFSPRAAK_DUUR = (20, 45)
MEENEMEN_DUUR = (15, 25)
HOOGSTENS_AFSPRAKEN = 2  # agreements in their own item; the others are in the opening


def _afgesproken(kb: Kennisbank, afspraken: list[Afspraak], zonder: set[str]) -> list[Keuze]:
    """What the group agreed last time goes first: they expect it. An agreement (or part of one)
    that is no work form gets time of its own: doing what was agreed is the point of agreeing."""
    keuzes = []
    for a in afspraken:
        waarom = f"Afgesproken op {datum_tekst(a.datum)}: “{a.tekst}”."
        for wid in a.werkvormen:
            if wid in zonder or wid not in kb.werkvormen:
                continue
            keuzes.append(Keuze(kb.werkvormen[wid], waarom, voorrang=True, nieuw=True, afgesproken=True))
    # what was agreed to do gets its own item; what people bring shares one item
    te_doen = [[a] for a in afspraken if a.eigen_onderdeel and not a.meenemen and not a.prive]
    mee = [a for a in afspraken if a.eigen_onderdeel and a.meenemen and not a.prive]
    for nummer, groep in enumerate((te_doen + ([mee] if mee else []))[:HOOGSTENS_AFSPRAKEN], 1):
        teksten = "; ".join(f"“{a.tekst}”" for a in groep)
        waarom = (f"Afgesproken op {datum_tekst(groep[0].datum)}: {teksten}. Daar is tijd voor nodig; hoe jullie "
                  "het aanpakken is aan jullie (eigen uitwerking).")
        meenemen = all(a.meenemen for a in groep)
        duur = MEENEMEN_DUUR if meenemen else AFSPRAAK_DUUR
        titel = "Wat jullie meenamen" if meenemen and len(groep) > 1 else _kop(groep[0].tekst)
        keuzes.append(Keuze(_afspraak_als_werkvorm(nummer, titel, teksten, duur), waarom, voorrang=True, nieuw=True,
                            afgesproken=True, afspraak=teksten))
    return keuzes


def _kop(tekst: str, lengte: int = 70) -> str:
    """An agreement as an item's title: its own words, cut at a word when long."""
    tekst = " ".join(tekst.split()).rstrip(".")
    if len(tekst) <= lengte:
        return tekst[:1].upper() + tekst[1:]
    kort = tekst[:lengte].rsplit(" ", 1)[0]
    return kort[:1].upper() + kort[1:] + " …"


def _afspraak_als_werkvorm(nummer: int, titel: str, teksten: str, duur: tuple[int, int]) -> Werkvorm:
    """An agreement as a work form of its own, so that choosing and timing treat it like any other."""
    from lerend_netwerk.kennisbank import Uitwerking

    uitnodiging = f"Vorige keer spraken we af: {teksten}. Wat is er gedaan, wat leverde het op, en wat nu?"
    return Werkvorm(
        id=f"afspraak-{nummer}", naam=titel, soort="afspraak", beschrijving=uitnodiging,
        helpt_bij=(), vermeldingen=(), uitwerking=Uitwerking(*duur, uitnodiging=uitnodiging), eigen=True,
    )


def _barometer(kb: Kennisbank, advies, recent: dict[str, date], bezet: set[str]) -> list[Keuze]:
    """The Netwerkbarometer when an evaluation is due, and the work forms for its weakest dimension
    (`barometer.barometer_voor_agenda`, computed by the CLI from the stored measurements)."""
    if advies is None:
        return []
    keuzes = []
    meten = kb.werkvormen.get("netwerkbarometer")
    if advies.plannen and meten is not None and meten.id not in bezet and meten.id not in recent:
        keuzes.append(Keuze(meten, advies.reden, voorrang=True, nieuw=True))
    for wid in advies.werkvormen:
        if wid in kb.werkvormen and wid not in bezet and wid not in recent:
            keuzes.append(Keuze(kb.werkvormen[wid], advies.aandacht_reden, nieuw=True))
    return keuzes


def _persoonlijke_uitdaging(kb: Kennisbank, netwerk: Netwerk, fase_id: str, recent: dict[str, date],
                            bezet: set[str]) -> list[Keuze]:
    """Participants without a learning goal: the Handreiking's instrument for it, where it names it."""
    w = kb.werkvormen.get(PERSOONLIJK)
    zonder = zonder_leerdoel(netwerk)
    if w is None or not zonder or fase_id not in w.fasen or w.id in bezet or w.id in recent:
        return []
    waarom = (
        f"Nog geen eigen leerdoel bij het thema: {', '.join(zonder)}. Met de Persoonlijke uitdaging stemt "
        "ieder de eigen leervraag af op het thema."
    )
    return [Keuze(w, waarom, voorrang=True, nieuw=True)]


def _leerdoel_meldingen(netwerk: Netwerk, fase_id: str, uitdaging_kandidaat: bool, kb: Kennisbank) -> list[str]:
    """The theme is chosen: name a missing shared goal and the participants without their own."""
    meldingen = []
    if not netwerk.thema.gezamenlijk_leerdoel and fase_id == "ontwikkeling":
        meldingen.append(
            "Het thema staat, maar er is nog geen gezamenlijk leerdoel. Stel het samen vast, bijvoorbeeld "
            "bij de afspraken aan het eind, en leg het vast met 'ln thema --leerdoel TEKST'."
        )
    zonder = zonder_leerdoel(netwerk)
    if zonder:
        w = kb.werkvormen.get(PERSOONLIJK)
        if uitdaging_kandidaat:
            wat = ("De Persoonlijke uitdaging helpt ieder een leervraag bij het thema te vinden; leg die daarna "
                   "vast met 'ln deelnemer wijzig NAAM --leerdoel TEKST'.")
        elif w is not None:
            wat = (f"Vraag ernaar bij de afspraken aan het eind (en leg het vast met 'ln deelnemer wijzig NAAM "
                   f"--leerdoel TEKST'), of plan '{w.naam}' met --werkvorm {w.id}.")
        else:
            wat = "Vraag ernaar bij de afspraken aan het eind."
        meldingen.append("Nog geen eigen leerdoel bij het thema: " + ", ".join(zonder) + ". " + wat)
    return meldingen


def _door_jou_gekozen(kb: Kennisbank, netwerk: Netwerk, fase_id: str, werkvormen: tuple[str, ...],
                      gebruikt: dict[str, date]) -> list[Keuze]:
    keuzes = []
    for wid in werkvormen:
        w = kb.werkvorm(wid)
        waarom = "Door jou gekozen (--werkvorm)."
        if fase_id not in w.fasen:
            namen = ", ".join(kb.fase(f).naam for f in w.fasen)
            waarom += f" De Handreiking noemt hem bij {namen}."
        mist = vereiste_mist(w, netwerk, gebruikt)
        if mist:
            waarom += f" Let op: deze werkvorm past eigenlijk {mist}."
        keuzes.append(Keuze(w, waarom, gekozen=True))
    return keuzes


def _voorrang(kb: Kennisbank, netwerk: Netwerk, fase_id: str, statussen, recent: dict[str, date],
              weg: set[str], meldingen: list[str]) -> list[Keuze]:
    """The Handreiking's priorities that hold (planner.yaml, `voorrang`), not kept out and not done
    lately; if all of a rule were done lately, say why its aim still looks open."""
    keuzes = []
    for regel in kb.planregels.voorrang:
        if regel.fase != fase_id or not _geldt(regel, netwerk, statussen):
            continue
        bestaand = [(wid, waarom) for wid, waarom in regel.werkvormen if wid in kb.werkvormen and wid not in weg]
        nieuw = [Keuze(kb.werkvormen[wid], waarom, voorrang=True, nieuw=True)
                 for wid, waarom in bestaand if wid not in recent]
        if regel.al_gedaan and bestaand and not nieuw:
            meldingen.append(regel.al_gedaan)
        keuzes += nieuw
    return keuzes


def _geldt(regel, netwerk: Netwerk, statussen) -> bool:
    if regel.wanneer == "geen_thema":
        return not netwerk.thema.speerpunt
    if regel.wanneer == "geen_contract":
        return bool(netwerk.thema.speerpunt) and netwerk.contract is None
    if regel.wanneer == "doel_open":
        return regel.over in {s.doel.id for s in statussen}
    return regel.over in {st.signaal.id for s in statussen for st in s.open_signalen}


def _per_open_doel(kb: Kennisbank, fase: Fase, statussen, open_ids: set[str], bezet: set[str],
                   rng: random.Random, gebruikt: dict[str, date]) -> tuple[list[list[Keuze]], list[list[Keuze]]]:
    """Per open aim, in the Handreiking's order: the work forms an unmet signal names
    (doing them moves the network on), and the aim's other work forms; each shuffled."""
    gevraagd_per_doel: list[list[Keuze]] = []
    overig_per_doel: list[list[Keuze]] = []
    for status in statussen:
        doel = status.doel
        gevraagd = {wid for st in status.open_signalen for wid in st.signaal.werkvormen}
        bij_doel = [
            w for w in kb.werkvormen.values()
            if any(v.fase == fase.id and v.doel == doel.id for v in w.vermeldingen)
            and w.id not in bezet and _mag_gepland(w, fase.id, open_ids)
        ]
        a = [w for w in bij_doel if w.id in gevraagd]
        b = [w for w in bij_doel if w.id not in gevraagd]
        rng.shuffle(a)
        rng.shuffle(b)
        kort = _kort(doel.titel)
        waarom = f"Open doel van {fase.naam}: {kort}" + ("" if kort.endswith(("?", ".")) else ".")

        def met_geschiedenis(w: Werkvorm, waarom: str = waarom) -> str:
            if w.id in gebruikt:
                return f"{waarom} Jullie gebruiken deze werkvorm al sinds {datum_tekst(gebruikt[w.id])}."
            return f"{waarom} Deze werkvorm is in dit netwerk nog niet gedaan."

        gevraagd_per_doel.append([Keuze(w, met_geschiedenis(w), nieuw=True, doel=doel.id) for w in a])
        overig_per_doel.append([Keuze(w, waarom, nieuw=True, doel=doel.id) for w in b])
    return gevraagd_per_doel, overig_per_doel


def _om_en_om(lijsten: list[list[Keuze]]) -> list[Keuze]:
    """Round-robin: the first of each list, then the second of each, and so on."""
    return [k for ronde in zip_longest(*lijsten) for k in ronde if k is not None]


def _rest_van_fase(kb: Kennisbank, fase: Fase, bezet: set[str], rng: random.Random) -> list[Keuze]:
    """The phase's other work forms: their aims are met, this keeps them alive."""
    rest = [w for w in kb.werkvormen_in_fase(fase.id) if w.id not in bezet and w.soort in BIJEENKOMST_SOORTEN]
    rng.shuffle(rest)
    keuzes = []
    for w in rest:
        doel = next((kb.doelen[v.doel].titel for v in w.vermeldingen if v.fase == fase.id and v.doel in kb.doelen),
                    None)
        over = f" ({_kort(doel)})" if doel else ""
        keuzes.append(
            Keuze(w, f"Werkvorm uit {fase.naam}{over}; het doel is al gehaald, dit houdt het levend.", nieuw=True)
        )
    return keuzes


def _recent_terug(kb: Kennisbank, fase: Fase, recent: dict[str, date], open_ids: set[str],
                  bezet: set[str], reden: str) -> list[Keuze]:
    """The phase's recent work forms, oldest first: they come back when nothing new goes in.
    The reason given here assumes the library is used up; `zeg_waarom_terug` corrects it."""
    laatste = max(recent.values(), default=None)
    niet_meteen = set(kb.planregels.niet_meteen_weer)
    terug = [
        w for w in kb.werkvormen_in_fase(fase.id)
        if w.id in recent and w.id not in bezet and _mag_gepland(w, fase.id, open_ids)
        and not (w.id in niet_meteen and recent[w.id] == laatste)
    ]
    terug.sort(key=lambda w: (recent[w.id], w.id))
    keuzes = []
    for w in terug:
        waarom, melding = _terug_tekst(fase.naam, recent[w.id], reden)
        keuzes.append(Keuze(w, waarom, melding=melding, terug=recent[w.id]))
    return keuzes


# Why a recently used work form is back on the agenda. Only the true one is said:
OP = "op"  # every other work form of the phase was done lately (or is on this agenda)
WEGGELATEN = "weggelaten"  # the others were done lately, or the kartrekker kept them out
PAST_NIET = "past niet"  # unused ones remain, but none fits in the time


def _terug_tekst(fase_naam: str, datum: date, reden: str, duur: int = 0,
                 kortste: Werkvorm | None = None) -> tuple[str, str]:
    """(reason, note) for a recently used work form that comes back."""
    gedaan = f"Al gedaan of gepland op {datum_tekst(datum)}"
    komt_terug = f"wat de laatste {RECENT} bijeenkomsten al gedaan of gepland is, komt terug."
    if reden == PAST_NIET and kortste is not None:
        return (
            f"{gedaan}; er zijn nog andere werkvormen van {fase_naam}, maar die passen er in {duur} minuten niet bij.",
            f"Er zijn nog werkvormen van {fase_naam} die de laatste {RECENT} bijeenkomsten niet gedaan of gepland "
            f"zijn, maar die passen er in {duur} minuten niet bij; daarom komt er een terug die wel past. "
            f"De kortste, '{kortste.naam}' ({kortste.id}), duurt minstens {kortste.duur[0]} minuten: "
            "kies een langere --duur voor iets nieuws.",
        )
    if reden == WEGGELATEN:
        return (
            f"{gedaan}; de andere werkvormen van {fase_naam} zijn op of door jou weggelaten.",
            f"De werkvormen van {fase_naam} zijn op of door jou weggelaten: {komt_terug}",
        )
    return (
        f"{gedaan}; de andere werkvormen van {fase_naam} zijn op.",
        f"De werkvormen van {fase_naam} zijn op: {komt_terug}",
    )


def zeg_waarom_terug(kandidaten: list[Keuze], gekozen: list[Keuze], gewisseld: set[str], fase: Fase,
                     duur: int) -> list[Keuze]:
    """The chosen work forms, with a true reason for those done lately.

    A recent one only gets in when nothing new fits (docs/planner.md). If the
    phase still has unused candidates that are not on the agenda (and were not
    swapped out with --wissel), they did not fit: say that, and name the shortest,
    instead of claiming the library is used up."""
    op_de_agenda = {k.werkvorm.id for k in gekozen}
    over = [k.werkvorm for k in kandidaten
            if k.nieuw and k.werkvorm.id not in op_de_agenda and k.werkvorm.id not in gewisseld]
    if over:
        reden, kortste = PAST_NIET, min(over, key=lambda w: w.duur[0])
    elif any(k.nieuw and k.werkvorm.id in gewisseld for k in kandidaten):
        reden, kortste = WEGGELATEN, None
    else:
        return gekozen  # used up (or kept out with --zonder): the reason from the ranking stands
    uit = []
    for k in gekozen:
        if k.terug is not None:
            waarom, melding = _terug_tekst(fase.naam, k.terug, reden, duur, kortste)
            k = k._replace(waarom=waarom, melding=melding)
        uit.append(k)
    return uit


def _buurfasen(kb: Kennisbank, fase: Fase, recent: dict[str, date], bezet: set[str]) -> list[Keuze]:
    """Still time left: work forms of the neighbouring phases, nearest first, the later before the earlier."""
    nummer = FASE_IDS.index(fase.id)
    # nearest first; of two as near, the next phase (looking ahead), not the one the network left
    buren = sorted(
        (f for f in FASE_IDS if f != fase.id),
        key=lambda f: (abs(FASE_IDS.index(f) - nummer), -FASE_IDS.index(f)),
    )
    melding = f"De werkvormen van {fase.naam} vullen de tijd niet; er komen werkvormen uit andere fasen bij."
    keuzes = []
    for ander in buren:
        waarom = f"Uit de fase {kb.fase(ander).naam}: de werkvormen van {fase.naam} vullen de tijd niet."
        lijst = [w for w in kb.werkvormen_in_fase(ander) if w.id not in bezet and w.soort in BIJEENKOMST_SOORTEN]
        lijst.sort(key=lambda w: w.id in recent)
        keuzes.extend(Keuze(w, waarom, melding=melding) for w in lijst)
    return keuzes


def werk_minimum(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties) -> int:
    """The fewest minutes of work forms an agenda needs: the forced ones, or the shortest candidate."""
    fase_id = kb.fase(opties.fase or netwerk.fase).id
    if opties.werkvormen:
        return sum(kb.werkvorm(wid).duur[0] for wid in dict.fromkeys(opties.werkvormen))
    weg = set(opties.zonder)
    open_ids = {s.doel.id for s in _open_doelen(kb, netwerk, fase_id)}
    mogelijk = [w.duur[0] for w in kb.werkvormen.values()
                if w.id not in weg and fase_id in w.fasen and _mag_gepland(w, fase_id, open_ids)]
    if not mogelijk:
        mogelijk = [w.duur[0] for w in kb.werkvormen.values() if w.id not in weg] or [0]
    return min(mogelijk)
