"""Changing the file: a meeting logged (or a planned one confirmed), the phase set.

Each change reads the file once, under the lock, makes one text edit
(`bewerken`), parses the new text again and compares it with the old data plus
exactly the intended change; only then is it written (`schrijven`) and kept in
the cache for the next command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.statusbestand.bewerken import vervang_fase, vervang_item, voeg_item_toe
from lerend_netwerk.statusbestand.controle import controleer_bijeenkomst, gelezen_als
from lerend_netwerk.statusbestand.lezen import Statusbestand, lees_statusbestand, zonder_gc
from lerend_netwerk.statusbestand.meldingen import ADVIES, geen_bestand, geen_fase, niet_veilig
from lerend_netwerk.statusbestand.onthouden import in_cache
from lerend_netwerk.statusbestand.schrijven import als_bytes, schrijf_atomair, vergrendeld
from lerend_netwerk.statusbestand.yamltekst import bijeenkomst_als_data


class Vastgelegd(NamedTuple):
    """What `leg_bijeenkomst_vast` did: the new state, the meeting as stored, and
    the planned meeting it confirmed (None when it was added)."""

    netwerk: Netwerk
    bijeenkomst: Bijeenkomst
    vervangen: Bijeenkomst | None = None
    vorig: Netwerk | None = None  # the state just before, as read under the lock


class _Bewerking(NamedTuple):
    """An edit: the new text (None: nothing to change), the data it must parse to,
    the network that data means, and what the caller gets back."""

    tekst: str | None
    verwacht: Any
    netwerk: Netwerk
    uitkomst: Any = None


def voeg_bijeenkomst_toe(pad: Path, bijeenkomst: Bijeenkomst) -> Netwerk:
    """Add a meeting (held or planned); see `leg_bijeenkomst_vast`."""
    return leg_bijeenkomst_vast(pad, bijeenkomst).netwerk


def leg_bijeenkomst_vast(pad: Path, bijeenkomst: Bijeenkomst) -> Vastgelegd:
    """Append a meeting to `bijeenkomsten`, or replace the planned one on its date.

    A meeting without a phase gets the network's current phase. Replacing a
    planned meeting keeps what the new one leaves open (phase, work forms,
    notes) and the planned entry's own extra keys.
    """
    controleer_bijeenkomst(bijeenkomst)

    def wijziging(oud: Statusbestand) -> _Bewerking:
        netwerk = oud.netwerk
        index = _geplande_index(netwerk, bijeenkomst.datum)
        gepland = None if index is None else netwerk.bijeenkomsten[index]
        eigen = None if index is None else oud.data["bijeenkomsten"][index]
        item = bijeenkomst_als_data(_aangevuld(bijeenkomst, netwerk.fase, gepland), eigen)
        nieuw = gelezen_als(item, oud.pad)
        lijst = list(netwerk.bijeenkomsten)
        if index is None:
            tekst, verwacht = voeg_item_toe(oud, item)
            lijst.append(nieuw)
        else:
            tekst, verwacht = vervang_item(oud, index, item)
            lijst[index] = nieuw
        bijgewerkt = replace(netwerk, bijeenkomsten=tuple(lijst))
        return _Bewerking(tekst, verwacht, bijgewerkt, Vastgelegd(bijgewerkt, nieuw, gepland, netwerk))

    return _wijzig(Path(pad), wijziging).uitkomst


def zet_fase(pad: Path, fase: str) -> Netwerk:
    """Set the network's phase; only the span of the `fase:` value changes."""
    if fase not in FASE_IDS:
        raise geen_fase(fase)

    def wijziging(oud: Statusbestand) -> _Bewerking:
        netwerk = replace(oud.netwerk, fase=fase)
        if oud.netwerk.fase == fase:
            return _Bewerking(None, None, netwerk)
        return _Bewerking(vervang_fase(oud, fase), {**oud.data, "fase": fase}, netwerk)

    return _wijzig(Path(pad), wijziging).netwerk


def _geplande_index(netwerk: Netwerk, datum: date) -> int | None:
    for index, b in enumerate(netwerk.bijeenkomsten):
        if b.status == "gepland" and b.datum == datum:
            return index
    return None


def _aangevuld(b: Bijeenkomst, fase: str, gepland: Bijeenkomst | None) -> Bijeenkomst:
    """What the meeting leaves open, taken from the planned one (if any), else the network's phase."""
    if gepland is None:
        return replace(b, fase=b.fase or fase)
    return replace(
        b,
        fase=b.fase or gepland.fase or fase,
        werkvormen=b.werkvormen or gepland.werkvormen,
        notities=b.notities if b.notities is not None else gepland.notities,
    )


def _wijzig(pad: Path, wijziging: Callable[[Statusbestand], _Bewerking]) -> _Bewerking:
    """Read, edit, check and write the file, all under the lock."""
    if not pad.exists():
        raise geen_bestand(pad)
    with vergrendeld(pad):
        oud = lees_statusbestand(pad, onthoud=False)
        bewerking = wijziging(oud)
        if bewerking.tekst is None:
            return bewerking
        data = _controleer_bewerking(pad, bewerking.tekst, bewerking.verwacht)
        schrijf_atomair(pad, bewerking.tekst, bom=oud.bom, vorige=oud.inhoud)
    in_cache(pad, als_bytes(bewerking.tekst, oud.bom), data, bewerking.netwerk)  # the next command need not parse it again
    return bewerking


def _controleer_bewerking(pad: Path, tekst: str, verwacht: Any) -> Any:
    """The new text must parse to exactly the expected data, or nothing is written.

    Only the new entry is checked against the schema again (before the edit):
    the rest equals what was checked when the file was read.
    """
    from lerend_netwerk.yamlbron import lees_yaml_tekst

    try:
        with zonder_gc():
            nieuw = lees_yaml_tekst(tekst, str(pad), ADVIES)
    except LnFout:
        raise niet_veilig(pad) from None
    # `==` is fast (C) but sloppy at the edges (1 == true, nan != nan): only a
    # difference is looked at again, strictly.
    if nieuw != verwacht and _vergelijkbaar(nieuw) != _vergelijkbaar(verwacht):
        raise niet_veilig(pad)
    return nieuw


def _vergelijkbaar(waarde: Any) -> Any:
    """A form where equal means equal: 1 is not true, nan equals nan."""
    if isinstance(waarde, dict):
        return {_vergelijkbaar(k): _vergelijkbaar(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_vergelijkbaar(v) for v in waarde]
    if isinstance(waarde, (bool, float)):
        return (type(waarde).__name__, repr(waarde))
    return waarde
