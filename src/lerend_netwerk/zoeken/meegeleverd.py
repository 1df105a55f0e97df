"""The search index of the bundled knowledge base, built once by us and shipped in the package.

Building the index analyses some 3,200 phrasings and example complaints (about a
second in pure Python); a kartrekker's first `ln valkuil` should not wait for
that. So `zoekindex.pickle` beside this module holds the index of the bundled
knowledge base, with a key made of everything it was built from: the bytes of
the knowledge base, of `data/zoeken.yaml` and `data/zoekvoorbeelden.yaml`, the
source of the search code and the stemmer's version. Only when the key matches
exactly is it used; otherwise (a library of one's own, a changed file) the index
is built as before and kept in the cache. docs/zoeken.md, "Speed".

After changing the data or the search code, build it again:

    .venv/bin/python -m lerend_netwerk.zoeken.meegeleverd

(tests/test_zoeken.py fails while it is out of date.)
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.zoeken.zoeker import Zoeker

BESTAND = "zoekindex.pickle"
# the code whose classes are in the pickle or whose logic shapes the index
_CODE = ("zoeken/*.py", "kennisbank/*.py", "tekst.py", "velden.py", "yamlbron.py", "fouten.py")


def sleutel(kennisbank: Kennisbank, zoekgegevens: bytes, voorbeelden: bytes) -> str:
    from lerend_netwerk import cache

    pakket = Path(__file__).resolve().parents[1]
    code = [pad.read_bytes() for patroon in _CODE for pad in sorted(pakket.glob(patroon))]
    stemmer = [d.encode() for d in cache._bibliotheek_versies() if d.lower().startswith("pystemmer")]
    return cache.inhoudssleutel([kennisbank.inhoud.encode(), zoekgegevens, voorbeelden, *code, *stemmer])


def lees(kennisbank: Kennisbank, zoekgegevens: bytes, voorbeelden: bytes) -> Zoeker | None:
    """The shipped index, if it was built from exactly this; else None."""
    from lerend_netwerk import pakketbytes

    if not kennisbank.inhoud:
        return None
    try:
        bewaard_sleutel, zoeker = pickle.loads(pakketbytes("zoeken", BESTAND))  # noqa: S301 - our own file, shipped in the package
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    if bewaard_sleutel != sleutel(kennisbank, zoekgegevens, voorbeelden):
        return None
    return zoeker


def bouw(doel: Path | None = None) -> Path:
    """Build the index of the bundled knowledge base and write it, with its key, beside this module."""
    from lerend_netwerk import cache
    from lerend_netwerk.kennisbank import laad_kennisbank
    from lerend_netwerk.zoeken.instellingen import instellingen_uit, lees_zoekbestand
    from lerend_netwerk.zoeken.voorbeelden import lees_voorbeeldbestand, voorbeelden_uit
    from lerend_netwerk.zoeken.zoeker import Zoeker

    cache.gebruik(None)  # build from the files, not from anything cached
    try:
        kennisbank = laad_kennisbank()
        bestand, zoekgegevens = lees_zoekbestand()
        voorbeeldbestand, voorbeelden = lees_voorbeeldbestand()
        zoeker = Zoeker(kennisbank, instellingen_uit(zoekgegevens, bestand), voorbeelden_uit(voorbeelden, voorbeeldbestand))
        inhoud = pickle.dumps((sleutel(kennisbank, zoekgegevens, voorbeelden), zoeker), protocol=5)
    finally:
        cache.vergeet()
    doel = doel or Path(__file__).resolve().parent / BESTAND
    doel.write_bytes(inhoud)
    return doel


if __name__ == "__main__":
    pad = bouw()
    print(f"{pad}: {pad.stat().st_size:,} bytes")
