"""`ln leid`: lead the meeting with the agenda as the clock, full screen, then log it.

Thin: pick the agenda (the plan stored for today, re-planned from its note, or
a fresh one after asking), run the session (`leiden.sessie`) full screen
(`cli/leid_lus.py`), write the journal after every change, and log the
meeting with `leg_bijeenkomst_vast` at the end. Rich's Live and termios are
imported only inside the command (docs/leiden.md has the figures behind that
choice).
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from lerend_netwerk.cli import AFGEBROKEN, app
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Bibliotheek, NetwerkPad
from lerend_netwerk.fouten import EXIT_NEE, LnFout

KLOK_VOOR_TESTS = "LN_LEID_KLOK"  # a file holding the clock's seconds; tests drive a meeting with it


@app.command("leid")
def leid(
    duur: Annotated[
        Optional[int],
        typer.Option("--duur", help="Alleen voor een nieuwe agenda: hoe lang de bijeenkomst duurt, in minuten.",
                     metavar="MINUTEN"),
    ] = None,
    start: Annotated[
        Optional[str],
        typer.Option("--start", help="Alleen voor een nieuwe agenda: de begintijd, zoals 19:30.", metavar="UU:MM"),
    ] = None,
    opnieuw: Annotated[
        bool,
        typer.Option("--opnieuw", help="Gooi het journaal van een eerder begonnen bijeenkomst weg en begin opnieuw."),
    ] = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Leid de bijeenkomst: de agenda als klok, op het volledige scherm, en leg hem daarna vast.

    Neemt de agenda die je met 'ln agenda --bewaar' voor vandaag bewaarde (of plant er een). Toetsen: spatie of → volgende onderdeel, ← vorige, + vijf minuten erbij, p pauze, n notitie, a afspraak, w afwezig, q stoppen.
    """
    from lerend_netwerk import vragen
    from lerend_netwerk.cli.netwerk import controleer_kennis, lees
    from lerend_netwerk.cli.opties import context, kennisbank
    from lerend_netwerk.leiden import journaal

    if not vragen.heeft_terminal():
        raise LnFout(
            "ln leid heeft een terminal nodig: het toont de agenda als klok op het hele scherm en luistert naar toetsen",
            advies="start ln leid in een terminalvenster. Zonder terminal leg je een bijeenkomst vast met "
            "'ln bijeenkomst --datum ... --werkvorm ... --aanwezig ...'.",
        )
    if os.name != "posix":
        raise LnFout("ln leid werkt (nog) alleen op Linux en macOS.",
                     advies="leg de bijeenkomst na afloop vast met 'ln bijeenkomst'.")
    kb = kennisbank(context(bibliotheek=bibliotheek))
    staat = lees(context(netwerk, bibliotheek))
    controleer_kennis(kb, staat, netwerk)
    klok = _klok()
    vandaag = date.today()
    if opnieuw:
        journaal.weg(netwerk)
    data = journaal.lees(netwerk)
    if data is not None:
        sessie, meta = _hervat(data, klok, vandaag, journaal.journaal_pad(netwerk))
        melding = "Verder waar je was" + ("" if sessie.lopend_sinds is not None else "; de klok staat stil (p: verder)")
    else:
        sessie, meta = _begin(kb, staat, klok, vandaag, duur, start)
        melding = "Welkom! De klok loopt."
        journaal.schrijf(netwerk, {"bijeenkomst": meta, "sessie": sessie.als_data()})
    if (duur is not None or start is not None) and (data is not None or meta.get("agenda") != "nieuw"):
        melding = "Let op: --duur en --start gelden alleen voor een nieuwe agenda. " + melding

    def bewaar() -> None:
        journaal.schrijf(netwerk, {"bijeenkomst": meta, "sessie": sessie.als_data()})

    from lerend_netwerk.cli.leid_lus import leid_op_het_scherm

    try:
        uitkomst = leid_op_het_scherm(sessie, kb, meta, bewaar, melding)
    except KeyboardInterrupt:
        bewaar()
        _zeg_fout(f"Onderbroken. Wat je vastlegde, staat in {journaal.journaal_pad(netwerk).name}; "
                  "'ln leid' gaat verder waar je was.")
        raise typer.Exit(AFGEBROKEN) from None
    bewaar()
    if uitkomst == "niet":
        from lerend_netwerk.cli.weergave import console

        console().print(f"Niet vastgelegd. Wat je noteerde, staat in {journaal.journaal_pad(netwerk).name}: "
                        "'ln leid' gaat verder waar je was, 'ln leid --opnieuw' gooit het weg.")
        raise typer.Exit(EXIT_NEE)
    _leg_vast(kb, netwerk, sessie, meta)


def _klok():
    """Wall time (a closed laptop's sleep counts: the meeting went on), or the test clock's file."""
    pad = os.environ.get(KLOK_VOOR_TESTS)
    if not pad:
        return time.time
    laatst = [0.0]

    def klok() -> float:
        try:
            laatst[0] = float(Path(pad).read_text(encoding="utf-8").strip() or laatst[0])
        except (OSError, ValueError):
            pass
        return laatst[0]

    return klok


def _begin(kb, staat, klok, vandaag: date, duur: int | None, start: str | None):
    from lerend_netwerk import vragen
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.leiden.sessie import Sessie
    from lerend_netwerk.leiden.voorbereiden import gepland_vandaag, opties_uit_notitie, punten
    from lerend_netwerk.planner import AgendaOpties, plan_agenda

    gepland = gepland_vandaag(staat, vandaag)
    if gepland is not None:
        opties = opties_uit_notitie(gepland.notities)
        if opties is None:
            raise LnFout(
                f"de geplande bijeenkomst van vandaag ({datum_tekst(vandaag)}) heeft niet meer de notitie "
                "'Gepland met ln agenda ...' waarmee ik de agenda terugvind",
                advies=f"plan hem opnieuw met 'ln agenda --bewaar --datum {vandaag.isoformat()}' (met je eigen opties), "
                "en start dan 'ln leid'.",
            )
        plan = plan_agenda(kb, staat, opties)
        bron = "gepland"
    else:
        later = [b for b in staat.geplande_bijeenkomsten if b.datum != vandaag]
        erbij = f" De geplande bijeenkomst staat op {datum_tekst(later[0].datum)}." if later else ""
        if not vragen.vraag_bevestiging(
            f"Voor vandaag ({datum_tekst(vandaag)}) staat er geen agenda klaar (ln agenda --bewaar).{erbij} "
            "Nu een agenda plannen en de bijeenkomst leiden?", standaard=True
        ):
            raise typer.Exit(EXIT_NEE)
        plan = plan_agenda(kb, staat, AgendaOpties(duur=duur or 90, start=start, datum=vandaag))
        bron = "nieuw"
    sessie = Sessie.begin(punten(kb, plan), klok, plan.duur, tuple(d.naam for d in staat.deelnemers))
    meta = {
        "netwerk": plan.netwerk, "datum": vandaag.isoformat(), "fase": plan.fase, "fase_naam": plan.fase_naam,
        "rollen": [list(r) for r in plan.rollen], "gebruikt": list(plan.gebruikt), "agenda": bron,
    }
    return sessie, meta


def _hervat(data: dict[str, Any], klok, vandaag: date, pad: Path):
    from lerend_netwerk.leiden.sessie import Sessie

    try:
        meta = data["bijeenkomst"]
        datum = date.fromisoformat(meta["datum"])
        # the time since the journal was written counts only on the meeting's own day
        sessie = Sessie.uit_data(data["sessie"], klok, tussentijd_telt=datum == vandaag)
        str(meta["netwerk"]), str(meta["fase"]), str(meta["fase_naam"]), list(meta["gebruikt"]), list(meta["rollen"])
    except (KeyError, TypeError, ValueError) as fout:
        raise LnFout(
            f"het journaal van een eerdere bijeenkomst is niet te lezen ({fout})", bestand=pad,
            advies="neem over wat je wilt bewaren; begin opnieuw met 'ln leid --opnieuw' (dat gooit het journaal weg).",
        ) from None
    return sessie, meta


def _leg_vast(kb, netwerk: Path, sessie, meta: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from lerend_netwerk.cli.netwerk import controleer_kennis
    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.leiden import journaal
    from lerend_netwerk.leiden.sessie import GEDAAN_VANAF
    from lerend_netwerk.leiden.voorbereiden import bijeenkomst_na_afloop
    from lerend_netwerk.statusbestand import leg_bijeenkomst_vast

    datum = date.fromisoformat(meta["datum"])
    nieuw = bijeenkomst_na_afloop(sessie, datum, meta["fase"], meta["gebruikt"])
    vastgelegd = leg_bijeenkomst_vast(netwerk, nieuw,
                                      controle=lambda staat: controleer_kennis(kb, staat, netwerk, meld=False))
    journaal.weg(netwerk)
    b = vastgelegd.bijeenkomst
    uit = console()
    if vastgelegd.vervangen is not None:
        uit.print(f"[bold green]Bevestigd:[/] de geplande bijeenkomst van {datum_tekst(b.datum)} staat nu als "
                  f"gehouden in {escape(str(netwerk))}.")
    else:
        uit.print(f"[bold green]Vastgelegd:[/] bijeenkomst van {datum_tekst(b.datum)} in {escape(str(netwerk))}.")
    tabel = Table(title="Verloop", title_justify="left", header_style="bold")
    tabel.add_column("Nr.", justify="right")
    tabel.add_column("Onderdeel", overflow="fold")
    tabel.add_column("gepland", justify="right")
    tabel.add_column("echt", justify="right")
    for nummer, (p, s) in enumerate(zip(sessie.punten, sessie.besteed_nu()), 1):
        echt = f"{round(s / 60)} min" if s >= GEDAAN_VANAF else "overgeslagen"
        tabel.add_row(str(nummer), escape(p.titel), f"{p.minuten} min", echt)
    uit.print(tabel)
    if b.werkvormen:
        uit.print("Werkvormen: " + escape(", ".join(kb.werkvormen[w].naam if w in kb.werkvormen else w
                                                    for w in b.werkvormen)))
    if b.aanwezig is not None:
        uit.print(f"Aanwezig: {b.aanwezig}" + (f"; afwezig: {escape(', '.join(b.afwezig))}" if b.afwezig else ""))
    for notitie in sessie.notities:
        uit.print(f"Notitie: {escape(notitie)}")
    for afspraak in sessie.afspraken:
        uit.print(f"Afspraak: {escape(afspraak)}")
    uit.print(f"Het netwerk heeft nu {len(vastgelegd.netwerk.gehouden_bijeenkomsten)} gehouden bijeenkomst(en).")


def _zeg_fout(tekst: str) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import fouten_console

    fouten_console().print(f"[bold red]Let op:[/] {escape(tekst)}")
