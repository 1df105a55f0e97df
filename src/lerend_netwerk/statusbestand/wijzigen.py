"""Changing the file: a meeting logged (or a planned one confirmed), the phase set.

Each change reads the file once, under the lock, makes one text edit
(`bewerken`), parses the new text again and compares it with the old data plus
exactly the intended change; only then is it written (`schrijven`) and kept in
the cache for the next command. A link is followed: the real file is locked,
backed up and replaced, the link stays.

Nothing the kartrekker wrote is lost: confirming a planned meeting edits only
the values that change and adds the new note after the old one; a new plan
replaces an old one on its date only when the tool wrote that one itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.statusbestand.bewerken import (
    heeft_commentaar,
    vervang_fase,
    vervang_item,
    voeg_item_toe,
    wijzig_waarden,
)
from lerend_netwerk.statusbestand.controle import controleer_bijeenkomst, gelezen_als, regels_uit_data
from lerend_netwerk.statusbestand.lezen import Statusbestand, lees_statusbestand, zonder_gc
from lerend_netwerk.statusbestand.meldingen import ADVIES, geen_bestand, geen_fase, niet_veilig, weiger_map
from lerend_netwerk.statusbestand.onthouden import in_cache
from lerend_netwerk.statusbestand.paden import Onveilig, zet
from lerend_netwerk.statusbestand.schrijven import als_bytes, echt_pad, schrijf_atomair, vergrendeld
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


# The note `ln agenda --bewaar` writes; a plan with only this note (and no comment) is the tool's own.
EIGEN_NOTITIE = re.compile(r"Gepland met ln agenda[^\r\n]*")


def leg_bijeenkomst_vast(
    pad: Path, bijeenkomst: Bijeenkomst, *, controle: Callable[[Netwerk], None] | None = None, contract: bool = False
) -> Vastgelegd:
    """Append a meeting to `bijeenkomsten`, or take the place of the planned one on its date.

    A meeting without a phase gets the network's current phase. A held meeting
    on a planned date confirms the plan: only the values that change are edited
    (status, and what was given: phase, work forms, attendance), a note is added
    after the plan's own note, and the rest of the entry, comments included,
    stays. A new plan on a planned date replaces the old plan, but only a plan
    the tool wrote itself (see `_weiger_eigen_tekst`). `controle` gets the state
    as read under the lock, before anything is changed; it may raise.
    `contract`: the contract was made at this meeting (`afspraken: contract:`
    gets its date, in the same write).
    """
    controleer_bijeenkomst(bijeenkomst)

    def wijziging(oud: Statusbestand) -> _Bewerking:
        netwerk = oud.netwerk
        if controle is not None:
            controle(netwerk)
        index = _geplande_index(netwerk, bijeenkomst.datum)
        gepland = None if index is None else netwerk.bijeenkomsten[index]
        if index is None:
            item = bijeenkomst_als_data(_aangevuld(bijeenkomst, netwerk.fase, None))
            tekst, verwacht = voeg_item_toe(oud, item)
        elif bijeenkomst.status == "gepland":
            _weiger_eigen_tekst(oud, index)
            item = bijeenkomst_als_data(_aangevuld(bijeenkomst, netwerk.fase, gepland), oud.data["bijeenkomsten"][index])
            tekst, verwacht = vervang_item(oud, index, item)
        else:
            tekst, verwacht = wijzig_waarden(oud, index, _bevestiging(bijeenkomst, gepland, netwerk.fase))
            item = verwacht["bijeenkomsten"][index]
        nieuw = gelezen_als(item, oud.pad)
        lijst = list(netwerk.bijeenkomsten)
        if index is None:
            lijst.append(nieuw)
        else:
            lijst[index] = nieuw
        bijgewerkt = netwerk._replace(bijeenkomsten=tuple(lijst))
        if contract and netwerk.contract != bijeenkomst.datum:
            tekst, verwacht = _met_paden(oud.pad, tekst, verwacht, ("afspraken", "contract"), bijeenkomst.datum)
            bijgewerkt = bijgewerkt._replace(contract=bijeenkomst.datum)
        return _Bewerking(tekst, verwacht, bijgewerkt, Vastgelegd(bijgewerkt, nieuw, gepland, netwerk))

    bewerking = _wijzig(Path(pad), wijziging)
    return bewerking.uitkomst._replace(netwerk=bewerking.netwerk)


def notities_samen(oud: str | None, nieuw: str | None) -> str | None:
    """The plan's note with the new one after it: ' — ' between them, or a new line when the old note has several."""
    nieuw = nieuw.strip() if nieuw else None
    if not nieuw or nieuw == oud:
        return oud or nieuw
    if not oud:
        return nieuw
    return oud + ("\n" if "\n" in oud else " — ") + nieuw


def _bevestiging(b: Bijeenkomst, gepland: Bijeenkomst, fase: str) -> dict[str, Any]:
    """The keys of a planned entry that change when it is confirmed as held, with their new values."""
    wijzigingen: dict[str, Any] = {"status": "gehouden"}
    fase = b.fase or gepland.fase or fase
    if fase != gepland.fase:
        wijzigingen["fase"] = fase
    if b.werkvormen and b.werkvormen != gepland.werkvormen:
        wijzigingen["werkvormen"] = list(b.werkvormen)
    if b.aanwezig is not None and b.aanwezig != gepland.aanwezig:
        wijzigingen["aanwezig"] = b.aanwezig
    if b.afwezig and b.afwezig != gepland.afwezig:
        wijzigingen["afwezig"] = list(b.afwezig)
    notities = notities_samen(gepland.notities, b.notities)
    if notities != gepland.notities:
        wijzigingen["notities"] = notities
    afspraken = tuple(dict.fromkeys(gepland.afspraken + b.afspraken))
    if afspraken != gepland.afspraken:
        wijzigingen["afspraken"] = list(afspraken)
    return wijzigingen


def _weiger_eigen_tekst(oud: Statusbestand, index: int) -> None:
    """A new plan may replace only a plan the tool wrote: no note but its own, no attendance, no comment."""
    from lerend_netwerk.yamlbron import regel_van

    gepland = oud.netwerk.bijeenkomsten[index]
    eigen = []
    if gepland.notities and not EIGEN_NOTITIE.fullmatch(gepland.notities):
        eerste = gepland.notities.splitlines()[0]
        kort = eerste if len(eerste) <= 40 and eerste == gepland.notities else eerste[:37] + "..."
        eigen.append(f"de notitie '{kort}'")
    if gepland.aanwezig is not None:
        eigen.append("een aantal aanwezigen")
    if heeft_commentaar(oud, index):
        eigen.append("commentaar")
    if eigen:
        raise LnFout(
            f"op {gepland.datum.isoformat()} staat al een geplande bijeenkomst met {' en '.join(eigen)}, "
            "die niet van ln agenda komt; die planning vervang ik niet",
            bestand=oud.pad,
            regel=regel_van(oud.data["bijeenkomsten"], index),
            advies="kies een andere datum met --datum, of haal de oude planning weg of pas hem aan in het "
            "statusbestand; er is niets veranderd.",
        )


def zet_fase(pad: Path, fase: str) -> Netwerk:
    """Set the network's phase; only the span of the `fase:` value changes."""
    if fase not in FASE_IDS:
        raise geen_fase(fase)

    def wijziging(oud: Statusbestand) -> _Bewerking:
        netwerk = oud.netwerk._replace(fase=fase)
        if oud.netwerk.fase == fase:
            return _Bewerking(None, None, netwerk)
        return _Bewerking(vervang_fase(oud, fase), {**oud.data, "fase": fase}, netwerk)

    return _wijzig(Path(pad), wijziging).netwerk


class Bijgewerkt(NamedTuple):
    """What a change did: the state just before (read under the lock) and after."""

    voor: Netwerk
    na: Netwerk


def wijzig_data(
    pad: Path, bewerk: Callable[[Statusbestand, str, Any], tuple[str, Any]]
) -> Bijgewerkt:
    """Read under the lock, let `bewerk` edit (text, data) with the `paden` edits, check the result, write.

    `bewerk` gets the reading and its text and data; it returns them unchanged
    when there is nothing to do (nothing is written then), or raises an `LnFout`.
    The new data is checked field by field like a file being read, before anything is written.
    """
    from lerend_netwerk.statusbestand.controle import netwerk_uit_data

    def wijziging(oud: Statusbestand) -> _Bewerking:
        try:
            tekst, verwacht = bewerk(oud, oud.tekst, oud.data)
        except Onveilig as fout:
            raise _onveilig(oud.pad, fout) from None
        if tekst == oud.tekst:
            return _Bewerking(None, None, oud.netwerk, oud.netwerk)
        return _Bewerking(tekst, verwacht, netwerk_uit_data(verwacht, str(oud.pad)), oud.netwerk)

    bewerking = _wijzig(Path(pad), wijziging)
    return Bijgewerkt(bewerking.uitkomst, bewerking.netwerk)


def _met_paden(pad: Path, tekst: str, data: Any, sleutels: tuple[str, ...], waarde: Any) -> tuple[str, Any]:
    """`paden.zet`, with its refusal as an `LnFout` naming the file."""
    try:
        return zet(tekst, data, sleutels, waarde)
    except Onveilig as fout:
        raise _onveilig(pad, fout) from None


def _onveilig(pad: Path, fout: Onveilig) -> LnFout:
    if fout.reden == "commentaar":
        return LnFout(
            "op de plek die ik zou aanpassen staat commentaar dat verloren zou gaan",
            bestand=pad,
            advies="zet het commentaar op een eigen regel (of haal het weg) en probeer het opnieuw; er is niets veranderd.",
        )
    return niet_veilig(pad)


def _geplande_index(netwerk: Netwerk, datum: date) -> int | None:
    for index, b in enumerate(netwerk.bijeenkomsten):
        if b.status == "gepland" and b.datum == datum:
            return index
    return None


def _aangevuld(b: Bijeenkomst, fase: str, gepland: Bijeenkomst | None) -> Bijeenkomst:
    """What the meeting leaves open, taken from the planned one (if any), else the network's phase."""
    if gepland is None:
        return b._replace(fase=b.fase or fase)
    return b._replace(
        fase=b.fase or gepland.fase or fase,
        werkvormen=b.werkvormen or gepland.werkvormen,
        notities=b.notities if b.notities is not None else gepland.notities,
    )


def _wijzig(pad: Path, wijziging: Callable[[Statusbestand], _Bewerking]) -> _Bewerking:
    """Read, edit, check and write the file, all under the lock (on the real file, when `pad` is a link)."""
    weiger_map(pad)
    if not pad.exists():
        raise geen_bestand(pad)
    echt = echt_pad(pad)
    with vergrendeld(echt):
        oud = lees_statusbestand(pad, onthoud=False)
        bewerking = wijziging(oud)
        if bewerking.tekst is None:
            return bewerking
        data = _controleer_bewerking(pad, bewerking.tekst, bewerking.verwacht)
        schrijf_atomair(echt, bewerking.tekst, bom=oud.bom, vorige=oud.inhoud)
    netwerk = bewerking.netwerk._replace(regels=regels_uit_data(data))  # lines after the edit, for later messages
    in_cache(pad, als_bytes(bewerking.tekst, oud.bom), data, netwerk)  # the next command need not parse it again
    return bewerking._replace(netwerk=netwerk)


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
