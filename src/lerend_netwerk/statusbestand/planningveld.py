"""Checking the `planning:` block of the state file (written by `ln planning --bewaar`) into a `Planning`.

The shape:

    planning:
      gemaakt: 2026-12-01
      bijeenkomsten:
        - {datum: 2027-01-14, fase: ontwikkeling, doelen: [keuze-thema]}

Kept apart from `controle.py` so the long-term plan is one module; `controle`
calls `planning_uit_data` for every file it checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lerend_netwerk.netwerk import PlanBijeenkomst, Planning

if TYPE_CHECKING:
    from lerend_netwerk.velden import Velden


def planning_uit_data(top: Velden) -> Planning | None:
    """The plan, checked like every other field (file, line, what to do); None when there is none."""
    from lerend_netwerk.kennisbank import FASE_IDS
    from lerend_netwerk.statusbestand.controle import _datum, _keuze

    blok = top.blok("planning", "planning", verplicht=False)
    if blok is None:
        return None
    items = []
    for item in blok.blokken("bijeenkomsten", "geplande bijeenkomst"):
        items.append(
            PlanBijeenkomst(
                datum=_datum(item, "datum", verplicht=True),
                fase=_keuze(item, "fase", FASE_IDS),
                doelen=item.teksten("doelen"),
            )
        )
    return Planning(
        gemaakt=_datum(blok, "gemaakt", verplicht=False, uitleg=" (de dag waarop de planning is gemaakt)"),
        bijeenkomsten=tuple(sorted(items, key=lambda b: b.datum)),
    )
