"""Folding a text to plain words: the first step for documents, queries and search data alike."""

from __future__ import annotations

import re
import unicodedata

CONCEPT = "~"  # a synonym group's token starts with this; no folded word can
GETAL = "0"  # any number, written or in words: "4 van de 12" and "vier van de twaalf" read "0 van de 0"

_NIET_WOORD = re.compile(r"[^a-z0-9]+")
_ZINSDELEN = re.compile(r"[,.;:!?()\[\]\n]+|\s[-–]\s")  # clause boundaries
_APOSTROF = re.compile(r"['’‘`´]")


def vouw(tekst: str) -> str:
    """Casefold, strip accents and punctuation: 'Ideeënmuur!' -> 'ideeenmuur'."""
    tekst = tekst.casefold()
    if not tekst.isascii():  # most text is plain ASCII: no accents to strip (a third of building the index)
        tekst = "".join(t for t in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(t))
    tekst = _APOSTROF.sub("", tekst)  # collega's -> collegas, zo'n -> zon
    return " ".join(_NIET_WOORD.sub(" ", tekst).split())


def woorden(tekst: str) -> list[str]:
    return vouw(tekst).split()


def zinsdelen(tekst: str) -> list[str]:
    """The clauses of a text, split at punctuation: words are only joined within one."""
    return _ZINSDELEN.split(tekst)
