"""What the group agreed last time, read from the state: the meeting's `afspraken`, and
the sentences of its free-text note that say what happens next time.

Kartrekkers write notes in their own words ("volgende keer de wijk in beeld"), so
an agreement is recognised by the words in `planner.yaml` (`afspraak_woorden`),
never by a syntax. Which work form an agreement points at is left to the search
behind `ln valkuil` (the same Dutch-aware matching), limited to work forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk

MINIMALE_SCORE = 0.4  # below it the search is guessing (measured on agenda_scenarios.yaml, docs/planner.md)

# A text -> the ids of the work forms it is about, best first.
Koppelaar = Callable[[str], list[str]]

_ZINNEN = re.compile(r"(?<=[.;!?])\s+|\n+")  # not inside "nuvoorlaterutrecht.nl"
# parts of an agreement: "..., daarna ...", "... en dan ...", and "... en bereiden we ..." (a new clause)
_DELEN = re.compile(r",|\bdaarna\b|\ben dan\b|\bdan\b|\ben\b(?=\s+\w+\s+(?:we|wij|ze|zij|ik)\b)")
_MEENEMEN = {"mee", "meenemen", "meebrengen"}
_TERUGVERWIJZING = {"dat", "dit", "die", "het", "daar", "daarmee"}


class Afspraak(NamedTuple):
    datum: date  # the meeting where it was agreed
    tekst: str  # in the kartrekker's words
    werkvormen: tuple[str, ...]  # the work forms it points at, if any
    eigen_onderdeel: bool = False  # (part of) it is no work form: it gets an item of its own
    meenemen: bool = False  # about what someone brings ("neemt ... mee")
    prive: bool = False  # the kartrekker's own task ("ik bel ..."): a reminder, not on the handout
    taak: bool = False  # a task between meetings ("Lotte bereidt ... voor"): preparation, not an item


def laatste_afspraken(kb: Kennisbank, netwerk: Netwerk, fase_id: str, koppel: Koppelaar | None) -> list[Afspraak]:
    """The agreements of the last meeting held, each with the work forms it points at.

    A work form of a later phase than `fase_id` is not taken on a match by meaning (one
    keyword is not enough to jump ahead), only when the note names it."""
    vorige = netwerk.laatste_bijeenkomst
    if vorige is None or any(b.datum > vorige.datum for b in netwerk.geplande_bijeenkomsten):
        return []  # a meeting planned after it took care of them
    teksten = afspraak_teksten(kb, vorige)
    contexten = [context for _, context in teksten]
    if koppel is not None:
        gekoppeld = {context: _per_deel(kb, koppel, context) for context in contexten}
    else:
        gekoppeld = _uit_cache_of_gezocht(kb, contexten)
    afspraken = [_afspraak(kb, vorige.datum, tekst, gekoppeld[context], fase_id) for tekst, context in teksten]
    afspraken = [a._replace(werkvormen=(), eigen_onderdeel=False, prive=True) if is_prive(a.tekst, netwerk) else a
                 for a in afspraken]
    return [a._replace(eigen_onderdeel=False, taak=True) if a.eigen_onderdeel and is_taak(kb, a.tekst) else a
            for a in afspraken]


def is_taak(kb: Kennisbank, tekst: str) -> bool:
    """A task someone does before the next meeting ("Bram vraagt de directie", "Lotte en Petra
    bereiden de bijeenkomst voor"): it goes to the preparation, not on the agenda."""
    from lerend_netwerk.tekst import vouw

    return bool(set(re.findall(r"\w+", vouw(tekst))) & {vouw(w) for w in kb.planregels.taak_woorden})


_IK = {"ik", "mij", "me", "mijn"}


def is_prive(tekst: str, netwerk: Netwerk) -> bool:
    """An agreement the kartrekker made with themself ("Ik bel Sanne ...", "Marloes vraagt ..."):
    it belongs in the kartrekker's reminders, not on the participants' agenda."""
    from lerend_netwerk.tekst import vouw

    woorden = re.findall(r"\w+", vouw(tekst))
    voornaam = vouw(netwerk.kartrekker or "").split()[:1]
    return bool(_IK & set(woorden)) or bool(voornaam and woorden[:1] == voornaam)


def _afspraak(kb: Kennisbank, datum: date, tekst: str, delen: list[tuple[str, tuple[str, ...], bool]],
              fase_id: str) -> Afspraak:
    """Per part: its work form (if one fits this phase). An agreement without any gets an item of its
    own; what someone brings shares one."""
    from lerend_netwerk.kennisbank import FASE_IDS

    meenemen = is_meenemen(tekst)
    # what someone brings is used now; anything else may look one phase ahead
    verste = FASE_IDS.index(fase_id) + (0 if meenemen else 1)
    gevonden: list[str] = []
    # of two close matches, the one the Handreiking gives priority in this phase
    voorrang = {wid for r in kb.planregels.voorrang if r.fase == fase_id for wid, _ in r.werkvormen}
    for _deel, ids, op_naam in delen:
        passend = [wid for wid in ids if op_naam or _vroegste_fase(kb, wid) <= verste]
        passend.sort(key=lambda wid: wid not in voorrang)
        if passend and passend[0] not in gevonden:
            gevonden.append(passend[0])
    werkvormen = tuple(gevonden[:2])
    # a work form it names does the agreement; only an agreement without one gets an item of its own
    return Afspraak(datum, tekst, werkvormen, eigen_onderdeel=not werkvormen, meenemen=meenemen)


def _vroegste_fase(kb: Kennisbank, wid: str) -> int:
    from lerend_netwerk.kennisbank import FASE_IDS

    w = kb.werkvormen.get(wid)
    fasen = w.fasen if w is not None else ()
    return min((FASE_IDS.index(f) for f in fasen), default=0)


def is_meenemen(tekst: str) -> bool:
    """An agreement about what someone brings ("neemt ... mee")."""
    from lerend_netwerk.tekst import vouw

    return bool(_MEENEMEN & set(re.findall(r"\w+", vouw(tekst))))


def _uit_cache_of_gezocht(kb: Kennisbank, contexten: list[str]) -> dict[str, list[tuple[str, tuple[str, ...], bool]]]:
    """The matches of each agreement's parts, kept in the cache: the same notes are planned from
    again and again, and loading the search costs start-up time (docs/planner.md)."""
    if not contexten:
        return {}
    from lerend_netwerk import cache, pakketbytes

    # everything the search's answers depend on: its settings and its example complaints
    zoekdata = [pakketbytes("data", naam) for naam in ("zoeken.yaml", "zoekvoorbeelden.yaml")]
    sleutel = cache.sleutel([kb.sleutel.encode(), *zoekdata, *(c.encode() for c in contexten)])
    bewaard = cache.lees("afspraken", sleutel)
    if isinstance(bewaard, dict) and set(bewaard) == set(contexten):
        return bewaard
    koppel = zoek_werkvorm(kb)
    gekoppeld = {context: _per_deel(kb, koppel, context) for context in contexten}
    cache.schrijf("afspraken", sleutel, gekoppeld)
    return gekoppeld


def afspraak_teksten(kb: Kennisbank, bijeenkomst: Bijeenkomst) -> list[tuple[str, str]]:
    """(agreement, the text to match it by): `afspraken` as written; without them, the note's
    sentences with an agreement word ("volgende keer", "neemt ... mee"). A short sentence that
    refers back ("volgende keer oefenen we dat") is matched together with the sentence before it."""
    from lerend_netwerk.tekst import vouw

    signalen = [set(vouw(w).split()) for w in kb.planregels.afspraak_woorden]
    zinnen = [z.strip(" .;") for z in _ZINNEN.split(bijeenkomst.notities or "") if z.strip(" .;")]
    gevonden = [(a.strip(), a.strip()) for a in bijeenkomst.afspraken if a.strip()]
    if gevonden:
        return gevonden  # agreements written down as such: the note is about what happened
    for i, zin in enumerate(zinnen):
        woorden = set(re.findall(r"\w+", vouw(zin)))
        if zin.startswith("Gepland met ln agenda") or not any(s <= woorden for s in signalen):
            continue
        verwijst = woorden & _TERUGVERWIJZING and len(woorden) <= 8 and i > 0
        gevonden.append((zin, f"{zinnen[i - 1]} {zin}" if verwijst else zin))
    return list(dict(gevonden).items())


def _per_deel(kb: Kennisbank, koppel: Koppelaar, tekst: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """Per part of an agreement ("..., daarna ...", "... en ..."): the part, the work forms it
    points at (best first), and whether the note names one of them."""
    from lerend_netwerk.tekst import vouw

    namen = {vouw(n) for w in kb.werkvormen.values() for n in (w.naam, *(v.kop for v in w.vermeldingen))}
    delen = []
    for deel in _DELEN.split(_zonder_signaalwoorden(kb, tekst)):
        if not deel.strip():
            continue
        ids = tuple(koppel(deel))
        op_naam = bool(ids) and (any(len(n) >= 6 and n in vouw(deel) for n in namen) or bool(genoemd(kb, deel)))
        delen.append((deel.strip(), ids, op_naam))
    return delen


def _zonder_signaalwoorden(kb: Kennisbank, tekst: str) -> str:
    """'volgende keer de wijk in beeld' -> 'de wijk in beeld': the signal says when, not what.
    Only a signal phrase as written is taken out, never its words elsewhere ('we', 'de')."""
    from lerend_netwerk.tekst import vouw

    gevouwen = " ".join(re.findall(r"[\w.()'-]+|,", vouw(tekst)))
    for signaal in sorted((vouw(w) for w in kb.planregels.afspraak_woorden), key=len, reverse=True):
        gevouwen = re.sub(rf"\b{re.escape(signaal)}\b", " ", gevouwen)
    return " ".join(gevouwen.split())

def genoemd(kb: Kennisbank, tekst: str) -> list[str]:
    """The work forms an agreement names with a word of `afspraak_werkvormen` (planner.yaml):
    'casus' in 'Youssef neemt een casus mee' is Casusbesprekingen."""
    from lerend_netwerk.tekst import vouw

    gevouwen = vouw(tekst)
    woorden = re.findall(r"\w+", gevouwen)
    gevonden = []
    for woord, wid in kb.planregels.afspraak_werkvormen.items():
        if " " in woord:
            if re.search(rf"\b{re.escape(woord)}\b", gevouwen):
                gevonden.append(wid)
        elif any(w.startswith(woord) for w in woorden):
            gevonden.append(wid)
    return gevonden


def zoek_werkvorm(kb: Kennisbank) -> Koppelaar:
    """The search of `ln valkuil`, answering only with work forms: by name first, then by meaning."""
    from lerend_netwerk.tekst import vouw

    namen = sorted(
        ((vouw(naam), w.id) for w in kb.werkvormen.values() for naam in {w.naam, *(v.kop for v in w.vermeldingen)}
         if len(vouw(naam)) >= 6),
        key=lambda paar: -len(paar[0]),
    )

    def koppel(tekst: str) -> list[str]:
        gevouwen = vouw(tekst)
        op_naam = [wid for naam, wid in namen if naam in gevouwen] + genoemd(kb, tekst)
        if op_naam:
            return list(dict.fromkeys(op_naam))
        if not gevouwen.strip():
            return []
        from lerend_netwerk.zoeken import laad_zoeker

        # only what the search ranks among its first two, so a note about something else finds nothing
        resultaten = laad_zoeker(kb).zoek(tekst)[:2]
        return [r.id for r in resultaten if r.soort == "werkvorm" and (r.score or 0) >= MINIMALE_SCORE]

    return koppel
