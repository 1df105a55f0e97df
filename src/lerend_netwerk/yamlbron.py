"""Reading YAML safely, keeping the line of every mapping, key and list item.

Every file the tool reads (its own data, a user's library, the state file) goes
through `lees_yaml_bytes`, so that every error can name the file and the line.
Aliases, Python tags and duplicate keys are refused: in a file a person edits
by hand they are either a mistake or an attack (an alias bomb).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from lerend_netwerk.fouten import LnFout

try:  # the C loader is several times faster; fall back where libyaml is missing
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader  # type: ignore[misc]


class LineDict(dict):
    """A mapping that remembers where it and each of its keys stood."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A list that remembers where it and each of its items stood."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


def regel_van(waarde: Any, sleutel: Any = None, standaard: int | None = None) -> int | None:
    """The line of `waarde` (or of `sleutel` inside it), where it is known."""
    if isinstance(waarde, (LineDict, LineList)):
        return waarde.line_of(sleutel) if sleutel is not None else waarde.line
    return standaard


class _Refused(yaml.MarkedYAMLError):
    pass


_STR = "tag:yaml.org,2002:str"
_MAP = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:omap")
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_GEWONE_SCALAIRS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp"))
_TAG_VAN: dict[str, str] = {}  # plain scalar -> its resolved tag ('ja', 'ontwikkeling' and dates recur)


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """PyYAML's C parser, with a direct builder instead of PyYAML's generic construction.

    `get_single_data` walks the composed nodes itself: plain mappings, lists and
    the ordinary scalars are built in one recursive pass (about twice as fast as
    PyYAML's construct_object machinery, which `ln overzicht` feels over 500
    files); any other tag goes through the constructors as before (and is
    refused there). Every node is recorded once, so an alias (`*a`, the same
    node met again) is refused wherever it appears.
    """

    def construct_object(self, node, deep=False):  # noqa: ANN001
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused(
                None,
                None,
                "ankers en verwijzingen (& en *) zijn hier niet toegestaan",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def resolve(self, kind, value, implicit):  # noqa: ANN001
        # No path resolvers are registered, so a plain scalar's tag depends on its text alone.
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _TAG_VAN.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_TAG_VAN) < 100_000:
                    _TAG_VAN[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def get_single_data(self):  # noqa: ANN201
        node = self.get_single_node()
        if node is None:
            return None
        try:
            return self._bouw(node)
        finally:
            self.constructed_objects = {}

    def _bouw(self, node):  # noqa: ANN001, ANN202
        gebouwd = self.constructed_objects
        if node in gebouwd:
            raise _Refused(None, None, "ankers en verwijzingen (& en *) zijn hier niet toegestaan", node.start_mark)
        tag = node.tag
        soort = type(node)
        if soort is yaml.ScalarNode:
            if tag == _STR:
                gebouwd[node] = node.value
                return node.value
            if tag in _GEWONE_SCALAIRS:
                waarde = self.yaml_constructors[tag](self, node)
                gebouwd[node] = waarde
                return waarde
        elif soort is yaml.MappingNode and tag in _MAP:
            data = LineDict()
            data.line = node.start_mark.line + 1
            data.key_lines = regels = {}
            gebouwd[node] = data
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    raise _Refused(None, None, "samenvoegen met '<<' is hier niet toegestaan", key_node.start_mark)
                key = self._bouw(key_node)
                try:
                    hash(key)
                except TypeError:
                    raise _Refused(None, None, "een sleutel moet gewone tekst zijn", key_node.start_mark) from None
                if key in regels:
                    raise _Refused(
                        None,
                        None,
                        f"de sleutel '{key}' staat twee keer in dit blok (eerder op regel {regels[key]})",
                        key_node.start_mark,
                    )
                regels[key] = key_node.start_mark.line + 1
                data[key] = self._bouw(value_node)
            return data
        elif soort is yaml.SequenceNode and tag == _SEQ:
            lijst = LineList()
            lijst.line = node.start_mark.line + 1
            lijst.item_lines = [child.start_mark.line + 1 for child in node.value]
            gebouwd[node] = lijst
            lijst.extend([self._bouw(child) for child in node.value])
            return lijst
        return self.construct_object(node, deep=True)  # any other tag: the constructors decide (and refuse)


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(None, None, "samenvoegen met '<<' is hier niet toegestaan", key_node.start_mark)
        key = loader.construct_object(key_node)
        try:
            hash(key)
        except TypeError:
            raise _Refused(None, None, "een sleutel moet gewone tekst zijn", key_node.start_mark) from None
        if key in data.key_lines:
            raise _Refused(
                None,
                None,
                f"de sleutel '{key}' staat twee keer in dit blok (eerder op regel {data.key_lines[key]})",
                key_node.start_mark,
            )
        data.key_lines[key] = key_node.start_mark.line + 1
        data[key] = loader.construct_object(value_node)


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child) for child in node.value)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _Refused(None, None, f"'{node.value}' is geen bestaande datum", node.start_mark) from None


def _refuse_tag(loader: _LineLoader, tag_suffix: str, node: yaml.Node):
    label = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    raise _Refused(None, None, f"het label '{label}' is niet toegestaan; haal het weg", node.start_mark)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:omap", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_LineLoader.add_multi_constructor("", _refuse_tag)
_LineLoader.add_constructor(None, lambda loader, node: _refuse_tag(loader, "", node))

TAB = "tab gevonden, gebruik spaties: YAML springt alleen in met spaties"
_PROBLEMEN = (
    ("control characters are not allowed", "het bestand bevat tekens die geen tekst zijn"),
    ("unacceptable character", "het bestand bevat tekens die geen tekst zijn"),
    ("special characters are not allowed", "het bestand bevat tekens die geen tekst zijn"),
    ("tab character", TAB),
    ("'\\t'", TAB),
    ("another document", "het bestand bevat meer dan één document ('---'); laat er één over"),
    ("expected a single document", "het bestand bevat meer dan één document ('---'); laat er één over"),
    ("mapping values are not allowed", "een dubbele punt op een onverwachte plek; zet tekst met ':' tussen aanhalingstekens"),
    ("cannot start any token", "hier begint een waarde met een teken dat dat niet mag (zoals @ of `); zet de tekst tussen aanhalingstekens"),
    ("expected ',' or ']'", "een lijst die met [ begint, is niet gesloten met ]"),
    ("expected ',' or '}'", "een blok dat met { begint, is niet gesloten met }"),
    ("could not find expected ':'", "na een sleutel ontbreekt de dubbele punt, of een aanhalingsteken is niet gesloten"),
    ("found unexpected end of stream", "het bestand houdt midden in iets op; is een aanhalingsteken of haakje niet gesloten?"),
    ("bad indentation", "de inspringing klopt niet"),
    ("did not find expected", "de inspringing of een streepje ('- ') klopt hier niet"),
    ("found undefined alias", "ankers en verwijzingen (& en *) zijn hier niet toegestaan"),
    ("nesting depth", "het bestand is te diep genest om te lezen"),
)


def _tab_vooraan(tekst: str, regel: int) -> bool:
    """A tab among the spaces and dashes that indent this line (0-based)."""
    regels = tekst.split("\n")
    if not 0 <= regel < len(regels):
        return False
    inspringing = re.match(r"[ \t-]*", regels[regel]).group()
    return "\t" in inspringing


def _dutch_problem(problem: str | None) -> str:
    problem = problem or ""
    for english, dutch in _PROBLEMEN:
        if english in problem:
            return dutch
    return "de YAML-opmaak klopt hier niet; kijk naar de inspringing, dubbele punten en aanhalingstekens"


_GEEN_TEKST = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _decode(inhoud: bytes, bestand: str) -> str:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = inhoud.count(b"\n", 0, fout.start) + 1
        raise LnFout(
            "dit is geen leesbare tekst (geen UTF-8); is het het goede bestand?",
            bestand=bestand,
            regel=regel,
            advies="open het in een teksteditor en bewaar het als UTF-8, of wijs het goede bestand aan.",
        ) from None
    return tekst


def lees_yaml_tekst(tekst: str, bestand: str, advies: str) -> Any:
    """Parse YAML text; every problem becomes an LnFout naming file and line."""
    vreemd = _GEEN_TEKST.search(tekst)
    if vreemd:
        raise LnFout(
            "hier staan tekens die geen tekst zijn; is het het goede bestand?",
            bestand=bestand,
            regel=tekst.count("\n", 0, vreemd.start()) + 1,
            advies=advies,
        )
    try:
        return yaml.load(tekst, Loader=_LineLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        regel = mark.line + 1 if mark is not None else None
        if isinstance(fout, _Refused):
            probleem = fout.problem
        elif mark is not None and _tab_vooraan(tekst, mark.line):
            probleem = TAB  # PyYAML's words for a tab vary with where it stands
        else:
            probleem = _dutch_problem(fout.problem)
        raise LnFout(probleem, bestand=bestand, regel=regel, advies=advies) from None
    except yaml.YAMLError as fout:
        raise LnFout(_dutch_problem(str(fout)), bestand=bestand, advies=advies) from None
    except RecursionError:
        raise LnFout("het bestand is te diep genest om te lezen", bestand=bestand, advies=advies) from None


def lees_yaml_bytes(inhoud: bytes, bestand: str, advies: str) -> Any:
    return lees_yaml_tekst(_decode(inhoud, bestand), bestand, advies)
