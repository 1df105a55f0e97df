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
from dataclasses import dataclass
from datetime import date

from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk

MINIMALE_SCORE = 0.4  # below it the search is guessing (measured on agenda_scenarios.yaml, docs/planner.md)

# A text -> the ids of the work forms it is about, best first.
Koppelaar = Callable[[str], list[str]]

_ZINNEN = re.compile(r"(?<=[.;!?])\s+|\n+")  # not inside "nuvoorlaterutrecht.nl"
_DELEN = re.compile(r",|\bdaarna\b|\ben dan\b|\bdan\b")
_TERUGVERWIJZING = {"dat", "dit", "die", "het", "daar", "daarmee"}


@dataclass(frozen=True)
class Afspraak:
    datum: date  # the meeting where it was agreed
    tekst: str  # in the kartrekker's words
    werkvormen: tuple[str, ...]  # the work forms it points at, if any


def laatste_afspraken(kb: Kennisbank, netwerk: Netwerk, koppel: Koppelaar | None) -> list[Afspraak]:
    """The agreements of the last meeting held, each with the work form it points at (or None)."""
    vorige = netwerk.laatste_bijeenkomst
    if vorige is None or any(b.datum > vorige.datum for b in netwerk.geplande_bijeenkomsten):
        return []  # a meeting planned after it took care of them
    teksten = afspraak_teksten(kb, vorige)
    if koppel is not None:
        return [Afspraak(vorige.datum, tekst, _werkvormen_van(kb, koppel, context)) for tekst, context in teksten]
    gekoppeld = _uit_cache_of_gezocht(kb, [context for _, context in teksten])
    return [Afspraak(vorige.datum, tekst, gekoppeld[context]) for tekst, context in teksten]


def _uit_cache_of_gezocht(kb: Kennisbank, contexten: list[str]) -> dict[str, tuple[str, ...]]:
    """The work forms of each agreement, kept in the cache: the same notes are planned from again
    and again, and loading the search costs start-up time (docs/planner.md)."""
    if not contexten:
        return {}
    from importlib import resources

    from lerend_netwerk import cache

    zoekdata = (resources.files("lerend_netwerk") / "data" / "zoeken.yaml").read_bytes()
    sleutel = cache.sleutel([kb.sleutel.encode(), zoekdata, *(c.encode() for c in contexten)])
    bewaard = cache.lees("afspraken", sleutel)
    if isinstance(bewaard, dict) and set(bewaard) == set(contexten):
        return bewaard
    koppel = zoek_werkvorm(kb)
    gekoppeld = {context: _werkvormen_van(kb, koppel, context) for context in contexten}
    cache.schrijf("afspraken", sleutel, gekoppeld)
    return gekoppeld


def afspraak_teksten(kb: Kennisbank, bijeenkomst: Bijeenkomst) -> list[tuple[str, str]]:
    """(agreement, the text to match it by): `afspraken` as written, then the note's sentences with
    an agreement word ("volgende keer", "neemt ... mee"). A short sentence that refers back
    ("volgende keer oefenen we dat") is matched together with the sentence before it."""
    from lerend_netwerk.tekst import vouw

    signalen = [set(vouw(w).split()) for w in kb.planregels.afspraak_woorden]
    zinnen = [z.strip(" .;") for z in _ZINNEN.split(bijeenkomst.notities or "") if z.strip(" .;")]
    gevonden = [(a.strip(), a.strip()) for a in bijeenkomst.afspraken if a.strip()]
    for i, zin in enumerate(zinnen):
        woorden = set(re.findall(r"\w+", vouw(zin)))
        if zin.startswith("Gepland met ln agenda") or not any(s <= woorden for s in signalen):
            continue
        verwijst = woorden & _TERUGVERWIJZING and len(woorden) <= 8 and i > 0
        gevonden.append((zin, f"{zinnen[i - 1]} {zin}" if verwijst else zin))
    return list(dict(gevonden).items())


def _werkvormen_van(kb: Kennisbank, koppel: Koppelaar, tekst: str) -> tuple[str, ...]:
    """The work forms an agreement points at: per part ("..., daarna ..."), the best match; at most two."""
    gevonden: list[str] = []
    for deel in _DELEN.split(_zonder_signaalwoorden(kb, tekst)):
        ids = koppel(deel) if deel.strip() else []
        if ids and ids[0] not in gevonden:
            gevonden.append(ids[0])
    return tuple(gevonden[:2])


def _zonder_signaalwoorden(kb: Kennisbank, tekst: str) -> str:
    """'volgende keer de wijk in beeld' -> 'de wijk in beeld': the signal says when, not what."""
    from lerend_netwerk.tekst import vouw

    signalen = {w for s in kb.planregels.afspraak_woorden for w in vouw(s).split()}
    return " ".join(w for w in re.findall(r"[\w.()'-]+|,", vouw(tekst)) if w not in signalen)


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
        op_naam = [wid for naam, wid in namen if naam in gevouwen]
        if op_naam:
            return list(dict.fromkeys(op_naam))
        if not gevouwen.strip():
            return []
        from lerend_netwerk.zoeken import laad_zoeker

        # only what the search ranks among its first two, so a note about something else finds nothing
        resultaten = laad_zoeker(kb).zoek(tekst)[:2]
        return [r.id for r in resultaten if r.soort == "werkvorm" and (r.score or 0) >= MINIMALE_SCORE]

    return koppel
