"""Dutch for the parts of Typer's help and errors that we do not write ourselves.

Typer 0.27 has no translations (its vendored click has no gettext), so the
few fixed strings of its help screens are set here, and usage errors are
turned into Dutch sentences in `gebruiksfout`. See docs/nederlands.md.
"""

from __future__ import annotations

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
    command_cls._ln_nederlands = True


def vernederlands_opties(command: Any) -> None:
    """Dutch help and usage placeholders for the whole command tree."""
    for param in getattr(command, "params", []):
        if param.name in _OPTIE_HULP:
            param.help = _OPTIE_HULP[param.name]
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
        return f"Er ontbreekt iets: {naam or 'een waarde'}."
    if soort == "BadOptionUsage" and "requires an argument" in fout.message:
        return f"De optie '{getattr(fout, 'option_name', '')}' heeft een waarde nodig."
    if soort == "BadParameter":
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
    return f"'{(param.name or '').upper()}'"


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
