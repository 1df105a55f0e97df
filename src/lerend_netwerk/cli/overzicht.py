"""`ln netwerk`: the whole network at a glance; with options it sets the name, district, kartrekker or start time."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.netwerk import alinea, lees
from lerend_netwerk.cli.opties import STANDAARD_NETWERK, Json, NetwerkPad, context

if TYPE_CHECKING:
    from lerend_netwerk.netwerk import Bijeenkomst, Netwerk


def _tekst_optie(naam: str, hulp: str, metavar: str = "TEKST") -> Any:
    return typer.Option(f"--{naam}", help=hulp, metavar=metavar)


@app.command("netwerk")
def netwerk_overzicht(
    naam: Annotated[Optional[str], _tekst_optie("naam", "Een nieuwe naam voor het netwerk.")] = None,
    wijk: Annotated[Optional[str], _tekst_optie("wijk", "De wijk.")] = None,
    kartrekker: Annotated[Optional[str], _tekst_optie("kartrekker", "De kartrekker (jouw naam).")] = None,
    starttijd: Annotated[Optional[str], _tekst_optie("starttijd", "Hoe laat bijeenkomsten gewoonlijk beginnen, zoals 15:30.", "UU:MM")] = None,
    netwerk: NetwerkPad = STANDAARD_NETWERK,
    json_uit: Json = False,
) -> None:
    """Het hele netwerk in één overzicht: naam, wijk, kartrekker, fase, randvoorwaarden, thema, deelnemers en bijeenkomsten.

    Met --naam, --wijk, --kartrekker of --starttijd pas je die aan.
    """
    velden = {k: v for k, v in (("naam", naam), ("wijk", wijk), ("kartrekker", kartrekker), ("starttijd", starttijd)) if v is not None}
    if velden:
        from lerend_netwerk.statusbestand import zet_netwerkvelden

        staat = zet_netwerkvelden(netwerk, velden).na
        if not json_uit:
            from lerend_netwerk.cli.weergave import console

            console().print(f"[bold green]Bijgewerkt:[/] {', '.join(velden)} in {netwerk}.\n")
    else:
        staat = lees(context(netwerk))
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json(netwerk_als_json(staat))
        return
    _toon_netwerk(staat)


def netwerk_als_json(n: Netwerk) -> dict[str, Any]:
    from lerend_netwerk.cli.bijeenkomst import bijeenkomst_json
    from lerend_netwerk.cli.bijwerken import thema_als_json
    from lerend_netwerk.cli.deelnemer import deelnemer_als_json
    from lerend_netwerk.netwerk import RV_IDS

    return {
        "naam": n.naam, "wijk": n.wijk, "kartrekker": n.kartrekker, "fase": n.fase, "starttijd": n.starttijd,
        "randvoorwaarden": {r: {"status": n.rv(r).status, "toelichting": n.rv(r).toelichting} for r in RV_IDS},
        "thema": thema_als_json(n.thema),
        "contract": n.contract.isoformat() if n.contract else None,
        "deelnemers": [deelnemer_als_json(d) for d in n.deelnemers],
        "behaald": list(n.behaald),
        "gehouden": [bijeenkomst_json(b) for b in n.gehouden_bijeenkomsten],
        "gepland": [bijeenkomst_json(b) for b in n.geplande_bijeenkomsten],
        **_planning_json(n),
    }


def _planning_json(n: Netwerk) -> dict[str, Any]:
    """The stored long-term plan (`ln planning --bewaar`) and whether the network is behind it; nothing without a plan."""
    if n.planning is None:
        return {}
    from lerend_netwerk.planning import planning_achterstand

    return {
        "planning": [{"datum": p.datum.isoformat(), "fase": p.fase, "doelen": list(p.doelen)} for p in n.planning.bijeenkomsten],
        "achter_op_planning": planning_achterstand(n, date.today()),
    }


def _toon_netwerk(n: Netwerk) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console
    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.kennisbank import FASE_IDS
    from lerend_netwerk.netwerk import RV_IDS

    uit = console()
    uit.print(f"[bold]{escape(n.naam)}[/]")
    kop = [f"wijk {n.wijk}" if n.wijk else "", f"kartrekker {n.kartrekker}" if n.kartrekker else ""]
    if any(kop):
        uit.print(escape(", ".join(k for k in kop if k)))
    nummer = FASE_IDS.index(n.fase) + 1
    uit.print(f"Fase {nummer} {n.fase}" + (f"; bijeenkomsten beginnen om {n.starttijd}" if n.starttijd else ""))
    uit.print("\n[bold]Randvoorwaarden[/]")
    for r in RV_IDS:
        status = n.rv(r)
        alinea(uit, f"{r}: {status.status}" + (f" — {escape(status.toelichting)}" if status.toelichting else ""), 1, "•")
    uit.print("\n[bold]Thema[/]")
    t = n.thema
    if t.speerpunt or t.gezamenlijk_leerdoel:
        alinea(uit, f"Speerpunt: {escape(t.speerpunt or '—')}" + (f" (UKK hoofdstuk {t.ukk_hoofdstuk})" if t.ukk_hoofdstuk else ""), 1)
        alinea(uit, f"Gezamenlijk leerdoel: {escape(t.gezamenlijk_leerdoel or '—')}", 1)
    else:
        uit.print(" nog niet gekozen ([bold]ln thema[/])")
    uit.print(f" Contract: {datum_tekst(n.contract)}" if n.contract else " Contract: nog niet gemaakt")
    uit.print(f"\n[bold]Deelnemers ({len(n.deelnemers)})[/]")
    for d in n.deelnemers:
        waar = ", ".join(x for x in (d.organisatie, d.soort) if x)
        alinea(uit, escape(d.naam + (f" ({waar})" if waar else "") + ": " + (d.leerdoel or "nog geen leerdoel")), 1, "•")
    if not n.deelnemers:
        uit.print(" nog geen ([bold]ln deelnemer toevoegen NAAM[/])")
    gehouden, gepland = n.gehouden_bijeenkomsten, n.geplande_bijeenkomsten
    uit.print(f"\n[bold]Bijeenkomsten: {len(gehouden)} gehouden, {len(gepland)} gepland[/]")
    for b in gehouden:
        alinea(uit, escape(_bijeenkomst_regel(b)), 1, "✔")
    for b in gepland:
        alinea(uit, escape(_bijeenkomst_regel(b)), 1, "○")
    _toon_planning(uit, n)


def _toon_planning(uit: Any, n: Netwerk) -> None:
    """The stored long-term plan in one line, and the same behind-plan warning as `ln start` and `ln overzicht`."""
    if n.planning is None or not n.planning.bijeenkomsten:
        return
    from rich.markup import escape

    from lerend_netwerk.datum import datum_tekst
    from lerend_netwerk.planning import planning_achterstand

    komend = [p for p in n.planning.bijeenkomsten if p.datum >= date.today()]
    laatste = n.planning.bijeenkomsten[-1]
    uit.print(f"\n[bold]Planning[/] (ln planning): nog {len(komend)} bijeenkomst(en), tot {datum_tekst(laatste.datum)} "
              f"({laatste.fase})")
    achter = planning_achterstand(n, date.today())
    if achter:
        alinea(uit, f"[yellow]Let op:[/] {escape(achter)}", 1)


def _bijeenkomst_regel(b: Bijeenkomst) -> str:
    from lerend_netwerk.datum import datum_tekst

    delen = [datum_tekst(b.datum), b.fase or ""]
    if b.aanwezig is not None:
        delen.append(f"{b.aanwezig} aanwezig")
    if b.afwezig:
        delen.append("afwezig: " + ", ".join(b.afwezig))
    if b.werkvormen:
        delen.append(", ".join(b.werkvormen))
    regel = " · ".join(d for d in delen if d)
    for afspraak in b.afspraken:
        regel += f"\n  afspraak: {afspraak}"
    return regel
