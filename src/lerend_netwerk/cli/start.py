"""`ln start`: can the network start? The four preconditions, with advice from the Handreiking."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import alinea, controleer_kennis, lees
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Bibliotheek, Json, NetwerkPad, context, kennisbank
from lerend_netwerk.fouten import EXIT_NEE

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk


@app.command("start")
def start(netwerk: NetwerkPad = STANDAARD_NETWERK, json_uit: Json = False, bibliotheek: Bibliotheek = None) -> None:
    """Kan het netwerk starten? Checkt de vier randvoorwaarden, met advies uit de Handreiking.

    Exitcode 0 als alle randvoorwaarden in orde zijn, 1 als er nog iets ontbreekt. Toont ook wat in de huidige fase aandacht vraagt: lang geen bijeenkomst, open doelen, jouw eigen steun als kartrekker.
    """
    from lerend_netwerk.startcheck import controleer_start

    ctx = context(netwerk, bibliotheek)
    staat = lees(ctx)
    kb = kennisbank(ctx)
    controleer_kennis(kb, staat, ctx.netwerk)
    check = controleer_start(kb, staat, ctx.vandaag)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json(check.als_json())
    else:
        _toon_start(kb, staat, check)
    if not check.klaar:
        raise typer.Exit(EXIT_NEE)


_RV_TEKEN = {"ja": "[green]✔[/]", "deels": "[yellow]◐[/]", "nee": "[red]✘[/]", "onbekend": "[yellow]?[/]"}


def _toon_start(kb: Kennisbank, staat: Netwerk, check: Any) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    uit.print(f"[bold]Randvoorwaarden van {escape(staat.naam)}[/]")
    for oordeel in check.randvoorwaarden:
        uit.print()
        _toon_randvoorwaarde(uit, kb, oordeel)
    kleur = "green" if check.klaar else "red"
    uit.print(f"\n[bold {kleur}]{escape(check.oordeel)}[/]")
    uit.print(f"\n[bold]Aandacht in de fase {escape(check.fase.naam)}[/]")
    for punt in check.aandachtspunten:
        alinea(uit, f"[bold]{escape(punt.titel)}[/]", 1, "•")
        for regel in punt.regels:
            alinea(uit, escape(regel), 3)
        for bron in punt.bron:
            alinea(uit, f"Bron: {escape(bron)}", 3)


def _toon_randvoorwaarde(uit: Any, kb: Kennisbank, oordeel: Any) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import eigen_label

    rv = oordeel.randvoorwaarde
    alinea(uit, f"[bold]{escape(rv.naam)}[/]: {oordeel.status.status}", 1, _RV_TEKEN[oordeel.status.status])
    if oordeel.status.toelichting:
        alinea(uit, f"[italic]{escape(oordeel.status.toelichting)}[/]", 3)
    if oordeel.in_orde:
        return
    kop = f"Aanpak {eigen_label('eigen aanpak')}" if rv.aanpak_eigen else "Aanpak volgens de Handreiking"
    alinea(uit, f"{kop}:", 3)
    for stap in rv.aanpak:
        alinea(uit, escape(stap), 3, "•")
    if rv.werkvormen:
        namen = ", ".join(f"{kb.werkvormen[w].naam} ({w})" for w in rv.werkvormen if w in kb.werkvormen)
        # the links from a precondition to work forms are ours: the Handreiking does not make them
        alinea(uit, f"Werkvormen die kunnen helpen {eigen_label('eigen koppeling')}: {escape(namen)}", 3)
    for bron in rv.bron:
        alinea(uit, f"Bron: {escape(bron)}", 3)
