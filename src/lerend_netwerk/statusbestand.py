"""The state file `netwerk.yaml`: reading it, checking it, and writing it without losing anything.

Reading goes through `yamlbron` (PyYAML's C loader, with lines), then every
field is checked into a `Netwerk`; a bad file is an `LnFout` (exit code 2)
naming file, line and what to do. Keys the tool does not know are kept and
ignored.

Writing never re-dumps the file. A change is a small text edit at a place
found from PyYAML's node positions (`yaml.compose`): a meeting is appended at
the end of `bijeenkomsten`, a phase replaces the span of the `fase:` value.
Everything outside that span stays byte for byte, comments included. After
each edit the new text is parsed again and must equal the old data plus
exactly the intended change, or nothing is written. Writers hold a lock
(`netwerk.yaml.lock`) across read-modify-write; the write itself is atomic
(temp file, fsync, `os.replace`) and the previous version is kept as
`netwerk.yaml.bak`. A reading (and each write) is kept in the user's cache,
keyed by the file's exact bytes, so the next command need not parse it again.
See docs/statusbestand.md for why (and for the figures).
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.netwerk import (
    BIJEENKOMST_STATUSSEN,
    DEELNEMER_SOORTEN,
    RV_IDS,
    RV_STATUSSEN,
    Bijeenkomst,
    Deelnemer,
    Netwerk,
    RvStatus,
    Thema,
)
from lerend_netwerk.tekst import suggestie

if TYPE_CHECKING:  # PyYAML and the validators are imported only when a file is parsed (not on a cache hit)
    import yaml

    from lerend_netwerk.velden import Velden

SLOT_WACHTTIJD = 60.0  # seconds a writer waits for another one to finish
ADVIES = (
    "verbeter dit in het statusbestand met een teksteditor (de README legt elk veld uit, "
    "onder 'Het statusbestand'); er is niets veranderd."
)
ADVIES_GEEN = "maak er een met 'ln init', of wijs met --netwerk of LN_NETWERK het goede bestand aan."
BIJEENKOMST_SLEUTELS = ("datum", "fase", "status", "werkvormen", "aanwezig", "notities")
_CODE = ("statusbestand.py", "netwerk.py", "yamlbron.py", "velden.py")  # a change here is a cache miss

_BOM = codecs.BOM_UTF8
_TIJD = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_STR = "tag:yaml.org,2002:str"


# --- reading and checking ------------------------------------------------------


class Statusbestand:
    """One reading of the file: the checked model, the raw data (with lines) and the exact text.

    From the cache, `data` stays pickled until a writer asks for it: a reader
    needs only the `Netwerk`, and unpickling the data would import PyYAML.
    """

    def __init__(self, pad: Path, netwerk: Netwerk, inhoud: bytes, data: Any = None, ingepakt: bytes | None = None):
        self.pad = pad
        self.netwerk = netwerk
        self.inhoud = inhoud
        self._data = data
        self._ingepakt = ingepakt

    @cached_property
    def data(self) -> Any:
        if self._ingepakt is None:
            return self._data
        import pickle

        with _zonder_gc():
            return pickle.loads(self._ingepakt)  # noqa: S301 - our own file in the user's own cache

    @cached_property
    def tekst(self) -> str:
        return self.inhoud.decode("utf-8-sig")

    @property
    def bom(self) -> bool:
        return self.inhoud.startswith(_BOM)


def lees_netwerk(pad: Path) -> Netwerk:
    """Read and check the state file."""
    return lees_statusbestand(pad).netwerk


def lees_netwerk_met_tekst(pad: Path) -> tuple[Netwerk, str]:
    """The checked network and the file's text exactly as it is (BOM removed)."""
    gelezen = lees_statusbestand(pad)
    return gelezen.netwerk, gelezen.tekst


def lees_statusbestand(pad: Path, *, onthoud: bool = True) -> Statusbestand:
    """Read the file; a file read (or written) before with exactly these bytes comes from the cache.

    `onthoud=False`: do not keep a new reading in the cache (a writer is about to replace it).
    """
    pad = Path(pad)
    inhoud = _lees_bytes(pad)
    bewaard = _uit_cache(pad, inhoud)
    if bewaard is not None:
        return Statusbestand(pad, bewaard[0], inhoud, ingepakt=bewaard[1])
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    with _zonder_gc():
        data = lees_yaml_bytes(inhoud, str(pad), ADVIES)
        netwerk = netwerk_uit_data(data, str(pad))
    if onthoud:
        _in_cache(pad, inhoud, data, netwerk)
    return Statusbestand(pad, netwerk, inhoud, data=data)


def _cache_plek(pad: Path, inhoud: bytes) -> tuple[str, str]:
    """One cache file per state file; the key: its exact bytes and the code that checked them."""
    import hashlib

    from lerend_netwerk import cache

    naam = "netwerk-" + hashlib.blake2b(os.fsencode(os.path.abspath(pad)), digest_size=8).hexdigest()
    hier = Path(__file__).parent
    code = "|".join(f"{n}:{(hier / n).stat().st_size}:{(hier / n).stat().st_mtime_ns}" for n in _CODE)
    return naam, cache.sleutel([inhoud, code.encode()])


def _uit_cache(pad: Path, inhoud: bytes) -> tuple[Netwerk, bytes] | None:
    """The checked network, and the parsed data still pickled; None on a miss.

    Both are stored as pickled bytes inside the cache's own pickle: a miss then
    costs reading bytes, not rebuilding hundreds of stale meetings.
    """
    import pickle

    from lerend_netwerk import cache

    bewaard = cache.lees(*_cache_plek(pad, inhoud))
    if not (isinstance(bewaard, tuple) and len(bewaard) == 2 and all(isinstance(b, bytes) for b in bewaard)):
        return None
    try:
        netwerk = pickle.loads(bewaard[0])  # noqa: S301 - our own file in the user's own cache
    except Exception:  # noqa: BLE001 - a broken cache is just a miss
        return None
    return (netwerk, bewaard[1]) if isinstance(netwerk, Netwerk) else None


def _in_cache(pad: Path, inhoud: bytes, data: Any, netwerk: Netwerk) -> None:
    import pickle

    from lerend_netwerk import cache

    naam, sleutel = _cache_plek(pad, inhoud)
    ingepakt = (pickle.dumps(netwerk, protocol=pickle.HIGHEST_PROTOCOL), pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    cache.schrijf(naam, sleutel, ingepakt)


@contextmanager
def _zonder_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while PyYAML builds thousands of objects.

    None of them form cycles; the collector would only scan them again and again
    while they are being made (about 20% of the parse time of a long file).
    """
    import gc

    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def _lees_bytes(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except FileNotFoundError:
        raise LnFout("hier staat nog geen statusbestand", bestand=pad, advies=ADVIES_GEEN) from None
    except IsADirectoryError:
        raise LnFout("dit is een map, geen statusbestand", bestand=pad, advies=ADVIES_GEEN) from None
    except OSError as fout:
        raise LnFout(
            f"het statusbestand kan niet gelezen worden ({fout.strerror})", bestand=pad, advies=ADVIES_GEEN
        ) from None


def netwerk_uit_data(data: Any, bestand: str) -> Netwerk:
    """Check parsed YAML into a Netwerk; unknown keys are ignored (and kept in the file)."""
    from lerend_netwerk.velden import Velden

    if data is None:
        raise LnFout("het statusbestand is leeg", bestand=bestand, regel=1, advies=ADVIES_GEEN)
    top = Velden(data, bestand, "het statusbestand", ADVIES, regel=1)
    return Netwerk(
        naam=top.tekst("naam"),
        fase=_keuze(top, "fase", FASE_IDS),
        wijk=top.tekst("wijk", verplicht=False),
        kartrekker=top.tekst("kartrekker", verplicht=False),
        randvoorwaarden=_randvoorwaarden(top),
        thema=_thema(top),
        contract=_contract(top),
        deelnemers=tuple(_deelnemer(v) for v in _lijst_of_tekst(top, "deelnemers", "deelnemer")),
        bijeenkomsten=tuple(_bijeenkomst(v) for v in top.blokken("bijeenkomsten", "bijeenkomst")),
        starttijd=_starttijd(top),
        behaald=top.teksten("behaald"),
    )


def _keuze(v: Velden, sleutel: str, mogelijk: tuple[str, ...], *, verplicht: bool = True) -> str | None:
    """Like Velden.keuze, but 'Ontwikkeling' counts as 'ontwikkeling'."""
    waarde = v.tekst(sleutel, verplicht=verplicht)
    if waarde is None:
        return None
    if waarde.lower() not in mogelijk:
        raise v.fout(
            sleutel,
            f"'{waarde}' kan hier niet; kies uit: {', '.join(mogelijk)}." + suggestie(waarde.lower(), mogelijk),
        )
    return waarde.lower()


def _datum(v: Velden, sleutel: str, *, verplicht: bool, uitleg: str = "") -> date | None:
    from lerend_netwerk.velden import beschrijf_type

    waarde = v.data.get(sleutel)
    if waarde is None:
        if verplicht:
            raise v.fout(sleutel, "dit veld ontbreekt", regel=v.regel)
        return None
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    raise v.fout(sleutel, f"hier hoort een datum{uitleg}, zoals 2026-09-18, maar er staat {beschrijf_type(waarde)}")


def _rv_waarde(v: Velden, sleutel: str, waarde: Any) -> str:
    from lerend_netwerk.velden import beschrijf_type

    if waarde is None:
        return "onbekend"
    if isinstance(waarde, bool):
        raise v.fout(
            sleutel,
            f"hier staat {beschrijf_type(waarde)}: YAML leest yes/no/true/false/on/off als ja/nee-waarde. "
            "Schrijf ja, deels, nee of onbekend",
        )
    if not isinstance(waarde, str) or waarde.strip().lower() not in RV_STATUSSEN:
        tekst = str(waarde).strip().lower() if isinstance(waarde, (str, int, float)) else ""
        raise v.fout(
            sleutel,
            f"hier staat {beschrijf_type(waarde)}; kies uit: {', '.join(RV_STATUSSEN)}." + suggestie(tekst, RV_STATUSSEN),
        )
    return waarde.strip().lower()


def _rv_status(blok: Velden, sleutel: str) -> RvStatus:
    waarde = blok.data[sleutel]
    if not isinstance(waarde, dict):
        return RvStatus(_rv_waarde(blok, sleutel, waarde))
    sub = blok.blok(sleutel, sleutel)
    return RvStatus(_rv_waarde(sub, "status", sub.data.get("status")), sub.tekst("toelichting", verplicht=False))


def _randvoorwaarden(top: Velden) -> dict[str, RvStatus]:
    blok = top.blok("randvoorwaarden", "randvoorwaarden", verplicht=False)
    if blok is None:
        return {}
    return {sleutel: _rv_status(blok, sleutel) for sleutel in RV_IDS if sleutel in blok.data}


def _thema(top: Velden) -> Thema:
    blok = top.blok("thema", "thema", verplicht=False)
    if blok is None:
        return Thema()
    return Thema(
        speerpunt=blok.tekst("speerpunt", verplicht=False),
        ukk_hoofdstuk=blok.geheel("ukk_hoofdstuk", verplicht=False, minimum=1, maximum=99),
        gezamenlijk_leerdoel=blok.tekst("gezamenlijk_leerdoel", verplicht=False),
    )


def _contract(top: Velden) -> date | None:
    blok = top.blok("afspraken", "afspraken", verplicht=False)
    if blok is None:
        return None
    return _datum(blok, "contract", verplicht=False, uitleg=" (de dag waarop het contract is gemaakt)")


def _lijst_of_tekst(top: Velden, sleutel: str, wat: str) -> list[Velden]:
    """A list of mappings, where a bare text counts as {naam: text}."""
    from lerend_netwerk.velden import Velden
    from lerend_netwerk.yamlbron import regel_van

    waarde = top.data.get(sleutel)
    if not isinstance(waarde, list):
        return top.blokken(sleutel, wat)
    return [
        Velden(
            {"naam": item} if isinstance(item, (str, int)) and not isinstance(item, bool) else item,
            top.bestand,
            f"{wat} {index + 1}",
            top.advies,
            regel=regel_van(waarde, index),
        )
        for index, item in enumerate(waarde)
    ]


def _deelnemer(v: Velden) -> Deelnemer:
    return Deelnemer(
        naam=v.tekst("naam"),
        organisatie=v.tekst("organisatie", verplicht=False),
        soort=_keuze(v, "soort", DEELNEMER_SOORTEN, verplicht=False),
        leerdoel=v.tekst("leerdoel", verplicht=False),
    )


def _bijeenkomst(v: Velden) -> Bijeenkomst:
    return Bijeenkomst(
        datum=_datum(v, "datum", verplicht=True),
        fase=_keuze(v, "fase", FASE_IDS, verplicht=False),
        werkvormen=v.teksten("werkvormen"),
        aanwezig=v.geheel("aanwezig", verplicht=False, minimum=0, maximum=1000),
        notities=v.tekst("notities", verplicht=False),
        status=_keuze(v, "status", BIJEENKOMST_STATUSSEN, verplicht=False) or "gehouden",
    )


def _starttijd(top: Velden) -> str | None:
    from lerend_netwerk.velden import beschrijf_type

    waarde = top.data.get("starttijd")
    if waarde is None:
        return None
    # YAML 1.1 reads an unquoted 19:30 as the number 1170 (19*60+30).
    if isinstance(waarde, int) and not isinstance(waarde, bool) and 60 <= waarde < 24 * 60:
        return f"{waarde // 60:02d}:{waarde % 60:02d}"
    tijd = tijd_uit_tekst(waarde) if isinstance(waarde, str) else None
    if tijd is None:
        raise top.fout("starttijd", f"schrijf de tijd als uren:minuten, zoals \"15:30\", maar er staat {beschrijf_type(waarde)}")
    return tijd


def tijd_uit_tekst(tekst: str) -> str | None:
    """'9:30' -> '09:30'; None when it is no time of day."""
    treffer = _TIJD.match(tekst.strip())
    return f"{int(treffer.group(1)):02d}:{treffer.group(2)}" if treffer else None


# --- changing the file ---------------------------------------------------------


class Vastgelegd(NamedTuple):
    """What `leg_bijeenkomst_vast` did: the new state, the meeting as stored, and
    the planned meeting it confirmed (None when it was added)."""

    netwerk: Netwerk
    bijeenkomst: Bijeenkomst
    vervangen: Bijeenkomst | None = None
    vorig: Netwerk | None = None  # the state just before, as read under the lock


def voeg_bijeenkomst_toe(pad: Path, bijeenkomst: Bijeenkomst) -> Netwerk:
    """Add a meeting (held or planned); see `leg_bijeenkomst_vast`."""
    return leg_bijeenkomst_vast(pad, bijeenkomst).netwerk


def leg_bijeenkomst_vast(pad: Path, bijeenkomst: Bijeenkomst) -> Vastgelegd:
    """Append a meeting to `bijeenkomsten`, or replace the planned one on its date.

    A meeting without a phase gets the network's current phase. Replacing a
    planned meeting keeps what the new one leaves open (phase, work forms,
    notes) and the planned entry's own extra keys.
    """
    _controleer_bijeenkomst(bijeenkomst)
    uitkomst: list[Vastgelegd] = []

    def wijziging(oud: Statusbestand) -> _Bewerking:
        netwerk = oud.netwerk
        index = _geplande_index(netwerk, bijeenkomst.datum)
        nieuw = replace(bijeenkomst, fase=bijeenkomst.fase or netwerk.fase)
        if index is None:
            item = _als_data(nieuw)
            nieuw = _gelezen_als(item, oud.pad)
            tekst, verwacht = _voeg_item_toe(oud, item)
            bijgewerkt = replace(netwerk, bijeenkomsten=netwerk.bijeenkomsten + (nieuw,))
            uitkomst.append(Vastgelegd(bijgewerkt, nieuw, None, netwerk))
            return _Bewerking(tekst, verwacht, bijgewerkt)
        gepland = netwerk.bijeenkomsten[index]
        nieuw = replace(
            nieuw,
            fase=bijeenkomst.fase or gepland.fase or netwerk.fase,
            werkvormen=nieuw.werkvormen or gepland.werkvormen,
            notities=nieuw.notities if nieuw.notities is not None else gepland.notities,
        )
        item = _als_data(nieuw, eigen=oud.data["bijeenkomsten"][index])
        nieuw = _gelezen_als(item, oud.pad)
        tekst, verwacht = _vervang_item(oud, index, item)
        lijst = list(netwerk.bijeenkomsten)
        lijst[index] = nieuw
        bijgewerkt = replace(netwerk, bijeenkomsten=tuple(lijst))
        uitkomst.append(Vastgelegd(bijgewerkt, nieuw, gepland, netwerk))
        return _Bewerking(tekst, verwacht, bijgewerkt)

    _wijzig(Path(pad), wijziging)
    return uitkomst[0]


def zet_fase(pad: Path, fase: str) -> Netwerk:
    """Set the network's phase; only the span of the `fase:` value changes."""
    if fase not in FASE_IDS:
        raise LnFout(f"'{fase}' is geen fase." + suggestie(fase, FASE_IDS), advies=f"kies uit: {', '.join(FASE_IDS)}.")
    netwerken: list[Netwerk] = []

    def wijziging(oud: Statusbestand) -> _Bewerking | None:
        netwerken.append(replace(oud.netwerk, fase=fase))
        if oud.netwerk.fase == fase:
            return None
        verwacht = {**oud.data, "fase": fase}
        stuk = _stuk_van_sleutel(oud, "fase")
        tekst = stuk.tekst if stuk else oud.tekst
        waarde = _waarde_node(stuk.knoop if stuk else _wortel(oud), "fase")
        nieuw = _vervang_span(tekst, waarde.start_mark.index, _eind(tekst, waarde), fase)
        return _Bewerking(stuk.terug(oud.tekst, nieuw) if stuk else nieuw, verwacht, netwerken[0])

    _wijzig(Path(pad), wijziging)
    return netwerken[0]


def _controleer_bijeenkomst(b: Bijeenkomst) -> None:
    if not isinstance(b.datum, date):
        raise LnFout("een bijeenkomst heeft een datum nodig, zoals 2026-09-18.")
    if b.fase is not None and b.fase not in FASE_IDS:
        raise LnFout(f"'{b.fase}' is geen fase." + suggestie(b.fase, FASE_IDS), advies=f"kies uit: {', '.join(FASE_IDS)}.")
    if b.status not in BIJEENKOMST_STATUSSEN:
        raise LnFout(f"'{b.status}' is geen status van een bijeenkomst; kies uit: {', '.join(BIJEENKOMST_STATUSSEN)}.")
    if b.aanwezig is not None and not 0 <= b.aanwezig <= 1000:
        raise LnFout(f"{b.aanwezig} aanwezigen kan niet; geef een aantal van 0 tot 1000.")
    if any(not w.strip() for w in b.werkvormen):
        raise LnFout("een werkvorm zonder id kan niet; 'ln werkvormen' toont de ids.")


def _gelezen_als(item: dict[str, Any], pad: Path) -> Bijeenkomst:
    """The new entry passes the checks every entry read from the file passes; returns it as read."""
    from lerend_netwerk.velden import Velden

    return _bijeenkomst(Velden(item, str(pad), "de nieuwe bijeenkomst", "er is niets veranderd."))


def _geplande_index(netwerk: Netwerk, datum: date) -> int | None:
    for index, b in enumerate(netwerk.bijeenkomsten):
        if b.status == "gepland" and b.datum == datum:
            return index
    return None


def _als_data(b: Bijeenkomst, eigen: Any = None) -> dict[str, Any]:
    """A meeting as the mapping written to the file; `eigen`: an entry whose unknown keys are kept."""
    item: dict[str, Any] = {"datum": b.datum, "fase": b.fase}
    if b.status != "gehouden":
        item["status"] = b.status
    if b.werkvormen:
        item["werkvormen"] = list(b.werkvormen)
    if b.aanwezig is not None:
        item["aanwezig"] = b.aanwezig
    if b.notities:
        item["notities"] = b.notities
    for sleutel, waarde in (eigen or {}).items():
        if sleutel not in BIJEENKOMST_SLEUTELS:
            item[sleutel] = _gewoon(waarde)
    return item


# --- text edits at node positions ------------------------------------------------


class _Stuk(NamedTuple):
    """Whole lines of the text, composed on their own: a long file need not be composed whole.

    Positions in `knoop` are relative to `tekst`; `terug` puts an edited piece back.
    """

    begin: int
    eind: int
    tekst: str
    knoop: yaml.Node

    def terug(self, geheel: str, nieuw: str) -> str:
        return geheel[: self.begin] + nieuw + geheel[self.eind :]


_REGELBREUK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as a line break


def _stuk(oud: Statusbestand, van_regel: int, tot_regel: int | None) -> _Stuk | None:
    """Lines `van_regel` up to `tot_regel` (1-based, exclusive; None: to the end), or None if they do not compose alone."""
    begins = [0]
    for breuk in _REGELBREUK.finditer(oud.tekst):
        if len(begins) >= max(van_regel, tot_regel or 0):
            break
        begins.append(breuk.end())
    if van_regel > len(begins) or (tot_regel is not None and tot_regel > len(begins)):
        return None
    begin = begins[van_regel - 1]
    eind = begins[tot_regel - 1] if tot_regel is not None else len(oud.tekst)
    tekst = oud.tekst[begin:eind]
    import yaml

    try:
        knoop = yaml.compose(tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    return _Stuk(begin, eind, tekst, knoop) if knoop is not None else None


def _volgende_sleutelregel(oud: Statusbestand, sleutel: str) -> int | None:
    """The line of the next top-level key after `sleutel`, where that key's value has surely ended."""
    regels = getattr(oud.data, "key_lines", {})
    eigen = regels.get(sleutel)
    later = [regel for regel in regels.values() if eigen is not None and regel > eigen]
    return min(later) if later else None


def _stuk_van_sleutel(oud: Statusbestand, sleutel: str) -> _Stuk | None:
    regel = getattr(oud.data, "key_lines", {}).get(sleutel)
    stuk = _stuk(oud, regel, _volgende_sleutelregel(oud, sleutel)) if regel else None
    if stuk is None or not _soort(stuk.knoop) == "mapping" or stuk.knoop.flow_style:
        return None
    return stuk if _sleutel_paar(stuk.knoop, sleutel) is not None else None


def _stuk_van_item(oud: Statusbestand, index: int) -> _Stuk | None:
    """Meeting `index` of a block list, composed alone as a list of one."""
    lijst = oud.data["bijeenkomsten"]
    regels = getattr(lijst, "item_lines", None)
    if not regels or len(regels) != len(lijst):
        return None
    tot = regels[index + 1] if index + 1 < len(regels) else _volgende_sleutelregel(oud, "bijeenkomsten")
    stuk = _stuk(oud, regels[index], tot)
    if stuk is None or not _soort(stuk.knoop) == "sequence" or stuk.knoop.flow_style or len(stuk.knoop.value) != 1:
        return None
    return stuk


def _wortel(oud: Statusbestand) -> yaml.MappingNode:
    import yaml

    wortel = yaml.compose(oud.tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if _soort(wortel) != "mapping":  # pragma: no cover - the checked data is a mapping
        raise _niet_veilig(oud.pad)
    return wortel


def _soort(node: yaml.Node) -> str:
    """'scalar', 'sequence' or 'mapping' (PyYAML's own node ids; no import needed)."""
    return node.id


def _sleutel_paar(wortel: yaml.MappingNode, sleutel: str) -> tuple[yaml.Node, yaml.Node] | None:
    for sleutel_node, waarde_node in wortel.value:
        if _soort(sleutel_node) == "scalar" and sleutel_node.tag == _STR and sleutel_node.value == sleutel:
            return sleutel_node, waarde_node
    return None


def _waarde_node(wortel: yaml.MappingNode, sleutel: str) -> yaml.Node:
    paar = _sleutel_paar(wortel, sleutel)
    assert paar is not None, sleutel  # the checked data has this key
    return paar[1]


def _laatste_blad(node: yaml.Node) -> yaml.Node:
    """The last scalar (or flow collection) inside a node: its end is where the node really ends.

    A block collection's own end mark lies after trailing comments and blank lines.
    """
    while _soort(node) in ("mapping", "sequence") and not node.flow_style and node.value:
        laatste = node.value[-1]
        node = laatste[1] if _soort(node) == "mapping" else laatste
    return node


def _eind(tekst: str, node: yaml.Node) -> int:
    """Where a node's text ends, without the line breaks a block scalar takes along."""
    begin, eind = node.start_mark.index, _laatste_blad(node).end_mark.index
    while eind > begin and tekst[eind - 1] in "\r\n":
        eind -= 1
    return eind


def _na_regel(tekst: str, positie: int, nl: str) -> tuple[str, int]:
    """The position just after the line that holds `positie` (adding a final line break if missing)."""
    if positie > 0 and tekst[positie - 1] in "\r\n" and positie == _eind_regel(tekst, positie - 1):
        return tekst, positie
    eind = _eind_regel(tekst, positie)
    if eind == len(tekst) and not tekst.endswith(("\n", "\r")):
        return tekst + nl, len(tekst) + len(nl)
    return tekst, eind


def _eind_regel(tekst: str, positie: int) -> int:
    kandidaten = [i for i in (tekst.find("\n", positie), tekst.find("\r", positie)) if i != -1]
    if not kandidaten:
        return len(tekst)
    i = min(kandidaten)
    return i + 2 if tekst.startswith("\r\n", i) else i + 1


def _regeleinde(tekst: str) -> str:
    if "\r\n" in tekst:
        return "\r\n"
    return "\r" if "\r" in tekst and "\n" not in tekst else "\n"


def _vervang_span(tekst: str, begin: int, eind: int, nieuw: str) -> str:
    return tekst[:begin] + nieuw + tekst[eind:]


def _voeg_item_toe(oud: Statusbestand, item: dict[str, Any]) -> tuple[str, Any]:
    """The text with `item` appended to `bijeenkomsten`, and the data it must parse to."""
    tekst, nl = oud.tekst, _regeleinde(oud.tekst)
    bestaande = oud.data.get("bijeenkomsten") or []
    verwacht = {**oud.data, "bijeenkomsten": [*bestaande, item]}
    stuk = _stuk_van_item(oud, len(bestaande) - 1) if bestaande else None
    if stuk is not None:  # the usual case, and the one that must be fast: a long block list
        return stuk.terug(tekst, _voeg_toe_aan_blok(stuk.tekst, stuk.knoop, item, nl)), verwacht
    wortel = _wortel(oud)
    paar = _sleutel_paar(wortel, "bijeenkomsten")
    if wortel.flow_style:  # the whole file as {naam: ..., fase: ...}
        return _voeg_toe_in_flow(tekst, wortel, paar, item), verwacht
    if paar is None:
        kolom = wortel.value[0][0].start_mark.column if wortel.value else 0
        tekst, eind = _na_regel(tekst, len(tekst), nl)
        blok = " " * kolom + "bijeenkomsten:" + nl + _blok_item(item, kolom + 2, kolom + 4, nl) + nl
        return tekst + blok, verwacht
    sleutel, lijst = paar
    if _soort(lijst) == "sequence" and lijst.value and lijst.flow_style:
        positie = lijst.value[-1].end_mark.index
        return _vervang_span(tekst, positie, positie, ", " + _flow(item)), verwacht
    if _soort(lijst) == "sequence" and lijst.value:
        return _voeg_toe_aan_blok(tekst, lijst, item, nl), verwacht
    # empty: 'bijeenkomsten:', '~' or '[]'; the value goes, a block follows on the next lines
    begin, eind = lijst.start_mark.index, lijst.end_mark.index
    if eind == len(tekst) or tekst[eind] in "\r\n":  # nothing follows on the line: drop the spaces too
        while begin > 0 and tekst[begin - 1] in " \t":
            begin -= 1
    tekst = _vervang_span(tekst, begin, eind, "")
    tekst, positie = _na_regel(tekst, begin, nl)
    kolom = sleutel.start_mark.column
    return _vervang_span(tekst, positie, positie, _blok_item(item, kolom + 2, kolom + 4, nl) + nl), verwacht


def _voeg_toe_in_flow(tekst: str, wortel: yaml.MappingNode, paar: Any, item: dict[str, Any]) -> str:
    lijst = f"[{_flow(item)}]"
    if paar is None:
        sluit = wortel.end_mark.index - 1  # the closing '}'
        scheiding = ", " if wortel.value else ""
        return _vervang_span(tekst, sluit, sluit, f"{scheiding}bijeenkomsten: {lijst}")
    waarde = paar[1]
    if _soort(waarde) == "sequence" and waarde.value:
        positie = waarde.value[-1].end_mark.index
        return _vervang_span(tekst, positie, positie, ", " + _flow(item))
    return _vervang_span(tekst, waarde.start_mark.index, waarde.end_mark.index, lijst)


def _voeg_toe_aan_blok(tekst: str, lijst: yaml.SequenceNode, item: dict[str, Any], nl: str) -> str:
    laatste = lijst.value[-1]
    tekst, positie = _na_regel(tekst, _laatste_blad(laatste).end_mark.index, nl)
    streep = lijst.start_mark.column
    if _soort(laatste) == "mapping" and laatste.flow_style:
        nieuw = " " * streep + "- " + _flow(item) + nl
    else:
        inhoud = laatste.start_mark.column if laatste.start_mark.column > streep else streep + 2
        nieuw = _blok_item(item, streep, inhoud, nl) + nl
    return _vervang_span(tekst, positie, positie, nieuw)


def _vervang_item(oud: Statusbestand, index: int, item: dict[str, Any]) -> tuple[str, Any]:
    """The text with meeting `index` replaced by `item` (only that item's span changes)."""
    stuk = _stuk_van_item(oud, index)
    tekst = stuk.tekst if stuk else oud.tekst
    oud_item = stuk.knoop.value[0] if stuk else _waarde_node(_wortel(oud), "bijeenkomsten").value[index]
    begin, eind = oud_item.start_mark.index, _eind(tekst, oud_item)
    if oud_item.flow_style:
        nieuw = _flow(item)
    else:
        nieuw = _blok_regels(item, oud_item.start_mark.column, _regeleinde(oud.tekst))
    verwacht = {**oud.data, "bijeenkomsten": list(oud.data["bijeenkomsten"])}
    verwacht["bijeenkomsten"][index] = item
    bewerkt = _vervang_span(tekst, begin, eind, nieuw)
    return (stuk.terug(oud.tekst, bewerkt) if stuk else bewerkt), verwacht


# --- rendering YAML text -----------------------------------------------------------


def yaml_waarde(waarde: Any) -> str:
    """A value as YAML text on one line, quoted where YAML would misread it."""
    import yaml

    stijl = '"' if _heeft_regelbreuk(waarde) else None
    tekst = yaml.safe_dump(waarde, default_flow_style=True, default_style=stijl, allow_unicode=True, width=10**9)
    if tekst.endswith("\n...\n"):
        tekst = tekst[: -len("\n...\n")]
    return tekst.rstrip("\n")


def _heeft_regelbreuk(waarde: Any) -> bool:
    if isinstance(waarde, str):
        return any(teken in waarde for teken in "\n\r\x85\u2028\u2029")
    if isinstance(waarde, dict):
        return any(_heeft_regelbreuk(k) or _heeft_regelbreuk(v) for k, v in waarde.items())
    if isinstance(waarde, (list, tuple)):
        return any(_heeft_regelbreuk(v) for v in waarde)
    return False


def _flow(item: dict[str, Any]) -> str:
    return yaml_waarde(item)


def _blok_regels(item: dict[str, Any], kolom: int, nl: str) -> str:
    """A mapping as block lines; the first line without indent (it follows '- ')."""
    regels = [f"{yaml_waarde(sleutel)}: {yaml_waarde(waarde)}" for sleutel, waarde in item.items()]
    return (nl + " " * kolom).join(regels)


def _blok_item(item: dict[str, Any], streep: int, inhoud: int, nl: str) -> str:
    return " " * streep + "-" + " " * (inhoud - streep - 1) + _blok_regels(item, inhoud, nl)


# --- checking an edit and writing it ---------------------------------------------


def _gewoon(waarde: Any) -> Any:
    """A deep copy as plain dicts and lists (what the YAML dumper and comparison need)."""
    if isinstance(waarde, dict):
        return {k: _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_gewoon(v) for v in waarde]
    return waarde


def _vergelijkbaar(waarde: Any) -> Any:
    """A form where equal means equal: 1 is not true, nan equals nan."""
    if isinstance(waarde, dict):
        return {_vergelijkbaar(k): _vergelijkbaar(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_vergelijkbaar(v) for v in waarde]
    if isinstance(waarde, (bool, float)):
        return (type(waarde).__name__, repr(waarde))
    return waarde


def _niet_veilig(pad: Path, reden: str | None = None) -> LnFout:
    bericht = "dit bestand kan ik niet aanpassen zonder iets anders erin te veranderen"
    return LnFout(
        bericht + (f": {reden}" if reden else "") + ". Er is niets veranderd.",
        bestand=pad,
        advies="voeg de wijziging zelf toe met een teksteditor, of maak de opmaak van het bestand gewoner "
        "(zie het voorbeeld in de README, 'Het statusbestand').",
    )


class _Bewerking(NamedTuple):
    """An edit: the new text, the data it must parse to, and the network that data means."""

    tekst: str
    verwacht: Any
    netwerk: Netwerk


def _wijzig(pad: Path, wijziging: Callable[[Statusbestand], _Bewerking | None]) -> None:
    """Read, edit, check and write the file, all under the lock."""
    if not pad.exists():
        raise LnFout("hier staat nog geen statusbestand", bestand=pad, advies=ADVIES_GEEN)
    with vergrendeld(pad):
        oud = lees_statusbestand(pad, onthoud=False)
        bewerking = wijziging(oud)
        if bewerking is None:
            return
        data = _controleer_bewerking(pad, bewerking.tekst, bewerking.verwacht)
        inhoud = _als_bytes(bewerking.tekst, oud.bom)
        schrijf_atomair(pad, bewerking.tekst, bom=oud.bom, vorige=oud.inhoud)
    _in_cache(pad, inhoud, data, bewerking.netwerk)  # the next command need not parse it again


def _controleer_bewerking(pad: Path, tekst: str, verwacht: Any) -> Any:
    """The new text must parse to exactly the expected data, or nothing is written.

    Only the new entry is checked against the schema again (before the edit):
    the rest equals what was checked when the file was read.
    """
    from lerend_netwerk.yamlbron import lees_yaml_tekst

    try:
        with _zonder_gc():
            nieuw = lees_yaml_tekst(tekst, str(pad), ADVIES)
    except LnFout:
        raise _niet_veilig(pad) from None
    # `==` is fast (C) but sloppy at the edges (1 == true, nan != nan): only a
    # difference is looked at again, strictly.
    if nieuw != verwacht and _vergelijkbaar(nieuw) != _vergelijkbaar(verwacht):
        raise _niet_veilig(pad)
    return nieuw


def _als_bytes(tekst: str, bom: bool) -> bytes:
    return (_BOM if bom else b"") + tekst.encode("utf-8")


@contextmanager
def vergrendeld(pad: Path) -> Iterator[None]:
    """Hold `PAD.lock` while reading, changing and writing, so writers take turns."""
    from filelock import FileLock, Timeout

    slot = FileLock(f"{pad}.lock", timeout=SLOT_WACHTTIJD)
    try:
        slot.acquire()
    except Timeout:
        raise LnFout(
            f"het statusbestand is al {SLOT_WACHTTIJD:.0f} seconden in gebruik door een ander ln-programma",
            bestand=pad,
            advies="wacht tot dat klaar is en probeer het opnieuw; er is niets veranderd.",
        ) from None
    except OSError as fout:
        raise LnFout(
            f"het statusbestand kan niet vergrendeld worden ({fout.strerror})",
            bestand=pad,
            advies="kijk of je in deze map mag schrijven; er is niets veranderd.",
        ) from None
    try:
        yield
    finally:
        slot.release()


def schrijf_atomair(pad: Path, tekst: str, *, bom: bool = False, vorige: bytes | None = None) -> None:
    """Replace the file in one step; a crash leaves the old or the new file, never a mix.

    `vorige` (the old bytes) is kept as PAD.bak first.
    """
    try:
        if vorige is not None:
            _vervang_door(pad.with_name(pad.name + ".bak"), vorige, _modus(pad))
        _vervang_door(pad, _als_bytes(tekst, bom), _modus(pad))
    except OSError as fout:
        raise LnFout(
            f"het statusbestand kan niet geschreven worden ({fout.strerror or fout})",
            bestand=pad,
            advies="kijk of je in deze map mag schrijven en of het bestand niet elders open staat; "
            "het oude bestand is onveranderd.",
        ) from None


def _modus(pad: Path) -> int:
    try:
        return os.stat(pad).st_mode & 0o777
    except OSError:
        masker = os.umask(0)
        os.umask(masker)
        return 0o666 & ~masker


def _vervang_door(doel: Path, inhoud: bytes, modus: int) -> None:
    map_ = doel.parent
    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=f".{doel.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as uit:
            uit.write(inhoud)
            uit.flush()
            os.fsync(uit.fileno())
        os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, doel)
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise
    _fsync_map(map_)


def _fsync_map(map_: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(map_ or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- a fresh file (ln init) -------------------------------------------------------


def schrijf_nieuw(pad: Path, netwerk: Netwerk, *, overschrijven: bool = False) -> Netwerk:
    """Write a fresh, commented state file; refuse to replace one unless `overschrijven`."""
    pad = Path(pad)
    netwerk = replace(netwerk, randvoorwaarden={rv: netwerk.rv(rv) for rv in RV_IDS})
    tekst = nieuw_bestand_tekst(netwerk)
    from lerend_netwerk.yamlbron import lees_yaml_tekst

    if netwerk_uit_data(lees_yaml_tekst(tekst, str(pad), ADVIES), str(pad)) != netwerk:
        raise LnFout("het nieuwe statusbestand komt niet goed terug bij het lezen; er is niets geschreven.", bestand=pad)
    if not pad.parent.is_dir():
        raise LnFout("deze map bestaat niet", bestand=pad.parent, advies="maak de map eerst, of kies een andere plek met --netwerk.")
    with vergrendeld(pad):
        vorige = None
        if pad.exists():
            if not overschrijven:
                weiger_bestaand(pad)
            vorige = _lees_bytes(pad)
        schrijf_atomair(pad, tekst, vorige=vorige)
    return netwerk


def weiger_bestaand(pad: Path) -> None:
    """`ln init` never overwrites a state file by accident."""
    raise LnFout(
        "hier staat al een statusbestand; ik overschrijf het niet",
        bestand=pad,
        advies=f"gebruik --force om het te vervangen (het oude blijft bewaard als {pad.name}.bak), "
        "of kies met --netwerk een ander bestand.",
    )


def nieuw_bestand_tekst(netwerk: Netwerk) -> str:
    """The text of a fresh state file, with a comment above every part."""
    w = _leeg_of_waarde
    delen = [
        f"# Statusbestand van {netwerk.naam}.",
        "# Bijgehouden met 'ln' (lerend-netwerk); je mag het ook zelf bewerken.",
        "# 'ln' bewaart je commentaar, de volgorde en velden die het niet kent.",
        "# Uitleg van elk veld: de README, onder 'Het statusbestand'.",
        "",
        f"naam: {w(netwerk.naam)}",
        f"wijk: {w(netwerk.wijk)}",
        f"kartrekker: {w(netwerk.kartrekker)}",
        "",
        "# De fase: verkenning, ontwikkeling, verdieping, inbedding of verankering.",
        "# 'ln fase volgende' zet het netwerk een fase verder.",
        f"fase: {netwerk.fase}",
        "",
        "# Hoe laat de bijeenkomsten gewoonlijk beginnen, tussen aanhalingstekens: \"15:30\".",
        f"starttijd: {w(netwerk.starttijd)}",
        "",
        "# Randvoorwaarden (zie 'ln start'): ja, deels, nee of onbekend,",
        "# met een toelichting als je wilt.",
        "randvoorwaarden:",
        *_rv_regels(netwerk),
        "",
        "# Het gezamenlijke thema, zodra het netwerk het gekozen heeft.",
        "thema:",
        f"  speerpunt: {w(netwerk.thema.speerpunt)}",
        f"  ukk_hoofdstuk: {w(netwerk.thema.ukk_hoofdstuk)}",
        f"  gezamenlijk_leerdoel: {w(netwerk.thema.gezamenlijk_leerdoel)}",
        "",
        "# Afspraken: de dag waarop het netwerk zijn contract maakte, zoals 2026-10-02.",
        "afspraken:",
        f"  contract: {w(netwerk.contract)}",
        "",
        "# Deelnemers; soort: kinderdagverblijf, peutercentrum, basisschool of anders.",
        *_deelnemer_regels(netwerk),
        "",
        "# Signalen die je zelf afvinkt (zie 'ln fase'), zoals [kennismaken-elkaar-kennen].",
        f"behaald: {yaml_waarde(list(netwerk.behaald))}",
        "",
        "# Bijeenkomsten: 'ln bijeenkomst' zet ze hier onderaan.",
        *_bijeenkomst_regels(netwerk),
    ]
    return "\n".join(regel.rstrip() for regel in delen) + "\n"


def _leeg_of_waarde(waarde: Any) -> str:
    return "" if waarde is None else yaml_waarde(waarde)


def _rv_regels(netwerk: Netwerk) -> list[str]:
    regels = []
    for rv_id in RV_IDS:
        status = netwerk.rv(rv_id)
        if status.toelichting:
            regels += [f"  {rv_id}:", f"    status: {status.status}", f"    toelichting: {yaml_waarde(status.toelichting)}"]
        else:
            regels.append(f"  {rv_id}: {status.status}")
    return regels


def _deelnemer_regels(netwerk: Netwerk) -> list[str]:
    if not netwerk.deelnemers:
        return ["deelnemers: []"]
    regels = ["deelnemers:"]
    for d in netwerk.deelnemers:
        item = {"naam": d.naam, "organisatie": d.organisatie, "soort": d.soort, "leerdoel": d.leerdoel}
        regels += [f"  - {regel}" if i == 0 else f"    {regel}" for i, regel in enumerate(_velden_regels(item))]
    return regels


def _velden_regels(item: dict[str, Any]) -> list[str]:
    return [f"{sleutel}: {_leeg_of_waarde(waarde)}" for sleutel, waarde in item.items()]


def _bijeenkomst_regels(netwerk: Netwerk) -> list[str]:
    if not netwerk.bijeenkomsten:
        return ["bijeenkomsten: []"]
    regels = ["bijeenkomsten:"]
    for b in netwerk.bijeenkomsten:
        regels.append(_blok_item(_als_data(b), 2, 4, "\n"))
    return regels
