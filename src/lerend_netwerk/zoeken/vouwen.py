"""Folding a text to plain words (`tekst.vouw_woorden`, on the one folding), split into words and clauses:
the first step for documents, queries and search data alike."""

from __future__ import annotations

import re

from lerend_netwerk.tekst import vouw_woorden

__all__ = ["CONCEPT", "vouw_woorden", "woorden", "zinsdelen"]

CONCEPT = "~"  # a synonym group's token starts with this; no folded word can
GETAL = "0"  # any number, written or in words: "4 van de 12" and "vier van de twaalf" read "0 van de 0"

_ZINSDELEN = re.compile(r"[,.;:!?()\[\]\n]+|\s[-–]\s")  # clause boundaries


def woorden(tekst: str) -> list[str]:
    return vouw_woorden(tekst).split()


def zinsdelen(tekst: str) -> list[str]:
    """The clauses of a text, split at punctuation: words are only joined within one."""
    return _ZINSDELEN.split(tekst)
