"""The index: every entry as an analysed document, and how much each token weighs.

Building it stems some 1,800 words with a pure-Python stemmer (~90 ms), so
`zoeker.laad_zoeker` keeps it in the cache; everything in it pickles.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import NamedTuple

from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.zoeken.analyse import Analyse, Tekst, Term
from lerend_netwerk.zoeken.documenten import Resultaat, Velden, documenten
from lerend_netwerk.zoeken.instellingen import VELDSOORTEN, ZoekInstellingen
from lerend_netwerk.zoeken.ngrammen import NgramIndex
from lerend_netwerk.zoeken.voorbeelden import GEEN, Voorbeelden
from lerend_netwerk.zoeken.voorbeeldindex import VoorbeeldIndex, kern
from lerend_netwerk.zoeken.vouwen import CONCEPT


class Zin(NamedTuple):
    """A title or a phrasing: matched as a whole. Its terms, not its `Tekst`: a phrase's groups
    are single words, and the 600 `Tekst`s took a third of the documents' unpickling."""

    veldgewicht: float
    termen: list[Term]
    gewichten: list[float]  # the weight of each of its terms


class Document(NamedTuple):
    resultaat: Resultaat
    zinnen: list[Zin]
    alles: set[str]  # every token of the document, its plain text included


class Index:
    def __init__(self, kennisbank: Kennisbank, inst: ZoekInstellingen, voorbeelden: Voorbeelden = GEEN) -> None:
        self.inst = inst
        bronnen = documenten(kennisbank, inst, voorbeelden)
        voorbeelden.controleer({resultaat.id for resultaat, _ in bronnen})
        # the vocabulary and the weights come from the entries that answer a problem; the aims
        # (searched too, by their problem texts) change neither, so they take no answer from the others
        antwoorden = [(resultaat, velden) for resultaat, velden in bronnen if resultaat.soort != "doel"]
        # the example complaints are our own words, not the Handreiking's: they add no known word
        # (an unknown word is evidence of another subject) and no weight, only phrasings to match
        self.analyse = Analyse(
            inst, [tekst for _, velden in antwoorden for soort, tekst in velden if soort != "voorbeeld"]
        )
        ontleed = [(resultaat, *self._ontleed(velden)) for resultaat, velden in bronnen]
        # the questions about something else are one more document, after the entries
        self.onzin = len(bronnen)
        teksten = [(nummer, tekst) for nummer, (_, velden) in enumerate(bronnen) for soort, tekst in velden if soort == "voorbeeld"]
        teksten += [(self.onzin, tekst) for tekst in voorbeelden.onzin]
        with self.analyse.ws.zonder_onthouden():
            analyse = [(nummer, self._kernen(tekst)) for nummer, tekst in teksten]
        gewogen = [alles for resultaat, _, alles in ontleed if resultaat.soort != "doel"]
        df = Counter(token for alles in gewogen for token in alles)
        n = len(gewogen)
        # BM25's idf: rare words weigh much, words in half the documents little
        self.idf = {t: math.log((n - d + 0.5) / (d + 0.5) + 1.0) for t, d in df.items()}
        self.idf_max = math.log((n - 1 + 0.5) / 1.5 + 1.0) if n else 1.0
        # who or where, not what goes wrong: weighs less, and alone is no answer
        self.context = set()
        for woord in inst.contextwoorden:
            stam = self.analyse.ws.stam(woord)
            self.context.add(stam)
            concept = self.analyse.ws.concept_van.get(stam)
            if concept is not None:
                self.context.add(concept)
        self.documenten = [
            Document(resultaat, [self._zin(g, zin) for g, zin in zinnen], alles) for resultaat, zinnen, alles in ontleed
        ]
        self.voorbeelden = VoorbeeldIndex(analyse, lambda token: self.gewicht({token: 1.0}))
        eigen = [(nummer, tekst) for nummer, (_, velden) in enumerate(bronnen) for soort, tekst in velden if soort in VELDSOORTEN]
        self.ngrammen = NgramIndex(
            eigen + [(self.onzin, tekst) for tekst in voorbeelden.onzin],
            inst.ngrammen.lengtes, inst.ngrammen.buren, inst.ngrammen.min_idf, inst.stopwoorden,
        )

    def _kernen(self, tekst: str) -> tuple[str, ...]:
        return tuple(kern(term) for term in self.analyse.analyseer(tekst, vraag=False).termen)

    def _zin(self, veldgewicht: float, tekst: Tekst) -> Zin:
        return Zin(veldgewicht, tekst.termen, [self.gewicht(t) for t in tekst.termen])

    def _ontleed(self, velden: Velden) -> tuple[list[tuple[float, Tekst]], set[str]]:
        """A document's own phrases with their field weight, and all its own tokens (not its examples')."""
        zinnen: list[tuple[float, Tekst]] = []
        alles: set[str] = set()
        for soort, tekst in velden:
            if soort == "voorbeeld":
                continue
            analyse = self.analyse.analyseer(tekst, vraag=False)
            if soort != "tekst" and analyse.termen:
                zinnen.append((self.inst.veldgewichten[soort], analyse))
            for term in analyse.termen:
                alles.update(term)
        return zinnen, alles

    def gewicht(self, term: Term) -> float:
        """How much a word says: the idf of its concept if it has one (synonyms weigh
        the same), else of its rarest alternative; an unknown word weighs `onbekend`."""
        factor = self.inst.context if self.is_context(term) else 1.0
        concepten = [self.idf[t] for t in term if t.startswith(CONCEPT) and t in self.idf]
        if concepten:
            return factor * max(concepten)
        bekend = [self.idf[t] for t in term if t in self.idf]
        if bekend:
            return factor * max(bekend)
        return self.inst.onbekend * self.idf_max

    def over_iets_anders(self, vraag: str) -> bool:
        """Whether the query names something of another subject ('printer', 'koorts'), also as the
        start or the end of a longer word ('cadeautje', 'zwangerschapsverlof'). Words, not stems:
        Snowball makes 'jaar' of 'jarig' and 'uit' of 'uitje'."""
        from lerend_netwerk.zoeken.vouwen import woorden

        anders = self.inst.ander_onderwerp  # a tuple: str.startswith tries them all at C speed
        return any(woord.startswith(anders) or woord.endswith(anders) for woord in woorden(vraag))

    def is_context(self, term: Term) -> bool:
        """A word that says who or where ('directeur', 'kind'), not what goes wrong."""
        return any(t in self.context for t in term)
