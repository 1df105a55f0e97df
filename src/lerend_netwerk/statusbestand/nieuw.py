"""A fresh state file for `ln init`: written from a template, with a comment above every part."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import RV_IDS, Netwerk
from lerend_netwerk.statusbestand.controle import netwerk_uit_data
from lerend_netwerk.statusbestand.lezen import lees_bytes
from lerend_netwerk.statusbestand.meldingen import ADVIES, weiger_map
from lerend_netwerk.statusbestand.schrijven import echt_pad, schrijf_atomair, vergrendeld
from lerend_netwerk.statusbestand.yamltekst import bijeenkomst_als_data, veld_regels, yaml_waarde


def schrijf_nieuw(pad: Path, netwerk: Netwerk, *, overschrijven: bool = False) -> Netwerk:
    """Write a fresh, commented state file; refuse to replace one unless `overschrijven`.

    A link is followed: the file it points to is written, the link stays.
    """
    pad = Path(pad)
    weiger_map(pad)
    netwerk = netwerk._replace(randvoorwaarden={rv: netwerk.rv(rv) for rv in RV_IDS})
    tekst = nieuw_bestand_tekst(netwerk)
    from lerend_netwerk.yamlbron import lees_yaml_tekst

    if netwerk_uit_data(lees_yaml_tekst(tekst, str(pad), ADVIES), str(pad)) != netwerk:
        raise LnFout("het nieuwe statusbestand komt niet goed terug bij het lezen; er is niets geschreven.", bestand=pad)
    echt = echt_pad(pad)
    if not echt.parent.is_dir():
        raise LnFout(
            "deze map bestaat niet",
            bestand=echt.parent if pad.is_symlink() else pad.parent,
            advies="maak de map eerst, of kies een andere plek met --netwerk.",
        )
    with vergrendeld(echt):
        vorige = None
        if echt.exists():
            if not overschrijven:
                weiger_bestaand(pad)
            vorige = lees_bytes(echt)
        schrijf_atomair(echt, tekst, vorige=vorige)
    return netwerk


def weiger_bestaand(pad: Path) -> None:
    """`ln init` never overwrites a state file by accident."""
    raise LnFout(
        "hier staat al een statusbestand; ik overschrijf het niet",
        bestand=pad,
        advies=f"gebruik --force om het te vervangen (het oude blijft bewaard als {echt_pad(pad).name}.bak), "
        "of kies met --netwerk een ander bestand.",
    )


def nieuw_bestand_tekst(netwerk: Netwerk) -> str:
    """The text of a fresh state file, with a comment above every part."""
    w = _leeg_of_waarde
    deelnemers = [
        veld_regels({"naam": d.naam, "organisatie": d.organisatie, "soort": d.soort, "leerdoel": d.leerdoel}, w)
        for d in netwerk.deelnemers
    ]
    delen = [
        f"# Statusbestand van {netwerk.naam}.",
        "# Bijgehouden met 'ln' (lerend-netwerk); je mag het ook zelf bewerken.",
        "# 'ln' bewaart je commentaar, de volgorde en velden die het niet kent.",
        "# Uitleg van elk veld: de README, onder 'Het statusbestand'.",
        "",
        f"naam: {w(netwerk.naam)}",
        f"wijk: {w(netwerk.wijk)}",
        f"kartrekker: {w(netwerk.kartrekker)}",
        "",
        "# De fase: verkenning, ontwikkeling, verdieping, inbedding of verankering.",
        "# 'ln fase volgende' zet het netwerk een fase verder.",
        f"fase: {netwerk.fase}",
        "",
        "# Hoe laat de bijeenkomsten gewoonlijk beginnen, tussen aanhalingstekens: \"15:30\".",
        f"starttijd: {w(netwerk.starttijd)}",
        "",
        "# Randvoorwaarden (zie 'ln start'): ja, deels, nee of onbekend,",
        "# met een toelichting als je wilt.",
        "randvoorwaarden:",
        *_rv_regels(netwerk),
        "",
        "# Het gezamenlijke thema, zodra het netwerk het gekozen heeft.",
        "thema:",
        f"  speerpunt: {w(netwerk.thema.speerpunt)}",
        f"  ukk_hoofdstuk: {w(netwerk.thema.ukk_hoofdstuk)}",
        f"  gezamenlijk_leerdoel: {w(netwerk.thema.gezamenlijk_leerdoel)}",
        "",
        "# Afspraken: de dag waarop het netwerk zijn contract maakte, zoals 2026-10-02.",
        "afspraken:",
        f"  contract: {w(netwerk.contract)}",
        "",
        "# Deelnemers; soort: kinderdagverblijf, peutercentrum, basisschool of anders.",
        *_lijst_regels("deelnemers", deelnemers),
        "",
        "# Signalen die je zelf afvinkt (zie 'ln fase'), zoals [kennismaken-elkaar-kennen].",
        f"behaald: {yaml_waarde(list(netwerk.behaald))}",
        "",
        "# Bijeenkomsten: 'ln bijeenkomst' zet ze hier onderaan.",
        *_lijst_regels("bijeenkomsten", [veld_regels(bijeenkomst_als_data(b)) for b in netwerk.bijeenkomsten]),
    ]
    return "\n".join(regel.rstrip() for regel in delen) + "\n"


def _leeg_of_waarde(waarde: Any) -> str:
    return "" if waarde is None else yaml_waarde(waarde)


def _rv_regels(netwerk: Netwerk) -> list[str]:
    regels = []
    for rv_id in RV_IDS:
        status = netwerk.rv(rv_id)
        if status.toelichting:
            regels += [f"  {rv_id}:", f"    status: {status.status}", f"    toelichting: {yaml_waarde(status.toelichting)}"]
        else:
            regels.append(f"  {rv_id}: {status.status}")
    return regels


def _lijst_regels(sleutel: str, items: list[list[str]]) -> list[str]:
    """A block list under `sleutel`, each item given as its `sleutel: waarde` lines; `[]` when empty."""
    if not items:
        return [f"{sleutel}: []"]
    regels = [f"{sleutel}:"]
    for item in items:
        regels += [f"  - {regel}" if i == 0 else f"    {regel}" for i, regel in enumerate(item)]
    return regels
