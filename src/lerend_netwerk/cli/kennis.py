"""Browsing the knowledge base: `ln fasen`, `ln werkvormen`, `ln werkvorm`, `ln bronnen`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import Bibliotheek, Json, context, kennisbank, vul_fase_aan, vul_werkvorm_aan


@app.command("fasen")
def fasen(
    fase: Annotated[Optional[str], typer.Argument(help="Toon één fase volledig, bv. 'ontwikkeling' of '2'.", metavar="FASE", autocompletion=vul_fase_aan)] = None,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """De vijf fasen van een Lerend Netwerk (Mertens) in één oogopslag, of één fase volledig."""
    from lerend_netwerk.cli import kennis_weergave as weergave

    kb = kennisbank(context(bibliotheek=bibliotheek))
    if fase is None:
        weergave.toon_fasen(kb, json_uit)
    else:
        weergave.toon_fase(kb, kb.fase(fase), json_uit)


@app.command("werkvormen")
def werkvormen(
    fase: Annotated[Optional[str], typer.Option("--fase", help="Alleen werkvormen van deze fase.", metavar="FASE", autocompletion=vul_fase_aan)] = None,
    zoek: Annotated[
        Optional[str], typer.Option("--zoek", help="Alleen werkvormen waarin al deze woorden voorkomen.", metavar="TEKST")
    ] = None,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Alle werkvormen en instrumenten als tabel, met fase, duur en bron."""
    from lerend_netwerk.cli import kennis_weergave as weergave
    from lerend_netwerk.kennisbank import filter_werkvormen

    kb = kennisbank(context(bibliotheek=bibliotheek))
    fase_id = kb.fase(fase).id if fase else None
    weergave.toon_werkvormen(kb, filter_werkvormen(kb, fase=fase_id, zoek=zoek), json_uit, fase_id, zoek)


@app.command("werkvorm")
def werkvorm(
    werkvorm_id: Annotated[str, typer.Argument(help="Het id van de werkvorm, zoals 'talking-stick'.", metavar="ID", autocompletion=vul_werkvorm_aan)],
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Eén werkvorm volledig: waar de Handreiking hem noemt, waarvoor, en hoe je hem uitvoert."""
    from lerend_netwerk.cli import kennis_weergave as weergave

    kb = kennisbank(context(bibliotheek=bibliotheek))
    weergave.toon_werkvorm(kb, kb.werkvorm(werkvorm_id.strip().lower()), json_uit)


@app.command("bronnen")
def bronnen(json_uit: Json = False, bibliotheek: Bibliotheek = None) -> None:
    """De literatuurlijst: de bronnen waar de Handreiking naar verwijst, en steun voor jezelf als kartrekker."""
    from lerend_netwerk.cli import kennis_weergave as weergave

    weergave.toon_bronnen(kennisbank(context(bibliotheek=bibliotheek)), json_uit)
