"""What the commands about the network's state share: reading it, the knowledge base, phase names, paragraphs.

The commands themselves: `ln init` (cli/init.py), `ln start` (cli/start.py),
`ln bijeenkomst` and `ln bijeenkomsten` (cli/bijeenkomst.py), `ln fase`
(cli/fase.py), and what updates the rest without opening the YAML: `ln netwerk`
(cli/overzicht.py), `ln deelnemer` and `ln deelnemers` (cli/deelnemer.py),
`ln thema`, `ln randvoorwaarde` and `ln behaald` (cli/bijwerken.py). Each is thin: parse the options, ask what is missing (only in
a terminal, only through `vragen`), call the core (`statusbestand`,
`startcheck`, `voortgang`), render. Heavy modules are imported inside the
functions that need them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lerend_netwerk.context import Context
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk


def vraagt(*geen_opties: bool) -> bool:
    """Ask questions only when nothing was given as an option and a person is there to answer."""
    from lerend_netwerk import vragen

    return all(geen_opties) and vragen.heeft_terminal()


def lees(ctx: Context) -> Netwerk:
    """The context's state file, read and checked; a held meeting dated after today is named, with its line."""
    from lerend_netwerk.statusbestand import gehouden_in_de_toekomst, lees_netwerk

    staat = lees_netwerk(ctx.netwerk)
    waarschuw(gehouden_in_de_toekomst(staat, ctx.netwerk, ctx.vandaag))
    return staat


def waarschuw(meldingen: list[str]) -> None:
    """Warnings on stderr, one 'Let op:' line each; the command carries on."""
    if not meldingen:
        return
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import fouten_console

    for melding in meldingen:
        fouten_console().print(f"[bold yellow]Let op:[/] {escape(melding)}")


def controleer_kennis(kb: Kennisbank, staat: Netwerk, pad: Path, *, meld: bool = True) -> None:
    """Ids in the state file the knowledge base does not know.

    An unknown signal under `behaald` stops the command (an `LnFout`, exit 2);
    an unknown work form of a meeting is a warning on stderr, with file and line
    (`meld=False`: already shown once).
    """
    from lerend_netwerk.statusbestand import controleer_tegen_kennisbank

    meldingen = controleer_tegen_kennisbank(kb, staat, pad)
    if meld:
        waarschuw(meldingen)


def alinea(uit: Any, tekst: str, inspringing: int = 0, teken: str = "") -> None:
    """One paragraph (markup) with a hanging indent: wrapped lines stay under the text."""
    from rich.text import Text

    voor = Text.from_markup(" " * inspringing + (teken + " " if teken else ""), emoji=False)
    breedte = max(20, uit.width - len(voor))
    for nummer, lijn in enumerate(Text.from_markup(tekst, emoji=False).wrap(uit, breedte)):
        lijn.rstrip()
        uit.print(Text.assemble(voor if nummer == 0 else " " * len(voor), lijn), soft_wrap=True)
