"""The command-line layer: parses, calls the core, renders. Nothing else.

`run()` is the one way in and out: every expected failure (an `LnFout` from
the core, or a usage error) is rendered here once, in Dutch, with its exit code.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import typer

from lerend_netwerk.cli.nederlands import gebruiksfout, vernederlands_opties, vernederlands_typer, vertaal_systeemfouten
from lerend_netwerk.fouten import EXIT_INVOER, LnFout

if TYPE_CHECKING:
    from lerend_netwerk.context import Context

AFGEBROKEN = 130  # the shell's code for Ctrl-C

app = typer.Typer(
    name="ln",
    help=(
        "Facilitatie-assistent voor kartrekkers van de Lerende Netwerken Doorgaande Lijn Utrecht.\n\n"
        "Begin met 'ln init' (je netwerk beschrijven) en 'ln start' (randvoorwaarden checken); "
        "plan met 'ln agenda' en zoek hulp bij een probleem met 'ln valkuil'."
    ),
    add_completion=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)



@app.callback()
def _groep() -> None:
    # Keeps `ln` a group of commands when only one command module is loaded
    # (Typer turns an app with a single command into that command).
    pass


_context: list[Context] = []  # the one context of the running call


def huidige_context() -> Context:
    """The context `run` built for this call (or, outside `run`, one from the environment)."""
    from lerend_netwerk.context import Context

    return _context[-1] if _context else Context.uit_omgeving()


def laad_opdrachten(opdracht: str | None = None) -> None:
    """Register the commands on `app`: only the module `opdracht` lives in, or all of them.

    Building Typer's command tree for all eleven commands costs ~25 ms a run;
    `ln werkvormen` needs one module. Help, completion and unknown words get all.
    """
    from lerend_netwerk.entry import OPDRACHT_MODULES

    modules = [OPDRACHT_MODULES[opdracht]] if opdracht in OPDRACHT_MODULES else dict.fromkeys(OPDRACHT_MODULES.values())
    for module in modules:
        __import__(f"lerend_netwerk.cli.{module}")


def _toon_fout(tekst: str, advies: str | None = None) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import fouten_console

    uit = fouten_console()
    uit.print(f"[bold red]Fout:[/] {escape(vertaal_systeemfouten(tekst))}")
    if advies:
        uit.print(f"[bold]Wat te doen:[/] {escape(vertaal_systeemfouten(advies))}")


def _zwijg_over_de_pijp() -> None:
    """After a closed pipe, send what is left to /dev/null so Python's exit does not complain."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _opdracht_pad(prog_name: str, argv: list[str]) -> str:
    """'ln agenda' for an error the parser raised without its context (an option missing its value)."""
    from lerend_netwerk.entry import OPDRACHT_MODULES

    return f"{prog_name} {argv[0]}" if argv and argv[0] in OPDRACHT_MODULES else prog_name


def run(argv: list[str] | None = None, prog_name: str = "ln", context: Context | None = None) -> int:
    """Run the CLI; return the exit code instead of raising.

    The environment is read here, once, into a `Context` (or `context` is used,
    as a test gives it); commands add their own --netwerk and --bibliotheek.
    """
    from lerend_netwerk import cache
    from lerend_netwerk.context import Context

    ctx = Context.uit_omgeving() if context is None else context
    _context.append(ctx)
    cache.gebruik(ctx.cache)
    try:
        return _run(argv, prog_name)
    finally:
        _context.pop()
        cache.vergeet()


def _run(argv: list[str] | None, prog_name: str) -> int:
    vernederlands_typer()
    argv = list(sys.argv[1:] if argv is None else argv) or ["--help"]
    voltooien = any(naam.endswith("_COMPLETE") for naam in os.environ)
    laad_opdrachten(None if voltooien else argv[0])
    command = typer.main.get_command(app)
    vernederlands_opties(command)
    usage_error = typer.core._click.exceptions.UsageError if hasattr(typer.core, "_click") else __import__("click").UsageError
    try:
        resultaat = command.main(args=argv, prog_name=prog_name, standalone_mode=False)
    except LnFout as fout:
        kop = f"{fout.plek}: {fout.bericht}" if fout.plek else fout.bericht
        _toon_fout(kop, fout.advies)
        return fout.exit_code
    except usage_error as fout:
        pad = fout.ctx.command_path if fout.ctx is not None else _opdracht_pad(prog_name, argv)
        _toon_fout(gebruiksfout(fout), f"kijk bij '{pad} --help' wat kan.")
        return EXIT_INVOER
    except typer.Exit as fout:
        return fout.exit_code
    except (typer.Abort, KeyboardInterrupt, EOFError):
        _toon_fout("Afgebroken; er is niets veranderd.")
        return AFGEBROKEN
    except SystemExit as fout:
        if isinstance(fout.__context__, BrokenPipeError):  # `ln agenda | head`: the reader had enough
            _zwijg_over_de_pijp()
            return 0
        return fout.code if isinstance(fout.code, int) else 0
    except BrokenPipeError:
        _zwijg_over_de_pijp()
        return 0
    if resultaat == AFGEBROKEN:  # Typer turns Ctrl-C inside a command into a returned 130
        _toon_fout("Afgebroken; er is niets veranderd.")
    return resultaat if isinstance(resultaat, int) else 0
