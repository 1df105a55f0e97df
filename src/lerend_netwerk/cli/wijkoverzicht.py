"""`ln overzicht MAP`: the Wijkoverzicht of every network in a (shared) folder, for coordinators."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import Bibliotheek, Json

if TYPE_CHECKING:
    from lerend_netwerk.overzicht import Overzicht


@app.command("overzicht")
def overzicht(
    map_: Annotated[str, typer.Argument(metavar="MAP", help="De map met de statusbestanden van de netwerken (ook in submappen).")],
    wijk: Annotated[Optional[str], typer.Option("--wijk", help="Alleen de netwerken in deze wijk.", metavar="WIJK")] = None,
    fase: Annotated[Optional[str], typer.Option("--fase", help="Alleen de netwerken in deze fase (naam of 1 tot 5).", metavar="FASE")] = None,
    aandacht: Annotated[bool, typer.Option("--aandacht", help="Alleen de netwerken die aandacht vragen (minstens één waarschuwing).")] = False,
    json_uit: Json = False,
    html: Annotated[
        Optional[Path], typer.Option("--html", help="Schrijf het overzicht als één HTML-pagina (om te publiceren) naar BESTAND.", metavar="BESTAND")
    ] = None,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Het Wijkoverzicht: alle netwerken in een map, per wijk, met wat aandacht vraagt.

    Leest elk statusbestand in MAP en de submappen (ook kapotte: die staan met hun fout in de lijst) en verandert niets.
    Aandacht: meer dan 8 weken geen bijeenkomst, een randvoorwaarde die niet in orde is, een dalende opkomst, achter op de eigen planning.
    """
    from lerend_netwerk.cli.opties import context, kennisbank
    from lerend_netwerk.overzicht import maak_overzicht

    fase_id = _fase(fase) if fase is not None else None
    if html is not None:
        _controleer_html(html)
    kb = kennisbank(context(bibliotheek=bibliotheek))
    vandaag = date.today()
    alles = maak_overzicht(kb, Path(map_), vandaag)
    gekozen = alles.gefilterd(wijk=wijk, fase=fase_id, aandacht=aandacht)
    filter_tekst = _filter_tekst(wijk, fase_id, aandacht)
    if html is not None:
        from lerend_netwerk.bestanden import schrijf_uitvoer
        from lerend_netwerk.overzicht_html import html as maak_html

        schrijf_uitvoer(html, maak_html(gekozen, gemaakt=vandaag, filter_tekst=filter_tekst).encode("utf-8"))
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json(gekozen.als_json())
    else:
        _toon(gekozen, Path(map_), filter_tekst, alles)
    if html is not None:
        _meld(f"Het overzicht staat in {html}.")
    if alles.overgeslagen:
        n = len(alles.overgeslagen)
        _meld(f"{n} YAML-{'bestand' if n == 1 else 'bestanden'} zonder velden van een statusbestand overgeslagen: "
              + ", ".join(alles.overgeslagen[:5]) + (" ..." if n > 5 else "") + ".")


def _fase(tekst: str) -> str:
    from lerend_netwerk.kennisbank.model import fase_id

    return fase_id(tekst)


def _filter_tekst(wijk: str | None, fase: str | None, aandacht: bool) -> str | None:
    delen = []
    if wijk is not None:
        delen.append(f"wijk {wijk}")
    if fase is not None:
        delen.append(f"fase {fase.capitalize()}")
    if aandacht:
        delen.append("alleen wat aandacht vraagt")
    return ", ".join(delen) or None


def _controleer_html(pad: Path) -> None:
    from lerend_netwerk.fouten import LnFout

    volledig = pad.expanduser().resolve()
    if volledig.is_dir():
        raise LnFout("dit is een map, geen bestand", bestand=pad, advies=f"geef een bestandsnaam, zoals {pad / 'overzicht.html'}.")
    if not volledig.parent.is_dir():
        raise LnFout("de map voor dit bestand bestaat niet", bestand=pad, advies="maak de map eerst, of kies een andere plek.")
    if volledig.suffix.lower() in (".yaml", ".yml"):
        raise LnFout("dit lijkt een statusbestand; daar schrijft ln overzicht geen pagina overheen", bestand=pad,
                     advies="kies een naam die op .html eindigt, zoals --html overzicht.html.")


def _meld(tekst: str) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import fouten_console

    fouten_console().print(escape(tekst))


def _toon(o: Overzicht, map_: Path, filter_tekst: str | None, alles: Overzicht) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.overzicht_html import samenvatting_tekst

    uit = console()
    if not uit.is_terminal:
        _als_regels(o)
        return
    uit.print(f"[bold]Wijkoverzicht van {escape(str(map_))}[/]")
    uit.print(escape(samenvatting_tekst(o)) + (f" Filter: {escape(filter_tekst)}." if filter_tekst else ""))
    if not alles.netwerken and not alles.onleesbaar:
        uit.print(f"Er staan geen statusbestanden in {escape(str(map_))} (gezocht naar .yaml en .yml, ook in submappen).")
    for wijk, lijst in o.per_wijk():
        uit.print()
        uit.print(_tabel(wijk, lijst))
    if o.onleesbaar:
        uit.print()
        uit.print(f"[bold red]Niet te lezen ({len(o.onleesbaar)})[/]")
        for f in o.onleesbaar:
            plek = f"{f.bestand}, regel {f.regel}" if f.regel is not None else f.bestand
            uit.print(f"  {escape(plek)}: {escape(f.fout)}", soft_wrap=True)


def _kort(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else "—"


def _tabel(wijk: str, lijst: list):
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    tabel = Table(box=box.SIMPLE_HEAVY, title=f"{escape(wijk)} ({len(lijst)})", title_justify="left",
                  title_style="bold", show_lines=True, expand=True, padding=(0, 1))
    tabel.add_column("Netwerk", ratio=3, min_width=14, overflow="fold")
    tabel.add_column("Fase", no_wrap=True)
    tabel.add_column("Randvoorw.", min_width=10)
    tabel.add_column("Geh.", justify="right", no_wrap=True)
    tabel.add_column("Laatste", no_wrap=True)
    tabel.add_column("Barom.", justify="right", no_wrap=True)
    tabel.add_column("Aandacht", ratio=4, min_width=18)
    for s in lijst:
        ontbrekend = s.ontbrekend
        wie = " · ".join(escape(x) for x in (s.kartrekker, s.thema) if x)
        tabel.add_row(
            f"[bold]{escape(s.naam)}[/]" + (f"\n{wie}" if wie else "") + f"\n[dim]{escape(s.bestand)}[/]",
            s.fase.capitalize(),
            "[green]in orde[/]" if not ontbrekend else "[red]" + escape(", ".join(s.ontbrekende_ids)) + "[/]",
            str(s.bijeenkomsten),
            _kort(s.laatste),
            _barometer(s) or "—",
            "\n".join(f"• {escape(a)}" for a in s.aandacht) or "—",
        )
    return tabel


def _barometer(s) -> str:
    return f"{s.barometer.gemiddelde:.1f}".replace(".", ",") if s.barometer else ""


def _als_regels(o: Overzicht) -> None:
    """Piped output: one tab-separated line per file, for grep, cut or a spreadsheet; an unreadable file says so."""
    import sys

    regels = ["wijk\tnetwerk\tbestand\tkartrekker\tthema\tfase\trandvoorwaarden\tbijeenkomsten\tlaatste\tbarometer\taandacht"]
    for wijk, lijst in o.per_wijk():
        for s in lijst:
            velden = (
                wijk, s.naam, s.bestand, s.kartrekker or "", s.thema or "", s.fase,
                "in orde" if not s.ontbrekend else "ontbreekt: " + ", ".join(s.ontbrekend),
                str(s.bijeenkomsten), s.laatste.isoformat() if s.laatste else "", _barometer(s), " | ".join(s.aandacht),
            )
            regels.append("\t".join(" ".join(v.split()) for v in velden))
    for f in o.onleesbaar:
        plek = f"regel {f.regel}: " if f.regel is not None else ""
        regels.append("\t".join(("", "", f.bestand, "", "", "", "", "", "", "", f"niet te lezen: {plek}{' '.join(f.fout.split())}")))
    sys.stdout.write("\n".join(regels) + "\n")
