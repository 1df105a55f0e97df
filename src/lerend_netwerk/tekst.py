"""Text folding shared by every matcher: case and accents do not count."""

from __future__ import annotations

import unicodedata


def vouw(tekst: str) -> str:
    """'Ideeënmuur' -> 'ideeenmuur': casefolded, accents removed."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))
