"""`ln barometer`: fill in the questionnaire (at the laptop or from a CSV), list it, show the result.

Thin: the scoring, the storage and the trend are in `lerend_netwerk.barometer`;
the page in `lerend_netwerk.pagina`; questions go through `vragen`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Json, NetwerkPad

if TYPE_CHECKING:
    from lerend_netwerk.barometer import Meting, Uitslag, Vragenlijst

Vragenlijstpad = Annotated[
    Optional[Path],
    typer.Option("--vragenlijst", help="Je eigen vragenlijst (YAML, de vorm van data/barometer.yaml).", metavar="BESTAND"),
]


@app.command("barometer")
def barometer(
    vragen: Annotated[bool, typer.Option("--vragen", help="Toon de stellingen met hun ids.")] = False,
    antwoorden: Annotated[
        Optional[Path],
        typer.Option("--antwoorden", help="Lees de antwoorden uit een CSV (kopregel met de ids, een regel per deelnemer).",
                     metavar="BESTAND"),
    ] = None,
    uitslag: Annotated[bool, typer.Option("--uitslag", help="Toon de uitslag van de laatste meting.")] = False,
    html: Annotated[
        Optional[Path],
        typer.Option("--html", help="Schrijf de uitslag als pagina met grafieken naar BESTAND (voor het management).",
                     metavar="BESTAND"),
    ] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", help="De dag van de meting (standaard vandaag).", metavar="DATUM")] = None,
    vragenlijst: Vragenlijstpad = None,
    json_uit: Json = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
) -> None:
    """Hoe staat ons netwerk ervoor? Vul de netwerkbarometer in en bekijk de uitslag.

    Zonder opties, in een terminal: de deelnemers vullen de stellingen een voor een
    anoniem in op jouw laptop. Met --antwoorden lees je een CSV van een online formulier in.
    """
    from lerend_netwerk.barometer import laad_vragenlijst
    from lerend_netwerk.fouten import LnFout

    lijst = laad_vragenlijst(vragenlijst)
    if vragen:
        _toon_vragen(lijst, json_uit)
        return
    if antwoorden is not None:
        _lees_in(netwerk, lijst, antwoorden, datum, json_uit, html)
        return
    if uitslag or html is not None:
        _toon_uitslag(netwerk, lijst, html, json_uit, toon=uitslag or json_uit)
        return
    from lerend_netwerk.cli.netwerk import vraagt

    if not vraagt(not json_uit):
        raise LnFout(
            "zonder terminal kan ik de vragen niet stellen",
            advies="lees antwoorden in met --antwoorden BESTAND.csv, bekijk de stellingen met --vragen of de uitslag met --uitslag.",
        )
    _vul_in(netwerk, lijst, datum, html)


def _vandaag() -> date:
    return date.today()


def _datum(datum: str | None):
    from lerend_netwerk.datum import lees_datum

    vandaag = _vandaag()
    return (lees_datum(datum, vandaag) if datum else vandaag), vandaag


def _toon_vragen(lijst: Vragenlijst, json_uit: bool) -> None:
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json([{"id": s.id, "dimensie": s.dimensie, "tekst": s.tekst} for s in lijst.stellingen])
        return
    from rich.markup import escape

    from lerend_netwerk.cli.netwerk import alinea
    from lerend_netwerk.cli.weergave import console, eigen_label

    uit = console()
    uit.print(f"[bold]Netwerkbarometer[/] {eigen_label('eigen vragenlijst')}: score 1 (helemaal oneens) tot 5 (helemaal eens)")
    for dim in lijst.dimensies:
        uit.print(f"\n[bold]{escape(dim.naam)}[/] ({dim.id})" + (f": {escape(dim.vraag)}" if dim.vraag else ""))
        for s in dim.stellingen:
            alinea(uit, f"{s.id:<4} {escape(s.tekst)}", 1)
    uit.print(f"\n[dim]{escape(lijst.bron)}[/]" if lijst.bron else "")


def _lees_in(pad: Path, lijst: Vragenlijst, csv_pad: Path, datum: str | None, json_uit: bool, html: Path | None) -> None:
    from lerend_netwerk.barometer import lees_csv, tel_antwoorden
    from lerend_netwerk.fouten import LnFout

    try:
        inhoud = csv_pad.read_bytes()
    except OSError as fout:
        raise LnFout(f"dit bestand kan niet gelezen worden ({fout.strerror})", bestand=csv_pad,
                     advies="geef het CSV-bestand met de antwoorden; er is niets opgeslagen.") from None
    dag, vandaag = _datum(datum)
    meting = tel_antwoorden(lijst, lees_csv(inhoud, lijst, str(csv_pad)), dag)
    _bewaar_en_toon(pad, lijst, meting, vandaag, json_uit, html)


def _bewaar_en_toon(pad: Path, lijst: Vragenlijst, meting: Meting, vandaag, json_uit: bool, html: Path | None = None) -> None:
    from lerend_netwerk.barometer import bewaar_meting

    bewaar_meting(pad, meting, vandaag)
    if not json_uit:
        from lerend_netwerk.cli.weergave import console

        console().print(f"[bold green]Opgeslagen:[/] de meting van {meting.datum.isoformat()} met "
                        f"{meting.deelnemers} deelnemer{'s' if meting.deelnemers != 1 else ''} in {pad}.\n")
    _toon_uitslag(pad, lijst, html, json_uit, toon=True)


def _metingen(pad: Path) -> list[Meting]:
    from lerend_netwerk.barometer import metingen_uit_data
    from lerend_netwerk.statusbestand import lees_statusbestand

    return metingen_uit_data(lees_statusbestand(pad).data, str(pad))


def _toon_uitslag(pad: Path, lijst: Vragenlijst, html: Path | None, json_uit: bool, toon: bool) -> None:
    from lerend_netwerk.barometer import uitslag, uitslag_als_json
    from lerend_netwerk.fouten import LnFout

    metingen = _metingen(pad)
    if not metingen:
        raise LnFout("er is nog geen netwerkbarometer ingevuld", bestand=pad,
                     advies="vul hem in met 'ln barometer' (in een terminal) of lees antwoorden in met 'ln barometer --antwoorden BESTAND.csv'.")
    u = uitslag(metingen, lijst)
    if html is not None:
        from lerend_netwerk import pagina
        from lerend_netwerk.cli.agenda import _schrijf
        from lerend_netwerk.cli.opties import context, kennisbank
        from lerend_netwerk.statusbestand import lees_netwerk

        _schrijf(html, pagina.barometer_html(lees_netwerk(pad), u, metingen, lijst, kennisbank(context())))
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json(uitslag_als_json(u))
        return
    if toon:
        _toon_grafiek(u, lijst)
    if html is not None:
        from lerend_netwerk.cli.weergave import console

        console().print(f"[bold green]Geschreven:[/] {html}")


def _getal(x: float | None, plus: bool = False) -> str:
    """3.75 as '3,75' (Dutch); with `plus` a sign: '+0,42'."""
    if x is None:
        return "–"
    return (f"{x:+.2f}" if plus else f"{x:.2f}").replace(".", ",")


def _balk(waarde: float | None, breedte: int = 30) -> str:
    if waarde is None:
        return " " * breedte
    vol = round((waarde - 1) / 4 * breedte)
    return "█" * vol + "·" * (breedte - vol)


def _toon_grafiek(u: Uitslag, lijst: Vragenlijst) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.netwerk import alinea
    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.datum import datum_tekst

    uit = console()
    vorige = f", vergeleken met {datum_tekst(u.vorige)}" if u.vorige else ""
    uit.print(f"[bold]Netwerkbarometer van {datum_tekst(u.datum)}[/]: {u.deelnemers} deelnemer{'s' if u.deelnemers != 1 else ''}{vorige}")
    uit.print("Gemiddelde per dimensie (1 = helemaal oneens, 5 = helemaal eens), ± de spreiding\n")
    breedte = max(len(d.naam) for d in u.dimensies)
    balk = max(10, min(30, uit.width - breedte - 28))
    for d in u.dimensies:
        if d.gemiddelde is None:
            uit.print(f"  {escape(d.naam):<{breedte}}  geen antwoorden")
            continue
        kleur = "red" if d.gemiddelde < 3 else "yellow" if d.gemiddelde < 3.5 else "green"
        verschil = "" if d.verschil is None else f"  {'▲' if d.verschil > 0 else '▼' if d.verschil < 0 else '='} {_getal(d.verschil, True)}"
        uit.print(f"  {escape(d.naam):<{breedte}}  [{kleur}]{_balk(d.gemiddelde, balk)}[/] {_getal(d.gemiddelde)} ± {_getal(d.spreiding)}{verschil}")
    zwak = u.zwakste
    if zwak is None:
        return
    dim = lijst.dimensie(zwak.id)
    uit.print(f"\n[bold]Het zwakst: {escape(zwak.naam)}[/]" + (f" ({escape(dim.vraag)})" if dim and dim.vraag else ""))
    laagste = sorted((s for s in u.stellingen if s.dimensie == zwak.id and s.gemiddelde is not None), key=lambda s: s.gemiddelde)
    for s in laagste[:2]:
        alinea(uit, f"{_getal(s.gemiddelde)}  {escape(s.tekst)}", 2, "•")
    if dim is None:
        return
    from lerend_netwerk.cli.opties import context, kennisbank

    kb = kennisbank(context())
    lijsten = (
        ("Valkuilen die hierbij horen[/] (ln valkuil ID)",
         [(kb.valkuilen[v].titel, v) for v in dim.valkuilen if v in kb.valkuilen]),
        ("Werkvormen die helpen[/] (ln werkvorm ID; plannen: ln agenda --werkvorm ID)",
         [(kb.werkvormen[w].naam, w) for w in dim.werkvormen if w in kb.werkvormen]),
    )
    for kop, regels in lijsten:
        if regels:
            uit.print("\n[bold]" + kop)
        for naam, ident in regels:
            alinea(uit, f"{escape(naam)} [dim]({ident})[/]", 2, "•")


def _vul_in(pad: Path, lijst: Vragenlijst, datum: str | None, html: Path | None) -> None:
    """One participant after another at the kartrekker's laptop; the screen is cleared between people."""
    from lerend_netwerk import vragen
    from lerend_netwerk.barometer import SCORE_LABELS, tel_antwoorden
    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.statusbestand import lees_netwerk

    lees_netwerk(pad)  # a broken or missing file stops us before anyone answers
    dag, vandaag = _datum(datum)
    uit = console()
    keuzes = [(f"{s} {SCORE_LABELS[s]}", s) for s in (1, 2, 3, 4, 5)] + [("geen antwoord", None)]
    alle: list[dict] = []
    while True:
        uit.clear()
        uit.print(f"[bold]Netwerkbarometer[/], deelnemer {len(alle) + 1}. Je antwoorden zijn anoniem: "
                  "alleen de aantallen per score worden bewaard.\n")
        antwoord = {}
        for nummer, s in enumerate(lijst.stellingen, 1):
            antwoord[s.id] = vragen.vraag_keuze(f"{nummer}/{len(lijst.stellingen)} {s.tekst}", keuzes, standaard=3)
        alle.append(antwoord)
        uit.clear()
        uit.print(f"Dank je wel! {len(alle)} deelnemer{'s' if len(alle) != 1 else ''} ingevuld.\n")
        if not vragen.vraag_bevestiging("Is er nog een deelnemer?", standaard=True):
            break
    meting = tel_antwoorden(lijst, alle, dag)
    if not vragen.vraag_bevestiging(f"De meting met {meting.deelnemers} deelnemers opslaan?", standaard=True):
        raise KeyboardInterrupt
    _bewaar_en_toon(pad, lijst, meting, vandaag, False, html)
