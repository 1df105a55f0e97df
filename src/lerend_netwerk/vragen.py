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


KIES = "(kies met de pijltjes en Enter)"


def vraag_keuze(vraag: str, keuzes: Sequence[tuple[str, T]], standaard: T | None = None) -> T:
    """Pick one of `keuzes` (label, value)."""
    import questionary

    opties = [questionary.Choice(title=label, value=waarde) for label, waarde in keuzes]
    gekozen = next((o for o in opties if o.value == standaard), None)
    return questionary.select(vraag, choices=opties, default=gekozen, instruction=KIES).unsafe_ask()


def vraag_meerdere(vraag: str, keuzes: Sequence[tuple[str, T]], *, bevestig_boven: int | None = None,
                   te_veel: Callable[[int], str] | None = None) -> list[T]:
    """Tick any of `keuzes`. Typing filters the list (a letter never ticks anything:
    questionary's own 'a' ticks all and 'i' inverts). More than `bevestig_boven`
    ticked is asked about first; 'nee' shows the list again with the ticks kept.
    questionary would close with 'done (N selections)'; we erase its question when
    answered and print the answer line ourselves, in Dutch."""
    import questionary

    instructie = "(typ om te zoeken, pijltjes om te bewegen, spatie om te kiezen, Enter als je klaar bent)"
    gekozen: list[T] = []
    while True:
        opties = [questionary.Choice(title=label, value=waarde, checked=waarde in gekozen) for label, waarde in keuzes]
        gekozen = list(
            questionary.checkbox(
                vraag, choices=opties, instruction=instructie, use_search_filter=True, use_jk_keys=False,
                erase_when_done=True,
            ).unsafe_ask()
        )
        if bevestig_boven is None or len(gekozen) <= bevestig_boven:
            break
        tekst = te_veel(len(gekozen)) if te_veel else f"Je koos er {len(gekozen)}. Klopt dat?"
        if vraag_bevestiging(tekst, standaard=False):
            break
    labels = [label for label, waarde in keuzes if waarde in gekozen]
    antwoord = "niets gekozen" if not labels else f"{len(labels)} gekozen: {', '.join(labels)}"
    sys.stdout.write(f"? {vraag} {antwoord}\n")
    sys.stdout.flush()
    return gekozen


def vraag_bevestiging(vraag: str, standaard: bool = False) -> bool:
    """Ja or nee: press j or n, or pick with the arrows (questionary's confirm only knows y/n)."""
    import questionary

    opties = [
        questionary.Choice(title="Ja", value=True, shortcut_key="j"),
        questionary.Choice(title="Nee", value=False, shortcut_key="n"),
    ]
    gekozen = opties[0] if standaard else opties[1]
    return bool(
        questionary.select(
            vraag, choices=opties, default=gekozen, use_shortcuts=True, use_jk_keys=False,
            instruction="(j of n, dan Enter)",
        ).unsafe_ask()
    )


def vraag_zoek(vraag: str, keuzes: Sequence[tuple[str, Any]]) -> Any:
    """Pick from a long list by typing part of it."""
    import questionary

    opties = [questionary.Choice(title=label, value=waarde) for label, waarde in keuzes]
    return questionary.select(
        vraag, choices=opties, use_search_filter=True, use_jk_keys=False,
        instruction="(typ om te zoeken, kies met de pijltjes en Enter)",
    ).unsafe_ask()
