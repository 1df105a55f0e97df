"""Keeping the network's state: `ln init`, `ln start`, `ln bijeenkomst`, `ln bijeenkomsten`, `ln fase`.

Thin: parse the options, ask what is missing (only in a terminal, only
through `vragen`), call the core (`statusbestand`, `startcheck`,
`voortgang`), render. Heavy modules are imported inside the commands.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Bibliotheek, Json, NetwerkPad
from lerend_netwerk.fouten import EXIT_NEE, LnFout

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Deelnemer, Netwerk

RV_KEUZES = (("ja", "ja"), ("deels", "deels"), ("nee", "nee"), ("weet ik nog niet", "onbekend"))
_RV_HULP = "ja, deels, nee of onbekend."


def _kennisbank(bibliotheek: Path | None) -> Kennisbank:
    from lerend_netwerk.kennisbank import bibliotheek_uit_omgeving, laad_kennisbank

    return laad_kennisbank(bibliotheek_uit_omgeving(bibliotheek))


def _lees(pad: Path) -> Netwerk:
    from lerend_netwerk.statusbestand import lees_netwerk

    return lees_netwerk(pad)


def _vraagt(*geen_flags: bool) -> bool:
    """Ask questions only when nothing was given as a flag and a person is there to answer."""
    from lerend_netwerk import vragen

    return all(geen_flags) and vragen.heeft_terminal()


def _regel(uit: Any, tekst: str, inspringing: int = 0, teken: str = "") -> None:
    """One paragraph (markup) with a hanging indent: wrapped lines stay under the text."""
    from rich.text import Text

    voor = Text.from_markup(" " * inspringing + (teken + " " if teken else ""))
    breedte = max(20, uit.width - len(voor))
    for nummer, lijn in enumerate(Text.from_markup(tekst).wrap(uit, breedte)):
        lijn.rstrip()
        uit.print(Text.assemble(voor if nummer == 0 else " " * len(voor), lijn), soft_wrap=True)


# --- ln init -------------------------------------------------------------------------


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
    from lerend_netwerk.statusbestand import schrijf_nieuw, weiger_bestaand

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
    from lerend_netwerk.kennisbank import laad_kennisbank
    from lerend_netwerk.netwerk import DEELNEMER_SOORTEN, Deelnemer

    if a.naam is None:
        a.naam = vragen.vraag_tekst("Hoe heet het netwerk?", verplicht=True)
    if a.wijk is None:
        a.wijk = vragen.vraag_tekst("In welke wijk?")
    if a.kartrekker is None:
        a.kartrekker = vragen.vraag_tekst("Wie is de kartrekker (jouw naam)?")
    if a.deelnemers is None:
        a.deelnemers = []
        while naam := vragen.vraag_tekst("Naam van een deelnemer (laat leeg als je klaar bent):"):
            organisatie = vragen.vraag_tekst(f"Organisatie van {naam}:")
            soort = vragen.vraag_keuze("Wat voor organisatie is dat?", [(s, s) for s in DEELNEMER_SOORTEN])
            a.deelnemers.append(Deelnemer(naam, organisatie or None, soort))
    kb = laad_kennisbank()
    for rv in kb.randvoorwaarden:
        if a.rv.get(rv.id) is None:
            a.rv[rv.id] = vragen.vraag_keuze(f"{rv.naam}: is dat geregeld?", RV_KEUZES, standaard="onbekend")
            if a.toelichting.get(rv.id) is None:
                a.toelichting[rv.id] = vragen.vraag_tekst(f"Toelichting bij {rv.id} (mag leeg blijven):")


def _netwerk_uit_antwoorden(a: Any) -> Netwerk:
    from lerend_netwerk.kennisbank import FASE_IDS
    from lerend_netwerk.netwerk import Deelnemer, Netwerk, RvStatus
    from lerend_netwerk.statusbestand import tijd_uit_tekst

    naam = (a.naam or "").strip()
    if not naam:
        raise LnFout(
            "het netwerk heeft een naam nodig",
            advies="geef die met --naam, zoals: ln init --naam \"LN Doorgaande Lijn Kanaleneiland\". "
            "Zonder terminal stel ik geen vragen; 'ln init --help' toont alle opties.",
        )
    fase = _fase_id(a.fase, FASE_IDS)
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


def _fase_id(tekst: str, fase_ids: tuple[str, ...]) -> str:
    from lerend_netwerk.tekst import suggestie

    sleutel = tekst.strip().lower()
    if sleutel.isdigit() and 1 <= int(sleutel) <= len(fase_ids):
        return fase_ids[int(sleutel) - 1]
    if sleutel not in fase_ids:
        raise LnFout(f"'{tekst}' is geen fase." + suggestie(sleutel, fase_ids), advies=f"kies uit: {', '.join(fase_ids)} (of 1 tot 5).")
    return sleutel


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


# --- ln start ------------------------------------------------------------------------


@app.command("start")
def start(netwerk: NetwerkPad = STANDAARD_NETWERK, json_uit: Json = False, bibliotheek: Bibliotheek = None) -> None:
    """Kan het netwerk starten? Checkt de vier randvoorwaarden, met advies uit de Handreiking.

    Exitcode 0 als alle randvoorwaarden in orde zijn, 1 als er nog iets ontbreekt. Toont ook wat in de huidige fase aandacht vraagt: lang geen bijeenkomst, open doelen, jouw eigen steun als kartrekker.
    """
    from lerend_netwerk.startcheck import controleer_start

    staat = _lees(netwerk)
    kb = _kennisbank(bibliotheek)
    check = controleer_start(kb, staat, date.today())
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
        _regel(uit, f"[bold]{escape(punt.titel)}[/]", 1, "•")
        for regel in punt.regels:
            _regel(uit, escape(regel), 3)
        for bron in punt.bron:
            _regel(uit, f"Bron: {escape(bron)}", 3)


def _toon_randvoorwaarde(uit: Any, kb: Kennisbank, oordeel: Any) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import eigen_label

    rv = oordeel.randvoorwaarde
    _regel(uit, f"[bold]{escape(rv.naam)}[/]: {oordeel.status.status}", 1, _RV_TEKEN[oordeel.status.status])
    if oordeel.status.toelichting:
        _regel(uit, f"[italic]{escape(oordeel.status.toelichting)}[/]", 3)
    if oordeel.in_orde:
        return
    kop = f"Aanpak {eigen_label('eigen aanpak')}" if rv.aanpak_eigen else "Aanpak volgens de Handreiking"
    _regel(uit, f"{kop}:", 3)
    for stap in rv.aanpak:
        _regel(uit, escape(stap), 3, "•")
    if rv.werkvormen:
        namen = ", ".join(f"{kb.werkvormen[w].naam} ({w})" for w in rv.werkvormen if w in kb.werkvormen)
        _regel(uit, f"Werkvormen die helpen: {escape(namen)}", 3)
    for bron in rv.bron:
        _regel(uit, f"Bron: {escape(bron)}", 3)


# --- ln bijeenkomst / ln bijeenkomsten -----------------------------------------------


@app.command("bijeenkomst")
def bijeenkomst(
    datum: Annotated[Optional[str], typer.Option("--datum", help="Wanneer: 2026-09-18, 18-09-2026, vandaag of gisteren. Standaard vandaag.", metavar="DATUM")] = None,
    werkvorm: Annotated[Optional[list[str]], typer.Option("--werkvorm", help="Id van een gedane werkvorm (zie 'ln werkvormen'); herhaal voor meer.", metavar="ID")] = None,
    aanwezig: Annotated[Optional[int], typer.Option("--aanwezig", help="Hoeveel deelnemers er waren.", min=0, max=1000, metavar="AANTAL")] = None,
    notitie: Annotated[Optional[str], typer.Option("--notitie", help="Wat je wilt onthouden van deze bijeenkomst.", metavar="TEKST")] = None,
    fase: Annotated[Optional[str], typer.Option("--fase", help="De fase van deze bijeenkomst; standaard de huidige fase van het netwerk.", metavar="FASE")] = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Leg een gehouden bijeenkomst vast: datum, werkvormen, aanwezigen, notities.

    Stond er op die datum een bijeenkomst gepland ('ln agenda --bewaar'), dan wordt die bevestigd als gehouden. In een terminal zonder opties stelt 'ln bijeenkomst' een paar vragen.
    """
    from lerend_netwerk.kennisbank import FASE_IDS
    from lerend_netwerk.netwerk import Bijeenkomst
    from lerend_netwerk.statusbestand import leg_bijeenkomst_vast
    from lerend_netwerk.voortgang import fase_voortgang

    vandaag = date.today()
    if _vraagt(datum is None, werkvorm is None, aanwezig is None, notitie is None, fase is None):
        kb = _kennisbank(bibliotheek)
        datum, werkvorm, aanwezig, notitie = _vraag_bijeenkomst(kb, _lees(netwerk), vandaag)
    elif all(x is None for x in (datum, werkvorm, aanwezig, notitie)):
        _lees(netwerk)  # a broken or missing file is the first thing to hear about
        raise LnFout(
            "geef de gegevens van de bijeenkomst als opties; zonder terminal stel ik geen vragen",
            advies="bijvoorbeeld: ln bijeenkomst --datum 2026-09-18 --werkvorm teletijdmachine --aanwezig 6 --notitie \"...\"",
        )
    else:
        kb = _kennisbank(bibliotheek)
    nieuw = Bijeenkomst(
        datum=_datum(datum, vandaag),
        fase=_fase_id(fase, FASE_IDS) if fase else None,
        werkvormen=tuple(dict.fromkeys(_werkvorm_id(kb, w) for w in werkvorm or ())),
        aanwezig=aanwezig,
        notities=(notitie or "").strip() or None,
    )
    if nieuw.datum > vandaag:
        raise LnFout(
            f"{nieuw.datum.isoformat()} ligt in de toekomst; 'ln bijeenkomst' legt een gehouden bijeenkomst vast",
            advies="plan een bijeenkomst met 'ln agenda'; leg hem hier vast als hij geweest is.",
        )
    vastgelegd = leg_bijeenkomst_vast(netwerk, nieuw)  # reads the file once, under the lock
    voor = fase_voortgang(kb, vastgelegd.vorig)
    na = fase_voortgang(kb, vastgelegd.netwerk, vastgelegd.vorig.fase)
    _toon_vastgelegd(kb, netwerk, vastgelegd, _nieuw_behaald(voor, na), json_uit)


def _datum(tekst: str | None, vandaag: date) -> date:
    if tekst is None or tekst.strip().lower() == "vandaag":
        return vandaag
    if tekst.strip().lower() == "gisteren":
        return vandaag - timedelta(days=1)
    from datetime import datetime

    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(tekst.strip(), formaat).date()
        except ValueError:
            pass
    raise LnFout(f"'{tekst}' is geen datum die ik ken.", advies="schrijf de datum als 2026-09-18 (of 18-09-2026, vandaag, gisteren).")


def _werkvorm_id(kb: Kennisbank, tekst: str) -> str:
    """The id of a known work form; otherwise an error with the closest matches."""
    import difflib

    sleutel = tekst.strip().lower()
    if sleutel in kb.werkvormen:
        return sleutel
    op_naam = [w.id for w in kb.werkvormen.values() if sleutel and (sleutel in w.id or sleutel in w.naam.lower())]
    dichtbij = difflib.get_close_matches(sleutel, list(kb.werkvormen), n=3, cutoff=0.5)
    treffers = list(dict.fromkeys(dichtbij + op_naam))[:5]
    hint = " Bedoelde je: " + ", ".join(treffers) + "?" if treffers else ""
    raise LnFout(
        f"'{tekst}' is geen bekende werkvorm.{hint}",
        advies="'ln werkvormen' toont alle werkvormen met hun id; geef het id, zoals --werkvorm talking-stick.",
    )


def _vraag_bijeenkomst(kb: Kennisbank, staat: Netwerk, vandaag: date) -> tuple[str, list[str], int | None, str]:
    from lerend_netwerk import vragen

    def is_datum(antwoord: str) -> str | None:
        try:
            _datum(antwoord or None, vandaag)
        except LnFout:
            return "Schrijf de datum als 2026-09-18, of 'vandaag'."
        return None

    def is_aantal(antwoord: str) -> str | None:
        return None if not antwoord.strip() or antwoord.strip().isdigit() else "Vul een heel getal in, of laat leeg."

    datum = vragen.vraag_tekst("Datum van de bijeenkomst:", standaard=vandaag.isoformat(), controle=is_datum)
    in_fase = kb.werkvormen_in_fase(staat.fase)
    overige = [w for w in kb.werkvormen.values() if w not in in_fase]
    keuzes = [(f"{w.naam} ({w.id})", w.id) for w in in_fase + overige]
    werkvormen = vragen.vraag_meerdere("Welke werkvormen deden jullie? (spatie kiest, enter gaat door)", keuzes)
    aantal = vragen.vraag_tekst("Hoeveel deelnemers waren er?", controle=is_aantal)
    notitie = vragen.vraag_tekst("Notitie (mag leeg blijven):")
    return datum, werkvormen, int(aantal) if aantal.strip() else None, notitie


def _nieuw_behaald(voor: list[Any], na: list[Any]) -> list[tuple[Any, Any]]:
    """(aim, signal) pairs that this meeting ticked off."""
    eerder = {s.signaal.id for d in voor for s in d.signalen if s.behaald}
    return [(d.doel, s) for d in na for s in d.signalen if s.behaald and s.signaal.id not in eerder]


def _bijeenkomst_json(b: Any) -> dict[str, Any]:
    return {
        "datum": b.datum.isoformat(), "fase": b.fase, "status": b.status, "werkvormen": list(b.werkvormen),
        "aanwezig": b.aanwezig, "notities": b.notities,
    }


def _toon_vastgelegd(kb: Kennisbank, pad: Path, vastgelegd: Any, behaald: list[tuple[Any, Any]], json_uit: bool) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json
    from lerend_netwerk.startcheck import datum_tekst

    b = vastgelegd.bijeenkomst
    if json_uit:
        print_json({
            "bijeenkomst": _bijeenkomst_json(b),
            "bevestigd_uit_planning": vastgelegd.vervangen is not None,
            "aantal_gehouden": len(vastgelegd.netwerk.gehouden_bijeenkomsten),
            "nieuw_behaald": [s.signaal.id for _, s in behaald],
        })
        return
    uit = console()
    if vastgelegd.vervangen is not None:
        uit.print(f"[bold green]Bevestigd:[/] de geplande bijeenkomst van {datum_tekst(b.datum)} staat nu als gehouden in {escape(str(pad))}.")
    else:
        uit.print(f"[bold green]Vastgelegd:[/] bijeenkomst van {datum_tekst(b.datum)} in {escape(str(pad))}.")
    uit.print(f"Fase: {b.fase}" + (f"; aanwezig: {b.aanwezig}" if b.aanwezig is not None else ""))
    if b.werkvormen:
        uit.print("Werkvormen: " + escape(", ".join(kb.werkvormen[w].naam if w in kb.werkvormen else w for w in b.werkvormen)))
    if b.notities:
        uit.print(f"Notitie: {escape(b.notities)}")
    uit.print(f"Het netwerk heeft nu {len(vastgelegd.netwerk.gehouden_bijeenkomsten)} gehouden bijeenkomst(en).")
    for doel, signaal in behaald:
        _regel(uit, f"[green]Nieuw behaald[/] bij '{escape(doel.titel)}': {escape(signaal.signaal.tekst)}", 0, "[green]✔[/]")


@app.command("bijeenkomsten")
def bijeenkomsten(netwerk: NetwerkPad = STANDAARD_NETWERK, json_uit: Json = False) -> None:
    """Alle vastgelegde (en geplande) bijeenkomsten, op datum."""
    from rich.markup import escape
    from rich.table import Table

    from lerend_netwerk.cli.weergave import console, print_json

    staat = _lees(netwerk)
    lijst = sorted(staat.bijeenkomsten, key=lambda b: b.datum)
    if json_uit:
        print_json([_bijeenkomst_json(b) for b in lijst])
        return
    uit = console()
    if not lijst:
        uit.print(f"{escape(staat.naam)}: nog geen bijeenkomsten vastgelegd. Leg er een vast met [bold]ln bijeenkomst[/].")
        return
    tabel = Table(title=f"Bijeenkomsten van {escape(staat.naam)}", title_justify="left")
    tabel.add_column("datum", no_wrap=True)
    tabel.add_column("fase", no_wrap=True)
    tabel.add_column("werkvormen", no_wrap=True)
    tabel.add_column("aanwezig", justify="right")
    tabel.add_column("notities", overflow="fold", ratio=1)
    for b in lijst:
        datum = b.datum.isoformat() + ("" if b.gehouden else "\n(gepland)")
        aanwezig = "" if b.aanwezig is None else str(b.aanwezig)
        tabel.add_row(datum, b.fase or "", escape("\n".join(b.werkvormen)), aanwezig, escape(b.notities or ""))
    uit.print(tabel)
    uit.print(f"{len(staat.gehouden_bijeenkomsten)} gehouden, {len(staat.geplande_bijeenkomsten)} gepland.")


# --- ln fase ---------------------------------------------------------------------------


@app.command("fase")
def fase(
    actie: Annotated[Optional[str], typer.Argument(
        help="Leeg: toon waar het netwerk staat. 'volgende': naar de volgende fase. Een fase (naam of 1-5): zet het netwerk daar.",
        metavar="[volgende|FASE]",
    )] = None,
    ja: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Waar staat het netwerk? De vijf fasen, met de doelen van de huidige fase afgevinkt.

    'ln fase volgende' zet het netwerk een fase verder, na te tonen welke doelen nog open staan.
    """
    staat = _lees(netwerk)
    kb = _kennisbank(bibliotheek)
    if actie is None:
        _toon_fase(kb, staat, json_uit)
        return
    nieuw = _wissel_fase(kb, netwerk, staat, actie, ja, json_uit)
    if json_uit:
        _toon_fase(kb, nieuw, json_uit)
    elif nieuw is not staat:
        from lerend_netwerk.cli.weergave import console

        console().print(_fasen_plaatje(kb, nieuw.fase, console().width))
        console().print("\n[bold]ln fase[/] toont de doelen van deze fase; [bold]ln start[/] wat nu aandacht vraagt.")


def _wissel_fase(kb: Kennisbank, pad: Path, staat: Netwerk, actie: str, ja: bool, stil: bool) -> Netwerk:
    """Move to the next (or a named) phase after showing what is still open; returns the new state."""
    from lerend_netwerk import vragen
    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.kennisbank import FASE_IDS
    from lerend_netwerk.statusbestand import zet_fase

    huidig = kb.fase(staat.fase)
    if actie.strip().lower() == "volgende":
        if huidig.nummer == len(FASE_IDS):
            raise LnFout(f"het netwerk staat al in de laatste fase, {huidig.naam}.", exit_code=EXIT_NEE)
        doel = kb.fase(FASE_IDS[huidig.nummer])
    else:
        doel = kb.fase(_fase_id(actie, FASE_IDS))
    if doel.id == huidig.id:
        if not stil:
            console().print(f"Het netwerk staat al in fase {doel.nummer} {doel.naam}.")
        return staat
    open_ = _toon_open(kb, staat) if doel.nummer > huidig.nummer and not stil else 0
    if not ja:
        if not vragen.heeft_terminal():
            raise LnFout("bevestig met --ja; zonder terminal kan ik het niet vragen.", advies=f"ln fase {actie} --ja")
        if not vragen.vraag_bevestiging(f"Van {huidig.naam} naar fase {doel.nummer} {doel.naam}?", standaard=open_ == 0):
            console().print("Niets veranderd.")
            raise typer.Exit(EXIT_NEE)
    nieuw = zet_fase(pad, doel.id)
    if not stil:
        console().print(f"[bold green]Het netwerk staat nu in fase {doel.nummer} {doel.naam}.[/]\n")
    return nieuw


def _toon_open(kb: Kennisbank, staat: Netwerk) -> int:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.voortgang import open_doelen

    uit = console()
    fase = kb.fase(staat.fase)
    open_ = open_doelen(kb, staat)
    if not open_:
        uit.print(f"Alle doelen van {fase.naam} zijn behaald.")
        return 0
    uit.print(f"[bold yellow]Nog open in {fase.naam}:[/]")
    for status in open_:
        _regel(uit, f"{escape(status.doel.titel)} ({len(status.open_signalen)} van {len(status.signalen)} signalen open)", 1, "○")
    return len(open_)


def _fase_json(kb: Kennisbank, staat: Netwerk) -> dict[str, Any]:
    from lerend_netwerk.voortgang import fase_voortgang

    huidig = kb.fase(staat.fase)
    return {
        "naam": staat.naam,
        "fase": huidig.id,
        "fasen": [{"id": f.id, "nummer": f.nummer, "naam": f.naam, "huidig": f.id == huidig.id,
                   "voorbij": f.nummer < huidig.nummer} for f in kb.fasen],
        "doelen": [
            {"id": d.doel.id, "titel": d.doel.titel, "behaald": d.behaald,
             "signalen": [{"id": s.signaal.id, "tekst": s.signaal.tekst, "behaald": s.behaald, "hoe": s.hoe} for s in d.signalen]}
            for d in fase_voortgang(kb, staat)
        ],
    }


def _toon_fase(kb: Kennisbank, staat: Netwerk, json_uit: bool) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json
    from lerend_netwerk.voortgang import fase_voortgang

    if json_uit:
        print_json(_fase_json(kb, staat))
        return
    uit = console()
    uit.print(f"[bold]{escape(staat.naam)}[/]\n")
    uit.print(_fasen_plaatje(kb, staat.fase, uit.width))
    fase = kb.fase(staat.fase)
    voortgang = fase_voortgang(kb, staat)
    behaald = sum(d.behaald for d in voortgang)
    uit.print(f"\n[bold]Fase {fase.nummer} {fase.naam}: {behaald} van {len(voortgang)} doelen behaald[/]")
    for d in voortgang:
        _regel(uit, f"[bold]{escape(d.doel.titel)}[/]", 1, "[green]✔[/]" if d.behaald else "○")
        for s in d.signalen:
            teken = "[green]✔[/]" if s.behaald else "·"
            _regel(uit, f"{escape(s.signaal.tekst)} [dim]— {escape(s.hoe)}[/]", 3, teken)
    if any(s.handmatig and not s.behaald for d in voortgang for s in d.signalen):
        uit.print()
        _regel(uit, "Vink een signaal zelf af door zijn id onder 'behaald:' in het statusbestand te zetten.")
    if fase.nummer < len(kb.fasen):
        uit.print("Verder naar de volgende fase: [bold]ln fase volgende[/].")


_KOLOM = 16


def _fasen_plaatje(kb: Kennisbank, huidig_id: str, breedte: int) -> str:
    """The five phases on a line, passed ones ticked, the current one marked; a list when narrow.

    ✔━━━━━━━━━━━━━━━▶───────────────○───────────────○───────────────○
    1 Verkenning    2 ONTWIKKELING  3 Verdieping    4 Inbedding     5 Verankering
    """
    huidig = kb.fase(huidig_id).nummer
    tekens = ["[green]✔[/]" if f.nummer < huidig else "[bold]▶[/]" if f.nummer == huidig else "○" for f in kb.fasen]
    namen = [f"{f.nummer} {f.naam.upper() if f.nummer == huidig else f.naam}" for f in kb.fasen]
    if breedte < _KOLOM * (len(namen) - 1) + len(namen[-1]):
        return "\n".join(f"{teken} {naam}" + ("  ← hier" if i + 1 == huidig else "") for i, (teken, naam) in enumerate(zip(tekens, namen)))
    lijn = ""
    for nummer, teken in enumerate(tekens, start=1):
        lijn += teken
        if nummer < len(tekens):
            lijn += "[green]" + "━" * (_KOLOM - 1) + "[/]" if nummer < huidig else "─" * (_KOLOM - 1)
    onder = "".join(f"[bold]{naam:<{_KOLOM}}[/]" if i + 1 == huidig else f"{naam:<{_KOLOM}}" for i, naam in enumerate(namen))
    return lijn + "\n" + onder.rstrip()
