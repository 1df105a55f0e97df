"""The second opinion: how much a query looks like an entry's phrasings, letter by letter.

Every title, phrasing and example complaint becomes a vector of the letter
sequences (n-grams, 3 to 5 letters, with the word's edges) of its words, weighed
by tf-idf over all phrasings. A query's similarity to an entry is the mean of its
cosines with the entry's `buren` nearest phrasings. Letter sequences need no
vocabulary: "afzegingen", "afmeldingen" and "zeggen af" share "af", "zeg" and
"ing"; a compound shares the letters of its parts. docs/zoeken.md says how the
two opinions are combined.

The postings are flat arrays, and the n-grams one sorted string (`Sleutels`):
read from the cache in a few milliseconds, where a dictionary of lists of
tuples took 200.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict

from lerend_netwerk.zoeken.sleutels import Postings
from lerend_netwerk.zoeken.vouwen import woorden


class NgramIndex:
    def __init__(
        self, zinnen: list[tuple[int, str]], lengtes: tuple[int, ...], buren: int, min_idf: float, stop: frozenset[str]
    ) -> None:
        """`zinnen`: (document number, text) for every phrasing of every document. An n-gram in so many
        phrasings that its idf is below `min_idf` ('ing', 'en ') counts in a vector's length but keeps no
        postings: it says little and would cost most of the time."""
        self.lengtes = lengtes
        self.buren = buren
        self.stop = stop
        tellingen = [(doc, c) for doc, c in ((doc, self._tel(tekst)) for doc, tekst in zinnen) if c]
        df = Counter(g for _, c in tellingen for g in c)
        n = len(tellingen)
        self.idf_max = math.log(n) if n else 1.0
        idf = {g: math.log(n / d) for g, d in df.items()}
        per_gram: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for nummer, (_, c) in enumerate(tellingen):
            for g, w in _eenheid({g: (1 + math.log(x)) * idf[g] for g, x in c.items()}).items():
                per_gram[g].append((nummer, w))
        self.doc_van = array("H", (doc for doc, _ in tellingen))
        self.postings = Postings({g: p if idf[g] >= min_idf else () for g, p in per_gram.items()})
        self.idf = array("d", (idf[g] for g in self.postings.sleutels.lijst()))  # aligned with the n-grams

    def _tel(self, tekst: str) -> Counter[str]:
        c: Counter[str] = Counter()
        for woord in woorden(tekst):
            if woord in self.stop:
                continue
            rand = f" {woord} "
            for n in self.lengtes:
                c.update(rand[i : i + n] for i in range(len(rand) - n + 1))
        return c

    def scores(self, vraag: str, aantal_documenten: int) -> list[float]:
        """Per document: the mean cosine of the query with its `buren` most similar phrasings.
        An n-gram no phrasing has weighs as the rarest: it matches nothing, and makes the query
        look less like everything ('printer')."""
        idf = self.idf
        vector = {}
        for g, x in self._tel(vraag).items():
            nummer = self.postings.sleutels.nummer(g)
            vector[nummer if nummer is not None else g] = (1 + math.log(x)) * (
                idf[nummer] if nummer is not None else self.idf_max
            )
        cosinus: dict[int, float] = defaultdict(float)
        nummers, gewichten, begin = self.postings.nummers, self.postings.waarden, self.postings.begin
        for g, wq in _eenheid(vector).items():
            if isinstance(g, str):
                continue
            for k in range(begin[g], begin[g + 1]):
                cosinus[nummers[k]] += wq * gewichten[k]
        per_doc: list[list[float]] = [[] for _ in range(aantal_documenten)]
        for nummer, c in cosinus.items():
            per_doc[self.doc_van[nummer]].append(c)
        return [sum(sorted(c, reverse=True)[: self.buren]) / self.buren for c in per_doc]


def _eenheid(v: dict) -> dict:
    """The vector at length one."""
    lengte = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / lengte for k, x in v.items()} if lengte else {}
