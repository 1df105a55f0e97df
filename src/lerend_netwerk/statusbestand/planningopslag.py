"""Storing the long-term plan (`ln planning --bewaar`) under `planning:` in the state file.

The same way every change is made (`wijzigen`): under the lock, one text edit,
parsed again and compared with the old data plus exactly the new plan, then an
atomic write with a `.bak`. The edit replaces the span of the `planning:` key
(from the key to the end of its value) or, when there is none, adds the key at
the end of the file. Every other byte stays. A comment inside the old plan
would be lost, so it stops the edit; so does a file written wholly in flow
style (`{naam: ..., fase: ...}`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Netwerk, Planning

SLEUTEL = "planning"


def planning_als_data(planning: Planning) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if planning.gemaakt is not None:
        data["gemaakt"] = planning.gemaakt
    data["bijeenkomsten"] = [
        {"datum": b.datum, "fase": b.fase, **({"doelen": list(b.doelen)} if b.doelen else {})}
        for b in planning.bijeenkomsten
    ]
    return data


def bewaar_planning(pad: Path, planning: Planning) -> Netwerk:
    """Write the plan into the state file (replacing an earlier one); returns the new state."""
    from lerend_netwerk.statusbestand.wijzigen import _Bewerking, _wijzig

    nieuw = planning_als_data(planning)

    def wijziging(oud: Any) -> _Bewerking:
        netwerk = oud.netwerk._replace(planning=planning)
        if isinstance(oud.data, dict) and oud.data.get(SLEUTEL) == nieuw:
            return _Bewerking(None, None, netwerk)
        return _Bewerking(_met_planning(oud, nieuw), {**oud.data, SLEUTEL: nieuw}, netwerk)

    return _wijzig(Path(pad), wijziging).netwerk


def _met_planning(oud: Any, nieuw: dict[str, Any]) -> str:
    from lerend_netwerk.statusbestand.bewerken import (
        _commentaar_in,
        _compose,
        _laatste_blad,
        _na_regel,
        _sleutel_paar,
        _vervang_span,
        regeleinde,
    )
    from lerend_netwerk.statusbestand.meldingen import niet_veilig

    tekst = oud.tekst
    nl = regeleinde(tekst)
    wortel = _compose(tekst)
    if wortel is None or wortel.id != "mapping" or wortel.flow_style:
        raise niet_veilig(oud.pad)
    kolom = wortel.value[0][0].start_mark.column if wortel.value else 0
    blok = _blok(nieuw, kolom, nl)
    paar = _sleutel_paar(wortel, SLEUTEL)
    if paar is None:
        tekst, eind = _na_regel(tekst, len(tekst), nl)
        return tekst + blok + nl
    sleutel, waarde = paar
    begin, eind = sleutel.start_mark.index, _laatste_blad(waarde).end_mark.index
    while eind > begin and tekst[eind - 1] in " \t\r\n":
        eind -= 1
    if _commentaar_in(tekst, sleutel.end_mark.index, eind, waarde):
        raise LnFout(
            "in de bewaarde planning staat commentaar dat verloren zou gaan als ik haar vervang",
            bestand=oud.pad,
            regel=sleutel.start_mark.line + 1,
            advies="zet het commentaar boven 'planning:' (of haal het weg) en probeer het opnieuw; er is niets veranderd.",
        )
    return _vervang_span(tekst, begin, eind, blok[kolom:])  # the key's own indentation stays


def _blok(nieuw: dict[str, Any], kolom: int, nl: str) -> str:
    from lerend_netwerk.statusbestand.yamltekst import yaml_waarde

    inspringen = " " * kolom
    regels = [f"{inspringen}{SLEUTEL}:"]
    if "gemaakt" in nieuw:
        regels.append(f"{inspringen}  gemaakt: {yaml_waarde(nieuw['gemaakt'])}")
    if nieuw["bijeenkomsten"]:
        regels.append(f"{inspringen}  bijeenkomsten:")
        regels += [f"{inspringen}    - {yaml_waarde(item)}" for item in nieuw["bijeenkomsten"]]
    else:
        regels.append(f"{inspringen}  bijeenkomsten: []")
    return nl.join(regels)
