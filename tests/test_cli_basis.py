"""The CLI boundary: Dutch help and errors, exit codes, and the `ln` name."""

from __future__ import annotations

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.entry import EIGEN_OPDRACHTEN, is_eigen_aanroep


def test_eigen_opdrachten_zijn_precies_die_van_de_app() -> None:
    from lerend_netwerk.cli import laad_opdrachten
    from lerend_netwerk.entry import OPDRACHT_MODULES

    laad_opdrachten()
    commands = typer.main.get_command(app).commands.values()
    assert {cmd.name for cmd in commands} == EIGEN_OPDRACHTEN
    for cmd in commands:  # each command is where OPDRACHT_MODULES says, so `ln CMD` loads just that module
        assert cmd.callback.__module__ == f"lerend_netwerk.cli.{OPDRACHT_MODULES[cmd.name]}", cmd.name


def test_ln_herkent_zijn_eigen_aanroepen_en_laat_de_rest_door() -> None:
    assert is_eigen_aanroep([])
    assert is_eigen_aanroep(["agenda", "--duur", "90"])
    assert is_eigen_aanroep(["--help"])
    assert not is_eigen_aanroep(["-s", "a", "b"])
    assert not is_eigen_aanroep(["a", "b"])
    assert not is_eigen_aanroep(["-sf", "fasen", "link"])


def test_hulp_is_nederlands(ln) -> None:
    uit = ln("--help")
    assert uit.code == 0
    assert "Gebruik: ln [OPTIES] OPDRACHT" in uit.out
    assert "Toon deze hulp en stop." in uit.out
    assert "Show this message" not in uit.out and "Usage:" not in uit.out


def test_elke_opdracht_heeft_nederlandse_hulp(ln) -> None:
    for naam in sorted(EIGEN_OPDRACHTEN):
        uit = ln(naam, "--help")
        assert uit.code == 0, naam
        assert f"Gebruik: ln {naam}" in uit.out
        assert "Show this message" not in uit.out


def test_onbekende_optie_geeft_nederlandse_fout_en_exit_2(ln) -> None:
    uit = ln("werkvormen", "--fsae", "verkenning")
    assert uit.code == 2
    assert "De optie '--fsae' bestaat niet" in uit.err
    assert "--fase" in uit.err  # the suggestion
    assert "Traceback" not in uit.err


def test_onbekende_opdracht_geeft_exit_2(ln) -> None:
    uit = ln("agnda")
    assert uit.code == 2
    assert "De opdracht 'agnda' bestaat niet" in uit.err


def _complete(woorden: str) -> list[str]:
    import os
    import subprocess
    import sys

    env = dict(os.environ, _LN_COMPLETE="complete_bash", COMP_WORDS=woorden, COMP_CWORD=str(len(woorden.split()) - 1))
    uit = subprocess.run(
        [sys.executable, "-c", "import sys; from lerend_netwerk.cli import run; sys.exit(run(prog_name='ln'))"],
        capture_output=True, text=True, env=env,
    )
    return uit.stdout.split()


def test_tab_vult_opdrachten_en_werkvorm_ids_aan() -> None:
    assert _complete("ln werk") == ["werkvormen", "werkvorm"]
    assert _complete("ln werkvorm talk") == ["talking-stick"]
    assert _complete("ln fasen ver") == ["verkenning", "verdieping", "verankering"]
    assert _complete("ln werkvormen --fase ont") == ["ontwikkeling"]
    assert _complete("ln bijeenkomst --werkvorm leere") == ["leerestafette"]
    assert _complete("ln fase v") == ["volgende", "verkenning", "verdieping", "verankering"]


def test_geen_getal_geeft_een_nederlandse_fout(ln) -> None:
    uit = ln("agenda", "--duur", "abc")
    assert uit.code == 2
    assert "'abc' is geen heel getal" in uit.err
    assert "valid" not in uit.err
