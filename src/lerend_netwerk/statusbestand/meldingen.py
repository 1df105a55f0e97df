"""What the state file's problems say: advice texts and the errors shared by several modules."""

from __future__ import annotations

from pathlib import Path

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.tekst import suggestie

ADVIES = (
    "verbeter dit in het statusbestand met een teksteditor (de README legt elk veld uit, "
    "onder 'Het statusbestand'); er is niets veranderd."
)
ADVIES_GEEN = "maak er een met 'ln init', of wijs met --netwerk of LN_NETWERK het goede bestand aan."


def geen_bestand(pad: Path, bericht: str = "hier staat nog geen statusbestand") -> LnFout:
    """The file is missing (or is no file): point to `ln init` and `--netwerk`."""
    return LnFout(bericht, bestand=pad, advies=ADVIES_GEEN)


def geen_fase(fase: str) -> LnFout:
    return LnFout(f"'{fase}' is geen fase." + suggestie(fase, FASE_IDS), advies=f"kies uit: {', '.join(FASE_IDS)}.")


def niet_veilig(pad: Path) -> LnFout:
    """An edit would change more than it should (or does not parse back): nothing is written."""
    return LnFout(
        "dit bestand kan ik niet aanpassen zonder iets anders erin te veranderen. Er is niets veranderd.",
        bestand=pad,
        advies="voeg de wijziging zelf toe met een teksteditor, of maak de opmaak van het bestand gewoner "
        "(zie het voorbeeld in de README, 'Het statusbestand').",
    )
