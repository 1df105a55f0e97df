"""Options shared by several commands: declared once, used everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from lerend_netwerk.context import Context

Bibliotheek = Annotated[
    Optional[Path],
    typer.Option(
        "--bibliotheek",
        envvar="LN_BIBLIOTHEEK",
        help="Map (of bestand) met je eigen werkvormen en valkuilen in YAML; vult de kennisbank aan.",
        show_envvar=True,
        metavar="MAP",
    ),
]
NetwerkPad = Annotated[
    Path,
    typer.Option(
        "--netwerk",
        envvar="LN_NETWERK",
        help="Het statusbestand van je netwerk.",
        show_envvar=True,
        metavar="BESTAND",
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Geef de uitvoer als JSON, voor andere programma's.")]
Ja = Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")]

STANDAARD_NETWERK = Path("netwerk.yaml")


def context(netwerk: Path | None = None, bibliotheek: Path | None = None) -> Context:
    """The run's context (built once by `cli.run`) with this command's --netwerk and --bibliotheek."""
    from lerend_netwerk.cli import huidige_context

    return huidige_context().met(netwerk=netwerk, bibliotheek=bibliotheek)


def kennisbank(ctx: Context):
    """The knowledge base with the context's library."""
    from lerend_netwerk.kennisbank import laad_kennisbank

    return laad_kennisbank(ctx.bibliotheek)


def vul_werkvorm_aan(onvolledig: str) -> list[str]:
    """Tab completion for work-form ids (the user's library included)."""
    return [w for w in kennisbank(context()).werkvormen if w.startswith(onvolledig)]


def vul_fase_aan(onvolledig: str) -> list[str]:
    """Tab completion for phase ids."""
    from lerend_netwerk.kennisbank import FASE_IDS

    return [f for f in FASE_IDS if f.startswith(onvolledig)]


def _netwerk_voor_aanvullen():
    """The state file the command line points to (LN_NETWERK, else netwerk.yaml), or None when it cannot be read."""

    from lerend_netwerk.fouten import LnFout
    from lerend_netwerk.statusbestand import lees_netwerk

    try:
        return lees_netwerk(context().netwerk)
    except LnFout:
        return None


def vul_deelnemer_aan(onvolledig: str) -> list[str]:
    """Tab completion for participants' names, from the state file."""
    staat = _netwerk_voor_aanvullen()
    return [d.naam for d in (staat.deelnemers if staat else ()) if d.naam.lower().startswith(onvolledig.lower())]


def vul_signaal_aan(onvolledig: str) -> list[str]:
    """Tab completion for the ids of signals the kartrekker ticks by hand."""
    from lerend_netwerk.statusbestand import handmatige_signalen

    return [s.id for s in handmatige_signalen(kennisbank(context())) if s.id.startswith(onvolledig)]
