"""`ln bijeenkomst` (log a held meeting, or confirm a planned one) and `ln bijeenkomsten` (list them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import alinea, controleer_kennis, fase_id, lees
from lerend_netwerk.cli.opties import kennisbank
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Bibliotheek, Json, NetwerkPad, vul_fase_aan, vul_werkvorm_aan
from lerend_netwerk.fouten import LnFout

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk


def _vraagt(*geen_flags: bool) -> bool:
    """Ask questions only when nothing was given as a flag and a person is there to answer."""
    from lerend_netwerk import vragen

    return all(geen_flags) and vragen.heeft_terminal()


@app.command("bijeenkomst")
def bijeenkomst(
    datum: Annotated[Optional[str], typer.Option("--datum", help="Wanneer: 2026-09-18, 18-09-2026, vandaag of gisteren. Standaard vandaag.", metavar="DATUM")] = None,
    werkvorm: Annotated[Optional[list[str]], typer.Option("--werkvorm", help="Id van een gedane werkvorm (zie 'ln werkvormen'); herhaal voor meer.", metavar="ID", autocompletion=vul_werkvorm_aan)] = None,
    aanwezig: Annotated[Optional[int], typer.Option("--aanwezig", help="Hoeveel deelnemers er waren.", min=0, max=1000, metavar="AANTAL")] = None,
    notitie: Annotated[Optional[str], typer.Option("--notitie", help="Wat je wilt onthouden van deze bijeenkomst.", metavar="TEKST")] = None,
    fase: Annotated[Optional[str], typer.Option("--fase", help="De fase van deze bijeenkomst; standaard de huidige fase van het netwerk.", metavar="FASE", autocompletion=vul_fase_aan)] = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Leg een gehouden bijeenkomst vast: datum, werkvormen, aanwezigen, notities.

    Stond er op die datum een bijeenkomst gepland ('ln agenda --bewaar'), dan wordt die bevestigd als gehouden; een notitie die er al stond blijft staan, je nieuwe notitie komt erachter. In een terminal zonder opties stelt 'ln bijeenkomst' een paar vragen.
    """
    from lerend_netwerk.kennisbank import FASE_IDS
    from lerend_netwerk.netwerk import Bijeenkomst
    from lerend_netwerk.statusbestand import leg_bijeenkomst_vast
    from lerend_netwerk.voortgang import fase_voortgang

    vandaag = date.today()
    gemeld = False  # warnings about the file already shown
    if _vraagt(datum is None, werkvorm is None, aanwezig is None, notitie is None, fase is None):
        kb = kennisbank(bibliotheek)
        staat = lees(netwerk)
        controleer_kennis(kb, staat, netwerk)  # before any question is asked
        gemeld = True
        datum, werkvorm, aanwezig, notitie = _vraag_bijeenkomst(kb, staat, vandaag)
    elif all(x is None for x in (datum, werkvorm, aanwezig, notitie)):
        lees(netwerk)  # a broken or missing file is the first thing to hear about
        raise LnFout(
            "geef de gegevens van de bijeenkomst als opties; zonder terminal stel ik geen vragen",
            advies="bijvoorbeeld: ln bijeenkomst --datum 2026-09-18 --werkvorm teletijdmachine --aanwezig 6 --notitie \"...\"",
        )
    else:
        kb = kennisbank(bibliotheek)
    nieuw = Bijeenkomst(
        datum=_datum(datum, vandaag),
        fase=fase_id(fase, FASE_IDS) if fase else None,
        werkvormen=tuple(dict.fromkeys(_werkvorm_id(kb, w) for w in werkvorm or ())),
        aanwezig=aanwezig,
        notities=(notitie or "").strip() or None,
    )
    if nieuw.datum > vandaag:
        raise LnFout(
            f"{nieuw.datum.isoformat()} ligt in de toekomst; 'ln bijeenkomst' legt een gehouden bijeenkomst vast",
            advies="plan een bijeenkomst met 'ln agenda'; leg hem hier vast als hij geweest is.",
        )
    vastgelegd = leg_bijeenkomst_vast(  # reads the file once, under the lock, and checks it before writing
        netwerk, nieuw, controle=lambda staat: controleer_kennis(kb, staat, netwerk, meld=not gemeld)
    )
    voor = fase_voortgang(kb, vastgelegd.vorig)
    na = fase_voortgang(kb, vastgelegd.netwerk, vastgelegd.vorig.fase)
    _toon_vastgelegd(kb, netwerk, vastgelegd, _nieuw_behaald(voor, na), json_uit, nieuw.notities)


def _datum(tekst: str | None, vandaag: date) -> date:
    from lerend_netwerk.datum import lees_datum

    return vandaag if tekst is None else lees_datum(tekst, vandaag)


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
    werkvormen = vragen.vraag_meerdere("Welke werkvormen deden jullie?", keuzes)
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
            "bijeenkomst": _bijeenkomst_json(b),
            "bevestigd_uit_planning": vastgelegd.vervangen is not None,
            "notitie_aangevuld": aangevuld,
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

    staat = lees(netwerk)
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
