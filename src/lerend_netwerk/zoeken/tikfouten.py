"""Typing errors: a query word the documents do not know, matched to the closest word they do.

Optimal string alignment (rapidfuzz): a swap of two letters counts as one
error. How many errors are forgiven depends on the word's length
(`tikfouten` in zoeken.yaml); the first letter must be right ('morgen' is not
'borgen').
"""

from __future__ import annotations

from lerend_netwerk.zoeken.woordenschat import Woordenschat


class Tikfouten:
    def __init__(self, woordenschat: Woordenschat) -> None:
        self.ws = woordenschat
        self._cache: dict[str, str | None] = {}
        self._kandidaten: list[str] | None = None  # every known word and stem, made on the first typing error

    def dichtstbij(self, woord: str) -> str | None:
        """The known stem closest to `woord` within the allowed typing errors."""
        if woord not in self._cache:
            self._cache[woord] = self._dichtstbij(woord)
        return self._cache[woord]

    def _toegestaan(self, woord: str) -> int:
        toegestaan = 0
        for regel in self.ws.inst.tikfouten:  # sorted by length
            if len(woord) >= regel.vanaf:
                toegestaan = regel.fouten
        return toegestaan

    def _dichtstbij(self, woord: str) -> str | None:
        toegestaan = self._toegestaan(woord)
        if not toegestaan:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if self._kandidaten is None:
            self._kandidaten = sorted(set(self.ws.vormen) | self.ws.stammen)
        treffers = process.extract(woord, self._kandidaten, scorer=OSA.distance, score_cutoff=toegestaan, limit=5)
        treffers = [t for t in treffers if t[0][:1] == woord[:1]]
        if not treffers:
            return None
        # fewest errors first, then the longest (most specific) word
        beste = min(treffers, key=lambda t: (t[1], -len(t[0]), t[0]))[0]
        stam = self.ws.vormen.get(beste) or beste
        return stam if stam in self.ws.stammen else self.ws.stam(beste)
