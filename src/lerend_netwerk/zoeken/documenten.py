"""The entries of the knowledge base as search documents, and as the results the search returns.

| entry | phrases (matched as a whole) | text (counts in coverage only) |
| pitfall, tip | `titel`, each `zo_merk_je_het` | `aanpak` |
| precondition | `naam`, each `zo_merk_je_het` | `betekenis`, `aanpak` |
| work form | `naam` and each `kop`, each `helpt_bij` | `beschrijving` |
| aim of a phase | `titel`, each `kernvraag`, each sentence of `beschrijving` | each `signaal` |

Any entry also has its example complaints from `data/zoekvoorbeelden.yaml` as
phrases of their own kind (`voorbeeld`).

An aim's description is the Handreiking's own problem text ('wie alleen komt
halen, kan de motivatie van de anderen ondermijnen'), so its sentences are
matched as phrasings.
"""

from __future__ import annotations

from typing import NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.zoeken.instellingen import ZoekInstellingen, laad_instellingen
from lerend_netwerk.zoeken.voorbeelden import GEEN, Voorbeelden

Velden = list[tuple[str, str]]  # (field kind: titel | formulering | voorbeeld | tekst, the text)


class Resultaat(NamedTuple):
    """One entry the search stands behind (or one picked from the list)."""

    id: str
    soort: str  # valkuil | tip | randvoorwaarde | werkvorm | doel
    titel: str
    score: float | None
    aanpak: str
    werkvormen: tuple[str, ...]
    bron: tuple[str, ...]
    fasen: tuple[str, ...]
    zo_merk_je_het: tuple[str, ...]  # a work form: helpt_bij; an aim: its key questions
    voor: str = "netwerk"  # netwerk | kartrekker
    aanpak_eigen: bool = False
    aanpak_stappen: tuple[str, ...] = ()
    twijfel: bool = False  # the search is unsure: this is one of the choices it offers

    def als_json(self) -> dict:
        """The result for other programs. `bron` is one string (or null), like `ln werkvorm --json`;
        a work form lists what it helps with under `helpt_bij`, the others how the problem shows
        under `zo_merk_je_het`."""
        uit = {
            "id": self.id,
            "titel": self.titel,
            "soort": self.soort,
            "score": None if self.score is None else round(self.score, 3),
            "aanpak": self.aanpak,
            "werkvormen": list(self.werkvormen),
            "bron": "; ".join(self.bron) or None,
            "fasen": list(self.fasen),
            "twijfel": self.twijfel,
        }
        if self.soort == "werkvorm":
            uit["helpt_bij"] = list(self.zo_merk_je_het)
        elif self.soort == "doel":
            uit["kernvragen"] = list(self.zo_merk_je_het)
        else:
            uit["zo_merk_je_het"] = list(self.zo_merk_je_het)
            uit["voor"] = self.voor
        if self.soort == "randvoorwaarde":
            uit["aanpak_eigen"] = self.aanpak_eigen
        return uit


def documenten(
    kb: Kennisbank, inst: ZoekInstellingen, voorbeelden: Voorbeelden = GEEN
) -> list[tuple[Resultaat, Velden]]:
    """Every entry as a result, with its texts tagged by field kind, in the order of the data."""
    uit = [(r, velden + [("voorbeeld", z) for z in voorbeelden.per_id.get(r.id, ())]) for r, velden in _eigen(kb, inst)]
    return uit


def _eigen(kb: Kennisbank, inst: ZoekInstellingen) -> list[tuple[Resultaat, Velden]]:
    """Every entry with the texts of the knowledge base itself."""
    uit = []
    for k in kb.valkuilen.values():
        r = Resultaat(
            id=k.id, soort=k.soort, titel=k.titel, score=None, aanpak=k.aanpak, werkvormen=k.werkvormen,
            bron=k.bron, fasen=k.fasen, zo_merk_je_het=k.zo_merk_je_het, voor=k.voor,
        )
        uit.append((r, [("titel", k.titel), *_formuleringen(k.zo_merk_je_het), ("tekst", k.aanpak)]))
    for rv in kb.randvoorwaarden:
        r = Resultaat(
            id=rv.id, soort="randvoorwaarde", titel=rv.naam, score=None, aanpak=" ".join(rv.aanpak),
            werkvormen=rv.werkvormen, bron=rv.bron, fasen=inst.randvoorwaarden_fasen,
            zo_merk_je_het=rv.zo_merk_je_het, aanpak_eigen=rv.aanpak_eigen, aanpak_stappen=rv.aanpak,
        )
        teksten = [("tekst", t) for t in (rv.betekenis, *rv.aanpak)]
        uit.append((r, [("titel", rv.naam), *_formuleringen(rv.zo_merk_je_het), *teksten]))
    for w in kb.werkvormen.values():
        r = Resultaat(
            id=w.id, soort="werkvorm", titel=w.naam, score=None, aanpak=w.beschrijving, werkvormen=(w.id,),
            bron=w.bronnen, fasen=w.fasen, zo_merk_je_het=w.helpt_bij,
        )
        koppen = [("titel", kop) for kop in dict.fromkeys([w.naam] + [m.kop for m in w.vermeldingen])]
        uit.append((r, [*koppen, *_formuleringen(w.helpt_bij), ("tekst", w.beschrijving)]))
    for fase in kb.fasen:
        for d in fase.doelen:
            werkvormen = tuple(dict.fromkeys(w for s in d.signalen for w in s.werkvormen))
            r = Resultaat(
                id=d.id, soort="doel", titel=d.titel, score=None, aanpak=d.beschrijving, werkvormen=werkvormen,
                bron=(), fasen=(fase.id,), zo_merk_je_het=d.kernvragen,
            )
            zinnen = [z for z in d.beschrijving.replace("; ", ". ").split(". ") if z.strip()]
            teksten = [("tekst", s.tekst) for s in d.signalen]
            uit.append((r, [("titel", d.titel), *_formuleringen((*d.kernvragen, *zinnen)), *teksten]))
    return uit


def _formuleringen(zinnen: tuple[str, ...]) -> Velden:
    return [("formulering", z) for z in zinnen]


def resultaat_van(kennisbank: Kennisbank, entry_id: str, instellingen: ZoekInstellingen | None = None) -> Resultaat:
    """The entry with this id as a result without a score (for a pick from the list)."""
    for r, _ in _eigen(kennisbank, instellingen or laad_instellingen()):
        if r.id == entry_id:
            return r
    raise LnFout(
        f"'{entry_id}' staat niet in de kennisbank",
        advies="'ln valkuil --alle' toont alle valkuilen, tips en randvoorwaarden met hun id.",
    )


def alle_valkuilen(kennisbank: Kennisbank, instellingen: ZoekInstellingen | None = None) -> list[Resultaat]:
    """Every precondition, pitfall and tip as a result without a score, in the order of the data."""
    return [
        r for r, _ in _eigen(kennisbank, instellingen or laad_instellingen()) if r.soort not in ("werkvorm", "doel")
    ]
