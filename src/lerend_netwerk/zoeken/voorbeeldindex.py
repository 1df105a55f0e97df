"""The example complaints, analysed and kept small: an inverted index from token to example.

Each example is kept as the tokens of its words, one per word: its concept when
it has one ('~afzeggen'), else its stem. A query is matched against the examples
that share a token with it, with the same F-measure as the entry's own phrasings
(query side weighed `beta` times), and an entry counts by the mean of its
`buren` best examples: one example that shares a word by chance is no match.

Kept as flat arrays, with the tokens as one string (`Sleutels`), so that reading it
from the cache stays cheap with thousands of examples (the search index is read on
every `ln valkuil`): 2,085 small arrays took 1.4 ms to unpickle.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from lerend_netwerk.zoeken.analyse import Groep, Term
from lerend_netwerk.zoeken.sleutels import Postings
from lerend_netwerk.zoeken.vouwen import CONCEPT


def kern(term: Term) -> str:
    """The one token an example's word is known by: its concept, else its own stem."""
    for token in term:
        if token.startswith(CONCEPT):
            return token
    return next(iter(term))


class VoorbeeldIndex:
    def __init__(self, voorbeelden: Iterable[tuple[int, tuple[str, ...]]], gewicht: Callable[[str], float]) -> None:
        """`voorbeelden`: (document number, the tokens of one example); `gewicht`: a token's weight."""
        self.doc_van = array("H")
        self.totaal = array("d")  # the summed weight of each example's tokens
        postings: dict[str, list[int]] = defaultdict(list)
        gewichten: dict[str, float] = {}
        for nummer, (doc, tokens) in enumerate(voorbeelden):
            uniek = dict.fromkeys(tokens)
            self.doc_van.append(doc)
            for token in uniek:
                postings[token].append(nummer)
                gewichten.setdefault(token, gewicht(token))
            self.totaal.append(sum(gewichten[t] for t in uniek))
        # per token its examples (ascending), each with the token's weight
        self._postings = Postings({t: [(n, gewichten[t]) for n in nummers] for t, nummers in postings.items()})

    def postings(self, token: str) -> Sequence[int]:
        """The examples that hold this token, ascending."""
        plek = self._postings.plek(token)
        return () if plek is None else self._postings.nummers[plek.start : plek.stop]

    def gewicht(self, token: str) -> float:
        plek = self._postings.plek(token)
        return 0.0 if plek is None else self._postings.waarden[plek.start]

    def per_document(
        self, groepen: list[Groep], gewichten: list[float], beta: float, buren: int
    ) -> dict[int, tuple[float, set[int]]]:
        """Per document with a matching example: the mean F-measure of its `buren` best examples,
        and which words of the query (their positions) those examples hold."""
        totaal = sum(gewichten)
        if totaal <= 0:
            return {}
        tokens = {t for groep in groepen for deel in groep for t in deel}
        kandidaten = self._kandidaten(tokens)
        gedekt: dict[int, float] = defaultdict(float)  # per example: the query's weight it covers
        for groep, wq in zip(groepen, gewichten):
            for deel in groep:
                beste: dict[int, float] = {}  # per example: the best quality of this word in it
                for token, kwaliteit in deel.items():
                    for nummer in self._raak(token, kandidaten):
                        if kwaliteit > beste.get(nummer, 0.0):
                            beste[nummer] = kwaliteit
                gewicht = wq / len(groep)
                for nummer, kwaliteit in beste.items():
                    gedekt[nummer] += gewicht * kwaliteit
        eigen: dict[int, float] = defaultdict(float)  # per example: the weight of its own tokens met
        for token in tokens:
            gewicht = self.gewicht(token)
            for nummer in self._raak(token, kandidaten):
                eigen[nummer] += gewicht
        b2 = beta * beta
        per_doc: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for nummer, g in gedekt.items():
            qcov, pcov = g / totaal, eigen[nummer] / self.totaal[nummer]
            per_doc[self.doc_van[nummer]].append(((1 + b2) * qcov * pcov / (b2 * pcov + qcov), nummer))
        uit = {}
        for doc, fs in per_doc.items():
            naaste = sorted(fs, reverse=True)[:buren]
            woorden = {i for _, nummer in naaste for i, groep in enumerate(groepen) if self._bevat(nummer, groep)}
            uit[doc] = (sum(f for f, _ in naaste) / buren, woorden)
        return uit

    def _kandidaten(self, tokens: set[str]) -> set[int] | None:
        """The examples that hold a less common word of the query; None: every example.

        A common token ('~deelnemer', in a third of the examples) only adds to examples
        another word of the query already reached: it cannot make one of them the nearest on
        its own, and looping over its postings took most of the time."""
        kandidaten: set[int] = set()
        for token in tokens:
            postings = self.postings(token)
            if not self._gewoon(postings):
                kandidaten.update(postings)
        return kandidaten or None

    def _raak(self, token: str, kandidaten: set[int] | None) -> Iterable[int]:
        postings = self.postings(token)
        if kandidaten is None or not self._gewoon(postings):
            return postings
        return kandidaten.intersection(postings)

    def _gewoon(self, postings: Sequence[int]) -> bool:
        """A common token: in more than an eighth of the examples."""
        return len(postings) > len(self.doc_van) // 8

    def _bevat(self, nummer: int, groep: Groep) -> bool:
        """Whether this example holds this word of the query (postings are sorted: bisect)."""
        for deel in groep:
            for token in deel:
                postings = self.postings(token)
                if postings:
                    i = bisect_left(postings, nummer)
                    if i < len(postings) and postings[i] == nummer:
                        return True
        return False
