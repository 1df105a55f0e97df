"""Who does what in the meeting besides the kartrekker: roles that rotate over the participants.

The Handreiking asks to involve participants in preparing meetings (at "Wat als
mensen afzeggen voor bijeenkomsten?"); which roles there are and from which phase
on is our own elaboration (`data/planner.yaml`, `rollen`). Whoever had a role
longest ago (as the state's planned meetings remember) is next; participants who
were absent last time come after the others; ties rotate with the number of
meetings, so the same state gives the same roles.
"""

from __future__ import annotations

from lerend_netwerk.kennisbank import FASE_IDS, Kennisbank
from lerend_netwerk.netwerk import Netwerk


def verdeel_rollen(kb: Kennisbank, netwerk: Netwerk, fase_id: str, werkvorm_naam: str | None) -> tuple[tuple[str, str], ...]:
    """(role, participant's name) for this phase; a role that needs a work form only when there is one."""
    fase_nummer = FASE_IDS.index(fase_id)
    rollen = [
        r.rol.replace("{werkvorm}", werkvorm_naam or "")
        for r in kb.planregels.rollen
        if FASE_IDS.index(r.vanaf) <= fase_nummer and (werkvorm_naam or "{werkvorm}" not in r.rol)
    ]
    namen = _op_volgorde(netwerk, len(rollen))
    return tuple(zip(rollen, namen))


def _op_volgorde(netwerk: Netwerk, per_bijeenkomst: int) -> list[str]:
    namen = list(dict.fromkeys(d.naam for d in netwerk.deelnemers))
    if not namen:
        return []
    bijeenkomsten = sorted(netwerk.bijeenkomsten, key=lambda b: b.datum)
    laatste_rol = {naam: i for i, b in enumerate(bijeenkomsten) for _, naam in b.rollen}
    vorige = netwerk.laatste_bijeenkomst
    afwezig = set(vorige.afwezig) if vorige else set()
    verschuiving = len(bijeenkomsten) * max(1, per_bijeenkomst)

    def sleutel(plek: int) -> tuple[int, bool, int]:
        naam = namen[plek]
        return laatste_rol.get(naam, -1), naam in afwezig, (plek - verschuiving) % len(namen)

    return [namen[plek] for plek in sorted(range(len(namen)), key=sleutel)]
