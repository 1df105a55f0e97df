"""School holidays for `ln planning`: a small YAML file the user keeps, one holiday a line.

    vakanties:
      - {naam: Herfstvakantie, van: 2026-10-17, tot: 2026-10-25}

`van` and `tot` are both part of the holiday. The package ships the Utrecht
(regio midden) holidays of 2026-2027 as an example (`voorbeeld: true`, not
checked against the official list); it is used when no file is given, and
every plan made with it says so. A bad line is an `LnFout` naming the file and
the line, like every file the tool reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from lerend_netwerk.fouten import LnFout

VOORBEELD_NAAM = "vakanties-regio-midden-2026-2027.yaml"
OMGEVING = "LN_VAKANTIES"
_ADVIES = "verbeter de regel in het vakantiebestand (zie het voorbeeld in de README, 'ln planning'); er is niets veranderd."


@dataclass(frozen=True)
class Vakantie:
    naam: str
    van: date
    tot: date


@dataclass(frozen=True)
class Vakanties:
    lijst: tuple[Vakantie, ...] = ()
    bron: str = ""  # the file, as shown to the user
    voorbeeld: bool = False  # the shipped, unchecked example (or a copy still marked as one)

    def in_vakantie(self, dag: date) -> Vakantie | None:
        for v in self.lijst:
            if v.van <= dag <= v.tot:
                return v
        return None

    def eerste_vrije_dag_na(self, vakantie: Vakantie, bezet: set[date]) -> date:
        """The first weekday after the holiday that is in no holiday and not taken."""
        dag = vakantie.tot + timedelta(days=1)
        while dag.weekday() >= 5 or self.in_vakantie(dag) is not None or dag in bezet:
            dag += timedelta(days=1)
        return dag

    @property
    def tot(self) -> date | None:
        """The last day the list says anything about."""
        return max((v.tot for v in self.lijst), default=None)


def lees_vakanties(pad: Path | None) -> Vakanties:
    """The user's holiday file, or the shipped example when `pad` is None."""
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    if pad is None:
        from lerend_netwerk import pakketbytes

        inhoud = pakketbytes("data", VOORBEELD_NAAM)
        bron = f"het meegeleverde voorbeeld ({VOORBEELD_NAAM})"
    else:
        pad = Path(pad)
        if pad.is_dir():
            raise LnFout("dit is een map, geen vakantiebestand", bestand=pad, advies="geef het YAML-bestand met de vakanties.")
        try:
            inhoud = pad.read_bytes()
        except OSError as fout:
            raise LnFout(f"het vakantiebestand kan niet gelezen worden ({fout.strerror or fout})", bestand=pad,
                         advies="wijs met --vakanties of LN_VAKANTIES een bestaand bestand aan.") from None
        bron = str(pad)
    data = lees_yaml_bytes(inhoud, bron, _ADVIES)
    return vakanties_uit_data(data, bron)


def vakanties_uit_data(data: object, bron: str) -> Vakanties:
    from lerend_netwerk.statusbestand.controle import _datum
    from lerend_netwerk.velden import Velden

    if data is None:
        raise LnFout("het vakantiebestand is leeg", bestand=bron, regel=1, advies=_ADVIES)
    top = Velden(data, bron, "het vakantiebestand", _ADVIES, regel=1)
    voorbeeld = top.data.get("voorbeeld") is True
    lijst = []
    for item in top.blokken("vakanties", "vakantie", verplicht=True):
        naam = item.tekst("naam")
        van = _datum(item, "van", verplicht=True, uitleg=" (de eerste vakantiedag)")
        tot = _datum(item, "tot", verplicht=True, uitleg=" (de laatste vakantiedag)")
        if tot < van:
            raise item.fout("tot", f"de vakantie '{naam}' eindigt ({tot.isoformat()}) voor ze begint ({van.isoformat()})")
        if (tot - van).days > 120:
            raise item.fout("tot", f"de vakantie '{naam}' duurt {(tot - van).days + 1} dagen; klopt het jaartal?")
        lijst.append(Vakantie(naam, van, tot))
    return Vakanties(tuple(sorted(lijst, key=lambda v: v.van)), bron, voorbeeld)
