"""The agenda planner: the next meeting's agenda from the knowledge base and the state.

A pure function (`plan_agenda`) of the knowledge base, the network's state and
the options: no terminal, no clock, no files. The same state, options and seed
give the same agenda. How it chooses is described in docs/planner.md; in short:

1. forced work forms (`--werkvorm`), then the Handreiking's explicit priorities
   (theme choice, then the contract in Ontwikkeling; knowledge transfer and
   looking ahead in Verankering), then the phase's open aims in the
   Handreiking's order, then the rest of the phase, then what was done
   recently (the library is exhausted: said so), then neighbouring phases
   (`kandidaten`);
2. as many work forms as the time needs (`kiezen`), each within its indicative
   range (`tijd`);
3. an opening and a closing around them, a break in meetings over two hours
   (`samenstellen`).

`model` holds the options and the agenda, `geschiedenis` what the state's
meetings say (recent work forms, the seed, the next date).
"""

from __future__ import annotations

import random
from datetime import date

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.netwerk import Netwerk
from lerend_netwerk.planner.afspraken import Koppelaar, laatste_afspraken
from lerend_netwerk.planner.geschiedenis import (
    RECENT,
    controleer_bewaardatum,
    standaard_seed,
    tot_datum,
    volgende_datum,
)
from lerend_netwerk.planner.kandidaten import (
    BIJEENKOMST_SOORTEN,
    THEMA_KEUZE,
    rangschik_kandidaten,
    werk_minimum,
    zeg_waarom_terug,
)
from lerend_netwerk.planner.kiezen import kies, volgorde, voorrang_past_niet, wissel
from lerend_netwerk.planner.model import Agenda, AgendaOpties, Onderdeel
from lerend_netwerk.planner.samenstellen import bron_in_fase, maaltijd_vooraf, met_maaltijd_vooraf, stel_samen
from lerend_netwerk.planner.tijd import (
    AFSLUITING,
    MAALTIJD,
    MAALTIJD_VANAF,
    MAXIMALE_DUUR,
    MINIMUM,
    OPENING,
    PAUZE,
    PAUZE_VANAF,
    STANDAARD_DUUR,
    STANDAARD_START,
    lees_tijd,
    pauze_minuten,
    tijd,
    vaste_minuten,
)

__all__ = [
    "AFSLUITING", "BIJEENKOMST_SOORTEN", "MAALTIJD", "MAALTIJD_VANAF", "MAXIMALE_DUUR", "OPENING", "PAUZE", "PAUZE_VANAF", "RECENT",
    "STANDAARD_DUUR", "STANDAARD_START", "THEMA_KEUZE", "Agenda", "AgendaOpties", "Onderdeel", "bron_in_fase",
    "controleer_bewaardatum", "herhaal_opdracht", "lees_tijd", "maaltijd_vooraf", "minimale_duur", "pauze_minuten", "plan_agenda", "standaard_seed",
    "tijd", "volgende_datum",
]


def plan_agenda(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties | None = None,
                koppel: Koppelaar | None = None) -> Agenda:
    """The next meeting's agenda. Raises LnFout (exit 2) for options that cannot work.

    `koppel` finds the work form an agreement in the notes points at; by default the
    search behind `ln valkuil` (tests may pass their own)."""
    opties = opties or AgendaOpties()
    volgende, plaats = _volgende_en_plaats(netwerk, opties)
    netwerk = tot_datum(netwerk, opties.datum)
    opties = _genormaliseerd(kb, opties)
    start, start_bron = _begintijd(opties, netwerk)
    _controleer(kb, netwerk, opties, start)
    if maaltijd_vooraf(opties.duur, start):
        # a long evening starts with the meal; the rest is planned as a meeting of its own
        binnen = opties._replace(duur=opties.duur - MAALTIJD, wissel=_na_de_maaltijd(opties.wissel))
        _controleer(kb, netwerk, binnen, start + MAALTIJD)
        agenda = _plan(kb, netwerk, binnen, start + MAALTIJD, start_bron, volgende, plaats, koppel)
        return met_maaltijd_vooraf(agenda, opties.duur, start)
    return _plan(kb, netwerk, opties, start, start_bron, volgende, plaats, koppel)


def _na_de_maaltijd(nummers: tuple[int, ...]) -> tuple[int, ...]:
    """`--wissel` numbers of the whole agenda as numbers of the part after the meal (item 1)."""
    if 1 in nummers:
        raise LnFout("Onderdeel 1 is de maaltijd; alleen werkvormen kun je wisselen.",
                     advies="kies het nummer van een werkvorm.")
    return tuple(n - 1 for n in nummers)


def _plan(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties, start: int, start_bron: str,
          volgende: date | None, plaats: str | None, koppel: Koppelaar | None) -> Agenda:
    fase = kb.fase(opties.fase or netwerk.fase)
    seed = standaard_seed(netwerk) if opties.seed is None else opties.seed

    meldingen: list[str] = []
    afspraken = laatste_afspraken(kb, netwerk, fase.id, koppel)
    kandidaten = rangschik_kandidaten(kb, netwerk, fase, opties, random.Random(seed), meldingen, afspraken)
    door_jou = [k for k in kandidaten if k.gekozen]  # they fit: _controleer checked
    # before there is a theme, getting to know each other is the content: no cap on process work forms
    hoogstens = kb.planregels.hoogstens_proces if netwerk.thema.speerpunt else len(kandidaten)
    gekozen = sorted(kies(kandidaten, door_jou, opties.duur, set(), hoogstens), key=volgorde(kb, fase.id))
    meldingen += voorrang_past_niet(kandidaten, gekozen, opties.duur)

    def agenda_van(gekozen) -> Agenda:
        return stel_samen(kb, netwerk, fase, opties, gekozen,
                          start=start, start_bron=start_bron, seed=seed, meldingen=meldingen,
                          afspraken=afspraken, volgende=volgende, plaats=plaats)

    gewisseld: set[str] = set()
    if opties.wissel:
        # the numbers refer to the agenda without swaps (same seed)
        gekozen, gewisseld = wissel(kandidaten, gekozen, agenda_van(gekozen).onderdelen, opties.wissel, opties.duur,
                                    hoogstens)
    return agenda_van(zeg_waarom_terug(kandidaten, gekozen, gewisseld, fase, opties.duur))


def _volgende_en_plaats(netwerk: Netwerk, opties: AgendaOpties) -> tuple[date | None, str | None]:
    """For a dated meeting: the next meeting the state has after it, and the place (the option, or the
    place stored with a meeting planned on that date)."""
    if opties.datum is None:
        return None, opties.plaats
    later = sorted(b.datum for b in netwerk.bijeenkomsten if b.datum > opties.datum)
    op_de_dag = next((b.plaats for b in netwerk.bijeenkomsten if b.datum == opties.datum and b.plaats), None)
    return (later[0] if later else None), opties.plaats or op_de_dag


def herhaal_opdracht(opties: AgendaOpties, agenda: Agenda, datum: date) -> str:
    """The `ln agenda` command that plans this agenda again: every option that shaped it
    (only those given, normalised), the seed, and the meeting's date. The date keeps a
    meeting saved on it out, so the command gives the same agenda on the state it was
    planned on and on the state with it saved (`--bewaar`)."""
    import shlex

    delen = ["--duur", str(agenda.duur)]
    if opties.start is not None:
        delen += ["--start", agenda.start]
    if opties.fase is not None:
        delen += ["--fase", agenda.fase]
    for wid in _ids(opties.werkvormen):
        delen += ["--werkvorm", wid]
    for wid in _ids(opties.zonder):
        delen += ["--zonder", wid]
    for nummer in dict.fromkeys(opties.wissel):
        delen += ["--wissel", str(nummer)]
    delen += ["--datum", datum.isoformat(), "--seed", str(agenda.seed)]
    return "ln agenda " + " ".join(shlex.quote(deel) for deel in delen)


def minimale_duur(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties) -> int:
    """The shortest meeting with an opening, a work form (or the forced ones) and a closing."""
    return _minimale_duur(werk_minimum(kb, tot_datum(netwerk, opties.datum), opties))


def _minimale_duur(werk_minimum: int) -> int:
    minimum = OPENING[MINIMUM] + AFSLUITING[MINIMUM] + werk_minimum
    return minimum + pauze_minuten(minimum)


def _genormaliseerd(kb: Kennisbank, opties: AgendaOpties) -> AgendaOpties:
    """The phase as its id; work form ids trimmed, lower case, each once."""
    if opties.fase is not None:
        opties = opties._replace(fase=kb.fase(opties.fase).id)
    return opties._replace(werkvormen=_ids(opties.werkvormen), zonder=_ids(opties.zonder))


def _ids(ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i.strip().lower() for i in ids))


def _begintijd(opties: AgendaOpties, netwerk: Netwerk) -> tuple[int, str]:
    """Minutes after midnight, and where they come from: the option, the state, or our default."""
    if opties.start is not None:
        return lees_tijd(opties.start), "optie"
    if netwerk.starttijd:
        return lees_tijd(netwerk.starttijd), "statusbestand"
    return lees_tijd(STANDAARD_START), "standaard"


def _controleer(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties, start: int) -> None:
    """LnFout for options that cannot work: unknown ids, in and out at once, too long, too short, past midnight."""
    for wid in (*opties.werkvormen, *opties.zonder):
        kb.werkvorm(wid)  # LnFout with a suggestion when unknown
    beide = sorted(set(opties.werkvormen) & set(opties.zonder))
    if beide:
        raise LnFout(
            f"'{beide[0]}' staat zowel bij --werkvorm als bij --zonder.",
            advies="kies: erin met --werkvorm, of eruit met --zonder.",
        )
    duur = opties.duur
    if duur > MAXIMALE_DUUR:
        raise LnFout(
            f"{duur} minuten is langer dan een bijeenkomst die ln agenda plant (hoogstens {MAXIMALE_DUUR}).",
            advies=f"kies --duur {MAXIMALE_DUUR} of korter, of plan twee bijeenkomsten.",
        )
    werk = werk_minimum(kb, netwerk, opties)
    minimum = _minimale_duur(werk)
    if duur < minimum:
        wat = "deze werkvormen" if opties.werkvormen else "een werkvorm"
        raise LnFout(
            f"{duur} minuten is te kort voor een agenda met opening, {wat} en afsluiting: "
            f"dat kan vanaf {minimum} minuten.",
            advies=f"kies --duur {minimum} of langer.",
        )
    nodig = vaste_minuten(duur, MINIMUM) + werk
    if nodig > duur:  # only with forced work forms: from PAUZE_VANAF on a break takes time too
        korter = f"--duur {PAUZE_VANAF - 1} (zonder pauze) of " if minimum < PAUZE_VANAF else ""
        raise LnFout(
            f"{duur} minuten is te kort voor deze werkvormen met opening, pauze en afsluiting.",
            advies=f"kies {korter}--duur {nodig} of langer.",
        )
    if start + duur > 24 * 60:
        raise LnFout(
            f"Een bijeenkomst van {duur} minuten vanaf {tijd(start)} loopt over middernacht.",
            advies="kies een eerdere begintijd met --start, of een kortere --duur.",
        )
