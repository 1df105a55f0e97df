"""Clock times: the one reader for every place a kartrekker types one.

`--start 19:30`, `ln init --starttijd 19.30` and `starttijd: "19.30"` in the
state file all mean half past seven in the evening; a point is as good as a
colon, one hour digit is enough (`9:05`).
"""

from __future__ import annotations

import re

_TIJD = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def minuten(tekst: str) -> int | None:
    """'19:30', '19.30' or '9:05' -> minutes after midnight; None when it is no time of day."""
    gevonden = _TIJD.match(tekst or "")
    if not gevonden:
        return None
    uur, minuut = int(gevonden.group(1)), int(gevonden.group(2))
    return uur * 60 + minuut if uur <= 23 and minuut <= 59 else None


def als_tekst(minuten_: int) -> str:
    """Minutes after midnight -> 'HH:MM'."""
    return f"{minuten_ // 60:02d}:{minuten_ % 60:02d}"


def tijd_uit_tekst(tekst: str) -> str | None:
    """'9.30' -> '09:30': the time as the tool writes it; None when it is no time of day."""
    gelezen = minuten(tekst)
    return None if gelezen is None else als_tekst(gelezen)
