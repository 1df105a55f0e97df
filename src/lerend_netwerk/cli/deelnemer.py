"""`ln deelnemer toevoegen|wijzig|weg` and `ln deelnemers`: who takes part, without opening the YAML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import lees, vraagt
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Ja, Json, NetwerkPad, context, vul_deelnemer_aan
from lerend_netwerk.fouten import EXIT_NEE, LnFout

if TYPE_CHECKING:
    from lerend_netwerk.netwerk import Deelnemer, Netwerk

deelnemer_app = typer.Typer(
    help="Een deelnemer toevoegen, wijzigen of weghalen. 'ln deelnemers' toont ze allemaal.",
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(deelnemer_app, name="deelnemer")

Naam = Annotated[Optional[str], typer.Argument(
    help="De naam van de deelnemer (tussen aanhalingstekens als er een spatie in staat).",
    metavar="NAAM", autocompletion=vul_deelnemer_aan, show_default=False,
)]
Organisatie = Annotated[Optional[str], typer.Option("--organisatie", help="Waar de deelnemer werkt.", metavar="TEKST")]
Soort = Annotated[Optional[str], typer.Option(
    "--soort", help="Soort organisatie: kinderdagverblijf, peutercentrum, basisschool of anders.", metavar="SOORT",
)]
Leerdoel = Annotated[Optional[str], typer.Option("--leerdoel", help="Het eigen leerdoel van de deelnemer bij het thema.", metavar="TEKST")]


@deelnemer_app.callback()
def _deelnemer() -> None:
    """Een deelnemer toevoegen, wijzigen of weghalen. 'ln deelnemers' toont ze allemaal."""


@deelnemer_app.command("toevoegen")
def toevoegen(
    naam: Naam = None,
    organisatie: Organisatie = None,
    soort: Soort = None,
    leerdoel: Leerdoel = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
) -> None:
    """Zet een nieuwe deelnemer in het statusbestand, met organisatie, soort en leerdoel.

    In een terminal vraagt het wat je niet als optie meegeeft. Twee deelnemers met dezelfde naam kan niet.
    """
    from lerend_netwerk.netwerk import Deelnemer
    from lerend_netwerk.statusbestand import voeg_deelnemer_toe

    if vraagt(organisatie is None, soort is None, leerdoel is None):
        lees(context(netwerk))  # a broken or missing file is the first thing to hear about
        naam, organisatie, soort, leerdoel = _vraag_deelnemer(None, naam)
    elif naam is None:
        raise LnFout(
            "welke deelnemer? Geef de naam; zonder terminal stel ik geen vragen",
            advies='bijvoorbeeld: ln deelnemer toevoegen "Els de Vries" --organisatie "Kdv De Boomhut" '
            "--soort kinderdagverblijf --leerdoel \"...\"",
        )
    bijgewerkt = voeg_deelnemer_toe(netwerk, Deelnemer(naam, organisatie, soort, leerdoel))
    nieuw = bijgewerkt.na.deelnemers[-1]
    _toon_deelnemer(netwerk, nieuw, "Toegevoegd", len(bijgewerkt.na.deelnemers), json_uit)


@deelnemer_app.command("wijzig")
def wijzig(
    naam: Naam = None,
    nieuwe_naam: Annotated[Optional[str], typer.Option("--naam", help="Een nieuwe naam voor de deelnemer.", metavar="TEKST")] = None,
    organisatie: Organisatie = None,
    soort: Soort = None,
    leerdoel: Leerdoel = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
) -> None:
    """Pas de organisatie, soort, het leerdoel of de naam van een deelnemer aan; de rest blijft staan.

    In een terminal zonder opties vraagt het elk veld, met wat er nu staat als antwoord.
    """
    from lerend_netwerk.statusbestand import wijzig_deelnemer, zoek_deelnemer

    geen_opties = all(x is None for x in (nieuwe_naam, organisatie, soort, leerdoel))
    if vraagt(geen_opties):
        staat = lees(context(netwerk))
        naam = naam if naam is not None else _kies_deelnemer(staat, "Welke deelnemer wil je wijzigen?")
        huidig = staat.deelnemers[zoek_deelnemer(staat, naam, netwerk)]
        nieuwe_naam, organisatie, soort, leerdoel = _vraag_deelnemer(huidig, huidig.naam)
    elif naam is None or geen_opties:
        lees(context(netwerk))
        raise LnFout(
            "geef de naam van de deelnemer en wat er verandert; zonder terminal stel ik geen vragen",
            advies='bijvoorbeeld: ln deelnemer wijzig "Noor Hendriks" --leerdoel "..." '
            "(ook: --organisatie, --soort, --naam).",
        )
    velden = {"naam": nieuwe_naam, "organisatie": organisatie, "soort": soort, "leerdoel": leerdoel}
    bijgewerkt = wijzig_deelnemer(netwerk, naam, velden)
    index = zoek_deelnemer(bijgewerkt.na, nieuwe_naam or naam, netwerk)
    _toon_deelnemer(netwerk, bijgewerkt.na.deelnemers[index], "Bijgewerkt", len(bijgewerkt.na.deelnemers), json_uit,
                    veranderd=bijgewerkt.voor != bijgewerkt.na)


@deelnemer_app.command("weg")
def weg(naam: Naam = None, ja: Ja = False, netwerk: NetwerkPad = STANDAARD_NETWERK, json_uit: Json = False) -> None:
    """Haal een deelnemer uit het statusbestand (de vorige versie blijft bewaard als .bak).

    Vraagt eerst om bevestiging; zonder terminal is --ja nodig. Bijeenkomsten waarin de deelnemer afwezig was, houden de naam.
    """
    from lerend_netwerk import vragen
    from lerend_netwerk.statusbestand import verwijder_deelnemer, zoek_deelnemer

    staat = lees(context(netwerk))
    if naam is None:
        if not vragen.heeft_terminal():
            raise LnFout("welke deelnemer? Geef de naam; zonder terminal stel ik geen vragen",
                         advies='bijvoorbeeld: ln deelnemer weg "Joost Verhoef" --ja')
        naam = _kies_deelnemer(staat, "Welke deelnemer wil je weghalen?")
    gevonden = staat.deelnemers[zoek_deelnemer(staat, naam, netwerk)]  # an unknown name: refused before asking
    if not ja:
        if not vragen.heeft_terminal():
            raise LnFout("bevestig met --ja; zonder terminal kan ik het niet vragen.", advies=f'ln deelnemer weg "{gevonden.naam}" --ja')
        if not vragen.vraag_bevestiging(f"{gevonden.naam} weghalen uit het netwerk?"):
            from lerend_netwerk.cli.weergave import console

            console().print("Niets veranderd.")
            raise typer.Exit(EXIT_NEE)
    bijgewerkt = verwijder_deelnemer(netwerk, gevonden.naam)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json({"weg": deelnemer_als_json(gevonden), "aantal_deelnemers": len(bijgewerkt.na.deelnemers)})
        return
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    console().print(f"[bold green]Weggehaald:[/] {escape(gevonden.naam)} uit {escape(str(netwerk))}. "
                    f"Het netwerk heeft nu {len(bijgewerkt.na.deelnemers)} deelnemer(s).")


@app.command("deelnemers")
def deelnemers(netwerk: NetwerkPad = STANDAARD_NETWERK, json_uit: Json = False) -> None:
    """Wie doet er mee: naam, organisatie, soort en leerdoel van elke deelnemer."""
    from rich.markup import escape
    from rich.table import Table

    from lerend_netwerk.cli.weergave import console, print_json

    staat = lees(context(netwerk))
    if json_uit:
        print_json([deelnemer_als_json(d) for d in staat.deelnemers])
        return
    uit = console()
    if not staat.deelnemers:
        uit.print(f"{escape(staat.naam)}: nog geen deelnemers. Voeg er een toe met [bold]ln deelnemer toevoegen NAAM[/].")
        return
    tabel = Table(title=f"Deelnemers van {escape(staat.naam)}", title_justify="left")
    for kolom in ("naam", "organisatie", "soort"):
        tabel.add_column(kolom, overflow="fold")
    tabel.add_column("leerdoel", overflow="fold", ratio=1)
    for d in staat.deelnemers:
        tabel.add_row(escape(d.naam), escape(d.organisatie or ""), d.soort or "", escape(d.leerdoel or "—"))
    uit.print(tabel)
    zonder = [d.naam for d in staat.deelnemers if not d.leerdoel]
    uit.print(f"{len(staat.deelnemers)} deelnemer(s)" + (f"; nog zonder leerdoel: {escape(', '.join(zonder))}." if zonder else "."))


def deelnemer_als_json(d: Deelnemer) -> dict[str, Any]:
    return {"naam": d.naam, "organisatie": d.organisatie, "soort": d.soort, "leerdoel": d.leerdoel}


def _kies_deelnemer(staat: Netwerk, vraag: str) -> str:
    from lerend_netwerk import vragen

    if not staat.deelnemers:
        raise LnFout("er zijn nog geen deelnemers.", advies="voeg er een toe met: ln deelnemer toevoegen NAAM")
    keuzes = [(d.naam + (f" ({d.organisatie})" if d.organisatie else ""), d.naam) for d in staat.deelnemers]
    return vragen.vraag_keuze(vraag, keuzes)


def _vraag_deelnemer(huidig: Deelnemer | None, naam: str | None) -> tuple[str, str | None, str | None, str | None]:
    """Name (if missing), organisation, kind and learning goal; in a change, what is there now is the default."""
    from lerend_netwerk import vragen
    from lerend_netwerk.netwerk import DEELNEMER_SOORTEN

    if naam is None or huidig is not None:
        naam = vragen.vraag_tekst("Naam van de deelnemer:", standaard=naam or "", verplicht=True)
    organisatie = vragen.vraag_tekst("Organisatie (mag leeg blijven):", standaard=(huidig and huidig.organisatie) or "")
    keuzes = [(s, s) for s in DEELNEMER_SOORTEN] + ([] if huidig and huidig.soort else [("weet ik nog niet", "")])
    soort = vragen.vraag_keuze("Wat voor organisatie is dat?", keuzes, standaard=huidig.soort if huidig else None)
    leerdoel = vragen.vraag_tekst("Eigen leerdoel bij het thema (mag leeg blijven):", standaard=(huidig and huidig.leerdoel) or "")
    return naam, organisatie or None, soort or None, leerdoel or None


def _toon_deelnemer(pad: Path, d: Deelnemer, wat: str, aantal: int, json_uit: bool, *, veranderd: bool = True) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json

    if json_uit:
        print_json({"deelnemer": deelnemer_als_json(d), "veranderd": veranderd, "aantal_deelnemers": aantal})
        return
    uit = console()
    if not veranderd:
        uit.print(f"Er stond al precies zo: {escape(d.naam)}. Niets veranderd.")
        return
    uit.print(f"[bold green]{wat}:[/] {escape(d.naam)} in {escape(str(pad))}.")
    delen = [d.organisatie, d.soort]
    if any(delen):
        uit.print(escape(", ".join(x for x in delen if x)))
    uit.print(f"Leerdoel: {escape(d.leerdoel)}" if d.leerdoel else
              f"Nog geen leerdoel; zet het erin met: ln deelnemer wijzig \"{escape(d.naam)}\" --leerdoel TEKST")
    uit.print(f"Het netwerk heeft {aantal} deelnemer(s).")
