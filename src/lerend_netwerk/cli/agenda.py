"""`ln agenda`: the next meeting's agenda. Parse, call the planner, render.

The choosing is in the `planner` package, the handouts in `handout.py`; this module only
checks the output paths, writes the files, saves the plan with `--bewaar`, and
shows the agenda (a rich table, or JSON).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Bibliotheek, Json, NetwerkPad, vul_fase_aan, vul_werkvorm_aan
from lerend_netwerk.datum import datum_tekst


@app.command("agenda")
def agenda(
    duur: Annotated[
        int, typer.Option("--duur", help="Hoe lang de hele bijeenkomst duurt, in minuten.", metavar="MINUTEN")
    ] = 90,
    start: Annotated[
        Optional[str],
        typer.Option(
            "--start",
            help="Begintijd, zoals 19:30. Zonder: de starttijd uit het statusbestand, anders 15:30.",
            metavar="UU:MM",
        ),
    ] = None,
    seed: Annotated[
        Optional[int],
        typer.Option(
            "--seed",
            help="Geeft dezelfde agenda opnieuw (het getal staat onder de agenda). Een ander getal: een andere keuze.",
            metavar="N",
        ),
    ] = None,
    wissel: Annotated[
        Optional[list[int]],
        typer.Option("--wissel", help="Wissel onderdeel NR voor het beste alternatief; mag vaker.", metavar="NR"),
    ] = None,
    werkvorm: Annotated[
        Optional[list[str]],
        typer.Option(
            "--werkvorm", help="Zet deze werkvorm er zeker in (id uit 'ln werkvormen'); mag vaker.", metavar="ID",
            autocompletion=vul_werkvorm_aan,
        ),
    ] = None,
    zonder: Annotated[
        Optional[list[str]],
        typer.Option(
            "--zonder", help="Laat deze werkvorm weg (id uit 'ln werkvormen'); mag vaker.", metavar="ID",
            autocompletion=vul_werkvorm_aan,
        ),
    ] = None,
    fase: Annotated[
        Optional[str],
        typer.Option(
            "--fase", help="Plan voor een andere fase dan die in het statusbestand, bv. 'verdieping'.", metavar="FASE",
            autocompletion=vul_fase_aan,
        ),
    ] = None,
    datum: Annotated[
        Optional[str],
        typer.Option(
            "--datum",
            help=(
                "De datum van de bijeenkomst (2026-12-10 of 10-12-2026), voor --bewaar en op het uitdeelblad. "
                "Bijeenkomsten vanaf die dag tellen niet mee."
            ),
            metavar="DATUM",
        ),
    ] = None,
    plaats: Annotated[
        Optional[str],
        typer.Option("--plaats", help="Waar de bijeenkomst is, voor het uitdeelblad (en met --bewaar).", metavar="TEKST"),
    ] = None,
    markdown: Annotated[
        Optional[Path],
        typer.Option("--markdown", help="Schrijf de agenda als uitdeelblad in Markdown naar BESTAND.", metavar="BESTAND"),
    ] = None,
    html: Annotated[
        Optional[Path],
        typer.Option(
            "--html", help="Schrijf de agenda als uitdeelblad (één HTML-pagina, om op A4 te printen) naar BESTAND.",
            metavar="BESTAND",
        ),
    ] = None,
    bewaar: Annotated[
        bool,
        typer.Option(
            "--bewaar",
            help="Zet de agenda als geplande bijeenkomst in het statusbestand; 'ln bijeenkomst' legt hem na afloop vast.",
        ),
    ] = False,
    json_uit: Json = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Een doordachte agenda voor de volgende bijeenkomst: passend bij de fase, de tijd en wat al gedaan is."""
    from lerend_netwerk.cli.netwerk import controleer_kennis, lees
    from lerend_netwerk.cli.opties import context, kennisbank
    from lerend_netwerk.datum import lees_datum
    from lerend_netwerk.planner import AgendaOpties, controleer_bewaardatum, plan_agenda
    from lerend_netwerk.statusbestand import weiger_gehouden_in_de_toekomst

    ctx = context(netwerk, bibliotheek)
    uitvoer = _controleer_uitvoer(netwerk, markdown, html)
    kb = kennisbank(ctx)
    staat = lees(ctx)
    controleer_kennis(kb, staat, netwerk)
    opties = AgendaOpties(
        duur=duur,
        start=start,
        seed=seed,
        wissel=tuple(wissel or ()),
        werkvormen=tuple(werkvorm or ()),
        zonder=tuple(zonder or ()),
        fase=fase,
        datum=lees_datum(datum) if datum else None,
        plaats=plaats.strip() or None if plaats else None,
    )
    opties = _met_barometer(opties, staat, ctx, kb)
    if bewaar:  # every refusal of --bewaar before anything is written
        weiger_gehouden_in_de_toekomst(staat, netwerk, ctx.vandaag)
        if opties.datum is not None:
            controleer_bewaardatum(staat, opties.datum)
    plan = plan_agenda(kb, staat, opties)
    bewaard = _bewaar(netwerk, staat, plan, opties) if bewaar else None  # first: a refused save leaves no handout
    geschreven = _schrijf_uitdeelbladen(plan, uitvoer)
    if json_uit:
        _toon_json(plan, geschreven, bewaard)
    else:
        _toon(plan, geschreven, bewaard)


def _met_barometer(opties, staat, ctx, kb):
    """The barometer's advice for the planner, in the phases that evaluate (reading the stored
    measurements costs the YAML parser, so only there)."""
    from lerend_netwerk.kennisbank.model import EVALUATIE_FASEN

    fase = kb.fase(opties.fase).id if opties.fase else staat.fase
    if fase not in EVALUATIE_FASEN:
        return opties
    from lerend_netwerk.barometer import barometer_voor_agenda, metingen_uit_data
    from lerend_netwerk.statusbestand import lees_statusbestand

    metingen = metingen_uit_data(lees_statusbestand(ctx.netwerk).data, str(ctx.netwerk))
    vandaag = opties.datum or ctx.vandaag
    return opties._replace(barometer=barometer_voor_agenda(fase, metingen, vandaag, netwerk=staat))


# --- files --------------------------------------------------------------------


def _controleer_uitvoer(staat_pad: Path, markdown: Path | None, html: Path | None) -> list[tuple[str, Path]]:
    """Check the handout paths before anything is planned or written.

    A file the user names is overwritten (it is output), but never the state file
    or its backup and lock, never a folder, and not twice in one call.
    """
    from lerend_netwerk.fouten import LnFout

    uitvoer = [(soort, pad) for soort, pad in (("markdown", markdown), ("html", html)) if pad is not None]
    staat = staat_pad.expanduser().resolve()
    eigen = {staat: "je statusbestand", staat.with_name(staat.name + ".bak"): "de reservekopie van je statusbestand",
             staat.with_name(staat.name + ".lock"): "het slotbestand van je statusbestand"}
    gezien: set[Path] = set()
    for soort, pad in uitvoer:
        volledig = pad.expanduser().resolve()
        if volledig in eigen:
            raise LnFout(
                f"dit is {eigen[volledig]}; daar schrijft ln agenda geen uitdeelblad overheen",
                bestand=pad,
                advies=f"kies een andere naam, zoals --{soort} agenda.{'md' if soort == 'markdown' else 'html'}.",
            )
        if volledig.is_dir():
            raise LnFout(
                "dit is een map, geen bestand", bestand=pad, advies=f"geef een bestandsnaam, zoals {pad / 'agenda.html'}."
            )
        if not volledig.parent.is_dir():
            raise LnFout(
                "de map voor dit bestand bestaat niet", bestand=pad, advies="maak de map eerst, of kies een andere plek."
            )
        if volledig in gezien:
            raise LnFout(
                "--markdown en --html wijzen naar hetzelfde bestand", bestand=pad, advies="geef ze elk een eigen naam."
            )
        gezien.add(volledig)
    return uitvoer


def _schrijf(pad: Path, tekst: str) -> None:
    from lerend_netwerk.bestanden import vervang_atomair
    from lerend_netwerk.fouten import LnFout

    try:
        vervang_atomair(pad.expanduser().resolve(), tekst.encode("utf-8"))
    except OSError as fout:
        raise LnFout(f"kan dit bestand niet schrijven ({fout.strerror or fout})", bestand=pad,
                     advies="kies een plek waar je mag schrijven.") from None


def _schrijf_uitdeelbladen(plan, uitvoer: list[tuple[str, Path]]) -> list[Path]:
    if not uitvoer:
        return []
    from lerend_netwerk import handout

    geschreven = []
    for soort, pad in uitvoer:
        _schrijf(pad, handout.markdown(plan) if soort == "markdown" else handout.html(plan))
        geschreven.append(pad)
    return geschreven


def _bewaar(pad: Path, staat, plan, opties):
    """Log the agenda as the next, planned meeting; returns the meeting as stored.
    Its note is the command that plans the same agenda again."""
    from lerend_netwerk.fouten import LnFout
    from lerend_netwerk.netwerk import Bijeenkomst
    from lerend_netwerk.planner import herhaal_opdracht, volgende_datum
    from lerend_netwerk.statusbestand import leg_bijeenkomst_vast

    datum = plan.datum or _eerstvolgende_plan(staat)
    if datum is None:
        try:
            datum = volgende_datum(staat)
        except OverflowError:
            raise LnFout(
                "na de laatste bijeenkomst in het statusbestand past geen datum meer (het jaar 9999 is het laatste)",
                bestand=pad,
                advies="verbeter die datum in het statusbestand, of geef de datum met --datum; er is niets veranderd.",
            ) from None
    if datum is None:
        raise LnFout(
            "voor --bewaar is een datum nodig, en er staat nog geen bijeenkomst in het statusbestand "
            "om van uit te gaan",
            advies="geef de datum met --datum, bijvoorbeeld --datum 2026-09-17.",
        )
    bijeenkomst = Bijeenkomst(
        datum=datum,
        fase=plan.fase,
        werkvormen=plan.gebruikt,  # the closing's diary counts as used
        notities=f"Gepland met {herhaal_opdracht(opties, plan, datum)}",
        status="gepland",
        rollen=plan.rollen,  # so the roles rotate next time
        plaats=plan.plaats,
    )
    return leg_bijeenkomst_vast(pad, bijeenkomst), plan.datum is None


def _eerstvolgende_plan(staat):
    """Without --datum, a plan already saved after the last meeting held is the next meeting:
    --bewaar again replaces it (when the tool wrote it) instead of adding another one."""
    laatste = staat.laatste_bijeenkomst
    later = [b.datum for b in staat.geplande_bijeenkomsten if laatste is None or b.datum > laatste.datum]
    return later[0] if later else None


# --- showing -------------------------------------------------------------------

_START_BRON = {
    "optie": "",
    "statusbestand": " (begintijd uit het statusbestand)",
    "standaard": " (standaard begintijd; kies een andere met --start)",
}


def _bewaard_tekst(bewaard) -> str:
    vastgelegd, geschat = bewaard
    b = vastgelegd.bijeenkomst
    tekst = f"Bewaard als geplande bijeenkomst op {datum_tekst(b.datum, met_dag=True)}"
    if vastgelegd.vervangen is not None:
        tekst += " (in plaats van de agenda die er voor die dag al stond)"
    if geschat:
        tekst += "; die datum is geschat uit het ritme van jullie bijeenkomsten, kies een andere met --datum"
    return tekst + ". Leg na afloop vast wat er echt gebeurde met 'ln bijeenkomst'."


def _lijsten(plan) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The lists under the agenda, in the order shown: roles (marked as ours), what participants bring,
    materials, preparation, notes."""
    rollen = tuple(f"{naam}: {rol}" for rol, naam in plan.rollen)
    if rollen:
        rollen += ("De rollen zijn een eigen uitwerking; de Handreiking vraagt deelnemers te betrekken bij de "
                   "voorbereiding.",)
    return (
        ("Rollen", rollen), ("Neem mee (deelnemers)", plan.neem_mee), ("Materialen", plan.materialen),
        ("Voorbereiding", plan.voorbereiding), ("Let op", plan.meldingen),
    )


_TOT_SLOT = ("Dezelfde agenda terug: --seed {seed}. Een onderdeel vervangen: --wissel NR. "
             "Een werkvorm erin of eruit: --werkvorm ID / --zonder ID. Uitdelen: --html agenda.html.")


def _toon(plan, geschreven: list[Path], bewaard) -> None:
    from lerend_netwerk.cli.weergave import console

    uit = console()
    if not uit.is_terminal:
        _toon_als_tekst(plan, geschreven, bewaard, uit.width)  # piped: plain lines, no table to lay out (start-up)
        return
    from rich.markup import escape
    from rich.table import Table

    from lerend_netwerk.cli.weergave import eigen_label

    wanneer = f"{datum_tekst(plan.datum, met_dag=True)}, " if plan.datum else ""
    uit.print(f"[bold]Agenda voor {escape(plan.netwerk)}[/]")
    uit.print(
        f"Fase {escape(plan.fase_naam)} · {wanneer}{plan.start}–{plan.eind} · {plan.duur} minuten"
        f"{_START_BRON.get(plan.start_bron, '')}"
    )
    if plan.thema:
        uit.print(f"[bold]Thema:[/] {escape(plan.thema)}")
    uit.print(f"[bold]Doel:[/] {escape(plan.doel)}")
    # narrow terminals get the reference under the title instead of in its own column
    breed = uit.width >= 110
    tabel = Table(show_lines=True, expand=True, header_style="bold")
    tabel.add_column("Nr.", justify="right", no_wrap=True, width=3)
    tabel.add_column("Tijd", no_wrap=True, width=5)
    tabel.add_column("Onderdeel", ratio=3, overflow="fold")
    tabel.add_column("Min.", justify="right", no_wrap=True, width=4)
    tabel.add_column("Waarom", ratio=4, overflow="fold")
    if breed:
        tabel.add_column("Bron", ratio=2, overflow="fold")
    for nummer, o in enumerate(plan.onderdelen, 1):
        titel = escape(o.titel)
        if o.werkvorm:
            titel = f"[bold]{titel}[/]\n[dim]{escape(o.werkvorm)}[/]"
        elif o.soort == "pauze":
            titel = f"[italic]{titel}[/]"
        rij = [str(nummer), o.start, titel, str(o.duur), escape(o.waarom)]
        if breed:
            rij.append(escape(o.bron or "–"))
        elif o.bron:
            rij[2] += f"\n[italic]Bron: {escape(o.bron)}[/]"
        tabel.add_row(*rij)
    uit.print(tabel)
    uit.print(
        f"Totaal {plan.totaal} van {plan.duur} minuten. De minuten per werkvorm zijn een indicatie {eigen_label()}."
    )
    for kop, lijst in _lijsten(plan):
        if lijst:
            uit.print(f"\n[bold]{kop}[/]")
            punten = Table.grid(padding=(0, 1))
            punten.add_column(width=3, justify="right")
            punten.add_column()
            for regel in lijst:
                punten.add_row("•", escape(regel))
            uit.print(punten)
    for pad in geschreven:
        uit.print(f"\nUitdeelblad geschreven: {escape(str(pad))}")
    if bewaard is not None:
        uit.print(f"\n{escape(_bewaard_tekst(bewaard))}")
    uit.print(f"\n[dim]{_TOT_SLOT.format(seed=plan.seed)}[/]")


def _toon_als_tekst(plan, geschreven: list[Path], bewaard, breedte: int) -> None:
    """The same agenda as plain lines, for a pipe or a file: one item a paragraph, no layout to compute."""
    import sys
    import textwrap
    from functools import partial

    breed = partial(textwrap.wrap, width=max(40, breedte), break_on_hyphens=False)

    regels = [f"Agenda voor {plan.netwerk}"]
    wanneer = f"{datum_tekst(plan.datum, met_dag=True)}, " if plan.datum else ""
    regels.append(f"Fase {plan.fase_naam} · {wanneer}{plan.start}–{plan.eind} · {plan.duur} minuten"
                  f"{_START_BRON.get(plan.start_bron, '')}")
    if plan.thema:
        regels.append(f"Thema: {plan.thema}")
    regels += breed(f"Doel: {plan.doel}", subsequent_indent="      ")
    for nummer, o in enumerate(plan.onderdelen, 1):
        kop = f"{nummer}. {o.start}  {o.titel} ({o.duur} min)" + (f"  [{o.werkvorm}]" if o.werkvorm else "")
        regels += ["", *breed(kop, subsequent_indent="   ")]
        if o.bron:
            regels += breed(f"Bron: {o.bron}", initial_indent="   ", subsequent_indent="   ")
        regels += breed(f"Waarom: {o.waarom}", initial_indent="   ", subsequent_indent="   ")
    regels += ["", *breed(f"Totaal {plan.totaal} van {plan.duur} minuten. De minuten per werkvorm zijn een "
                          "indicatie (eigen uitwerking, niet uit de Handreiking).")]
    for kop, lijst in _lijsten(plan):
        if lijst:
            regels += ["", kop]
            for punt in lijst:
                regels += breed(punt, initial_indent="  - ", subsequent_indent="    ")
    regels += [f"\nUitdeelblad geschreven: {pad}" for pad in geschreven]
    if bewaard is not None:
        regels.append("\n" + _bewaard_tekst(bewaard))
    regels += ["", *breed(_TOT_SLOT.format(seed=plan.seed))]
    sys.stdout.write("\n".join(regels) + "\n")


def _toon_json(plan, geschreven: list[Path], bewaard) -> None:
    import sys

    from lerend_netwerk.cli.weergave import print_json

    print_json(plan.als_json())
    # stdout stays pure JSON; what was written is said on stderr
    for pad in geschreven:
        sys.stderr.write(f"Uitdeelblad geschreven: {pad}\n")
    if bewaard is not None:
        sys.stderr.write(_bewaard_tekst(bewaard) + "\n")
