"""Many short keys kept as one string: cheap to read from the cache, found by bisection.

A dictionary of 25,000 n-grams takes milliseconds to unpickle on every run; one
string takes microseconds, and splitting it when the first query needs it about a
millisecond. The keys must not contain a newline (folded words never do).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class Sleutels:
    def __init__(self, sleutels: Iterable[str]) -> None:
        """The keys in sorted order: key number i is the i-th smallest."""
        self._tekst = "\n".join(sorted(sleutels))
        self._lijst: list[str] | None = None

    def __getstate__(self) -> str:
        return self._tekst

    def __setstate__(self, tekst: str) -> None:
        self._tekst = tekst
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
