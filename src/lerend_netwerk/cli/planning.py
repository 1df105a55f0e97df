"""`ln planning`: the meetings ahead, phase by phase to Verankering, out of the school holidays."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Bibliotheek, Json, NetwerkPad

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.planning import Plan


@app.command("planning")
def planning(
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    elke: Annotated[str, typer.Option("--elke", help="Tijd tussen twee bijeenkomsten: 6w (zes weken), 4 weken, 30d.", metavar="DUUR")] = "6w",
    van: Annotated[Optional[str], typer.Option("--van", help="De eerste bijeenkomst (standaard: de volgende geplande, of na de laatste).", metavar="DATUM")] = None,
    tot: Annotated[Optional[str], typer.Option("--tot", help="Plan tot en met deze datum; wat daarna komt, wordt per fase geteld.", metavar="DATUM")] = None,
    fase: Annotated[
        Optional[list[str]],
        typer.Option("--fase", help="Aantal bijeenkomsten in een fase, zoals --fase ontwikkeling=3 (mag vaker).", metavar="FASE=AANTAL"),
    ] = None,
    vakanties: Annotated[
        Optional[Path],
        typer.Option("--vakanties", envvar="LN_VAKANTIES", show_envvar=True, metavar="BESTAND",
                     help="YAML-bestand met de schoolvakanties (standaard: het voorbeeld regio midden 2026-2027)."),
    ] = None,
    ics: Annotated[Optional[Path], typer.Option("--ics", help="Schrijf de planning als agenda-bestand (iCalendar) naar BESTAND.", metavar="BESTAND")] = None,
    bewaar: Annotated[bool, typer.Option("--bewaar", help="Bewaar de planning in het statusbestand (ln start en ln overzicht letten erop).")] = False,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """De bijeenkomsten die komen: data, fase en doel per bijeenkomst, tot en met de Verankering.

    Een datum in een schoolvakantie schuift naar de eerste vrije werkdag erna. De deelnemers bepalen hoeveel bijeenkomsten een fase krijgt: pas dat aan met --fase FASE=AANTAL.
    """
    from lerend_netwerk.cli.netwerk import controleer_kennis, lees
    from lerend_netwerk.cli.opties import context, kennisbank
    from lerend_netwerk.datum import lees_datum
    from lerend_netwerk.planning import lees_interval, lees_per_fase, maak_planning
    from lerend_netwerk.vakanties import lees_vakanties

    vandaag = date.today()
    elke_dagen = lees_interval(elke)
    per_fase = lees_per_fase(fase or [])
    van_datum = lees_datum(van, vandaag) if van is not None else None
    tot_datum = lees_datum(tot, vandaag) if tot is not None else None
    if ics is not None:
        _controleer_ics(ics, netwerk)
    staat = lees(context(netwerk, bibliotheek))
    kb = kennisbank(context(bibliotheek=bibliotheek))
    controleer_kennis(kb, staat, netwerk)
    lijst = lees_vakanties(vakanties)
    plan = maak_planning(kb, staat, lijst, vandaag=vandaag, elke_dagen=elke_dagen, van=van_datum, tot=tot_datum,
                         per_fase=per_fase)
    if ics is not None:
        _schrijf_ics(kb, staat, plan, ics)
    if bewaar:
        from lerend_netwerk.statusbestand.planningopslag import bewaar_planning

        bewaar_planning(netwerk, plan.als_planning(vandaag))
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json(_als_json(kb, plan, ics, bewaar))
    else:
        _toon(kb, staat.naam, plan, ics, bewaar, netwerk)


def _controleer_ics(pad: Path, netwerk: Path) -> None:
    from lerend_netwerk.fouten import LnFout

    volledig = pad.expanduser().resolve()
    if volledig == netwerk.expanduser().resolve() or volledig.suffix.lower() in (".yaml", ".yml"):
        raise LnFout("daar schrijft ln planning geen agenda-bestand overheen", bestand=pad,
                     advies="kies een naam die op .ics eindigt, zoals --ics planning.ics.")
    if volledig.is_dir():
        raise LnFout("dit is een map, geen bestand", bestand=pad, advies=f"geef een bestandsnaam, zoals {pad / 'planning.ics'}.")
    if not volledig.parent.is_dir():
        raise LnFout("de map voor dit bestand bestaat niet", bestand=pad, advies="maak de map eerst, of kies een andere plek.")


def _schrijf_ics(kb: Kennisbank, staat, plan: Plan, pad: Path) -> None:
    from lerend_netwerk.bestanden import schrijf_uitvoer
    from lerend_netwerk.ical import als_ics
    from lerend_netwerk.planner import AgendaOpties, plan_agenda

    agenda = None
    start = staat.starttijd or "15:30"
    duur = AgendaOpties().duur
    if plan.bijeenkomsten:
        eerste = plan.bijeenkomsten[0]
        agenda = plan_agenda(kb, staat, AgendaOpties(datum=eerste.datum, fase=eerste.fase))
        start, duur = agenda.start, agenda.duur
    inhoud = als_ics(kb, staat, plan, start=start, duur=duur, agenda=agenda, nu=datetime.now(timezone.utc).replace(microsecond=0))
    schrijf_uitvoer(pad, inhoud)


def _als_json(kb: Kennisbank, plan: Plan, ics: Path | None, bewaar: bool) -> dict:
    from lerend_netwerk.ical import doel_tekst

    return {
        "elke_dagen": plan.elke_dagen,
        "per_fase": plan.per_fase,
        "bijeenkomsten": [
            {
                "datum": v.datum.isoformat(),
                "fase": v.fase,
                "doelen": list(v.doelen),
                "doel": doel_tekst(kb, v.doelen),
                "verschoven_van": v.verschoven_van.isoformat() if v.verschoven_van else None,
                "vakantie": v.vakantie,
            }
            for v in plan.bijeenkomsten
        ],
        "na_tot": plan.na_tot,
        "meldingen": list(plan.meldingen),
        "ics": str(ics) if ics else None,
        "bewaard": bewaar,
    }


def _toon(kb: Kennisbank, naam: str, plan: Plan, ics: Path | None, bewaar: bool, netwerk: Path) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.netwerk import alinea
    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.ical import doel_tekst

    uit = console()
    weken = plan.elke_dagen // 7 if plan.elke_dagen % 7 == 0 else None
    ritme = f"elke {weken} weken" if weken and weken != 1 else ("elke week" if weken == 1 else f"elke {plan.elke_dagen} dagen")
    uit.print(f"[bold]Planning van {escape(naam)}[/] ({ritme})")
    aantallen = ", ".join(f"{f.capitalize()} {n}" for f, n in plan.per_fase.items())
    alinea(uit, f"Bijeenkomsten per fase: {aantallen}. De deelnemers beslissen dit; pas het aan met "
           "--fase FASE=AANTAL (bijvoorbeeld --fase ontwikkeling=3).", 0)
    huidige = None
    for v in plan.bijeenkomsten:
        if v.fase != huidige:
            huidige = v.fase
            uit.print(f"\n[bold]{v.fase.capitalize()}[/]")
        alinea(uit, f"[bold]{datum_tekst(v.datum, met_dag=True)}[/]: {escape(doel_tekst(kb, v.doelen))}", 2, "•")
        if v.vakantie:
            alinea(uit, f"[dim]verschoven uit de {escape(v.vakantie.lower())} (stond op {datum_tekst(v.verschoven_van)})[/]", 4)
    if not plan.bijeenkomsten:
        uit.print("\nVoor de einddatum past geen bijeenkomst meer.")
    if plan.na_tot:
        rest = ", ".join(f"{f.capitalize()} {n}" for f, n in plan.na_tot.items())
        alinea(uit, f"\nNa de einddatum nog te plannen: {rest}.", 0)
    elif plan.bijeenkomsten:
        uit.print(f"\nZo bereikt het netwerk de Verankering rond {datum_tekst(plan.bijeenkomsten[-1].datum)}.")
    for melding in plan.meldingen:
        alinea(uit, f"[yellow]Let op:[/] {escape(melding)}", 0)
    if ics is not None:
        uit.print(f"Agenda-bestand: {escape(str(ics))} (de eerste bijeenkomst heeft de agenda in de beschrijving).")
    if bewaar:
        uit.print(f"Bewaard in {escape(str(netwerk))}; ln start en ln overzicht melden het als het netwerk achterloopt.")
    else:
        uit.print("[dim]Bewaren in het statusbestand: --bewaar. Agenda-bestand voor de deelnemers: --ics planning.ics.[/]")
