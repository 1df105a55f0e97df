"""`ln opbrengst`: collect value stories and what the network wants next; write the report.

Thin: checking and storing in `lerend_netwerk.opbrengst`, the report in `lerend_netwerk.pagina`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Json, NetwerkPad


@app.command("opbrengst")
def opbrengst(
    gebeurd: Annotated[Optional[str], typer.Option("--gebeurd", help="Wat er gebeurde.", metavar="TEKST")] = None,
    betekenis: Annotated[Optional[str], typer.Option("--betekenis", help="Wat het betekende.", metavar="TEKST")] = None,
    cyclus: Annotated[
        Optional[str],
        typer.Option("--cyclus", help="direct, mogelijk, toegepast, gerealiseerd of nieuwe-kijk (of 1 tot 5).", metavar="CYCLUS"),
    ] = None,
    vooruit: Annotated[
        Optional[str], typer.Option("--kijk-vooruit", help="Wat het netwerk hierna wil (Kijk vooruit).", metavar="TEKST")
    ] = None,
    datum: Annotated[Optional[str], typer.Option("--datum", help="De dag (standaard vandaag).", metavar="DATUM")] = None,
    verslag: Annotated[
        Optional[Path],
        typer.Option("--verslag", help="Schrijf het verslag naar BESTAND.md of BESTAND.html.", metavar="BESTAND"),
    ] = None,
    lijst: Annotated[bool, typer.Option("--lijst", help="Toon de verzamelde verhalen.")] = False,
    json_uit: Json = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
) -> None:
    """Wat heeft het netwerk opgeleverd? Verzamel verhalen en schrijf een verslag voor het management.

    Zonder opties, in een terminal, vraagt het een verhaal uit: wat gebeurde er, wat
    betekende het, en in welke cyclus van waarde (met uitleg bij elke cyclus).
    """
    from lerend_netwerk.fouten import LnFout

    if verslag is not None:
        _schrijf_verslag(netwerk, verslag)
    if vooruit is not None:
        from lerend_netwerk.opbrengst import bewaar_vooruit

        dag, vandaag = _datum(datum)
        bewaar_vooruit(netwerk, dag, vooruit, vandaag)
        if not json_uit:
            from lerend_netwerk.cli.weergave import console

            console().print(f"[bold green]Opgeslagen:[/] wat het netwerk hierna wil, in {netwerk}.")
    if any(x is not None for x in (gebeurd, betekenis, cyclus)):
        if cyclus is None:
            raise LnFout("geef ook de cyclus van waarde met --cyclus", advies="kies uit: direct, mogelijk, toegepast, gerealiseerd, nieuwe-kijk; er is niets opgeslagen.")
        _bewaar(netwerk, datum, cyclus, gebeurd, betekenis, json_uit)
    elif lijst or json_uit:
        _toon_lijst(netwerk, json_uit)
    elif verslag is None and vooruit is None:
        from lerend_netwerk.cli.netwerk import vraagt

        if not vraagt(True):
            raise LnFout("zonder terminal kan ik de vragen niet stellen",
                         advies="geef het verhaal met --gebeurd, --betekenis en --cyclus, of bekijk de verhalen met --lijst.")
        _vraag_verhaal(netwerk, datum)
    if verslag is not None and not json_uit:
        from lerend_netwerk.cli.weergave import console

        console().print(f"[bold green]Geschreven:[/] {verslag}")


def _datum(datum: str | None) -> tuple[date, date]:
    from lerend_netwerk.datum import lees_datum

    vandaag = date.today()
    return (lees_datum(datum, vandaag) if datum else vandaag), vandaag


def _bewaar(pad: Path, datum: str | None, cyclus: str, gebeurd: str | None, betekenis: str | None, json_uit: bool) -> None:
    from lerend_netwerk.opbrengst import CYCLUS_NAMEN, bewaar_verhaal, maak_verhaal, verhaal_als_data

    dag, vandaag = _datum(datum)
    verhaal = maak_verhaal(dag, cyclus, gebeurd, betekenis, vandaag)
    bewaar_verhaal(pad, verhaal)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json({**verhaal_als_data(verhaal), "datum": verhaal.datum.isoformat()})
        return
    from lerend_netwerk.cli.weergave import console

    console().print(f"[bold green]Opgeslagen:[/] een verhaal ({CYCLUS_NAMEN[verhaal.cyclus].lower()}) in {pad}.")


def _lees(pad: Path):
    from lerend_netwerk.opbrengst import verhalen_uit_data, vooruit_uit_data
    from lerend_netwerk.statusbestand import lees_statusbestand

    gelezen = lees_statusbestand(pad)
    return gelezen, verhalen_uit_data(gelezen.data, str(pad)), vooruit_uit_data(gelezen.data, str(pad))


def _toon_lijst(pad: Path, json_uit: bool) -> None:
    from lerend_netwerk.opbrengst import CYCLI, verhaal_als_data

    _, verhalen, vooruit = _lees(pad)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json({
            "verhalen": [{**verhaal_als_data(v), "datum": v.datum.isoformat()} for v in verhalen],
            "kijk_vooruit": [{"datum": v.datum.isoformat(), "tekst": v.tekst} for v in vooruit],
        })
        return
    from rich.markup import escape

    from lerend_netwerk.cli.netwerk import alinea
    from lerend_netwerk.cli.weergave import console, eigen_label
    from lerend_netwerk.datum import datum_tekst

    uit = console()
    if not verhalen:
        uit.print("Nog geen verhalen. Vertel er een met: ln opbrengst")
    eerste = True
    for cid, naam, _uitleg in CYCLI:
        deze = [v for v in verhalen if v.cyclus == cid]
        if deze:
            uit.print(("" if eerste else "\n") + f"[bold]{naam}[/] ({len(deze)}) {eigen_label('cycli naar Wenger e.a., 2011')}")
            eerste = False
            for v in deze:
                alinea(uit, f"{datum_tekst(v.datum)}: {escape(v.gebeurd)} [italic]Betekenis:[/] {escape(v.betekenis)}", 1, "•")
    if vooruit:
        uit.print("\n[bold]Kijk vooruit[/]")
        for v in vooruit:
            alinea(uit, f"{datum_tekst(v.datum)}: {escape(v.tekst)}", 1, "•")


def _vraag_verhaal(pad: Path, datum: str | None) -> None:
    from lerend_netwerk import vragen
    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.opbrengst import CYCLI
    from lerend_netwerk.statusbestand import lees_netwerk

    lees_netwerk(pad)  # a broken file stops us before the questions
    uit = console()
    uit.print("[bold]Een verhaal over wat het netwerk heeft opgeleverd[/]\n")
    gebeurd = vragen.vraag_tekst("Wat gebeurde er? (wie deed wat, waar)", verplicht=True)
    betekenis = vragen.vraag_tekst("Wat betekende het? (voor jou, de kinderen, je team of organisatie)", verplicht=True)
    cyclus = vragen.vraag_keuze(
        "Welke waarde is dit?", [(f"{naam}: {uitleg}", cid) for cid, naam, uitleg in CYCLI]
    )
    _bewaar(pad, datum, cyclus, gebeurd, betekenis, False)


def _schrijf_verslag(pad: Path, bestand: Path) -> None:
    from lerend_netwerk import pagina
    from lerend_netwerk.barometer import laad_vragenlijst, metingen_uit_data
    from lerend_netwerk.cli.agenda import _schrijf
    from lerend_netwerk.cli.opties import context, kennisbank
    from lerend_netwerk.fouten import LnFout

    soort = bestand.suffix.lower()
    if soort not in (".md", ".html", ".htm"):
        raise LnFout("het verslag wordt Markdown (.md) of HTML (.html)", bestand=bestand,
                     advies="geef een naam als --verslag opbrengst.md of --verslag opbrengst.html.")
    if bestand.is_dir():
        raise LnFout("dit is een map, geen bestand", bestand=bestand, advies=f"geef een bestandsnaam, zoals {bestand / 'opbrengst.html'}.")
    gelezen, verhalen, vooruit = _lees(pad)
    if bestand.expanduser().resolve() == Path(pad).expanduser().resolve():
        raise LnFout("het verslag zou het statusbestand overschrijven", bestand=bestand, advies="kies een andere naam.")
    kb = kennisbank(context())
    lijst = laad_vragenlijst()
    verslag = pagina.Verslag(gelezen.netwerk, verhalen, vooruit, metingen_uit_data(gelezen.data, str(pad)),
                             {w: kb.werkvormen[w].naam for w in kb.werkvormen})
    tekst = pagina.verslag_markdown(verslag, lijst) if soort == ".md" else pagina.verslag_html(verslag, lijst, kb)
    _schrijf(bestand, tekst)
