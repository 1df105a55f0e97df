"""Compounds: the known parts of a word ('vergadersfeer' -> vergader + sfeer).

The head (the last part) must be a known word; the first part may be unknown
('bovenbouwdirecteur': a kind of director). Parts have at least `min_deel`
letters, and may be joined by a linking sound (`tussenklanken`).
"""

from __future__ import annotations

from lerend_netwerk.zoeken.woordenschat import Woordenschat

Splitsing = tuple[int, tuple[str, ...]]  # how good a split is (longer known parts are better), and its parts


class Samenstellingen:
    def __init__(self, woordenschat: Woordenschat) -> None:
        self.ws = woordenschat
        self.inst = woordenschat.inst
        self._cache: dict[tuple[bool, str], tuple[str, ...] | None] = {}

    def __getstate__(self) -> dict[str, object]:
        # a query splits strictly: the build's memo of every document word is never asked again
        return {**vars(self), "_cache": {sleutel: v for sleutel, v in self._cache.items() if sleutel[0]}}

    def splits(self, woord: str, streng: bool) -> tuple[str, ...] | None:
        """Known parts of a compound, or None.

        With `streng` (for queries) a known first part may also be followed by
        a suffix like '-achtig', and the head may be stemmed. In a query the
        parts count together as one word, so an unknown part still counts as
        not found.
        """
        sleutel = (streng, woord)
        if sleutel not in self._cache:
            self._cache[sleutel] = self._splits(woord, streng)
        return self._cache[sleutel]

    def _splits(self, woord: str, streng: bool) -> tuple[str, ...] | None:
        vast = self.inst.splitsingen.get(woord)
        if vast is not None:
            return tuple(self.ws.stam(d) for d in vast)
        md = self.inst.min_deel
        beste: Splitsing | None = None
        for i in range(md, len(woord) - md + 1):
            kandidaat = self._splitsing(woord[:i], woord[i:], streng)
            if kandidaat is not None and (beste is None or kandidaat[0] > beste[0]):
                beste = kandidaat
        return beste[1] if beste else None

    def _splitsing(self, links: str, rechts: str, streng: bool) -> Splitsing | None:
        """Splitting between `links` and `rechts`, or None if that gives no known head."""
        kop = self._deel_stam(rechts, kop=True, stemmen=streng) if rechts not in self.ws.stop else None
        if kop is None:
            # a known word with a suffix: 'vergader|achtig'
            voor = self._deel_stam(links) if streng and rechts in self.inst.achtervoegsels else None
            return None if voor is None else (len(links), (voor,))
        lengte = min(len(links), len(rechts))
        voor = self._deel_stam(links)
        if voor is not None:
            return lengte + 10, (voor, kop)
        md = self.inst.min_deel
        binnen = self.splits(links, streng) if len(links) >= 2 * md else None
        if binnen:
            return lengte, (*binnen, kop)  # three parts: the first part split once more
        if len(links) >= md + 1:
            return lengte, (self.ws.stam(links), kop)  # an unknown first part: 'bovenbouw|directeur'
        return None

    def _deel_stam(self, deel: str, kop: bool = False, stemmen: bool = False) -> str | None:
        """The stem of a compound part if we know it, trying the linking sounds.

        A part is known when it is a document word or a stem ('vergader'). Only
        the head of a query word is stemmed ('...bijeenkomsten'): stemming every
        substring of every document word would cost more than the rest of the index.
        """
        kandidaten = [deel] if kop else [deel] + [deel[: -len(t)] for t in self.inst.tussenklanken if deel.endswith(t)]
        for k in kandidaten:
            if len(k) < self.inst.min_deel or k in self.ws.stop:
                continue
            if k in self.ws.stammen:
                return k
            s = self.ws.vormen.get(k)
            if s is not None:
                return s
            if kop and stemmen:
                s = self.ws.stam(k)
                if s in self.ws.stammen:
                    return s
        return None
