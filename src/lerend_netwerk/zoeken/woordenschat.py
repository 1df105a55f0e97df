"""The vocabulary of the documents: every word with its stem, and the synonyms as stems.

Stemming is Snowball's Dutch stemmer, with `vaste_stammen` from zoeken.yaml
where it joins words that differ here, and `uitgangen` tried when a stem is
unknown ('experts' -> 'expert'). A stop word is its own stem.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.zoeken.instellingen import ZOEK_BESTAND, ZoekInstellingen
from lerend_netwerk.zoeken.vouwen import CONCEPT, vouw_woorden, woorden

Lid = tuple[tuple[str, ...], str]  # a synonym of several words, as stems, with its concept


@functools.cache
def _stemmer():  # noqa: ANN202 - PyStemmer's own type
    # PyStemmer is Snowball's own C code: the same stems as the pure-Python snowballstemmer
    # (checked on every word of the Handreiking and the data), 19 times faster
    import Stemmer

    return Stemmer.Stemmer("dutch")


@functools.cache
def snowball(woord: str) -> str:
    return _stemmer().stemWord(woord)


class Woordenschat:
    """Every word the documents and the synonyms know. Built in two passes: first
    every stem, then what needs them all (`stam`, the synonyms, the separable verbs)."""

    def __init__(self, inst: ZoekInstellingen, teksten: Iterable[str]) -> None:
        self.inst = inst
        self.stop = inst.stopwoorden
        self.stammen: set[str] = set()  # the stem of every document, compound part and synonym word
        self.vormen: dict[str, str] = {}  # folded document word -> its stem
        self._stam_cache: dict[str, str] = {}
        self._leer_stammen(teksten)
        # the vocabulary is complete: from here on `stam` may be used (and memoised)
        synoniem_vormen = [w for g in inst.synoniemen for lid in g.woorden for w in lid.split()]
        self.bekende_vormen = set(self.vormen) | set(synoniem_vormen)
        self.concept_van: dict[str, str] = {}  # the stem of a one-word synonym -> its concept
        self.met_stam = self._leer_synoniemen()  # a stem -> the synonyms of several words looked for from it
        self.geplakt = self._leer_scheidbaar(list(self.vormen) + synoniem_vormen)  # (part, stem) -> verb

    def ruw(self, woord: str) -> str:
        """Snowball's stem, unless zoeken.yaml fixes it for this word; a stop word is its own stem."""
        vast = self.inst.vaste_stammen.get(woord)
        if vast is not None:
            return vast
        if woord in self.stop:
            return woord
        return snowball(woord)

    @contextmanager
    def zonder_onthouden(self) -> Iterator[None]:
        """Stems looked up inside are not memoised beyond it: the example complaints' thousands of
        words are each needed once, and the memo is stored with the index."""
        bewaard = dict(self._stam_cache)
        try:
            yield
        finally:
            self._stam_cache = bewaard

    def stam(self, woord: str) -> str:
        """The stem, trying an extra ending when that gives a stem we know ('experts')."""
        gevonden = self._stam_cache.get(woord)
        if gevonden is None:
            gevonden = self._stam_cache[woord] = self._stam(woord)
        return gevonden

    def _stam(self, woord: str) -> str:
        s = self.ruw(woord)
        if s in self.stammen:
            return s
        for uitgang, vervanging in self.inst.uitgangen:
            if woord.endswith(uitgang) and len(woord) - len(uitgang) >= 3:
                ander = self.ruw(woord[: -len(uitgang)] + vervanging)
                if ander in self.stammen and ander not in self.stop:  # "bijt" is no "bij"
                    return ander
        return s

    def _leer_stammen(self, teksten: Iterable[str]) -> None:
        for tekst in teksten:
            for w in woorden(tekst):
                s = self.ruw(w)
                self.stammen.add(s)
                self.vormen.setdefault(w, s)
        for delen in self.inst.splitsingen.values():
            self.stammen.update(self.ruw(deel) for deel in delen)
        for groep in self.inst.synoniemen:
            for lid in groep.woorden:
                self.stammen.update(self.ruw(w) for w in lid.split())

    def _leer_synoniemen(self) -> dict[str, list[Lid]]:
        """Every synonym as stems. A one-word synonym gives its stem a concept; one of
        several words is looked for from its first word that is not a stop word, longest first.

        Every word counts here, stop words too: 'niet komen' is not 'komen'. Two
        groups whose words stem alike are refused: the search could not tell them apart.
        """
        leden: list[Lid] = []
        herkomst: dict[tuple[str, ...], tuple[str, str]] = {}
        for groep in self.inst.synoniemen:
            concept = CONCEPT + vouw_woorden(groep.naam).replace(" ", "-")
            for lid in groep.woorden:
                stammen = tuple(self.stam(w) for w in lid.split())
                eerder = herkomst.get(stammen)
                if eerder is not None and eerder[0] != groep.naam:
                    raise LnFout(
                        f"'{lid}' (groep '{groep.naam}') en '{eerder[1]}' (groep '{eerder[0]}') krijgen dezelfde "
                        f"stam '{' '.join(stammen)}', dus de zoekfunctie kan ze niet uit elkaar houden",
                        bestand=ZOEK_BESTAND,
                        advies="haal een van de twee weg, of zet ze in dezelfde groep.",
                    )
                herkomst[stammen] = (groep.naam, lid)
                if len(stammen) == 1:
                    self.concept_van[stammen[0]] = concept
                else:
                    leden.append((stammen, concept))
        stop_stammen = {self.ruw(w) for w in self.stop}
        met_stam: dict[str, list[Lid]] = {}
        for stammen, concept in sorted(leden, key=lambda lid: -len(lid[0])):
            sleutel = next((s for s in stammen if s not in stop_stammen), stammen[0])
            met_stam.setdefault(sleutel, []).append((stammen, concept))
        return met_stam

    def _leer_scheidbaar(self, vormen: list[str]) -> dict[tuple[str, str], str]:
        """(part, stem of the rest) -> the whole verb, for every known infinitive that starts with a part.

        Only infinitives ('-en'): a separated part belongs to a verb, and 'komst'
        stems like 'komen', so 'toekomst' must not be what 'kom ... toe' means.
        """
        geplakt: dict[tuple[str, str], str] = {}
        md = self.inst.min_deel
        for w in vormen:
            if not w.endswith("en"):
                continue
            for deel in self.inst.scheidbare_delen:
                if w.startswith(deel) and len(w) - len(deel) >= md:
                    sleutel = (deel, self.stam(w[len(deel):]))
                    eerder = geplakt.get(sleutel)
                    if eerder is None or len(w) < len(eerder):
                        geplakt[sleutel] = w
        return geplakt
