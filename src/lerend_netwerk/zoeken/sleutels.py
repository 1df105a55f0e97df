"""Many short keys kept as one string: cheap to read from the cache, found by bisection.

A dictionary of 25,000 n-grams takes milliseconds to unpickle on every run; one
string takes microseconds, and splitting it when the first query needs it about a
millisecond. The keys must not contain a newline (folded words never do).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping


class Sleutels:
    def __init__(self, sleutels: Iterable[str]) -> None:
        """The keys in sorted order: key number i is the i-th smallest."""
        self._tekst = "\n".join(sorted(sleutels))
        self._lijst: list[str] | None = None

    def __getstate__(self) -> tuple[str]:
        return (self._tekst,)  # a tuple: pickle skips __setstate__ for a false state, such as ""

    def __setstate__(self, toestand: tuple[str]) -> None:
        (self._tekst,) = toestand
        self._lijst = None

    def lijst(self) -> list[str]:
        if self._lijst is None:
            self._lijst = self._tekst.split("\n") if self._tekst else []
        return self._lijst

    def nummer(self, sleutel: str) -> int | None:
        """The number of this key, or None if it is not one of them."""
        lijst = self.lijst()
        i = bisect_left(lijst, sleutel)
        return i if i < len(lijst) and lijst[i] == sleutel else None


class Postings:
    """Per key a run of (number, value) pairs, flat: key number i owns positions begin[i]..begin[i + 1]
    of `nummers` and `waarden`. Arrays unpickle as one copy each, where a list per key took milliseconds."""

    def __init__(self, per_sleutel: Mapping[str, Iterable[tuple[int, float]]]) -> None:
        self.sleutels = Sleutels(per_sleutel)
        self.begin = array("I")
        self.nummers = array("H")
        self.waarden = array("f")
        for sleutel in self.sleutels.lijst():
            self.begin.append(len(self.nummers))
            for nummer, waarde in per_sleutel[sleutel]:
                self.nummers.append(nummer)
                self.waarden.append(waarde)
        self.begin.append(len(self.nummers))

    def plek(self, sleutel: str) -> range | None:
        """The positions of this key's pairs, or None if it is no key."""
        i = self.sleutels.nummer(sleutel)
        return None if i is None else range(self.begin[i], self.begin[i + 1])
