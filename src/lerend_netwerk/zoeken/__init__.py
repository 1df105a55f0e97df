"""Finding the Handreiking's answer to a problem told in the kartrekker's own words.

Pure: no terminal, no questions. `laad_zoeker(kennisbank).zoek("er zeggen
steeds mensen af")` returns the entries the search stands behind, best first,
each with a score between 0 and 1. docs/zoeken.md explains the why.

- `instellingen`: what the search knows, from `data/zoeken.yaml`;
- `vouwen`, `woordenschat`, `samenstellingen`, `tikfouten`, `analyse`: a text
  (document or query) into terms: fold, stem, glue, synonyms, compounds, typos;
- `documenten`: the entries of the knowledge base as documents and results;
- `index`: the analysed documents and the weight of every token;
- `rangschikking`: the score and the threshold;
- `zoeker`: `Zoeker`, and `laad_zoeker`, which keeps the built index in the cache;
- `basis`: plain word overlap, the baseline for the benchmark.

The names below are loaded on first use, so that listing the pitfalls
(`alle_valkuilen`) does not import the search itself.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_MODULE_VAN = {
    "WoordOverlap": "basis",
    "Resultaat": "documenten",
    "alle_valkuilen": "documenten",
    "resultaat_van": "documenten",
    "SOORTEN": "instellingen",
    "ZOEK_BESTAND": "instellingen",
    "ZoekInstellingen": "instellingen",
    "laad_instellingen": "instellingen",
    "lees_instellingen": "instellingen",
    "vouw_woorden": "vouwen",
    "woorden": "vouwen",
    "Zoeker": "zoeker",
    "laad_zoeker": "zoeker",
}
__all__ = [
    "SOORTEN", "ZOEK_BESTAND", "Resultaat", "WoordOverlap", "ZoekInstellingen", "Zoeker", "alle_valkuilen",
    "laad_instellingen", "laad_zoeker", "lees_instellingen", "resultaat_van", "vouw_woorden", "woorden",
]


def __getattr__(naam: str) -> object:
    module = _MODULE_VAN.get(naam)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    waarde = getattr(import_module(f"{__name__}.{module}"), naam)
    globals()[naam] = waarde
    return waarde


if TYPE_CHECKING:
    from lerend_netwerk.zoeken.basis import WoordOverlap
    from lerend_netwerk.zoeken.documenten import Resultaat, alle_valkuilen, resultaat_van
    from lerend_netwerk.zoeken.instellingen import (
        SOORTEN,
        ZOEK_BESTAND,
        ZoekInstellingen,
        laad_instellingen,
        lees_instellingen,
    )
    from lerend_netwerk.zoeken.vouwen import vouw_woorden, woorden
    from lerend_netwerk.zoeken.zoeker import Zoeker, laad_zoeker
