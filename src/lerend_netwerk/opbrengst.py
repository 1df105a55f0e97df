"""What the network has yielded: value stories in five cycles, and what the network wants next.

The cycles are our addition, after Wenger, Trayner & De Laat (2011), *Promoting
and assessing value creation in communities and networks*; the Handreiking asks
to make the learning gain visible (Verankering: "Maak de leerwinst zichtbaar",
"Kijk vooruit"). Stored in the state file as two lists, appended with the state
file's guarantees:

    opbrengst:
      - {datum: 2026-11-12, cyclus: toegepast, gebeurd: "...", betekenis: "..."}
    kijk_vooruit:
      - {datum: 2026-11-12, tekst: "..."}
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerend_netwerk.fouten import LnFout

if TYPE_CHECKING:
    from lerend_netwerk.statusbestand.wijzigen import Bijgewerkt

SLEUTEL = "opbrengst"
VOORUIT = "kijk_vooruit"
NIETS = "er is niets opgeslagen."
BRON = ("Wenger, E., Trayner, B. & De Laat, M. (2011). Promoting and assessing value creation in communities "
        "and networks: a conceptual framework. Ruud de Moor Centrum, Open Universiteit.")

# id, name, one plain sentence (our own words)
CYCLI: tuple[tuple[str, str, str], ...] = (
    ("direct", "Directe waarde",
     "De bijeenkomst zelf was de moeite waard: een goed gesprek, een nieuw contact, plezier in het samen leren."),
    ("mogelijk", "Mogelijke waarde",
     "Je hebt iets gekregen dat je later kunt gebruiken: een idee, een werkvorm, een contact of meer zelfvertrouwen."),
    ("toegepast", "Toegepaste waarde",
     "Je hebt iets uit het netwerk echt gedaan in je eigen groep, klas of team."),
    ("gerealiseerd", "Gerealiseerde waarde",
     "Het toepassen heeft iets opgeleverd dat je kunt zien: bij kinderen, ouders, collega's of de organisatie."),
    ("nieuwe-kijk", "Nieuwe kijk",
     "Het netwerk heeft veranderd hoe jij of je organisatie over het werk denkt, of wat jullie belangrijk vinden."),
)
CYCLUS_IDS = tuple(c[0] for c in CYCLI)
CYCLUS_NAMEN = {c[0]: c[1] for c in CYCLI}


@dataclass(frozen=True)
class Verhaal:
    datum: date
    cyclus: str
    gebeurd: str
    betekenis: str


@dataclass(frozen=True)
class Vooruit:
    datum: date
    tekst: str


def cyclus_id(tekst: str) -> str:
    """A cycle given by id, name or number (1-5) as its id; else an `LnFout` with the closest."""
    from lerend_netwerk.tekst import suggestie, vouw

    sleutel = vouw(tekst.strip())
    if sleutel.isdigit() and 1 <= int(sleutel) <= len(CYCLI):
        return CYCLI[int(sleutel) - 1][0]
    for cid, naam, _ in CYCLI:
        if sleutel in (cid, vouw(naam), vouw(naam).split()[0]):
            return cid
    raise LnFout(f"'{tekst}' is geen cyclus van waarde." + suggestie(sleutel, CYCLUS_IDS),
                 advies=f"kies uit: {', '.join(CYCLUS_IDS)} (of 1 tot 5); {NIETS}")


def _tekst(waarde: str | None, wat: str) -> str:
    schoon = " ".join((waarde or "").split()) if waarde and "\n" not in waarde else (waarde or "").strip()
    if not schoon:
        raise LnFout(f"{wat} mag niet leeg zijn.", advies=f"vertel in een paar woorden {wat}; {NIETS}")
    return schoon


def maak_verhaal(datum: date, cyclus: str, gebeurd: str | None, betekenis: str | None, vandaag: date) -> Verhaal:
    """A checked story: both texts filled, a known cycle, not in the future."""
    if datum > vandaag:
        raise LnFout(f"de datum {datum.isoformat()} ligt in de toekomst", advies=f"een verhaal gaat over iets dat gebeurd is; {NIETS}")
    return Verhaal(datum, cyclus_id(cyclus), _tekst(gebeurd, "wat er gebeurde"), _tekst(betekenis, "wat het betekende"))


def verhaal_als_data(v: Verhaal) -> dict[str, Any]:
    return {"datum": v.datum, "cyclus": v.cyclus, "gebeurd": v.gebeurd, "betekenis": v.betekenis}


def _lijst(data: Any, sleutel: str, bestand: str | None) -> list[tuple[int | None, Any]]:
    from lerend_netwerk.yamlbron import regel_van

    lijst = data.get(sleutel) if isinstance(data, dict) else None
    if lijst is None:
        return []
    if not isinstance(lijst, list):
        raise LnFout(f"'{sleutel}' moet een lijst zijn", bestand=bestand, regel=regel_van(data, sleutel),
                     advies="verbeter dit in het statusbestand (de vorm staat in docs/barometer.md).")
    return [(regel_van(lijst, i), blok) for i, blok in enumerate(lijst)]


def verhalen_uit_data(data: Any, bestand: str | None = None) -> list[Verhaal]:
    verhalen = []
    for regel, blok in _lijst(data, SLEUTEL, bestand):
        ok = (isinstance(blok, dict) and isinstance(blok.get("datum"), date) and blok.get("cyclus") in CYCLUS_IDS
              and isinstance(blok.get("gebeurd"), str) and isinstance(blok.get("betekenis"), str))
        if not ok:
            raise LnFout("dit verhaal onder 'opbrengst' mist een datum, een bekende cyclus, 'gebeurd' of 'betekenis'",
                         bestand=bestand, regel=regel,
                         advies=f"verbeter het in het statusbestand; cycli: {', '.join(CYCLUS_IDS)}.")
        verhalen.append(Verhaal(blok["datum"], blok["cyclus"], blok["gebeurd"], blok["betekenis"]))
    return sorted(verhalen, key=lambda v: v.datum)


def vooruit_uit_data(data: Any, bestand: str | None = None) -> list[Vooruit]:
    uit = []
    for regel, blok in _lijst(data, VOORUIT, bestand):
        if not (isinstance(blok, dict) and isinstance(blok.get("datum"), date) and isinstance(blok.get("tekst"), str)):
            raise LnFout("dit punt onder 'kijk_vooruit' mist een datum of een tekst", bestand=bestand, regel=regel,
                         advies="verbeter het in het statusbestand.")
        uit.append(Vooruit(blok["datum"], blok["tekst"]))
    return sorted(uit, key=lambda v: v.datum)


def bewaar_verhaal(pad: Path, verhaal: Verhaal) -> Bijgewerkt:
    """Append a story under `opbrengst:` (lock, minimal edit, re-parse check, `.bak`)."""
    return _voeg_toe(pad, SLEUTEL, verhaal_als_data(verhaal))


def bewaar_vooruit(pad: Path, datum: date, tekst: str, vandaag: date) -> Bijgewerkt:
    """Append what the network wants next under `kijk_vooruit:`."""
    if datum > vandaag:
        raise LnFout(f"de datum {datum.isoformat()} ligt in de toekomst", advies=f"geef de dag van het gesprek; {NIETS}")
    return _voeg_toe(pad, VOORUIT, {"datum": datum, "tekst": _tekst(tekst, "wat het netwerk hierna wil")})


def _voeg_toe(pad: Path, sleutel: str, item: dict[str, Any]) -> Bijgewerkt:
    from lerend_netwerk.statusbestand.paden import voeg_toe
    from lerend_netwerk.statusbestand.wijzigen import wijzig_data

    def bewerk(oud: Any, tekst: str, data: Any) -> tuple[str, Any]:
        verhalen_uit_data(data, str(oud.pad))  # an unreadable list stops us before we add to it
        vooruit_uit_data(data, str(oud.pad))
        return voeg_toe(tekst, data, sleutel, item)

    return wijzig_data(Path(pad), bewerk)
