"""From the planned agenda to a session, and from a session to the meeting logged.

Which agenda: the meeting stored for today with `ln agenda --bewaar` is planned
again from its note (the exact `ln agenda ...` command, with `--datum` and
`--seed`, so the same agenda comes back); without one, the CLI offers a fresh
`plan_agenda`. Afterwards the meeting is what `ln bijeenkomst` would log: the
work forms actually done, attendance, notes and agreements, with the real
minutes per item as one line of the notes.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from datetime import date

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.leiden.sessie import Punt, Sessie
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.planner import AFSLUITING, OPENING, Agenda, AgendaOpties

_NOTITIE_BEGIN = "Gepland met ln agenda"
_WAARDEN = {"--duur": "duur", "--start": "start", "--fase": "fase", "--datum": "datum", "--seed": "seed"}
_HERHAALD = {"--werkvorm": "werkvormen", "--zonder": "zonder", "--wissel": "wissel"}
MINIMUM_PAUZE = 10


def gepland_vandaag(netwerk: Netwerk, vandaag: date) -> Bijeenkomst | None:
    return next((b for b in netwerk.geplande_bijeenkomsten if b.datum == vandaag), None)


def opties_uit_notitie(notities: str | None) -> AgendaOpties | None:
    """The options of the `ln agenda` command `--bewaar` wrote into the note; None when it is not there
    or not readable (edited by hand)."""
    from lerend_netwerk.datum import lees_datum

    regel = next((r.strip() for r in (notities or "").splitlines() if r.strip().startswith(_NOTITIE_BEGIN)), None)
    if regel is None:
        return None
    regel = regel[len(_NOTITIE_BEGIN):].split(" — ")[0]
    try:
        delen = shlex.split(regel)
    except ValueError:
        return None
    waarden: dict = {}
    herhaald: dict[str, list] = {v: [] for v in _HERHAALD.values()}
    if len(delen) % 2:
        return None
    for optie, waarde in zip(delen[::2], delen[1::2]):
        try:
            if optie in ("--duur", "--seed"):
                waarden[_WAARDEN[optie]] = int(waarde)
            elif optie == "--datum":
                waarden["datum"] = lees_datum(waarde)
            elif optie in _WAARDEN:
                waarden[_WAARDEN[optie]] = waarde
            elif optie == "--wissel":
                herhaald["wissel"].append(int(waarde))
            elif optie in _HERHAALD:
                herhaald[_HERHAALD[optie]].append(waarde)
            else:
                return None
        except (ValueError, LnFout):
            return None
    return AgendaOpties(**waarden, **{k: tuple(v) for k, v in herhaald.items()})


def punten(kb: Kennisbank, agenda: Agenda) -> tuple[Punt, ...]:
    """The agenda's items with how short each can be made: a work form to the minimum of its
    indicative range, the opening and closing to the planner's minimum, a break to ten minutes."""
    uit = []
    for o in agenda.onderdelen:
        w = kb.werkvormen.get(o.werkvorm) if o.werkvorm else None
        if w is not None:
            minimum = w.uitwerking.duur_min
        elif o.soort == "opening":
            minimum = OPENING[0]
        elif o.soort == "afsluiting":
            minimum = AFSLUITING[0]
        elif o.soort == "pauze":
            minimum = MINIMUM_PAUZE
        else:
            minimum = o.duur
        uit.append(Punt(o.titel, o.duur, min(minimum, o.duur), o.soort, o.werkvorm, o.toelichting or o.waarom))
    return tuple(uit)


def bijeenkomst_na_afloop(sessie: Sessie, datum: date, fase: str, gebruikt: Sequence[str]) -> Bijeenkomst:
    """The meeting as `ln bijeenkomst` would log it, from what happened."""
    deelnemers = sessie.deelnemers
    aanwezig = len([n for n in deelnemers if n not in sessie.afwezig]) if deelnemers else None
    notities = "\n".join([sessie.verloop(), *sessie.notities])
    return Bijeenkomst(
        datum=datum,
        fase=fase,
        werkvormen=sessie.werkvormen_gedaan(gebruikt),
        aanwezig=aanwezig,
        notities=notities,
        afwezig=tuple(sessie.afwezig),
        afspraken=tuple(sessie.afspraken),
    )
