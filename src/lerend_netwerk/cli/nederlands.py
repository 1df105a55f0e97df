"""Dutch for the parts of Typer's help and errors that we do not write ourselves.

Typer 0.27 has no translations (its vendored click has no gettext), so the
few fixed strings of its help screens are set here, and usage errors are
turned into Dutch sentences in `gebruiksfout`. See docs/nederlands.md.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from typing import Any

HULP_OPTIE = "Toon deze hulp en stop."
_OPTIE_HULP = {
    "install_completion": "Installeer het aanvullen met Tab voor je shell.",
    "show_completion": "Toon het script voor aanvullen met Tab, om zelf te installeren.",
}


def _vernederlands_rich_utils() -> None:
    """Typer's help-screen strings; importing rich_utils costs ~30 ms, so only for --help."""
    from typer import rich_utils

    rich_utils.DEFAULT_STRING = "[standaard: {}]"
    rich_utils.ENVVAR_STRING = "[omgevingsvariabele: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
    rich_utils.DEPRECATED_STRING = "(verouderd) "
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
    rich_utils.ERRORS_PANEL_TITLE = "Fout"
    rich_utils.ABORTED_TEXT = "Afgebroken."
    rich_utils.RANGE_STRING = " [{}]"


def vernederlands_typer() -> None:
    """Dutch for the help option and usage line of every command (idempotent)."""
    import typer.core

    click_core = typer.core._click.core if hasattr(typer.core, "_click") else __import__("click").core
    command_cls = click_core.Command
    if getattr(command_cls, "_ln_nederlands", False):
        return
    original_help_option = command_cls.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        optie = original_help_option(self, ctx)
        if optie is not None and optie.help != HULP_OPTIE:
            optie.help = HULP_OPTIE
            toon_hulp = optie.callback

            def callback(ctx: Any, param: Any, value: Any) -> Any:
                if value:
                    _vernederlands_rich_utils()
                return toon_hulp(ctx, param, value)

            optie.callback = callback
        return optie

    command_cls.get_help_option = get_help_option
    formatting = typer.core._click.formatting if hasattr(typer.core, "_click") else __import__("click").formatting
    original_write_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_write_usage(self, prog, args, prefix="Gebruik: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage
    types = typer.core._click.types if hasattr(typer.core, "_click") else __import__("click").types
    types._NumberRangeBase._describe_range = lambda self: bereik(self)
    command_cls._ln_nederlands = True


def bereik(soort: Any) -> str:
    """A number range in words: '0 t/m 1000', 'minstens 25', 'hoogstens 240'."""
    laag, hoog = getattr(soort, "min", None), getattr(soort, "max", None)
    if laag is not None and hoog is not None:
        return f"{laag} t/m {hoog}"
    if laag is not None:
        return f"meer dan {laag}" if soort.min_open else f"minstens {laag}"
    if hoog is not None:
        return f"minder dan {hoog}" if soort.max_open else f"hoogstens {hoog}"
    return "elk getal"


_SCHELPEN = ("bash", "zsh", "fish", "powershell", "pwsh")


def _schelp(waarde: Any) -> str:
    from lerend_netwerk.fouten import LnFout

    if isinstance(waarde, str):
        schelp = waarde
    else:
        import os
        from pathlib import PurePath

        from typer._completion_shared import _get_shell_name

        # the process tree first; where it cannot be read (a container, a detached job) the login shell
        schelp = _get_shell_name() or PurePath(os.environ.get("SHELL", "")).name
    if schelp not in _SCHELPEN:
        raise LnFout(
            f"aanvullen met Tab kan niet voor deze shell ({schelp or 'niet herkend'})",
            advies="noem je shell erbij, zoals 'ln --install-completion bash' (bash, zsh, fish of powershell).",
        )
    return schelp


def _installeer_aanvullen(ctx: Any, param: Any, waarde: Any) -> Any:
    """Typer's --install-completion, with Dutch messages instead of its English ones."""
    if not waarde or ctx.resilient_parsing:
        return waarde
    from typer._completion_shared import install

    schelp, pad = install(shell=_schelp(waarde))
    sys.stdout.write(
        f"Aanvullen met Tab voor {schelp} staat nu in {pad}.\nHet werkt zodra je een nieuwe terminal opent.\n"
    )
    sys.exit(0)


def _toon_aanvullen(ctx: Any, param: Any, waarde: Any) -> Any:
    if not waarde or ctx.resilient_parsing:
        return waarde
    from typer._completion_shared import get_completion_script

    naam = ctx.find_root().info_name
    variabele = "_{}_COMPLETE".format(naam.replace("-", "_").upper())
    sys.stdout.write(get_completion_script(prog_name=naam, complete_var=variabele, shell=_schelp(waarde)) + "\n")
    sys.exit(0)


_OPTIE_TERUGROEP = {"install_completion": _installeer_aanvullen, "show_completion": _toon_aanvullen}


def _zonder_accolades(param: Any) -> None:
    """Typer writes a required argument as {ID} in the usage line; we write ID."""
    origineel = param.make_metavar

    def make_metavar(ctx: Any, *, usage: bool = False) -> str:
        tekst = origineel(ctx, usage=usage)
        return tekst[1:-1] if tekst.startswith("{") and tekst.endswith("}") else tekst

    param.make_metavar = make_metavar


def vernederlands_opties(command: Any) -> None:
    """Dutch help and usage placeholders for the whole command tree."""
    for param in getattr(command, "params", []):
        if param.name in _OPTIE_HULP:
            param.help = _OPTIE_HULP[param.name]
            param.callback = _OPTIE_TERUGROEP[param.name]
        if type(param).__name__ == "TyperArgument":
            _zonder_accolades(param)
            if type(param.type).__name__ == "StringParamType":  # Typer shows "<str>" next to a text argument
                param.type = _tekst()
    command.options_metavar = "[OPTIES]"
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
    for sub in getattr(command, "commands", {}).values():
        vernederlands_opties(sub)


def gebruiksfout(fout: Any) -> str:
    """A Dutch sentence for a click/typer usage error."""
    soort = type(fout).__name__
    param = getattr(fout, "param", None)
    naam = _param_naam(param)
    if soort == "NoSuchOption":
        tekst = f"De optie '{fout.option_name}' bestaat niet."
        mogelijk = getattr(fout, "possibilities", None)
        if mogelijk:
            tekst += " Bedoelde je: " + ", ".join(sorted(mogelijk)) + "?"
        return tekst
    if soort == "MissingParameter":
        uitleg = (getattr(param, "help", None) or "").strip().rstrip(".")
        uitleg = uitleg[:1].lower() + uitleg[1:]
        return f"{naam or 'Een waarde'} ontbreekt" + (f": {uitleg}." if uitleg else ".")
    if soort == "BadOptionUsage" and "requires an argument" in fout.message:
        return f"De optie '{getattr(fout, 'option_name', '')}' heeft een waarde nodig."
    if soort == "BadParameter":
        if "is not in the range" in fout.message and param is not None:
            getal = fout.message.split(" is not in the range")[0]
            return f"{getal} kan niet bij {naam}: kies {bereik(param.type)}."
        return f"Ongeldige waarde voor {naam or 'een optie'}: {_vertaal_bericht(fout.message)}"
    if "No such command" in fout.message:
        commando = fout.message.split("'")[1] if "'" in fout.message else ""
        return f"De opdracht '{commando}' bestaat niet."
    if "Got unexpected extra argument" in fout.message:
        extra = fout.message[fout.message.rfind("(") + 1 :].rstrip(")")
        return f"Te veel argumenten: '{extra}' wordt niet begrepen. Zet tekst met spaties tussen aanhalingstekens."
    if "Missing command" in fout.message:
        return "Geef een opdracht."
    return _vertaal_bericht(fout.message)


def _param_naam(param: Any) -> str | None:
    if param is None:
        return None
    opts = getattr(param, "opts", None) or []
    lange = [o for o in opts if o.startswith("--")]
    if lange:
        return f"'{lange[0]}'"
    return f"'{getattr(param, 'metavar', None) or (param.name or '').upper()}'"


def _vertaal_bericht(bericht: str) -> str:
    if "is not a valid int" in bericht:
        return f"'{bericht.split(chr(39))[1]}' is geen heel getal." if "'" in bericht else "dit is geen heel getal."
    if "is not in the range" in bericht:
        return "deze waarde ligt buiten wat kan."
    if "is not one of" in bericht:
        return "kies een van de toegestane waarden (zie --help)."
    if "does not exist" in bericht:
        return "dit pad bestaat niet."
    if "is a directory" in bericht:
        return "dit is een map, geen bestand."
    if "is a file" in bericht:
        return "dit is een bestand, geen map."
    if "does not match the format" in bericht:
        return "deze datum klopt niet; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-11-25."
    if "is not a valid float" in bericht:
        return "dit is geen getal."
    if "is not a valid boolean" in bericht:
        return "schrijf ja of nee."
    return bericht


@functools.lru_cache(maxsize=1)
def _tekst() -> Any:
    """The text type for arguments, without Typer's '<str>' next to it in the help."""
    import typer.core

    click_types = typer.core._click.types if hasattr(typer.core, "_click") else __import__("click").types

    class Tekst(click_types.StringParamType):
        def get_metavar(self, param: Any, ctx: Any) -> str:
            return ""

    return Tekst()


# Dutch for the system's error texts (strerror) that reach a message, such as "(Permission denied)".
_SYSTEEMFOUTEN = {
    errno.EACCES: "geen toestemming",
    errno.EPERM: "niet toegestaan",
    errno.ENOENT: "bestand of map bestaat niet",
    errno.EISDIR: "dit is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische links",
    errno.EBUSY: "in gebruik",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EDQUOT: "je schijfquotum is op",
    errno.ETXTBSY: "in gebruik",
    errno.EAGAIN: "tijdelijk niet beschikbaar",
    errno.EINVAL: "ongeldige waarde",
}


def vertaal_systeemfouten(tekst: str) -> str:
    """Replace the system's English error texts inside a Dutch message by Dutch ones."""
    for nummer, nederlands in _SYSTEEMFOUTEN.items():
        engels = os.strerror(nummer)
        if engels in tekst:
            tekst = tekst.replace(engels, nederlands)
    return tekst
