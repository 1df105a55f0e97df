"""`ln bijeenkomst` (log a held meeting, or confirm a planned one) and `ln bijeenkomsten` (list them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import alinea, controleer_kennis, lees, vraagt
from lerend_netwerk.cli.opties import (
    STANDAARD_NETWERK,
    Bibliotheek,
    Ja,
    Json,
    NetwerkPad,
    context,
    kennisbank,
    vul_deelnemer_aan,
    vul_fase_aan,
    vul_werkvorm_aan,
)
from lerend_netwerk.fouten import EXIT_NEE, LnFout

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk


@app.command("bijeenkomst")
def bijeenkomst(
    datum: Annotated[Optional[str], typer.Option("--datum", help="Wanneer: 2026-09-18, 18-09-2026, vandaag of gisteren. Standaard vandaag.", metavar="DATUM")] = None,
    werkvorm: Annotated[Optional[list[str]], typer.Option("--werkvorm", help="Id van een gedane werkvorm (zie 'ln werkvormen'); herhaal voor meer.", metavar="ID", autocompletion=vul_werkvorm_aan)] = None,
    aanwezig: Annotated[Optional[int], typer.Option("--aanwezig", help="Hoeveel deelnemers er waren.", min=0, max=1000, metavar="AANTAL")] = None,
    notitie: Annotated[Optional[str], typer.Option("--notitie", help="Wat je wilt onthouden van deze bijeenkomst.", metavar="TEKST")] = None,
    fase: Annotated[Optional[str], typer.Option("--fase", help="De fase van deze bijeenkomst; standaard de huidige fase van het netwerk.", metavar="FASE", autocompletion=vul_fase_aan)] = None,
    afwezig: Annotated[Optional[list[str]], typer.Option("--afwezig", help="Een deelnemer die er niet was; herhaal voor meer. Zonder --aanwezig telt de tool de anderen als aanwezig.", metavar="NAAM", autocompletion=vul_deelnemer_aan)] = None,
    afspraak: Annotated[Optional[list[str]], typer.Option("--afspraak", help="Wat jullie afspraken voor de volgende keer; herhaal voor meer.", metavar="TEKST")] = None,
    contract: Annotated[bool, typer.Option("--contract", help="Het contract (hoe gaan we met elkaar om?) is op deze bijeenkomst gemaakt.")] = False,
    ja: Ja = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Leg een gehouden bijeenkomst vast: datum, werkvormen, aanwezigen, wie er afwezig was, notities en afspraken.

    Stond er op die datum een bijeenkomst gepland ('ln agenda --bewaar'), dan wordt die bevestigd als gehouden; een notitie die er al stond blijft staan, je nieuwe notitie komt erachter. Staat er op die datum al een gehouden bijeenkomst, dan vraagt het eerst (zonder terminal: --ja). In een terminal zonder opties stelt 'ln bijeenkomst' een paar vragen.
    """
    from lerend_netwerk.kennisbank import fase_id
    from lerend_netwerk.netwerk import Bijeenkomst
    from lerend_netwerk.statusbestand import controleer_gehouden_datum, leg_bijeenkomst_vast
    from lerend_netwerk.voortgang import fase_voortgang

    ctx = context(netwerk, bibliotheek)
    netwerk, vandaag = ctx.netwerk, ctx.vandaag
    gemeld = False  # warnings about the file already shown
    staat = None
    geen_opties = (datum, werkvorm, aanwezig, notitie, fase, afwezig, afspraak)
    if vraagt(*(x is None for x in geen_opties), not contract):
        kb = kennisbank(ctx)
        staat = lees(ctx)
        controleer_kennis(kb, staat, netwerk)  # before any question is asked
        gemeld = True
        datum, werkvorm, aanwezig, notitie, afwezig, afspraak, contract = _vraag_bijeenkomst(kb, staat, vandaag)
    elif all(x is None for x in (datum, werkvorm, aanwezig, notitie, afwezig, afspraak)) and not contract:
        lees(ctx)  # a broken or missing file is the first thing to hear about
        raise LnFout(
            "geef de gegevens van de bijeenkomst als opties; zonder terminal stel ik geen vragen",
            advies="bijvoorbeeld: ln bijeenkomst --datum 2026-09-18 --werkvorm teletijdmachine --aanwezig 6 "
            "--afwezig Joost --notitie \"...\" --afspraak \"...\" (en --contract als het contract die dag gemaakt is)",
        )
    else:
        kb = kennisbank(ctx)
    op_datum = _datum(datum, vandaag)
    controleer_gehouden_datum(op_datum, vandaag)  # a typo like 2062, before the file is touched
    staat = staat or lees(ctx)
    if contract and _alleen_contract(staat, datum, op_datum, werkvorm, aanwezig, notitie, fase, afwezig, afspraak):
        _zet_contract(netwerk, op_datum, json_uit)
        return
    afwezig_namen = _afwezigen(staat, afwezig or (), netwerk)
    if aanwezig is None and afwezig_namen and staat.deelnemers:
        aanwezig = len(staat.deelnemers) - len(afwezig_namen)
    nieuw = Bijeenkomst(
        datum=op_datum,
        fase=fase_id(fase) if fase else None,
        werkvormen=tuple(dict.fromkeys(kb.werkvorm_id(w) for w in werkvorm or ())),
        aanwezig=aanwezig,
        notities=(notitie or "").strip() or None,
        afwezig=afwezig_namen,
        afspraken=tuple(dict.fromkeys(a.strip() for a in afspraak or ())),
    )
    toegestaan = _tweede_op_datum(staat, nieuw.datum, ja)

    def controle(onder_slot: Netwerk) -> None:
        controleer_kennis(kb, onder_slot, netwerk, meld=not gemeld)
        if not toegestaan:  # another ln logged one on this date since the question
            _tweede_op_datum(onder_slot, nieuw.datum, False, vragen=False)

    vastgelegd = leg_bijeenkomst_vast(  # reads the file once, under the lock, and checks it before writing
        netwerk, nieuw, controle=controle, contract=contract
    )
    voor = fase_voortgang(kb, vastgelegd.vorig)
    na = fase_voortgang(kb, vastgelegd.netwerk, vastgelegd.vorig.fase)
    _toon_vastgelegd(kb, netwerk, vastgelegd, _nieuw_behaald(voor, na), json_uit, nieuw.notities)


def _alleen_contract(staat: Netwerk, datum: str | None, op: date, *opties: Any) -> bool:
    """'--datum D --contract' and nothing else, on the date of a meeting already logged: only the contract is set."""
    from lerend_netwerk.statusbestand import gehouden_op

    return datum is not None and all(x is None for x in opties) and gehouden_op(staat, op) is not None


def _zet_contract(pad: Path, datum: date, json_uit: bool) -> None:
    from lerend_netwerk.cli.weergave import console, print_json
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.statusbestand import zet_contract

    bijgewerkt = zet_contract(pad, datum)
    if json_uit:
        print_json({"contract": datum.isoformat(), "veranderd": bijgewerkt.voor != bijgewerkt.na})
        return
    console().print(f"[bold green]Contract:[/] gemaakt op {datum_tekst(datum)}, bij de bijeenkomst die er al stond "
                    "(staat onder 'afspraken: contract').")


def _afwezigen(staat: Netwerk, namen: Any, pad: Path) -> tuple[str, ...]:
    """The absent participants' names as they stand in the file; an unknown name is refused with the closest."""
    from lerend_netwerk.statusbestand import zoek_deelnemer

    return tuple(dict.fromkeys(staat.deelnemers[zoek_deelnemer(staat, naam, pad)].naam for naam in namen))


def _tweede_op_datum(staat: Netwerk, datum: date, ja: bool, *, vragen: bool = True) -> bool:
    """A second held meeting on one date is asked about first (without a terminal: refused unless --ja).

    Returns whether one was already there (and the user agreed).
    """
    from lerend_netwerk import vragen as v
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.statusbestand import gehouden_op

    if ja or gehouden_op(staat, datum) is None:
        return ja
    tekst = f"op {datum_tekst(datum)} staat al een gehouden bijeenkomst"
    if vragen and v.heeft_terminal():
        if v.vraag_bevestiging(f"Er staat op {datum_tekst(datum)} al een gehouden bijeenkomst. Nog een op die datum vastleggen?"):
            return True
        from lerend_netwerk.cli.weergave import console

        console().print("Niets veranderd.")
        raise typer.Exit(EXIT_NEE)
    raise LnFout(
        tekst + "; een tweede op dezelfde dag leg ik alleen vast als je dat bevestigt",
        advies="klopt de datum? Geef anders de goede met --datum; was het echt een tweede bijeenkomst, "
        "voeg dan --ja toe. Er is niets veranderd.",
    )


def _datum(tekst: str | None, vandaag: date) -> date:
    from lerend_netwerk.datum import lees_datum

    return vandaag if tekst is None else lees_datum(tekst, vandaag)


MEER_DAN_GEWOON = 8  # more work forms than this in one meeting is asked about: a slip of the keyboard, most likely


def _vraag_bijeenkomst(kb: Kennisbank, staat: Netwerk, vandaag: date) -> tuple[Any, ...]:
    from lerend_netwerk import vragen
    from lerend_netwerk.statusbestand import controleer_gehouden_datum

    def is_datum(antwoord: str) -> str | None:
        """Every check the date gets later, now: a refusal after the last question would lose every answer."""
        try:
            controleer_gehouden_datum(_datum(antwoord.strip() or None, vandaag), vandaag)
        except LnFout as fout:
            if "toekomst" in fout.bericht:
                return "Die datum ligt in de toekomst; hier leg je een gehouden bijeenkomst vast (plannen: ln agenda)."
            return "Schrijf de datum als 2026-09-18, 18-09-2026, 'vandaag' of 'gisteren'."
        return None

    def is_aantal(antwoord: str) -> str | None:
        aantal = antwoord.strip()  # isdecimal, not isdigit: "¹" is a digit that int() refuses
        if not aantal or (aantal.isdecimal() and int(aantal) <= 1000):  # the bound of --aanwezig
            return None
        return "Vul een heel getal van 0 tot 1000 in, of laat leeg."

    datum = vragen.vraag_tekst("Datum van de bijeenkomst:", standaard=vandaag.isoformat(), controle=is_datum)
    in_fase = kb.werkvormen_in_fase(staat.fase)
    overige = [w for w in kb.werkvormen.values() if w not in in_fase]
    keuzes = [(f"{w.naam} ({w.id})", w.id) for w in in_fase + overige]
    werkvormen = vragen.vraag_meerdere(
        "Welke werkvormen deden jullie?", keuzes, bevestig_boven=MEER_DAN_GEWOON,
        te_veel=lambda n: f"Je koos {n} werkvormen voor één bijeenkomst. Klopt dat?",
    )
    afwezig: list[str] = []
    if staat.deelnemers:
        keuzes = [(d.naam, d.naam) for d in staat.deelnemers]
        afwezig = vragen.vraag_meerdere("Wie was er niet?", keuzes)
        standaard = str(len(staat.deelnemers) - len(afwezig))
        aantal = vragen.vraag_tekst("Hoeveel deelnemers waren er?", standaard=standaard, controle=is_aantal)
    else:
        aantal = vragen.vraag_tekst("Hoeveel deelnemers waren er?", controle=is_aantal)
    notitie = vragen.vraag_tekst("Notitie (mag leeg blijven):")
    afspraken = []
    while afspraak := vragen.vraag_tekst("Een afspraak voor de volgende keer (laat leeg als je klaar bent):"):
        afspraken.append(afspraak)
    contract = False
    if staat.contract is None:
        contract = vragen.vraag_bevestiging("Hebben jullie op deze bijeenkomst het contract gemaakt?")
    return datum, werkvormen, int(aantal) if aantal.strip() else None, notitie, afwezig, afspraken, contract


def _nieuw_behaald(voor: list[Any], na: list[Any]) -> list[tuple[Any, Any]]:
    """(aim, signal) pairs that this meeting ticked off."""
    eerder = {s.signaal.id for d in voor for s in d.signalen if s.behaald}
    return [(d.doel, s) for d in na for s in d.signalen if s.behaald and s.signaal.id not in eerder]


def bijeenkomst_json(b: Any) -> dict[str, Any]:
    return {
        "datum": b.datum.isoformat(), "fase": b.fase, "status": b.status, "werkvormen": list(b.werkvormen),
        "aanwezig": b.aanwezig, "afwezig": list(b.afwezig), "notities": b.notities, "afspraken": list(b.afspraken),
    }


def _toon_vastgelegd(
    kb: Kennisbank, pad: Path, vastgelegd: Any, behaald: list[tuple[Any, Any]], json_uit: bool, notitie: str | None
) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json
    from lerend_netwerk.datum import datum_tekst

    b = vastgelegd.bijeenkomst
    eerder = vastgelegd.vervangen.notities if vastgelegd.vervangen is not None else None
    aangevuld = bool(eerder and notitie and b.notities != notitie)  # the planned meeting's note stayed, the new one follows
    if json_uit:
        print_json({
            "bijeenkomst": bijeenkomst_json(b),
            "bevestigd_uit_planning": vastgelegd.vervangen is not None,
            "notitie_aangevuld": aangevuld,
            "aantal_gehouden": len(vastgelegd.netwerk.gehouden_bijeenkomsten),
            "contract": vastgelegd.netwerk.contract.isoformat() if vastgelegd.netwerk.contract else None,
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
    if b.afwezig:
        uit.print("Afwezig: " + escape(", ".join(b.afwezig)))
    if b.notities:
        uit.print(f"Notitie: {escape(b.notities)}")
    for afspraak in b.afspraken:
        uit.print(f"Afspraak: {escape(afspraak)}")
    if vastgelegd.netwerk.contract == b.datum and vastgelegd.vorig.contract != b.datum:
        uit.print(f"Contract: gemaakt op {datum_tekst(b.datum)} (staat onder 'afspraken: contract').")
    if aangevuld:
        uit.print("De notitie die er al stond, is bewaard; je nieuwe notitie staat erachter.")
    uit.print(f"Het netwerk heeft nu {len(vastgelegd.netwerk.gehouden_bijeenkomsten)} gehouden bijeenkomst(en).")
    for doel, signaal in behaald:
        alinea(uit, f"[green]Nieuw behaald[/] bij '{escape(doel.titel)}': {escape(signaal.signaal.tekst)}", 0, "[green]✔[/]")


@app.command("bijeenkomsten")
def bijeenkomsten(netwerk: NetwerkPad = STANDAARD_NETWERK, json_uit: Json = False) -> None:
    """Alle vastgelegde (en geplande) bijeenkomsten, op datum."""
    from rich.markup import escape
    from rich.table import Table

    from lerend_netwerk.cli.weergave import console, print_json

    staat = lees(context(netwerk))
    lijst = sorted(staat.bijeenkomsten, key=lambda b: b.datum)
    if json_uit:
        print_json([bijeenkomst_json(b) for b in lijst])
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
