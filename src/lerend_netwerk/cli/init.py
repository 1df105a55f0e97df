"""`ln init`: describe the network once, as flags or (in a terminal) by answering questions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, NetwerkPad
from lerend_netwerk.fouten import LnFout

if TYPE_CHECKING:
    from lerend_netwerk.netwerk import Deelnemer, Netwerk

RV_KEUZES = (("ja", "ja"), ("deels", "deels"), ("nee", "nee"), ("weet ik nog niet", "onbekend"))
_RV_HULP = "ja, deels, nee of onbekend."


def _rv_optie(naam: str) -> Any:
    return typer.Option(f"--{naam}", help=f"Randvoorwaarde {naam}: {_RV_HULP}", metavar="STATUS")


def _toelichting_optie(naam: str) -> Any:
    return typer.Option(f"--{naam}-toelichting", help=f"Een toelichting bij {naam}.", metavar="TEKST")


@app.command("init")
def init(
    naam: Annotated[Optional[str], typer.Option("--naam", help="De naam van het netwerk, zoals 'LN Doorgaande Lijn Kanaleneiland'.", metavar="TEKST")] = None,
    wijk: Annotated[Optional[str], typer.Option("--wijk", help="De wijk, zoals 'Kanaleneiland'.", metavar="TEKST")] = None,
    kartrekker: Annotated[Optional[str], typer.Option("--kartrekker", help="Jouw naam, als kartrekker.", metavar="TEKST")] = None,
    deelnemer: Annotated[Optional[list[str]], typer.Option(
        "--deelnemer",
        help="Een deelnemer als 'naam, organisatie, soort' (soort: kinderdagverblijf, peutercentrum, basisschool "
        "of anders). Herhaal de optie voor elke deelnemer.",
        metavar="TEKST",
    )] = None,
    fase: Annotated[str, typer.Option("--fase", help="De fase waarin het netwerk nu staat.", metavar="FASE")] = "verkenning",
    starttijd: Annotated[Optional[str], typer.Option("--starttijd", help="Hoe laat bijeenkomsten gewoonlijk beginnen, zoals 15:30.", metavar="UU:MM")] = None,
    commitment: Annotated[Optional[str], _rv_optie("commitment")] = None,
    commitment_toelichting: Annotated[Optional[str], _toelichting_optie("commitment")] = None,
    motivatie: Annotated[Optional[str], _rv_optie("motivatie")] = None,
    motivatie_toelichting: Annotated[Optional[str], _toelichting_optie("motivatie")] = None,
    tijd: Annotated[Optional[str], _rv_optie("tijd")] = None,
    tijd_toelichting: Annotated[Optional[str], _toelichting_optie("tijd")] = None,
    budget: Annotated[Optional[str], _rv_optie("budget")] = None,
    budget_toelichting: Annotated[Optional[str], _toelichting_optie("budget")] = None,
    geen_vragen: Annotated[bool, typer.Option("--geen-vragen", help="Stel geen vragen, ook niet in een terminal; wat ontbreekt blijft leeg.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Vervang een bestaand statusbestand (het oude blijft bewaard als .bak).")] = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
) -> None:
    """Beschrijf je netwerk één keer: naam, wijk, deelnemers en de vier randvoorwaarden.

    In een terminal vraagt 'ln init' wat je niet als optie meegeeft; zonder terminal (of met --geen-vragen) vraagt het niets. Een bestaand statusbestand wordt alleen vervangen met --force.
    """
    from types import SimpleNamespace

    from lerend_netwerk import vragen

    antwoorden = SimpleNamespace(
        naam=naam, wijk=wijk, kartrekker=kartrekker, fase=fase, starttijd=starttijd, deelnemers=deelnemer,
        rv={"commitment": commitment, "motivatie": motivatie, "tijd": tijd, "budget": budget},
        toelichting={"commitment": commitment_toelichting, "motivatie": motivatie_toelichting,
                     "tijd": tijd_toelichting, "budget": budget_toelichting},
    )
    from lerend_netwerk.statusbestand import schrijf_nieuw, weiger_bestaand, weiger_map

    weiger_map(netwerk)  # a folder (or --netwerk '') is no file: said before anything else
    if netwerk.exists() and not force:
        weiger_bestaand(netwerk)  # before any question is asked
    if not geen_vragen and vragen.heeft_terminal():
        _vraag_init(antwoorden)
    nieuw = _netwerk_uit_antwoorden(antwoorden)
    schrijf_nieuw(netwerk, nieuw, overschrijven=force)
    _toon_init(netwerk, nieuw)


def _vraag_init(a: Any) -> None:
    """Ask, in a terminal, for every answer that was not given as a flag."""
    from lerend_netwerk import vragen
    from lerend_netwerk.cli.opties import context, kennisbank
    from lerend_netwerk.netwerk import DEELNEMER_SOORTEN, Deelnemer
    from lerend_netwerk.statusbestand import te_lang

    if a.naam is None:
        a.naam = vragen.vraag_tekst("Hoe heet het netwerk?", verplicht=True, controle=te_lang)
    if a.wijk is None:
        a.wijk = vragen.vraag_tekst("In welke wijk?", controle=te_lang)
    if a.kartrekker is None:
        a.kartrekker = vragen.vraag_tekst("Wie is de kartrekker (jouw naam)?", controle=te_lang)
    if a.deelnemers is None:
        a.deelnemers = []
        while naam := vragen.vraag_tekst("Naam van een deelnemer (laat leeg als je klaar bent):"):
            organisatie = vragen.vraag_tekst(f"Organisatie van {naam}:")
            soort = vragen.vraag_keuze("Wat voor organisatie is dat?", [(s, s) for s in DEELNEMER_SOORTEN])
            a.deelnemers.append(Deelnemer(naam, organisatie or None, soort))
    kb = kennisbank(context())
    for rv in kb.randvoorwaarden:
        if a.rv.get(rv.id) is None:
            a.rv[rv.id] = vragen.vraag_keuze(f"{rv.naam}: is dat geregeld?", RV_KEUZES, standaard="onbekend")
            if a.toelichting.get(rv.id) is None:
                a.toelichting[rv.id] = vragen.vraag_tekst(f"Toelichting bij {rv.id} (mag leeg blijven):")


def _netwerk_uit_antwoorden(a: Any) -> Netwerk:
    from lerend_netwerk.kennisbank import fase_id
    from lerend_netwerk.klok import tijd_uit_tekst
    from lerend_netwerk.netwerk import Deelnemer, Netwerk, RvStatus
    from lerend_netwerk.statusbestand import te_lang

    for optie, waarde in (("naam", a.naam), ("wijk", a.wijk), ("kartrekker", a.kartrekker)):
        if te_lang(waarde):
            raise LnFout(f"--{optie}: {te_lang(waarde)}", advies=f"geef een kortere --{optie}; er is niets geschreven.")
    naam = (a.naam or "").strip()
    if not naam:
        raise LnFout(
            "het netwerk heeft een naam nodig",
            advies="geef die met --naam, zoals: ln init --naam \"LN Doorgaande Lijn Kanaleneiland\". "
            "Zonder terminal stel ik geen vragen; 'ln init --help' toont alle opties.",
        )
    fase = fase_id(a.fase)
    starttijd = None
    if a.starttijd:
        starttijd = tijd_uit_tekst(a.starttijd)
        if starttijd is None:
            raise LnFout(f"'{a.starttijd}' is geen tijd.", advies="schrijf de starttijd als uren:minuten, zoals --starttijd 15:30.")
    return Netwerk(
        naam=naam,
        fase=fase,
        wijk=_leeg_is_niets(a.wijk),
        kartrekker=_leeg_is_niets(a.kartrekker),
        starttijd=starttijd,
        deelnemers=tuple(d if isinstance(d, Deelnemer) else _deelnemer(d) for d in a.deelnemers or ()),
        randvoorwaarden={
            rv_id: RvStatus(_rv_status(rv_id, status), _leeg_is_niets(a.toelichting.get(rv_id)))
            for rv_id, status in a.rv.items()
        },
    )


def _leeg_is_niets(tekst: str | None) -> str | None:
    if tekst is None:
        return None
    return tekst.strip() or None


def _rv_status(rv_id: str, status: str | None) -> str:
    from lerend_netwerk.netwerk import RV_STATUSSEN
    from lerend_netwerk.tekst import suggestie

    if status is None:
        return "onbekend"
    if status.strip().lower() not in RV_STATUSSEN:
        raise LnFout(f"'{status}' kan niet bij --{rv_id}." + suggestie(status.strip().lower(), RV_STATUSSEN), advies=f"kies uit: {_RV_HULP}")
    return status.strip().lower()


def _deelnemer(tekst: str) -> Deelnemer:
    """'Els, Kdv De Boomhut, kinderdagverblijf' -> a Deelnemer (organisation and kind may be left out)."""
    from lerend_netwerk.netwerk import DEELNEMER_SOORTEN, Deelnemer
    from lerend_netwerk.tekst import suggestie

    delen = [deel.strip() for deel in tekst.split(",")]
    if not delen[0] or len(delen) > 3:
        raise LnFout(
            f"'{tekst}' kan ik niet lezen als deelnemer.",
            advies="schrijf 'naam, organisatie, soort', zoals --deelnemer \"Els, Kdv De Boomhut, kinderdagverblijf\".",
        )
    delen += [""] * (3 - len(delen))
    soort = delen[2].lower() or None
    if soort is not None and soort not in DEELNEMER_SOORTEN:
        raise LnFout(
            f"'{delen[2]}' is geen soort organisatie." + suggestie(soort, DEELNEMER_SOORTEN),
            advies=f"kies uit: {', '.join(DEELNEMER_SOORTEN)}.",
        )
    return Deelnemer(naam=delen[0], organisatie=delen[1] or None, soort=soort)


def _toon_init(pad: Path, netwerk: Netwerk) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    uit.print(f"[bold green]Statusbestand gemaakt:[/] {escape(str(pad))}")
    uit.print(f"{escape(netwerk.naam)}, fase {netwerk.fase}, {len(netwerk.deelnemers)} deelnemer(s).")
    rv = ", ".join(f"{rv_id} {status.status}" for rv_id, status in netwerk.randvoorwaarden.items())
    uit.print(f"Randvoorwaarden: {rv}.")
    uit.print("Volgende stap: [bold]ln start[/] checkt of het netwerk kan starten.")
