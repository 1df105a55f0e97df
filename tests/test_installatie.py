"""The tool as a user gets it: a wheel in a fresh venv, run outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def venv_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    basis = tmp_path_factory.mktemp("installatie")
    dist = basis / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(REPO)],
        check=True, capture_output=True,
    )
    wielen = list(dist.glob("lerend_netwerk-*.whl"))
    assert len(wielen) == 1
    omgeving = basis / "venv"
    venv.EnvBuilder(with_pip=True).create(omgeving)
    subprocess.run([str(omgeving / "bin" / "pip"), "install", "-q", str(wielen[0])], check=True, capture_output=True)
    return omgeving / "bin"


@pytest.fixture
def elders(tmp_path: Path) -> Path:
    """A folder far from the repository, where a user would run the tool."""
    map_ = tmp_path / "ergens"
    map_.mkdir()
    return map_


def _draai(venv_bin: Path, cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("LN_")}
    omgeving["PATH"] = f"{venv_bin}{os.pathsep}{omgeving.get('PATH', '')}"
    omgeving["LN_CACHE"] = str(cwd.parent / "ln-cache")  # never the user's own cache folder
    omgeving.update(env or {})
    return subprocess.run(list(args), cwd=cwd, env=omgeving, capture_output=True, text=True, timeout=120)


def test_wiel_bevat_de_kennisbank_en_werkt_buiten_de_repo(venv_bin: Path, elders: Path) -> None:
    uit = _draai(venv_bin, elders, "ln", "werkvormen", "--json")
    assert uit.returncode == 0, uit.stderr
    werkvormen = json.loads(uit.stdout)
    assert len(werkvormen) >= 35
    assert {"id", "naam", "fasen", "duur", "bron", "beschrijving"} <= set(werkvormen[0])


def test_drie_ingangen_geven_hetzelfde(venv_bin: Path, elders: Path) -> None:
    uitvoer = [
        _draai(venv_bin, elders, *cmd, "fasen", "--json").stdout
        for cmd in (["ln"], ["lerend-netwerk"], [str(venv_bin / "python"), "-m", "lerend_netwerk"])
    ]
    assert uitvoer[0] == uitvoer[1] == uitvoer[2]
    assert [f["id"] for f in json.loads(uitvoer[0])] == [
        "verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering",
    ]


def test_ln_min_s_maakt_nog_steeds_een_symbolische_link(venv_bin: Path, elders: Path) -> None:
    (elders / "doel.txt").write_text("hallo", encoding="utf-8")
    uit = _draai(venv_bin, elders, "sh", "-c", "command -v ln && ln -s doel.txt link.txt")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip().startswith(str(venv_bin))  # our ln really is first on PATH
    assert (elders / "link.txt").is_symlink()
    assert os.readlink(elders / "link.txt") == "doel.txt"


def test_ln_zonder_opties_maakt_nog_steeds_een_harde_link(venv_bin: Path, elders: Path) -> None:
    (elders / "doel.txt").write_text("hallo", encoding="utf-8")
    uit = _draai(venv_bin, elders, "ln", "doel.txt", "hard.txt")
    assert uit.returncode == 0, uit.stderr
    assert (elders / "hard.txt").stat().st_ino == (elders / "doel.txt").stat().st_ino


def test_ln_geeft_fouten_en_exitcode_van_het_systeem_door(venv_bin: Path, elders: Path) -> None:
    ons = _draai(venv_bin, elders, "ln", "bestaat-niet.txt", "ergens-heen.txt")
    systeem = subprocess.run(["/bin/ln", "bestaat-niet.txt", "ergens-heen.txt"], cwd=elders, capture_output=True, text=True)
    assert ons.returncode == systeem.returncode != 0
    assert "bestaat-niet.txt" in ons.stderr


def test_lerend_netwerk_geeft_nooit_door_aan_het_systeem(venv_bin: Path, elders: Path) -> None:
    (elders / "doel.txt").write_text("hallo", encoding="utf-8")
    uit = _draai(venv_bin, elders, "lerend-netwerk", "-s", "doel.txt", "link.txt")
    assert uit.returncode == 2
    assert not (elders / "link.txt").exists()
    assert "bestaat niet" in uit.stderr and "Traceback" not in uit.stderr


def test_valkuil_vindt_de_aanpak_vanuit_het_wiel(venv_bin: Path, elders: Path) -> None:
    uit = _draai(venv_bin, elders, "ln", "valkuil", "--json", "er", "zeggen", "steeds", "mensen", "af")
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout)[0]["id"] == "afzeggingen"


def test_agenda_van_het_voorbeeldnetwerk_vanuit_het_wiel(venv_bin: Path, elders: Path) -> None:
    uit = _draai(venv_bin, elders, "ln", "agenda", "--json", "--netwerk", str(REPO / "voorbeelden" / "netwerk.yaml"))
    assert uit.returncode == 0, uit.stderr
    agenda = json.loads(uit.stdout)
    assert agenda["fase"] == "ontwikkeling" and agenda["duur"] == 90
    assert sum(o["duur"] for o in agenda["onderdelen"]) <= 90


def test_tikfout_in_een_opdracht_krijgt_een_hint(venv_bin: Path, elders: Path) -> None:
    uit = _draai(venv_bin, elders, "ln", "agnda")
    assert "Bedoelde je: ln agenda?" in uit.stderr
    assert uit.returncode != 0  # and the system's ln still answered


def test_afgebroken_pijp_is_geen_nee(venv_bin: Path, elders: Path) -> None:
    # rich writes the literature list line by line: once head has its line, the next write fails
    uit = _draai(venv_bin, elders, "bash", "-c", "set -o pipefail; ln bronnen | head -1")
    assert uit.returncode == 0, uit.stderr
    assert "Literatuur en bronnen" in uit.stdout
    assert "Traceback" not in uit.stderr and "BrokenPipe" not in uit.stderr


def test_een_netwerk_bijhouden_vanuit_het_wiel(venv_bin: Path, elders: Path) -> None:
    stappen = [
        ("ln", "init", "--naam", "LN Zuilen", "--deelnemer", "Els, Kdv De Boomhut, kinderdagverblijf",
         "--commitment", "ja", "--motivatie", "ja", "--tijd", "ja", "--budget", "nee"),
        ("ln", "bijeenkomst", "--datum", "2026-09-18", "--werkvorm", "teletijdmachine", "--aanwezig", "5"),
        ("ln", "fase", "volgende", "--ja"),
        ("ln", "bijeenkomsten", "--json"),
    ]
    for stap in stappen:
        uit = _draai(venv_bin, elders, *stap)
        assert uit.returncode == 0, (stap, uit.stderr)
    assert json.loads(uit.stdout)[0]["werkvormen"] == ["teletijdmachine"]
    start = _draai(venv_bin, elders, "ln", "start")
    assert start.returncode == 1 and "budget (nee)" in start.stdout  # checked, and the answer is no
    tekst = (elders / "netwerk.yaml").read_text(encoding="utf-8")
    assert "fase: ontwikkeling" in tekst and "# " in tekst  # the commented file ln init wrote, edited in place
