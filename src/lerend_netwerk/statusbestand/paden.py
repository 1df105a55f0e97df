"""Edits at a path of keys and list positions: a value set, a list item added or removed.

What `ln thema`, `ln deelnemer`, `ln randvoorwaarde`, `ln behaald` and
`ln bijeenkomst --contract` change. Like `bewerken`, each edit replaces or
inserts text at one place PyYAML's node marks point to, and returns the new
text with the data it must parse to; `wijzigen` parses it again and compares
before anything is written. These edits compose the whole text (the files are
small and the commands are not on the hot path of `ln bijeenkomst`), and they
can be chained: each takes the text and data the previous one returned.

- A value that is there is replaced in its own span; a comment after it stays.
  A mapping put where a plain value (or nothing) stood becomes a block under
  its key (`tijd: deels` becomes `tijd:` with `status:` and `toelichting:`
  below it).
- A key that is missing is added after the last line of its mapping, in that
  mapping's column (or as a last pair inside `{ }`); missing mappings on the
  way are made too (`thema:` with its keys, when there was no theme).
- An item is added as `bewerken.voeg_item_toe` adds a meeting; an item is
  removed with its lines (a block list that becomes empty is written `[]`).
- A comment inside text that would be replaced stops the edit: it would be lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lerend_netwerk.statusbestand.bewerken import (
    _commentaar_in,
    _compose,
    _eind_regel,
    _in_flow,
    _na_regel,
    _sleutel_paar,
    _span,
    _vervang_span,
    regeleinde,
)
from lerend_netwerk.statusbestand.yamltekst import blok_regels, yaml_waarde

if TYPE_CHECKING:
    import yaml

Stap = str | int  # a key of a mapping, or a position in a list
_NULL = "tag:yaml.org,2002:null"


class Onveilig(Exception):
    """This edit cannot be made without changing something else; the caller says so with file and name."""

    def __init__(self, reden: str = "") -> None:
        super().__init__(reden)
        self.reden = reden


def zet(tekst: str, data: Any, pad: tuple[Stap, ...], waarde: Any) -> tuple[str, Any]:
    """The text with the value at `pad` set to `waarde` (mappings on the way made where missing), and its data."""
    # only the lines of that top-level key are composed and edited, when they compose alone
    begin, eind = (_stuk_van_sleutel(tekst, pad[0]) if len(pad) > 1 else None) or (0, len(tekst))
    nieuw = _zet_tekst(tekst[begin:eind], pad, waarde, regeleinde(tekst))
    return tekst[:begin] + nieuw + tekst[eind:], _met(data, pad, waarde)


def _zet_tekst(tekst: str, pad: tuple[Stap, ...], waarde: Any, nl: str) -> str:
    knoop = _wortel(tekst)
    for diepte, stap in enumerate(pad):
        rest = pad[diepte + 1 :]
        if knoop.id == "sequence":
            kind = knoop.value[stap]
            if rest and kind.id == "mapping":
                knoop = kind
                continue
            return _vervang_item_waarde(tekst, knoop, kind, _genest(rest, waarde), nl)
        paar = _sleutel_paar(knoop, stap)
        if paar is None:
            return _voeg_sleutel_toe(tekst, knoop, stap, _genest(rest, waarde), nl)
        sleutel, kind = paar
        if rest and kind.id in ("mapping", "sequence"):
            knoop = kind
            continue
        if rest and not (kind.id == "scalar" and kind.tag == _NULL):
            raise Onveilig()  # a plain value where a mapping belongs: the loader refuses such a file
        return _vervang_waarde(tekst, knoop, sleutel, kind, _genest(rest, waarde), nl)
    raise Onveilig()  # pragma: no cover - an empty path


def voeg_toe(tekst: str, data: Any, sleutel: str, item: Any) -> tuple[str, Any]:
    """The text with `item` appended to the top-level list `sleutel` (made when missing), and its data."""
    from lerend_netwerk.statusbestand.bewerken import _voeg_toe_aan_geheel

    bestaande = data.get(sleutel) or []
    verwacht = {**data, sleutel: [*bestaande, item]}
    begin, eind = _stuk_van_sleutel(tekst, sleutel) or (0, len(tekst))
    deel = tekst[begin:eind]
    return tekst[:begin] + _voeg_toe_aan_geheel(deel, _wortel(deel), item, regeleinde(tekst), sleutel) + tekst[eind:], verwacht


def haal_weg(tekst: str, data: Any, sleutel: str, index: int) -> tuple[str, Any]:
    """The text without item `index` of the top-level list `sleutel` (its lines go with it), and its data."""
    lijst_data = list(data[sleutel])
    del lijst_data[index]
    verwacht = {**data, sleutel: lijst_data}
    begin, eind = _stuk_van_sleutel(tekst, sleutel) or (0, len(tekst))
    return tekst[:begin] + _haal_weg_tekst(tekst[begin:eind], sleutel, index, regeleinde(tekst)) + tekst[eind:], verwacht


def _haal_weg_tekst(tekst: str, sleutel: str, index: int, nl: str) -> str:
    wortel = _wortel(tekst)
    paar = _sleutel_paar(wortel, sleutel)
    if paar is None or paar[1].id != "sequence":  # pragma: no cover - the checked data has this list
        raise Onveilig()
    sleutel_node, lijst = paar
    item = lijst.value[index]
    begin, eind = _span(tekst, item)
    if len(lijst.value) == 1 and lijst.flow_style:
        return _vervang_waarde(tekst, wortel, sleutel_node, lijst, [], nl, weg=True)
    if len(lijst.value) == 1:  # 'sleutel: []', a comment after 'sleutel:' stays on its line
        dubbelepunt = tekst.find(":", sleutel_node.end_mark.index) + 1
        regeleind = _eind_regel(tekst, dubbelepunt)
        if regeleind > begin:  # pragma: no cover - a block list starts on a line of its own
            raise Onveilig()
        tekst = _vervang_span(tekst, regeleind, _eind_regel(tekst, eind), "")
        return _vervang_span(tekst, dubbelepunt, dubbelepunt, " []")
    if lijst.flow_style:
        if index + 1 < len(lijst.value):
            eind = lijst.value[index + 1].start_mark.index
        else:
            begin = _span(tekst, lijst.value[index - 1])[1]
        return _vervang_span(tekst, begin, eind, "")
    regelbegin = max(tekst.rfind("\n", 0, begin), tekst.rfind("\r", 0, begin)) + 1
    if tekst[regelbegin:begin].strip(" ") != "-":  # something else shares the dash's line
        raise Onveilig()
    return _vervang_span(tekst, regelbegin, _eind_regel(tekst, eind), "")


# --- helpers ----------------------------------------------------------------------------

_SLEUTELREGEL = re.compile(r"[^\s#\-.]|-[^\s-]|\.[^.]|\.\.[^.]")  # a line at column 0 that starts a top-level key


def _stuk_van_sleutel(tekst: str, sleutel: str) -> tuple[int, int] | None:
    """Where the lines of top-level key `sleutel` begin and end, when they compose alone as that one key.

    A long file (hundreds of meetings) need not be composed whole to change the
    theme. The lines run from the key's line up to the next line that starts a
    top-level key at column 0 (not a comment, not a '-' of an indentless list).
    None when that is not sure: then the whole text is composed instead. The
    full parse after the edit checks the result either way.
    """
    import yaml

    begin = eind = None
    positie = 0
    for regel in tekst.splitlines(keepends=True):
        if begin is None:
            if regel.startswith((f"{sleutel}:", f'"{sleutel}":', f"'{sleutel}':")):
                begin = positie
        elif _SLEUTELREGEL.match(regel):
            eind = positie
            break
        positie += len(regel)
    if begin is None:
        return None
    eind = len(tekst) if eind is None else eind
    try:
        knoop = _compose(tekst[begin:eind])
    except yaml.YAMLError:
        return None
    if knoop is None or knoop.id != "mapping" or knoop.flow_style or len(knoop.value) != 1:
        return None
    if _sleutel_paar(knoop, sleutel) is None:
        return None
    return begin, eind


def _wortel(tekst: str) -> yaml.Node:
    wortel = _compose(tekst)
    if wortel is None or wortel.id != "mapping":  # pragma: no cover - the checked data is a mapping
        raise Onveilig()
    return wortel


def _genest(rest: tuple[Stap, ...], waarde: Any) -> Any:
    """{'a': {'b': waarde}} for rest ('a', 'b')."""
    for stap in reversed(rest):
        waarde = {stap: waarde}
    return waarde


def _met(data: Any, pad: tuple[Stap, ...], waarde: Any) -> Any:
    """A copy of `data` with the value at `pad` set; only the containers on the path are copied."""
    if not pad:
        return waarde
    stap, rest = pad[0], pad[1:]
    if isinstance(data, list):
        kopie = list(data)
        kopie[stap] = _met(kopie[stap], rest, waarde)
        return kopie
    oud = data if isinstance(data, dict) else {}
    return {**oud, stap: _met(oud.get(stap), rest, waarde)}


def _blok_waarde(waarde: Any) -> bool:
    """Whether a value goes below its key as a block: a mapping with keys."""
    return isinstance(waarde, dict) and bool(waarde)


def _sleutel_regels(sleutel: str, waarde: Any, kolom: int, nl: str) -> str:
    """`sleutel: waarde` at `kolom`, with a mapping as a block below it; no final line break."""
    if _blok_waarde(waarde):
        return " " * kolom + yaml_waarde(sleutel) + ":" + nl + " " * (kolom + 2) + blok_regels(waarde, kolom + 2, nl)
    return " " * kolom + yaml_waarde(sleutel) + ": " + yaml_waarde(waarde)


def _vervang_waarde(
    tekst: str, ouder: yaml.Node, sleutel: yaml.Node, oud: yaml.Node, waarde: Any, nl: str, *, weg: bool = False
) -> str:
    """Replace the value of a key; the text from just after its ':' to the end of the old value goes.

    `weg`: the old value is being removed on purpose (the last item of a flow list).
    """
    dubbelepunt = tekst.find(":", sleutel.end_mark.index)
    begin = dubbelepunt + 1
    eind = _span(tekst, oud)[1] if oud.end_mark.index > oud.start_mark.index else begin
    if not weg and _commentaar_in(tekst, begin, eind, oud):
        raise Onveilig("commentaar")
    if ouder.flow_style:
        nieuw = " " + _in_flow(waarde)
    elif _blok_waarde(waarde):
        kolom = sleutel.start_mark.column + 2
        nieuw = nl + " " * kolom + blok_regels(waarde, kolom, nl)
    else:
        nieuw = " " + yaml_waarde(waarde)
    return _vervang_span(tekst, begin, eind, nieuw)


def _vervang_item_waarde(tekst: str, lijst: yaml.Node, oud: yaml.Node, waarde: Any, nl: str) -> str:
    """Replace a list item (a participant written as a bare name becomes a block of fields)."""
    begin, eind = _span(tekst, oud)
    if _commentaar_in(tekst, begin, eind, oud):
        raise Onveilig("commentaar")
    if lijst.flow_style or not _blok_waarde(waarde):
        nieuw = _in_flow(waarde) if lijst.flow_style else yaml_waarde(waarde)
    else:
        nieuw = blok_regels(waarde, oud.start_mark.column, nl)
    return _vervang_span(tekst, begin, eind, nieuw)


def _voeg_sleutel_toe(tekst: str, mapping: yaml.Node, sleutel: str, waarde: Any, nl: str) -> str:
    """Add `sleutel: waarde` as the last pair of a mapping."""
    if mapping.flow_style:
        if mapping.value:
            positie = _span(tekst, mapping.value[-1][1])[1]
            return _vervang_span(tekst, positie, positie, f", {_in_flow(sleutel)}: {_in_flow(waarde)}")
        positie = tekst.find("{", mapping.start_mark.index) + 1
        return _vervang_span(tekst, positie, positie, f"{_in_flow(sleutel)}: {_in_flow(waarde)}")
    if not mapping.value:  # pragma: no cover - an empty block mapping does not exist
        raise Onveilig()
    kolom = mapping.value[0][0].start_mark.column
    tekst, positie = _na_regel(tekst, _span(tekst, mapping)[1], nl)
    return _vervang_span(tekst, positie, positie, _sleutel_regels(sleutel, waarde, kolom, nl) + nl)
