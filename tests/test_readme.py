"""The README is the user's manual: its set-up commands must run, and its examples show what `ln` really prints."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

import readme_bijwerken

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _blokken() -> list[tuple[str, str]]:
    return re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)


def _sessies() -> list[list[str]]:
    """The `ln ...` commands of every ```sh block (their output is not shown; see readme_bijwerken for the rest)."""
    uit = []
    for taal, blok in _blokken():
        sessie = [regel.split("  #")[0].strip() for regel in blok.splitlines() if taal == "sh" and regel.startswith("ln ")]
        if sessie:
            uit.append(sessie)
    return uit


def test_twee_opdrachten_zetten_alles_op(tmp_path: Path) -> None:
    blokken = [blok.strip() for taal, blok in _blokken() if taal == "sh"]
    installeren = "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/ln agenda --netwerk voorbeelden/netwerk.yaml"
    testen = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/ruff check . && .venv/bin/python -m pytest -q"
    assert installeren in blokken and testen in blokken
    assert testen in (REPO / ".ci" / "run").read_text(encoding="utf-8")  # CI runs exactly the README's command


def test_de_readme_toont_elke_opdracht() -> None:
    from lerend_netwerk.entry import EIGEN_OPDRACHTEN

    for opdracht in EIGEN_OPDRACHTEN:
        assert f"ln {opdracht}" in README, opdracht


@pytest.mark.parametrize("sessie", _sessies(), ids=[s[0][:60] for s in _sessies()])
def test_opdrachten_uit_de_readme_draaien(ln, tmp_path: Path, monkeypatch, sessie) -> None:
    """Each ```sh block runs as a session on the example network, without an error."""
    shutil.copytree(REPO / "voorbeelden", tmp_path / "voorbeelden")
    shutil.copy(REPO / "voorbeelden" / "netwerk.yaml", tmp_path / "netwerk.yaml")
    monkeypatch.setenv("HOME", str(tmp_path))
    for opdracht in sessie:
        uit = ln(*[a.replace("~", str(tmp_path)) for a in shlex.split(opdracht)[1:]])
        assert "Traceback" not in uit.err, opdracht
        assert "bestaat niet" not in uit.err, (opdracht, uit.err)  # no unknown option or command
        assert uit.code in (0, 1), (opdracht, uit.code, uit.err)


VOORBEELDEN = readme_bijwerken.voorbeelden(README)


@pytest.mark.parametrize("voorbeeld", VOORBEELDEN, ids=[v.naam[:70] for v in VOORBEELDEN])
def test_de_readme_toont_wat_ln_echt_print(voorbeeld) -> None:
    """Every `$ ln ...` example shows what the command really prints (at COLUMNS=92, today fixed;
    see tests/readme_bijwerken.py). After a change: .venv/bin/python tests/readme_bijwerken.py"""
    uitkomsten = readme_bijwerken.voer_uit(voorbeeld, README)
    afwijkend = []
    for blok in voorbeeld.blokken:
        for opdracht in blok.opdrachten:
            code, echt = uitkomsten.pop(0)
            tekst = "\n".join(echt)
            assert "Traceback" not in tekst, (opdracht.regel, tekst)
            fout_getoond = next((r for r in opdracht.getoond if r.strip()), "").startswith("Fout:")
            assert code == 2 if fout_getoond else code in (0, 1), (opdracht.regel, code, tekst)
            if not blok.overslaan and not readme_bijwerken.past(opdracht.getoond, echt):
                afwijkend.append(f"README.md:{blok.regelnummer}\n" + readme_bijwerken.verschil(opdracht, echt))
    assert not afwijkend, (
        "De README toont iets anders dan ln print. Bijwerken: .venv/bin/python tests/readme_bijwerken.py\n\n"
        + "\n\n".join(afwijkend)
    )
