"""The Wijkoverzicht (`ln overzicht MAP`): every network state file in a folder, summarised for coordinators.

Each file is read once (its bytes), parsed and checked exactly as every other
command reads the state (`yamlbron` + `netwerk_uit_data`), and never written;
the state cache is not used (its key costs a look at the whole package per
file, more than the parse it would save on 500 files seen for the first time).
A file that cannot be read is listed with its error; the run goes on.

Warnings (`aandacht`), the same rules as `ln start` where they overlap:
  - no meeting held for more than eight weeks (`startcheck.WEKEN_ZONDER_BIJEENKOMST`);
  - a precondition that is not 'ja';
  - falling attendance (`planner.groep.opkomst_melding`);
  - behind its own plan (`planning.planning_achterstand`).

The barometer (issue 15) is read from the state as it is, when present:

    barometer:
      - datum: 2026-11-12
        scores: {relevantie: 3.8, samenwerking: 4.1}

`scores` (or `dimensies`, as `ln barometer` writes it: docs/barometer.md) maps a
dimension to its mean; without either, numbers directly beside `datum` count as
dimensions too. The latest entry with a date and at least one number is shown
(the mean of its dimension means); an entry of another shape is skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import RV_IDS, Netwerk

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank

EXTENSIES = (".yaml", ".yml")
# A YAML file without any of these top-level keys is something else (a library, a holiday list): skipped, not broken.
STATUS_SLEUTELS = frozenset({"naam", "fase", "wijk", "kartrekker", "bijeenkomsten", "randvoorwaarden", "deelnemers", "thema"})
GEEN_WIJK = "(geen wijk)"


@dataclass(frozen=True)
class Barometer:
    datum: date
    scores: dict[str, float]

    @property
    def gemiddelde(self) -> float:
        return sum(self.scores.values()) / len(self.scores)


@dataclass(frozen=True)
class Samenvatting:
    """One network as a row of the overview."""

    bestand: str  # relative to the folder, with '/'
    naam: str
    wijk: str | None
    kartrekker: str | None
    thema: str | None
    fase: str
    randvoorwaarden: dict[str, str]  # id -> ja/deels/nee/onbekend
    bijeenkomsten: int  # held
    laatste: date | None  # last meeting held
    volgende: date | None  # next planned meeting
    barometer: Barometer | None
    aandacht: tuple[str, ...]

    @property
    def ontbrekende_ids(self) -> tuple[str, ...]:
        return tuple(rv for rv, status in self.randvoorwaarden.items() if status != "ja")

    @property
    def ontbrekend(self) -> tuple[str, ...]:
        return tuple(f"{rv} ({status})" for rv, status in self.randvoorwaarden.items() if status != "ja")

    def als_json(self) -> dict[str, Any]:
        return {
            "bestand": self.bestand,
            "naam": self.naam,
            "wijk": self.wijk,
            "kartrekker": self.kartrekker,
            "thema": self.thema,
            "fase": self.fase,
            "randvoorwaarden": dict(self.randvoorwaarden),
            "bijeenkomsten": self.bijeenkomsten,
            "laatste_bijeenkomst": self.laatste.isoformat() if self.laatste else None,
            "volgende_bijeenkomst": self.volgende.isoformat() if self.volgende else None,
            "barometer": None if self.barometer is None else {
                "datum": self.barometer.datum.isoformat(),
                "gemiddelde": round(self.barometer.gemiddelde, 2),
                "scores": dict(self.barometer.scores),
            },
            "aandacht": list(self.aandacht),
        }


@dataclass(frozen=True)
class Onleesbaar:
    """A file that could not be read or checked, with the error every other command would give."""

    bestand: str
    fout: str
    regel: int | None = None
    advies: str | None = None

    def als_json(self) -> dict[str, Any]:
        return {"bestand": self.bestand, "fout": self.fout, "regel": self.regel}


@dataclass(frozen=True)
class Overzicht:
    netwerken: tuple[Samenvatting, ...]
    onleesbaar: tuple[Onleesbaar, ...]
    overgeslagen: tuple[str, ...] = ()  # YAML files that are no state file
    gezocht: int = 0  # YAML files looked at

    def per_wijk(self) -> list[tuple[str, list[Samenvatting]]]:
        """Districts in alphabetical order ('(geen wijk)' last), networks by name within each."""
        groepen: dict[str, list[Samenvatting]] = {}
        namen: dict[str, str] = {}
        for s in sorted(self.netwerken, key=lambda s: s.bestand):
            sleutel = " ".join((s.wijk or "").split()).casefold()  # 'Oost' and 'oost ' are one district
            groepen.setdefault(sleutel, []).append(s)
            namen.setdefault(sleutel, " ".join((s.wijk or "").split()) or GEEN_WIJK)
        volgorde = sorted(groepen, key=lambda w: (w == "", w))
        return [(namen[w], sorted(groepen[w], key=lambda s: (s.naam.casefold(), s.bestand))) for w in volgorde]

    def als_json(self) -> list[dict[str, Any]]:
        """One object per file, in file order: a network, or `bestand` and `fout`."""
        items: list[Any] = [*self.netwerken, *self.onleesbaar]
        return [i.als_json() for i in sorted(items, key=lambda i: i.bestand)]

    def gefilterd(self, *, wijk: str | None = None, fase: str | None = None, aandacht: bool = False) -> Overzicht:
        """Only the networks that match; unreadable files stay (their district and phase are unknown)."""
        def past(s: Samenvatting) -> bool:
            if wijk is not None and " ".join((s.wijk or "").split()).casefold() != " ".join(wijk.split()).casefold():
                return False
            if fase is not None and s.fase != fase:
                return False
            return not aandacht or bool(s.aandacht)

        return Overzicht(tuple(s for s in self.netwerken if past(s)), self.onleesbaar, self.overgeslagen, self.gezocht)


def zoek_bestanden(map_: Path) -> list[Path]:
    """Every .yaml/.yml file under `map_`, sorted; hidden files and folders (.git, a cache, temp files) are skipped."""
    gevonden = []
    for wortel, mappen, bestanden in os.walk(map_):
        mappen[:] = sorted(m for m in mappen if not m.startswith("."))
        for naam in sorted(bestanden):
            if naam.startswith(".") or not naam.lower().endswith(EXTENSIES):
                continue
            gevonden.append(Path(wortel) / naam)
    return gevonden


def maak_overzicht(kb: Kennisbank, map_: Path, vandaag: date) -> Overzicht:
    """Read and summarise every state file under `map_`. Reads each file once; writes nothing."""
    from lerend_netwerk.statusbestand.lezen import zonder_gc

    map_ = Path(map_)
    if not map_.is_dir():
        raise LnFout(
            "deze map bestaat niet" if not map_.exists() else "dit is een bestand, geen map",
            bestand=map_,
            advies="geef de map met de statusbestanden van de netwerken, zoals 'ln overzicht gedeeld/netwerken'.",
        )
    netwerken, onleesbaar, overgeslagen = [], [], []
    bestanden = zoek_bestanden(map_)
    with zonder_gc():
        for pad in bestanden:
            naam = pad.relative_to(map_).as_posix()
            uitkomst = lees_een(kb, pad, naam, vandaag)
            if isinstance(uitkomst, Samenvatting):
                netwerken.append(uitkomst)
            elif isinstance(uitkomst, Onleesbaar):
                onleesbaar.append(uitkomst)
            else:
                overgeslagen.append(naam)
    return Overzicht(tuple(netwerken), tuple(onleesbaar), tuple(overgeslagen), len(bestanden))


def lees_een(kb: Kennisbank, pad: Path, naam: str, vandaag: date) -> Samenvatting | Onleesbaar | None:
    """One file: its summary, its error, or None when it is YAML but no state file."""
    from lerend_netwerk.statusbestand.controle import netwerk_uit_data
    from lerend_netwerk.statusbestand.meldingen import ADVIES
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    try:
        inhoud = pad.read_bytes()
    except OSError as fout:
        return Onleesbaar(naam, f"het bestand kan niet gelezen worden ({fout.strerror or fout})")
    try:
        data = lees_yaml_bytes(inhoud, naam, ADVIES)
        if not _lijkt_statusbestand(pad, data):
            return None
        netwerk = netwerk_uit_data(data, naam)
    except LnFout as fout:
        return Onleesbaar(naam, fout.bericht, fout.regel, fout.advies)
    except RecursionError:
        return Onleesbaar(naam, "het bestand is te diep genest om te lezen")
    return vat_samen(kb, netwerk, naam, vandaag, barometer=laatste_barometer(data))


def _lijkt_statusbestand(pad: Path, data: Any) -> bool:
    """A file named netwerk.yaml always counts; another counts when it has a key of the state file."""
    if pad.name.lower() in ("netwerk.yaml", "netwerk.yml"):
        return True
    return isinstance(data, dict) and any(k in STATUS_SLEUTELS for k in data if isinstance(k, str))


def vat_samen(kb: Kennisbank, netwerk: Netwerk, bestand: str, vandaag: date, *, barometer: Barometer | None = None) -> Samenvatting:
    """The row for one network, with its warnings."""
    from lerend_netwerk.planner.groep import thema_kort

    gehouden = netwerk.gehouden_bijeenkomsten
    laatste = gehouden[-1].datum if gehouden else None
    volgende = next((b.datum for b in netwerk.geplande_bijeenkomsten if b.datum >= vandaag), None)
    return Samenvatting(
        bestand=bestand,
        naam=netwerk.naam,
        wijk=netwerk.wijk,
        kartrekker=netwerk.kartrekker,
        thema=thema_kort(netwerk),
        fase=netwerk.fase,
        randvoorwaarden={rv: netwerk.rv(rv).status for rv in RV_IDS},
        bijeenkomsten=len(gehouden),
        laatste=laatste,
        volgende=volgende,
        barometer=barometer,
        aandacht=aandachtspunten(kb, netwerk, vandaag),
    )


def aandachtspunten(kb: Kennisbank, netwerk: Netwerk, vandaag: date) -> tuple[str, ...]:
    """The overview's warnings for one network, short and in Dutch."""
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.planner.groep import opkomst_melding
    from lerend_netwerk.planning import planning_achterstand
    from lerend_netwerk.startcheck import WEKEN_ZONDER_BIJEENKOMST

    punten = []
    laatste = netwerk.laatste_bijeenkomst
    if laatste is not None and (vandaag - laatste.datum).days > WEKEN_ZONDER_BIJEENKOMST * 7:
        punten.append(f"Al {(vandaag - laatste.datum).days // 7} weken geen bijeenkomst (sinds {datum_tekst(laatste.datum)}).")
    ontbrekend = [f"{rv} ({netwerk.rv(rv).status})" for rv in RV_IDS if not netwerk.rv(rv).in_orde]
    if ontbrekend:
        woord = "Randvoorwaarde" if len(ontbrekend) == 1 else "Randvoorwaarden"
        punten.append(f"{woord} niet in orde: {', '.join(ontbrekend)}.")
    opkomst = opkomst_melding(kb, netwerk)
    if opkomst is not None:
        punten.append(opkomst.split(". ", 1)[0] + ".")  # the numbers; the advice is for the kartrekker's own 'ln agenda'
    achter = planning_achterstand(netwerk, vandaag)
    if achter is not None:
        punten.append(achter)
    return tuple(punten)


def laatste_barometer(data: Any) -> Barometer | None:
    """The latest usable `barometer:` entry (see the module's docstring for the shape), else None."""
    lijst = data.get("barometer") if isinstance(data, dict) else None
    if not isinstance(lijst, list):
        return None
    beste: Barometer | None = None
    for item in lijst:
        meting = _barometer(item)
        if meting is not None and (beste is None or meting.datum >= beste.datum):
            beste = meting
    return beste


def _barometer(item: Any) -> Barometer | None:
    if not isinstance(item, dict):
        return None
    datum = item.get("datum")
    if isinstance(datum, datetime):
        datum = datum.date()
    if not isinstance(datum, date):
        return None
    # `dimensies` is what `ln barometer` writes (docs/barometer.md); `scores` and bare numbers stay readable
    bron = next((item[k] for k in ("dimensies", "scores") if isinstance(item.get(k), dict)), item)
    scores = {
        str(k): float(v)
        for k, v in bron.items()
        if k != "datum" and isinstance(v, (int, float)) and not isinstance(v, bool) and v == v
    }
    return Barometer(datum, scores) if scores else None

