"""Rendering helpers shared by the commands: consoles, JSON, small widgets."""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console

_console: Console | None = None
_fouten_console: Console | None = None


def _kleuren() -> str | None:
    """No ANSI codes at all under NO_COLOR (https://no-color.org), not even bold."""
    return None if os.environ.get("NO_COLOR") else "auto"


def console() -> Console:
    """The console for normal output (plain text when piped or NO_COLOR is set)."""
    global _console
    if _console is None or _console.file is not sys.stdout:
        _console = Console(highlight=False, emoji=False, file=sys.stdout, color_system=_kleuren())
    return _console


def fouten_console() -> Console:
    global _fouten_console
    if _fouten_console is None or _fouten_console.file is not sys.stderr:
        _fouten_console = Console(highlight=False, emoji=False, file=sys.stderr, soft_wrap=True, color_system=_kleuren())
    return _fouten_console


def print_json(data: Any) -> None:
    import json  # only --json needs it (start-up)

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def eigen_label(tekst: str = "eigen uitwerking") -> str:
    """The mark for content that is ours, not the Handreiking's."""
    return f"[dim italic]({tekst}, niet uit de Handreiking)[/]"


def minuten(duur: tuple[int, int]) -> str:
    laag, hoog = duur
    return f"{laag} min" if laag == hoog else f"{laag}–{hoog} min"
