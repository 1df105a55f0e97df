"""Text shared by every matcher: folding (case and accents do not count) and 'Bedoelde je' suggestions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NIET_WOORD = re.compile(r"[^a-z0-9]+")
_APOSTROF = re.compile(r"['’‘`´]")


def vouw(tekst: str) -> str:
    """The one folding of every matcher: 'Ideeënmuur' -> 'ideeenmuur' (casefolded, accents removed);
    punctuation stays, for matchers that split on it."""
    tekst = tekst.casefold()
    if tekst.isascii():  # most text is plain ASCII: no accents to strip (a third of building the index)
        return tekst
    return "".join(t for t in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(t))


def vouw_woorden(tekst: str) -> str:
    """`vouw`, then apostrophes and punctuation out: plain words, as the search and
    `ln werkvormen --zoek` compare them: 'Ideeënmuur!' -> 'ideeenmuur', "collega's" -> 'collegas'."""
    tekst = _APOSTROF.sub("", vouw(tekst))  # collega's -> collegas, zo'n -> zon
    return " ".join(_NIET_WOORD.sub(" ", tekst).split())


def bedoeld(woord: str, mogelijk: Iterable[str], *, aantal: int = 3, drempel: float = 0.6) -> list[str]:
    """The ids closest to a mistyped one, best first: the one matcher behind every 'Bedoelde je'."""
    import difflib

    return difflib.get_close_matches(str(woord), sorted(mogelijk), n=aantal, cutoff=drempel)


def suggestie(woord: str, mogelijk: Iterable[str], *, aantal: int = 3, drempel: float = 0.6) -> str:
    """' Bedoelde je: x?' for a close match, or an empty string."""
    return bedoeld_tekst(bedoeld(woord, mogelijk, aantal=aantal, drempel=drempel))


def bedoeld_tekst(treffers: list[str]) -> str:
    return " Bedoelde je: " + ", ".join(treffers) + "?" if treffers else ""
