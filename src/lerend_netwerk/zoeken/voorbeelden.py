"""Example complaints: each entry's problem as kartrekkers put it in their own words.

`data/zoekvoorbeelden.yaml` holds, per entry id, sentences a kartrekker might type
when facing that problem ("het kabbelt maar wat"). They are our own, written from
the Handreiking's text by people who never saw the search; the search matches them
like the entry's own phrasings, and `ln` never shows them. Under `onzin` stand
questions about something else (a child that bites, the rota, the printer): a
query that looks more like those than like any entry gets no answer.
docs/zoeken.md says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.zoeken.instellingen import ADVIES as _ADVIES
from lerend_netwerk.zoeken.instellingen import lees_meegeleverd_bestand

VOORBEELD_BESTAND = "data/zoekvoorbeelden.yaml"


class Voorbeelden(NamedTuple):
    per_id: dict[str, tuple[str, ...]]
    regels: dict[str, int | None]  # the line of each id, for an error about it
    bestand: str
    onzin: tuple[str, ...] = ()  # questions about something else: what the search must not answer

    def controleer(self, bekende_ids: set[str]) -> None:
        """Every id must be an entry of the knowledge base: an unknown one is a typo."""
        from lerend_netwerk.tekst import suggestie

        for entry_id in self.per_id:
            if entry_id not in bekende_ids:
                raise LnFout(
                    f"voorbeelden bij '{entry_id}': dat id staat niet in de kennisbank."
                    + suggestie(entry_id, sorted(bekende_ids)),
                    bestand=self.bestand,
                    regel=self.regels.get(entry_id),
                    advies=_ADVIES,
                )


GEEN = Voorbeelden({}, {}, VOORBEELD_BESTAND)


def lees_voorbeeldbestand(pad: Path | None = None) -> tuple[str, bytes]:
    """The name to show in errors and the bytes of `data/zoekvoorbeelden.yaml` (or of `pad`)."""
    return lees_meegeleverd_bestand(VOORBEELD_BESTAND, "de zoekvoorbeelden", pad)


def voorbeelden_uit(inhoud: bytes, bestand: str) -> Voorbeelden:
    """The validated examples in these bytes; every error names file, line and id."""
    from lerend_netwerk.velden import Velden
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    top = Velden(lees_yaml_bytes(inhoud, bestand, _ADVIES), bestand, "het bestand", _ADVIES, regel=1)
    top.alleen(("voorbeelden", "onzin"))
    blok = top.blok("voorbeelden", "veld 'voorbeelden'")
    per_id = {}
    for entry_id in blok.data:
        zinnen = blok.teksten(str(entry_id), verplicht=True)
        if not all(z.strip() for z in zinnen):
            raise blok.fout(str(entry_id), "een voorbeeld is leeg")
        per_id[str(entry_id)] = zinnen
    onzin = top.teksten("onzin")
    if not all(z.strip() for z in onzin):
        raise top.fout("onzin", "een voorbeeld is leeg")
    return Voorbeelden(per_id, {i: blok.regel_van(i) for i in per_id}, bestand, onzin)


def laad_voorbeelden(pad: Path | None = None) -> Voorbeelden:
    bestand, inhoud = lees_voorbeeldbestand(pad)
    return voorbeelden_uit(inhoud, bestand)
