"""Console entry points.

`ln` shares its name with coreutils' `ln`. Installed first on PATH it would
catch every `ln -s a b` of the user and their scripts, so `ln` hands any call
that is not one of ours to the system's `ln`, unchanged. `lerend-netwerk`
never does. See docs/ln-naam.md.
"""

from __future__ import annotations

import os
import shutil
import sys

# Our commands and the cli module that defines each, in the order `ln --help`
# lists them. Kept here, not read from the Typer app, so that a passed-through
# `ln -s` costs no import of typer or rich, and `ln werkvormen` imports one
# command module. A test checks it matches the app.
OPDRACHT_MODULES = {
    "fasen": "kennis", "werkvormen": "kennis", "werkvorm": "kennis", "bronnen": "kennis",
    "init": "init", "start": "start", "bijeenkomst": "bijeenkomst", "bijeenkomsten": "bijeenkomst",
    "netwerk": "overzicht", "thema": "bijwerken", "deelnemer": "deelnemer", "deelnemers": "deelnemer",
    "randvoorwaarde": "bijwerken", "behaald": "bijwerken",
    "fase": "fase", "agenda": "agenda", "leid": "leid", "valkuil": "valkuil",
    "overzicht": "wijkoverzicht", "planning": "planning",
    "barometer": "barometer", "opbrengst": "opbrengst",
}
EIGEN_OPDRACHTEN = frozenset(OPDRACHT_MODULES)
EIGEN_OPTIES = frozenset({"-h", "--help", "--install-completion", "--show-completion"})


def is_eigen_aanroep(args: list[str]) -> bool:
    """True when `ln ARGS` is meant for us, not for coreutils' ln."""
    if not args:
        return True
    eerste = args[0]
    return eerste in EIGEN_OPDRACHTEN or eerste in EIGEN_OPTIES


def systeem_ln() -> str | None:
    """The first `ln` on PATH that is not this script."""
    ons = os.path.realpath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    for map_ in os.environ.get("PATH", "").split(os.pathsep):
        kandidaat = os.path.join(map_, "ln")
        if os.path.isfile(kandidaat) and os.access(kandidaat, os.X_OK) and os.path.realpath(kandidaat) != ons:
            return kandidaat
    for kandidaat in ("/bin/ln", "/usr/bin/ln"):
        if os.path.isfile(kandidaat):
            return kandidaat
    return shutil.which("ln")


def _bedoelde_opdracht(woord: str) -> str | None:
    """Our command a first word probably means (`agnda` -> `agenda`), if any."""
    if woord.startswith("-"):
        return None
    from lerend_netwerk.tekst import bedoeld as dichtbij

    bedoeld = dichtbij(woord, EIGEN_OPDRACHTEN, aantal=1, drempel=0.75)
    return bedoeld[0] if bedoeld else None


def _wijs_op_tikfout(eerste: str, bedoeld: str) -> None:
    """`ln agnda`: say which command was probably meant, then let the system's ln speak."""
    sys.stderr.write(
        f"ln: '{eerste}' is geen opdracht van lerend-netwerk. Bedoelde je: ln {bedoeld}? "
        "(Hieronder antwoordt het systeemcommando ln.)\n"
    )
    sys.stderr.flush()


def _zeg_hoe_je_het_systeem_ln_bereikt(args: list[str]) -> None:
    """`ln fasen link` with a file named `fasen` here: ours took it; say how to reach the system's ln."""
    ander = systeem_ln() or "/bin/ln"
    sys.stderr.write(
        f"ln: er staat hier ook een bestand '{args[0]}'. Wilde je met het systeemcommando ln een link maken, "
        f"gebruik dan 'ln -- {' '.join(args)}' of '{ander} {' '.join(args)}'. "
        f"Voor lerend-netwerk: 'ln {args[0]} --help'.\n"
    )


def _systeem_ln_met_uitleg(doel: str, args: list[str], bedoeld: str) -> int:
    """A file named like one of our commands (`agend`) sends the call to the system's ln; if that
    fails, say how to reach either. Only here is the system's ln run as a child, not exec'ed."""
    import subprocess

    code = subprocess.call([doel, *args])  # noqa: S603 - the system's ln with the user's own arguments
    if code != 0:
        sys.stderr.write(
            f"ln: '{args[0]}' is hier een bestand, dus deze aanroep ging naar het systeemcommando ln ({doel}). "
            f"Bedoelde je lerend-netwerk: 'ln {bedoeld}' (of 'lerend-netwerk {bedoeld}').\n"
        )
    return code


def main() -> None:
    from lerend_netwerk.cli import run

    sys.exit(run(sys.argv[1:], prog_name=os.path.basename(sys.argv[0]) or "lerend-netwerk"))


def ln_main() -> None:
    args = sys.argv[1:]
    if is_eigen_aanroep(args):
        from lerend_netwerk.cli import run

        code = run(args, prog_name="ln")
        if code == 2 and len(args) > 1 and os.path.lexists(args[0]):
            _zeg_hoe_je_het_systeem_ln_bereikt(args)
        sys.exit(code)
    bedoeld = _bedoelde_opdracht(args[0])
    bestaat = bedoeld is not None and os.path.lexists(args[0])
    if bedoeld and not bestaat:
        _wijs_op_tikfout(args[0], bedoeld)
    doel = systeem_ln()
    if doel is None:
        sys.stderr.write("ln: het systeemprogramma 'ln' is niet gevonden; gebruik 'lerend-netwerk' voor deze tool.\n")
        sys.exit(127)
    if bestaat:
        sys.exit(_systeem_ln_met_uitleg(doel, args, bedoeld))
    os.execv(doel, [doel, *args])  # noqa: S606 - the user's own ln, their own arguments, no shell
