"""Asking the user questions: the only module that imports questionary.

questionary (prompt_toolkit) costs 130-160 ms to import, so it is imported
inside each function, and only commands that really ask load it. Every
question also has a flag; without a terminal nothing is asked (`heeft_terminal`).
Ctrl-C raises KeyboardInterrupt (`unsafe_ask`), which the CLI turns into
"Afgebroken; er is niets veranderd."
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def heeft_terminal() -> bool:
    """True when a person can answer: stdin and stdout are both a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def vraag_tekst(vraag: str, standaard: str = "", verplicht: bool = False,
                controle: Callable[[str], str | None] | None = None) -> str:
    """Ask for a line of text. `controle` returns a Dutch complaint, or None when fine."""
    import questionary

    def valideer(antwoord: str) -> bool | str:
        if verplicht and not antwoord.strip():
            return "Vul hier iets in."
        if controle is not None:
            klacht = controle(antwoord)
            if klacht:
                return klacht
        return True

    return questionary.text(vraag, default=standaard, validate=valideer).unsafe_ask().strip()


def vraag_keuze(vraag: str, keuzes: Sequence[tuple[str, T]], standaard: T | None = None) -> T:
    """Pick one of `keuzes` (label, value)."""
    import questionary

    opties = [questionary.Choice(title=label, value=waarde) for label, waarde in keuzes]
    gekozen = next((o for o in opties if o.value == standaard), None)
    return questionary.select(vraag, choices=opties, default=gekozen).unsafe_ask()


def vraag_meerdere(vraag: str, keuzes: Sequence[tuple[str, T]]) -> list[T]:
    import questionary

    opties = [questionary.Choice(title=label, value=waarde) for label, waarde in keuzes]
    return list(questionary.checkbox(vraag, choices=opties).unsafe_ask())


def vraag_bevestiging(vraag: str, standaard: bool = False) -> bool:
    import questionary

    return bool(questionary.confirm(vraag, default=standaard).unsafe_ask())


def vraag_zoek(vraag: str, keuzes: Sequence[tuple[str, Any]]) -> Any:
    """Pick from a long list by typing part of it."""
    import questionary

    opties = [questionary.Choice(title=label, value=waarde) for label, waarde in keuzes]
    return questionary.select(vraag, choices=opties, use_search_filter=True, use_jk_keys=False).unsafe_ask()
