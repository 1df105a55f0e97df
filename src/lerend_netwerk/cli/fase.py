"""`ln fase`: where the network stands in the five phases, and moving it on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import alinea, controleer_kennis, lees
from lerend_netwerk.cli.opties import (
    STANDAARD_NETWERK,
    Bibliotheek,
    Json,
    NetwerkPad,
    context,
    kennisbank,
    vul_fase_aan,
)
from lerend_netwerk.fouten import EXIT_NEE, LnFout

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk


def _vul_actie_aan(onvolledig: str) -> list[str]:
    return [w for w in ("volgende", *vul_fase_aan(onvolledig)) if w.startswith(onvolledig)]


@app.command("fase")
def fase(
    actie: Annotated[Optional[str], typer.Argument(
        help="Leeg: toon waar het netwerk staat. 'volgende': naar de volgende fase. Een fase (naam of 1-5): zet het netwerk daar.",
        metavar="[volgende|FASE]",
        autocompletion=_vul_actie_aan,
    )] = None,
    ja: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Waar staat het netwerk? De vijf fasen, met de doelen van de huidige fase afgevinkt.

    'ln fase volgende' zet het netwerk een fase verder, na te tonen welke doelen nog open staan.
    """
    ctx = context(netwerk, bibliotheek)
    staat = lees(ctx)
    kb = kennisbank(ctx)
    controleer_kennis(kb, staat, ctx.netwerk)
    if actie is None:
        _toon_fase(kb, staat, json_uit)
        return
    nieuw = _wissel_fase(kb, ctx.netwerk, staat, actie, ja, json_uit)
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
        doel = kb.fase(actie)
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
        alinea(uit, f"{escape(status.doel.titel)} ({len(status.open_signalen)} van {len(status.signalen)} signalen open)", 1, "○")
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
             "signalen": [{"id": s.signaal.id, "tekst": s.signaal.tekst, "eigen_lezing": s.signaal.eigen_lezing,
                           "behaald": s.behaald, "hoe": s.hoe} for s in d.signalen]}
            for d in fase_voortgang(kb, staat)
        ],
    }


def _toon_fase(kb: Kennisbank, staat: Netwerk, json_uit: bool) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, eigen_label, print_json
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
        alinea(uit, f"[bold]{escape(d.doel.titel)}[/]", 1, "[green]✔[/]" if d.behaald else "○")
        for s in d.signalen:
            teken = "[green]✔[/]" if s.behaald else "·"
            merk = " " + eigen_label("eigen lezing") if s.signaal.eigen_lezing else ""
            alinea(uit, f"{escape(s.signaal.tekst)}{merk} [dim]— {escape(s.hoe)}[/]", 3, teken)
    if any(s.handmatig and not s.behaald for d in voortgang for s in d.signalen):
        uit.print()
        alinea(uit, "Vink een signaal zelf af met [bold]ln behaald ID[/] (of kies er een met [bold]ln behaald[/]).")
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
