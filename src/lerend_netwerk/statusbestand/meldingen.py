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


def weiger_map(pad: Path) -> None:
    """A folder (or '', which is the current folder) is no state file: say so before anything is locked or written."""
    if Path(pad).is_dir():
        welke = " (de huidige map)" if Path(pad) == Path(".") else ""
        raise LnFout(
            f"dit is een map{welke}, geen bestand; geef een bestandsnaam zoals {Path(pad) / 'netwerk.yaml'}",
            bestand=pad,
            advies="wijs het statusbestand aan met --netwerk of LN_NETWERK (of maak er een met 'ln init'); "
            "er is niets veranderd.",
        )


def geen_fase(fase: str) -> LnFout:
    return LnFout(f"'{fase}' is geen fase." + suggestie(fase, FASE_IDS), advies=f"kies uit: {', '.join(FASE_IDS)}.")


def commentaar_in_waarde(pad: Path, sleutel: str, regel: int | None) -> LnFout:
    """A value to be replaced holds a comment the kartrekker wrote: nothing is written rather than lose it."""
    return LnFout(
        f"bij '{sleutel}' van de geplande bijeenkomst staat commentaar dat verloren zou gaan als ik die waarde vervang",
        bestand=pad,
        regel=regel,
        advies=f"zet het commentaar op een eigen regel boven '{sleutel}:' (of haal het weg) en probeer het opnieuw; "
        "er is niets veranderd.",
    )


def niet_veilig(pad: Path) -> LnFout:
    """An edit would change more than it should (or does not parse back): nothing is written."""
    return LnFout(
        "dit bestand kan ik niet aanpassen zonder iets anders erin te veranderen. Er is niets veranderd.",
        bestand=pad,
        advies="voeg de wijziging zelf toe met een teksteditor, of maak de opmaak van het bestand gewoner "
        "(zie het voorbeeld in de README, 'Het statusbestand').",
    )
