"""Minimal text edits at the places PyYAML's node marks point to; every other byte stays as it was.

A meeting is appended after the last item of `bijeenkomsten` (in the list's
own columns, or as a flow item); a planned meeting that is confirmed gets only
the values that change replaced and missing keys added (its other lines and
comments stay); a plan replaced by a new plan has its span replaced; the span
of the `fase:` value is replaced. For the usual edits only a few lines
are composed: the lines of one item, or of one key up to the next key, which
`yamlbron` recorded while loading. If that slice does not compose on its own
as expected, the whole file is composed instead. The result is checked by a
full parse afterwards either way (`wijzigen`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from lerend_netwerk.statusbestand.meldingen import commentaar_in_waarde, niet_veilig
from lerend_netwerk.statusbestand.yamltekst import blok_item, blok_regels, yaml_waarde

if TYPE_CHECKING:
    import yaml

    from lerend_netwerk.statusbestand.lezen import Statusbestand

_STR = "tag:yaml.org,2002:str"
_REGELBREUK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as a line break


# --- the edits ------------------------------------------------------------------------


def voeg_item_toe(oud: Statusbestand, item: dict[str, Any]) -> tuple[str, Any]:
    """The text with `item` appended to `bijeenkomsten`, and the data it must parse to."""
    bestaande = oud.data.get("bijeenkomsten") or []
    verwacht = {**oud.data, "bijeenkomsten": [*bestaande, item]}
    nl = regeleinde(oud.tekst)
    stuk = _stuk_van_item(oud, len(bestaande) - 1) if bestaande else None
    if stuk is not None:  # the usual case, and the one that must be fast: a long block list
        return stuk.terug(oud.tekst, _voeg_toe_aan_blok(stuk.tekst, stuk.knoop, item, nl)), verwacht
    return _voeg_toe_aan_geheel(oud.tekst, _geheel(oud).knoop, item, nl), verwacht


def vervang_item(oud: Statusbestand, index: int, item: dict[str, Any]) -> tuple[str, Any]:
    """The text with meeting `index` replaced by `item` (only that item's span changes), and the data it must parse to.

    Comments inside the span go with it: only for an entry the tool wrote itself
    (see `heeft_commentaar`).
    """
    stuk, oud_item = _item(oud, index)
    if oud_item.flow_style:
        nieuw = yaml_waarde(item)
    else:
        nieuw = blok_regels(item, oud_item.start_mark.column, regeleinde(oud.tekst))
    verwacht = {**oud.data, "bijeenkomsten": list(oud.data["bijeenkomsten"])}
    verwacht["bijeenkomsten"][index] = item
    return _vervang_in_stuk(oud, stuk, oud_item, nieuw), verwacht


def wijzig_waarden(oud: Statusbestand, index: int, wijzigingen: dict[str, Any]) -> tuple[str, Any]:
    """The text with only the given keys of meeting `index` changed, and the data it must parse to.

    A key that is there gets its value replaced (a comment after the value
    stays); a missing key is added after the item's last line (or as the last
    pair of a flow item). Every other byte of the item stays, comments included.
    A comment inside a value that would be replaced (a commented block list)
    stops the edit: it would be lost.
    """
    stuk, knoop = _item(oud, index)
    nl = regeleinde(oud.tekst)
    tekst = stuk.tekst
    als = _in_flow if knoop.flow_style else yaml_waarde  # inside { } a ',' or '[' must be quoted too
    bewerkingen: list[tuple[int, int, str]] = []
    erbij: list[str] = []
    for sleutel, waarde in wijzigingen.items():
        paar = _sleutel_paar(knoop, sleutel)
        if paar is None:
            erbij.append(f"{als(sleutel)}: {als(waarde)}")
            continue
        begin, eind = _span(tekst, paar[1])
        if begin == eind:  # an empty value, 'notities:'
            bewerkingen.append((begin, eind, ("" if tekst[begin - 1 : begin] == " " else " ") + als(waarde)))
            continue
        if _commentaar_in(tekst, begin, eind, paar[1]):
            regel = getattr(oud.data["bijeenkomsten"], "item_lines", None)
            regel = regel[index] + paar[0].start_mark.line - knoop.start_mark.line if regel else None
            raise commentaar_in_waarde(oud.pad, sleutel, regel)
        bewerkingen.append((begin, eind, als(waarde) if knoop.flow_style else _waarde_als(paar[1], waarde, nl)))
    if erbij and knoop.flow_style:
        positie = _span(tekst, knoop.value[-1][1])[1]
        bewerkingen.append((positie, positie, "".join(", " + paar for paar in erbij)))
    elif erbij:
        tekst, positie = _na_regel(tekst, _span(tekst, knoop)[1], nl)
        kolom = knoop.value[0][0].start_mark.column
        bewerkingen.append((positie, positie, "".join(" " * kolom + paar + nl for paar in erbij)))
    for begin, eind, nieuw in sorted(bewerkingen, reverse=True):  # from the back: earlier positions stay valid
        tekst = _vervang_span(tekst, begin, eind, nieuw)
    lijst = list(oud.data["bijeenkomsten"])
    lijst[index] = {**lijst[index], **wijzigingen}
    return stuk.terug(oud.tekst, tekst), {**oud.data, "bijeenkomsten": lijst}


def _in_flow(waarde: Any) -> str:
    """A value as YAML text that may stand inside a flow collection."""
    return yaml_waarde([waarde])[1:-1]


def _waarde_als(oud: yaml.Node, waarde: Any, nl: str) -> str:
    """A new value in the place of `oud`: a block list stays a block list in its own columns, the rest is one line."""
    if oud.id == "sequence" and not oud.flow_style and oud.value and isinstance(waarde, list) and waarde:
        streep = oud.start_mark.column
        na_streep = max(oud.value[0].start_mark.column - streep, 2)
        return (nl + " " * streep).join("-" + " " * (na_streep - 1) + yaml_waarde(item) for item in waarde)
    return yaml_waarde(waarde)


def heeft_commentaar(oud: Statusbestand, index: int) -> bool:
    """Whether meeting `index` carries a comment: on its lines, or on comment lines right below it, indented as its keys."""
    stuk, knoop = _item(oud, index)
    tekst = stuk.tekst
    begin = knoop.start_mark.index
    regelbegin = max(tekst.rfind("\n", 0, begin), tekst.rfind("\r", 0, begin)) + 1
    if not tekst[regelbegin:begin].strip(" -"):  # only the dash before it: the whole line is the item's
        begin = regelbegin
    eind = _eind_regel(tekst, _span(tekst, knoop)[1])
    while not knoop.flow_style and eind < len(tekst):
        volgende = _eind_regel(tekst, eind)
        regel = tekst[eind:volgende].rstrip("\r\n")
        inhoud = regel.lstrip(" ")
        if inhoud and not (inhoud.startswith("#") and len(regel) - len(inhoud) >= knoop.start_mark.column):
            break
        eind = volgende
    return _commentaar_in(tekst, begin, eind, knoop)


def vervang_fase(oud: Statusbestand, fase: str) -> str:
    """The text with the `fase:` value replaced; a comment after it stays."""
    stuk = _stuk_van_sleutel(oud, "fase") or _geheel(oud)
    return _vervang_in_stuk(oud, stuk, _waarde_node(stuk.knoop, "fase"), fase)


def regeleinde(tekst: str) -> str:
    """The file's own line ending, for new lines."""
    if "\r\n" in tekst:
        return "\r\n"
    return "\r" if "\r" in tekst and "\n" not in tekst else "\n"


def _voeg_toe_aan_geheel(
    tekst: str, wortel: yaml.MappingNode, item: Any, nl: str, lijst_sleutel: str = "bijeenkomsten"
) -> str:
    """Append `item` to the top-level list `lijst_sleutel` (a meeting, a participant, a ticked signal)."""
    paar = _sleutel_paar(wortel, lijst_sleutel)
    if wortel.flow_style:  # the whole file as {naam: ..., fase: ...}
        return _voeg_toe_in_flow(tekst, wortel, paar, item, lijst_sleutel)
    if paar is None:  # no key yet: added at the end of the file
        kolom = wortel.value[0][0].start_mark.column if wortel.value else 0
        tekst, _ = _na_regel(tekst, len(tekst), nl)
        return tekst + " " * kolom + f"{lijst_sleutel}:" + nl + blok_item(item, kolom + 2, kolom + 4, nl) + nl
    sleutel, lijst = paar
    if _gevulde_lijst(lijst):
        return _achter_flow_lijst(tekst, lijst, item) if lijst.flow_style else _voeg_toe_aan_blok(tekst, lijst, item, nl)
    # empty: 'bijeenkomsten:', '~' or '[]'; the value goes, a block follows on the next lines
    begin, eind = lijst.start_mark.index, lijst.end_mark.index
    if eind == len(tekst) or tekst[eind] in "\r\n":  # nothing follows on the line: drop the spaces too
        while begin > 0 and tekst[begin - 1] in " \t":
            begin -= 1
    tekst, positie = _na_regel(_vervang_span(tekst, begin, eind, ""), begin, nl)
    kolom = sleutel.start_mark.column
    return _vervang_span(tekst, positie, positie, blok_item(item, kolom + 2, kolom + 4, nl) + nl)


def _voeg_toe_in_flow(tekst: str, wortel: yaml.MappingNode, paar: Any, item: Any, lijst_sleutel: str) -> str:
    lijst = f"[{yaml_waarde(item)}]"
    if paar is None:
        sluit = wortel.end_mark.index - 1  # the closing '}'
        scheiding = ", " if wortel.value else ""
        return _vervang_span(tekst, sluit, sluit, f"{scheiding}{lijst_sleutel}: {lijst}")
    waarde = paar[1]
    if _gevulde_lijst(waarde):
        return _achter_flow_lijst(tekst, waarde, item)
    return _vervang_span(tekst, waarde.start_mark.index, waarde.end_mark.index, lijst)


def _achter_flow_lijst(tekst: str, lijst: yaml.SequenceNode, item: Any) -> str:
    positie = lijst.value[-1].end_mark.index
    return _vervang_span(tekst, positie, positie, ", " + yaml_waarde(item))


def _voeg_toe_aan_blok(tekst: str, lijst: yaml.SequenceNode, item: Any, nl: str) -> str:
    laatste = lijst.value[-1]
    tekst, positie = _na_regel(tekst, _laatste_blad(laatste).end_mark.index, nl)
    streep = lijst.start_mark.column
    if (laatste.id == "mapping" and laatste.flow_style) or not isinstance(item, dict):
        nieuw = " " * streep + "- " + yaml_waarde(item) + nl
    else:
        inhoud = laatste.start_mark.column if laatste.start_mark.column > streep else streep + 2
        nieuw = blok_item(item, streep, inhoud, nl) + nl
    return _vervang_span(tekst, positie, positie, nieuw)


# --- composing only the lines an edit needs ---------------------------------------------


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
        knoop = _compose(tekst)
    except yaml.YAMLError:
        return None
    return _Stuk(begin, eind, tekst, knoop) if knoop is not None else None


def _geheel(oud: Statusbestand) -> _Stuk:
    """The whole file as one piece, when a slice would not do."""
    wortel = _compose(oud.tekst)
    if wortel.id != "mapping":  # pragma: no cover - the checked data is a mapping
        raise niet_veilig(oud.pad)
    return _Stuk(0, len(oud.tekst), oud.tekst, wortel)


def _compose(tekst: str) -> yaml.Node | None:
    import yaml

    return yaml.compose(tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _volgende_sleutelregel(oud: Statusbestand, sleutel: str) -> int | None:
    """The line of the next top-level key after `sleutel`, where that key's value has surely ended."""
    regels = getattr(oud.data, "key_lines", {})
    eigen = regels.get(sleutel)
    later = [regel for regel in regels.values() if eigen is not None and regel > eigen]
    return min(later) if later else None


def _stuk_van_sleutel(oud: Statusbestand, sleutel: str) -> _Stuk | None:
    regel = getattr(oud.data, "key_lines", {}).get(sleutel)
    stuk = _stuk(oud, regel, _volgende_sleutelregel(oud, sleutel)) if regel else None
    if stuk is None or stuk.knoop.id != "mapping" or stuk.knoop.flow_style:
        return None
    return stuk if _sleutel_paar(stuk.knoop, sleutel) is not None else None


def _item(oud: Statusbestand, index: int) -> tuple[_Stuk, yaml.Node]:
    """The piece holding meeting `index`, and that meeting's node in it."""
    stuk = _stuk_van_item(oud, index)
    if stuk is not None:
        return stuk, stuk.knoop.value[0]
    stuk = _geheel(oud)
    return stuk, _waarde_node(stuk.knoop, "bijeenkomsten").value[index]


def _stuk_van_item(oud: Statusbestand, index: int) -> _Stuk | None:
    """Meeting `index` of a block list, composed alone as a list of one."""
    lijst = oud.data["bijeenkomsten"]
    regels = getattr(lijst, "item_lines", None)
    if not regels or len(regels) != len(lijst):
        return None
    tot = regels[index + 1] if index + 1 < len(regels) else _volgende_sleutelregel(oud, "bijeenkomsten")
    stuk = _stuk(oud, regels[index], tot)
    if stuk is None or stuk.knoop.id != "sequence" or stuk.knoop.flow_style or len(stuk.knoop.value) != 1:
        return None
    return stuk


# --- nodes and positions ------------------------------------------------------------------


def _sleutel_paar(wortel: yaml.MappingNode, sleutel: str) -> tuple[yaml.Node, yaml.Node] | None:
    for sleutel_node, waarde_node in wortel.value:
        if sleutel_node.id == "scalar" and sleutel_node.tag == _STR and sleutel_node.value == sleutel:
            return sleutel_node, waarde_node
    return None


def _waarde_node(wortel: yaml.MappingNode, sleutel: str) -> yaml.Node:
    paar = _sleutel_paar(wortel, sleutel)
    if paar is None:  # cannot happen: the checked data has this key
        raise LookupError(sleutel)
    return paar[1]


def _gevulde_lijst(node: yaml.Node) -> bool:
    return node.id == "sequence" and bool(node.value)


def _laatste_blad(node: yaml.Node) -> yaml.Node:
    """The last scalar (or flow collection) inside a node: its end is where the node really ends.

    A block collection's own end mark lies after trailing comments and blank lines.
    """
    while node.id in ("mapping", "sequence") and not node.flow_style and node.value:
        laatste = node.value[-1]
        node = laatste[1] if node.id == "mapping" else laatste
    return node


def _span(tekst: str, node: yaml.Node) -> tuple[int, int]:
    """Where a node's own text begins and ends: without the line breaks and indentation a block text takes along."""
    begin, eind = node.start_mark.index, _laatste_blad(node).end_mark.index
    while eind > begin and tekst[eind - 1] in " \t\r\n":
        eind -= 1
    return begin, eind


def _commentaar_in(tekst: str, begin: int, eind: int, node: yaml.Node) -> bool:
    """Whether a comment lies in tekst[begin:eind]: a '#' at the start of a line or after a space, outside every text value of `node`."""
    teksten = []
    open_ = [node]
    while open_:
        n = open_.pop()
        if n.id == "scalar":
            teksten.append((n.start_mark.index, n.end_mark.index))
        elif n.id == "mapping":
            open_.extend(deel for paar in n.value for deel in paar)
        else:
            open_.extend(n.value)
    positie = tekst.find("#", begin, eind)
    while positie != -1:
        if (positie == 0 or tekst[positie - 1] in " \t\r\n\ufeff") and not any(b <= positie < e for b, e in teksten):
            return True
        positie = tekst.find("#", positie + 1, eind)
    return False


def _vervang_in_stuk(oud: Statusbestand, stuk: _Stuk, node: yaml.Node, nieuw: str) -> str:
    """The whole text with the span of `node` (a node of `stuk`) replaced by `nieuw`."""
    begin, eind = node.start_mark.index, _laatste_blad(node).end_mark.index
    while eind > begin and stuk.tekst[eind - 1] in "\r\n":  # a block scalar takes its line breaks along
        eind -= 1
    return stuk.terug(oud.tekst, _vervang_span(stuk.tekst, begin, eind, nieuw))


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


def _vervang_span(tekst: str, begin: int, eind: int, nieuw: str) -> str:
    return tekst[:begin] + nieuw + tekst[eind:]
