"""The search over one knowledge base, and loading it from the cache.

`laad_zoeker(kb)` is what a command uses: the built index is kept in the
cache (lerend_netwerk.cache) under a key made of the knowledge base's bytes
(`Kennisbank.sleutel`), the bytes of `data/zoeken.yaml` and of
`data/zoekvoorbeelden.yaml`, and the code, so
building it (about a second: thousands of example complaints) happens once
per change; for the bundled knowledge base not even that, since the package
ships its index prebuilt (`meegeleverd`).
"""

from __future__ import annotations

from pathlib import Path

from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.zoeken.analyse import Groep
from lerend_netwerk.zoeken.documenten import Resultaat
from lerend_netwerk.zoeken.index import Document, Index
from lerend_netwerk.zoeken.instellingen import ZoekInstellingen, instellingen_uit, laad_instellingen, lees_zoekbestand
from lerend_netwerk.zoeken.rangschikking import alle_scores, gescoord, kies
from lerend_netwerk.zoeken.voorbeelden import Voorbeelden, laad_voorbeelden, lees_voorbeeldbestand, voorbeelden_uit

_CACHE_NAAM = "zoekindex"


class Zoeker:
    """`Zoeker(kennisbank).zoek("er zeggen steeds mensen af")`: the entries the search
    stands behind, best first, each with a score between 0 and 1."""

    def __init__(
        self, kennisbank: Kennisbank, instellingen: ZoekInstellingen | None = None,
        voorbeelden: Voorbeelden | None = None,
    ) -> None:
        self.index = Index(kennisbank, instellingen or laad_instellingen(), voorbeelden if voorbeelden is not None else laad_voorbeelden())

    @property
    def inst(self) -> ZoekInstellingen:
        return self.index.inst

    @property
    def documenten(self) -> list[Document]:
        return self.index.documenten

    def alle_scores(self, vraag: str, fase: str | None = None) -> list[Resultaat]:
        """Every document with a score above zero, best first (no threshold)."""
        return alle_scores(self.index, vraag, fase)

    def zoek(self, vraag: str, fase: str | None = None) -> list[Resultaat]:
        """The results the search stands behind, best first, at most a few; when it is unsure
        (`Resultaat.twijfel`), the first few to choose from."""
        uitslag = gescoord(self.index, vraag, fase)
        beste = uitslag.gescoord[0].score if uitslag.gescoord else 0.0
        # it looks more like a question about something else than like any entry: like a word of another subject
        iets_anders = self.index.over_iets_anders(vraag) or uitslag.onzin * self.inst.onzin_factor >= beste
        return kies(uitslag.gescoord, self.inst, iets_anders)

    def uitleg(self, vraag: str) -> list[Groep]:
        """How a query is understood: its words with their alternatives (for docs and debugging)."""
        return self.index.analyse.analyseer(vraag, vraag=True).groepen


def laad_zoeker(kennisbank: Kennisbank, pad: Path | None = None) -> Zoeker:
    """The search over this knowledge base with the settings in `data/zoeken.yaml` (or
    `pad`), from the cache when neither (nor the code) changed since it was built."""
    from lerend_netwerk import cache

    bestand, inhoud = lees_zoekbestand(pad)
    voorbeeldbestand, voorbeeldinhoud = lees_voorbeeldbestand()
    if not kennisbank.sleutel:  # not loaded from files: nothing to key a cache on
        return Zoeker(kennisbank, instellingen_uit(inhoud, bestand), voorbeelden_uit(voorbeeldinhoud, voorbeeldbestand))
    sleutel = cache.sleutel([kennisbank.sleutel.encode(), inhoud, voorbeeldinhoud])
    bewaard = cache.lees(_CACHE_NAAM, sleutel)
    if isinstance(bewaard, Zoeker):
        return bewaard
    from lerend_netwerk.zoeken import meegeleverd

    zoeker = meegeleverd.lees(kennisbank, inhoud, voorbeeldinhoud) if pad is None else None
    if zoeker is None:
        zoeker = Zoeker(kennisbank, instellingen_uit(inhoud, bestand), voorbeelden_uit(voorbeeldinhoud, voorbeeldbestand))
    cache.schrijf(_CACHE_NAAM, sleutel, zoeker)
    return zoeker
