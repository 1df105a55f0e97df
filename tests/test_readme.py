"""The README is the user's manual: its set-up commands and examples must really run."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _blokken() -> list[tuple[str, str]]:
    return re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)


def _sessies() -> list[list[tuple[str, bool]]]:
    """Every code block's `ln ...` commands, in order, each with whether the README shows an error after it."""
    uit = []
    for taal, blok in _blokken():
        regels = blok.splitlines()
        sessie = []
        for i, regel in enumerate(regels):
            if taal in ("console", "text") and regel.startswith("$ ln "):
                opdracht = regel[2:]
            elif taal == "sh" and regel.startswith("ln "):
                opdracht = regel.split("  #")[0]
            else:
                continue
            volgende = next((r for r in regels[i + 1 :] if r.strip()), "")
            sessie.append((opdracht.strip(), volgende.startswith("Fout:")))
        if sessie:
            uit.append(sessie)
    return uit


def test_twee_opdrachten_zetten_alles_op(tmp_path: Path) -> None:
    blokken = [blok.strip() for taal, blok in _blokken() if taal == "sh"]
    installeren = "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/ln agenda --netwerk voorbeelden/netwerk.yaml"
    testen = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest -q"
    assert installeren in blokken and testen in blokken
    assert testen in (REPO / ".ci" / "run").read_text(encoding="utf-8")  # CI runs exactly the README's command


def test_de_readme_toont_elke_opdracht() -> None:
    from lerend_netwerk.entry import EIGEN_OPDRACHTEN

    for opdracht in EIGEN_OPDRACHTEN:
        assert f"ln {opdracht}" in README, opdracht


@pytest.mark.parametrize("sessie", _sessies(), ids=[s[0][0][:60] for s in _sessies()])
def test_voorbeelden_uit_de_readme_draaien(ln, tmp_path: Path, monkeypatch, sessie) -> None:
    """Each block runs as a session: `ln init` on a fresh folder, the rest on the example network."""
    shutil.copytree(REPO / "voorbeelden", tmp_path / "voorbeelden")
    if not sessie[0][0].startswith("ln init"):
        shutil.copy(REPO / "voorbeelden" / "netwerk.yaml", tmp_path / "netwerk.yaml")
    (tmp_path / "ln-bibliotheek").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    for opdracht, fout in sessie:
        args = [a.replace("~", str(tmp_path)) for a in shlex.split(opdracht)[1:]]
        uit = ln(*args)
        assert "Traceback" not in uit.err, opdracht
        if fout:
            assert uit.code == 2 and "Fout:" in uit.err, (opdracht, uit.code, uit.err)
        else:
            assert "bestaat niet" not in uit.err, (opdracht, uit.err)  # no unknown option or command
            assert uit.code in (0, 1), (opdracht, uit.code, uit.err)
