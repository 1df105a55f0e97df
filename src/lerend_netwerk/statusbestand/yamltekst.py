"""Values and meetings as YAML text: what the edits insert and a fresh file is made of.

Values are written with PyYAML's emitter in flow style, so text YAML would
misread (`ja: #1`, `yes`, `19:30`, line breaks) is quoted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lerend_netwerk.netwerk import Bijeenkomst

BIJEENKOMST_SLEUTELS = (
    "datum", "fase", "status", "plaats", "werkvormen", "aanwezig", "afwezig", "notities", "afspraken", "rollen",
)


def yaml_waarde(waarde: Any) -> str:
    """A value as YAML text on one line, quoted where YAML would misread it."""
    import yaml

    stijl = '"' if _heeft_regelbreuk(waarde) else None
    tekst = yaml.safe_dump(waarde, default_flow_style=True, default_style=stijl, allow_unicode=True, width=10**9,
                          sort_keys=False)
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


def veld_regels(item: dict[str, Any], waarde_tekst: Callable[[Any], str] = yaml_waarde) -> list[str]:
    """A mapping as `sleutel: waarde` lines, without indent."""
    return [f"{yaml_waarde(sleutel)}: {waarde_tekst(waarde)}" for sleutel, waarde in item.items()]


def blok_regels(item: dict[str, Any], kolom: int, nl: str) -> str:
    """A mapping as block lines; the first line without indent (it follows '- ')."""
    return (nl + " " * kolom).join(veld_regels(item))


def blok_item(item: Any, streep: int, inhoud: int, nl: str) -> str:
    """A block list item: the dash at column `streep`, a mapping's keys (or a plain value) at column `inhoud`."""
    waarde = blok_regels(item, inhoud, nl) if isinstance(item, dict) else yaml_waarde(item)
    return " " * streep + "-" + " " * (inhoud - streep - 1) + waarde


def bijeenkomst_als_data(b: Bijeenkomst, eigen: Any = None) -> dict[str, Any]:
    """A meeting as the mapping written to the file; `eigen`: an entry whose unknown keys are kept."""
    item: dict[str, Any] = {"datum": b.datum, "fase": b.fase}
    if b.status != "gehouden":
        item["status"] = b.status
    if b.plaats:
        item["plaats"] = b.plaats
    if b.werkvormen:
        item["werkvormen"] = list(b.werkvormen)
    if b.aanwezig is not None:
        item["aanwezig"] = b.aanwezig
    if b.afwezig:
        item["afwezig"] = list(b.afwezig)
    if b.notities:
        item["notities"] = b.notities
    if b.afspraken:
        item["afspraken"] = list(b.afspraken)
    if b.rollen:
        item["rollen"] = [{"rol": rol, "naam": naam} for rol, naam in b.rollen]
    for sleutel, waarde in (eigen or {}).items():
        if sleutel not in BIJEENKOMST_SLEUTELS:
            item[sleutel] = _gewoon(waarde)
    return item


def _gewoon(waarde: Any) -> Any:
    """A deep copy as plain dicts and lists (what the YAML dumper and comparison need)."""
    if isinstance(waarde, dict):
        return {k: _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_gewoon(v) for v in waarde]
    return waarde
