"""`ln thema`, `ln randvoorwaarde` and `ln behaald`: the theme, a precondition, a signal ticked by hand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import alinea, controleer_kennis, lees, vraagt
from lerend_netwerk.cli.opties import (
    STANDAARD_NETWERK,
    Bibliotheek,
    Json,
    NetwerkPad,
    context,
    kennisbank,
    vul_signaal_aan,
)
from lerend_netwerk.fouten import LnFout

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk, Thema

ANDERS = "\x00anders"  # the choice "iets anders" in the theme question


# --- ln thema ----------------------------------------------------------------------------


@app.command("thema")
def thema(
    speerpunt: Annotated[Optional[str], typer.Option("--speerpunt", help="Het speerpunt, zoals 'Speerpunt 9: Voorlezen', of een eigen thema.", metavar="TEKST")] = None,
    leerdoel: Annotated[Optional[str], typer.Option("--leerdoel", help="Het gezamenlijke leerdoel van het netwerk.", metavar="TEKST")] = None,
    hoofdstuk: Annotated[Optional[int], typer.Option("--hoofdstuk", help="Het hoofdstuk van het UKK waar het thema bij hoort.", min=1, max=99, metavar="N")] = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
) -> None:
    """Het gezamenlijke thema: toon het, of zet het met --speerpunt, --leerdoel en --hoofdstuk.

    In een terminal zonder opties kies je een speerpunt van het UKK (of iets anders) en typ je het leerdoel.
    """
    from lerend_netwerk.statusbestand import zet_thema

    staat = lees(context(netwerk))
    if vraagt(speerpunt is None, leerdoel is None, hoofdstuk is None, not json_uit):
        _toon_thema(staat.thema, staat.naam, False)
        keuze = _vraag_thema(staat.thema)
        if keuze is None:
            return
        speerpunt, leerdoel, hoofdstuk = keuze
    elif speerpunt is None and leerdoel is None and hoofdstuk is None:
        _toon_thema(staat.thema, staat.naam, json_uit)
        return
    bijgewerkt = zet_thema(netwerk, speerpunt, leerdoel, hoofdstuk)
    if not json_uit:
        from lerend_netwerk.cli.weergave import console

        veranderd = bijgewerkt.voor != bijgewerkt.na
        console().print(f"[bold green]Thema bijgewerkt[/] in {netwerk}." if veranderd else "Het thema stond er al zo; niets veranderd.")
    _toon_thema(bijgewerkt.na.thema, bijgewerkt.na.naam, json_uit)


def thema_als_json(t: Thema) -> dict[str, Any]:
    return {"speerpunt": t.speerpunt, "ukk_hoofdstuk": t.ukk_hoofdstuk, "gezamenlijk_leerdoel": t.gezamenlijk_leerdoel}


def _toon_thema(t: Thema, naam: str, json_uit: bool) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json

    if json_uit:
        print_json(thema_als_json(t))
        return
    uit = console()
    if t == type(t)():
        uit.print(f"{escape(naam)} heeft nog geen thema. Zet het met: [bold]ln thema --speerpunt TEKST --leerdoel TEKST[/]")
        return
    uit.print(f"Speerpunt: {escape(t.speerpunt or '—')}" + (f" (UKK hoofdstuk {t.ukk_hoofdstuk})" if t.ukk_hoofdstuk else ""))
    alinea(uit, f"Gezamenlijk leerdoel: {escape(t.gezamenlijk_leerdoel or '— (nog niet gekozen)')}")


def ukk_speerpunten(kb: Kennisbank) -> list[str]:
    """The UKK speerpunten the knowledge base names ('Speerpunt 9: Voorlezen'), all from chapter 1."""
    ukk = kb.bronnen.get("ukk")
    return [o.label for o in (ukk.onderdelen if ukk else ()) if o.label.startswith("Speerpunt ")]


def _vraag_thema(huidig: Thema) -> tuple[str, str | None, int | None] | None:
    """Speerpunt (a UKK one, or something else), leerdoel and chapter; None: leave the theme as it is."""
    from lerend_netwerk import vragen

    speerpunten = ukk_speerpunten(kennisbank(context()))
    keuzes = [(s, s) for s in speerpunten] + [("iets anders (zelf typen)", ANDERS)]
    if huidig.speerpunt:
        keuzes.insert(0, (f"zo laten: {huidig.speerpunt}", None))
    standaard = huidig.speerpunt if huidig.speerpunt in speerpunten else None
    gekozen = vragen.vraag_keuze("Welk speerpunt kiest het netwerk als thema?", keuzes, standaard=standaard)
    if gekozen is None:
        speerpunt, hoofdstuk = huidig.speerpunt, huidig.ukk_hoofdstuk
    elif gekozen == ANDERS:
        speerpunt = vragen.vraag_tekst("Het thema, in je eigen woorden:", verplicht=True)
        antwoord = vragen.vraag_tekst(
            "Bij welk hoofdstuk van het UKK hoort het? (een getal, mag leeg blijven)",
            standaard=str(huidig.ukk_hoofdstuk or ""),
            controle=lambda a: None if not a.strip() or (a.strip().isdigit() and 1 <= int(a) <= 99) else "Vul een getal in, of laat leeg.",
        )
        hoofdstuk = int(antwoord) if antwoord else None
    else:
        speerpunt, hoofdstuk = gekozen, 1  # the UKK's speerpunten are in chapter 1
    leerdoel = vragen.vraag_tekst("Het gezamenlijke leerdoel (mag leeg blijven):", standaard=huidig.gezamenlijk_leerdoel or "")
    if gekozen is None and not leerdoel:
        return None
    return speerpunt, leerdoel or None, hoofdstuk


# --- ln randvoorwaarde -------------------------------------------------------------------

_RV_HULP = "ja, deels, nee of onbekend"


def _vul_rv_aan(onvolledig: str) -> list[str]:
    from lerend_netwerk.netwerk import RV_IDS

    return [r for r in RV_IDS if r.startswith(onvolledig)]


def _vul_status_aan(onvolledig: str) -> list[str]:
    from lerend_netwerk.netwerk import RV_STATUSSEN

    return [s for s in RV_STATUSSEN if s.startswith(onvolledig)]


@app.command("randvoorwaarde")
def randvoorwaarde(
    rv: Annotated[Optional[str], typer.Argument(help="commitment, motivatie, tijd of budget.", metavar="ID", autocompletion=_vul_rv_aan, show_default=False)] = None,
    status: Annotated[Optional[str], typer.Argument(help=f"De nieuwe status: {_RV_HULP}.", metavar="STATUS", autocompletion=_vul_status_aan, show_default=False)] = None,
    toelichting: Annotated[Optional[str], typer.Option("--toelichting", help="Een toelichting (vervangt de oude; zonder deze optie blijft de oude staan).", metavar="TEKST")] = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
) -> None:
    """Zet de status van een randvoorwaarde: ja, deels, nee of onbekend; 'ln start' toont het meteen.

    In een terminal vraagt het wat je weglaat: welke randvoorwaarde, de status en een toelichting.
    """
    from lerend_netwerk.statusbestand import rv_id, rv_status, zet_randvoorwaarde

    staat = lees(context(netwerk))
    if vraagt(status is None, toelichting is None):
        rv, status, toelichting = _vraag_randvoorwaarde(staat, rv and rv_id(rv))
    elif rv is None or status is None:
        raise LnFout(
            "geef de randvoorwaarde en de status; zonder terminal stel ik geen vragen",
            advies=f"bijvoorbeeld: ln randvoorwaarde tijd ja --toelichting \"...\" (status: {_RV_HULP}).",
        )
    rv, status = rv_id(rv), rv_status(status)  # refused before the file is touched
    bijgewerkt = zet_randvoorwaarde(netwerk, rv, status, toelichting)
    na = bijgewerkt.na.rv(rv)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json({"randvoorwaarde": rv, "status": na.status, "toelichting": na.toelichting,
                    "was": bijgewerkt.voor.rv(rv).status, "alle_in_orde": all(bijgewerkt.na.rv(r).in_orde for r in _rv_ids())})
        return
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    voor = bijgewerkt.voor.rv(rv)
    if voor == na:
        uit.print(f"{rv} stond al op {na.status}; niets veranderd.")
    else:
        uit.print(f"[bold green]Bijgewerkt:[/] {rv} van {voor.status} naar {na.status} in {escape(str(netwerk))}.")
    if na.toelichting:
        alinea(uit, f"Toelichting: {escape(na.toelichting)}")
    open_ = [r for r in _rv_ids() if not bijgewerkt.na.rv(r).in_orde]
    uit.print("Alle vier de randvoorwaarden zijn in orde." if not open_ else f"Nog niet in orde: {', '.join(open_)}. 'ln start' toont de aanpak.")


def _rv_ids() -> tuple[str, ...]:
    from lerend_netwerk.netwerk import RV_IDS

    return RV_IDS


def _vraag_randvoorwaarde(staat: Netwerk, rv: str | None) -> tuple[str, str, str | None]:
    from lerend_netwerk import vragen
    from lerend_netwerk.cli.init import RV_KEUZES

    kb = kennisbank(context())
    if rv is None:
        keuzes = [(f"{r.naam} (nu: {staat.rv(r.id).status})", r.id) for r in kb.randvoorwaarden]
        rv = vragen.vraag_keuze("Welke randvoorwaarde?", keuzes)
    huidig = staat.rv(rv)
    status = vragen.vraag_keuze(f"{kb.randvoorwaarde(rv).naam}: is dat geregeld?", RV_KEUZES, standaard=huidig.status)
    toelichting = vragen.vraag_tekst(f"Toelichting bij {rv} (mag leeg blijven):", standaard=huidig.toelichting or "")
    return rv, status, toelichting or None


# --- ln behaald --------------------------------------------------------------------------


@app.command("behaald")
def behaald(
    signaal: Annotated[Optional[str], typer.Argument(help="Het id van het signaal, zoals 'ln fase' het toont.", metavar="ID", autocompletion=vul_signaal_aan, show_default=False)] = None,
    uit: Annotated[bool, typer.Option("--uit", help="Vink het signaal weer uit.")] = False,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Vink een signaal van een doel af dat je zelf waarneemt ('ln fase' toont de ids); --uit vinkt het weer uit.

    Zonder ID: de signalen van de huidige fase die je zelf afvinkt; in een terminal kies je er een.
    Signalen die de tool zelf uit het statusbestand afleidt (een thema, een werkvorm) vink je niet af: de tool zegt dan waar ze vandaan komen.
    """
    from lerend_netwerk.statusbestand import vink_af

    staat = lees(context(netwerk))
    kb = kennisbank(context(bibliotheek=bibliotheek))
    if not (uit and signaal is not None):  # '--uit ID' may take away a typo the check would stop at
        controleer_kennis(kb, staat, netwerk)
    if signaal is None:
        if not vraagt(not json_uit):
            _toon_handmatig(kb, staat, json_uit)
            return
        signaal = _kies_signaal(kb, staat, uit)
        if signaal is None:
            return
    bijgewerkt = vink_af(netwerk, kb, signaal, uit=uit)
    _toon_behaald(kb, netwerk, bijgewerkt, signaal, uit, json_uit)


def _handmatig_in_fase(kb: Kennisbank, staat: Netwerk) -> list[tuple[Any, Any]]:
    """(aim, signal) for every signal of the current phase the kartrekker ticks by hand."""
    return [(d, s) for d in kb.fase(staat.fase).doelen for s in d.signalen if s.veld is None and not s.werkvormen]


def _toon_handmatig(kb: Kennisbank, staat: Netwerk, json_uit: bool) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json

    lijst = _handmatig_in_fase(kb, staat)
    if json_uit:
        print_json([{"id": s.id, "doel": d.id, "tekst": s.tekst, "behaald": s.id in staat.behaald} for d, s in lijst])
        return
    uit = console()
    fase = kb.fase(staat.fase)
    uit.print(f"[bold]Signalen in {fase.naam} die je zelf afvinkt[/]")
    for _, s in lijst:
        alinea(uit, f"[bold]{s.id}[/]: {escape(s.tekst)}", 1, "[green]✔[/]" if s.id in staat.behaald else "·")
    uit.print("\nVink af met [bold]ln behaald ID[/], uit met [bold]ln behaald --uit ID[/].")


def _kies_signaal(kb: Kennisbank, staat: Netwerk, uit: bool) -> str | None:
    from lerend_netwerk import vragen
    from lerend_netwerk.cli.weergave import console

    lijst = [(d, s) for d, s in _handmatig_in_fase(kb, staat) if (s.id in staat.behaald) == uit]
    if not lijst:
        console().print("Er is in deze fase geen signaal meer om " + ("uit te vinken." if uit else "zelf af te vinken."))
        return None
    keuzes = [(f"{s.tekst} ({s.id})", s.id) for _, s in lijst]
    return vragen.vraag_keuze("Welk signaal vink je " + ("uit?" if uit else "af?"), keuzes)


def _toon_behaald(kb: Kennisbank, pad: Path, bijgewerkt: Any, signaal_id: str, uit: bool, json_uit: bool) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, print_json
    from lerend_netwerk.voortgang import fase_voortgang

    sid = signaal_id.strip().lower()
    veranderd = bijgewerkt.voor != bijgewerkt.na
    if json_uit:
        print_json({"signaal": sid, "behaald": sid in bijgewerkt.na.behaald, "veranderd": veranderd})
        return
    out = console()
    if not veranderd:
        out.print(f"'{sid}' stond al " + ("uit" if uit else "afgevinkt") + "; niets veranderd.")
        return
    out.print(f"[bold green]{'Uitgevinkt' if uit else 'Afgevinkt'}:[/] {escape(sid)} in {escape(str(pad))}.")
    fase = _fase_van(kb, sid)
    for d in fase_voortgang(kb, bijgewerkt.na, fase) if fase else ():
        if any(s.signaal.id == sid for s in d.signalen):
            open_ = len(d.open_signalen)
            stand = "behaald" if open_ == 0 else f"nog {open_} van {len(d.signalen)} signalen open"
            alinea(out, f"Doel '{escape(d.doel.titel)}': {stand}.")


def _fase_van(kb: Kennisbank, signaal_id: str) -> str | None:
    """The phase a signal belongs to; None for an id the knowledge base does not know (a typo taken away)."""
    return next((f.id for f in kb.fasen for d in f.doelen for s in d.signalen if s.id == signaal_id), None)
