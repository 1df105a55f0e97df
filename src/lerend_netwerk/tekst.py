"""Text folding shared by every matcher: case and accents do not count."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def vouw(tekst: str) -> str:
    """'Ideeënmuur' -> 'ideeenmuur': casefolded, accents removed."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))


def suggestie(woord: str, mogelijk: Iterable[str]) -> str:
    """' Bedoelde je: x?' for a close match, or an empty string."""
    import difflib

    treffers = difflib.get_close_matches(str(woord), list(mogelijk), n=3, cutoff=0.6)
    if not treffers:
        return ""
    return " Bedoelde je: " + ", ".join(treffers) + "?"
