"""Browsing the knowledge base from the terminal, as a kartrekker would."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def test_fasen_in_een_oogopslag(ln) -> None:
    uit = ln("fasen")
    assert uit.code == 0
    for naam in ("1. Verkenning", "2. Ontwikkeling", "3. Verdieping", "4. Inbedding", "5. Verankering"):
        assert naam in uit.out
    assert "Give and take" in uit.out


@pytest.mark.parametrize("naam", ["ontwikkeling", "Ontwikkeling", "2"])
def test_een_fase_volledig(ln, naam: str) -> None:
    uit = ln("fasen", naam)
    assert uit.code == 0
    assert "Fase 2: Ontwikkeling" in uit.out
    assert "Keuze van het gezamenlijke thema" in uit.out
    assert "gewichten-plakken" in uit.out and "LN in perspectief, p. 64" in uit.out
    assert "eigen lezing, niet uit de Handreiking" in uit.out


def test_onbekende_fase(ln) -> None:
    uit = ln("fasen", "ontwikeling")
    assert uit.code == 2
    assert "'ontwikeling' is geen fase" in uit.err and "Bedoelde je: ontwikkeling" in uit.err


def test_werkvormen_per_fase(ln) -> None:
    uit = ln("werkvormen", "--fase", "verdieping", "--json")
    ids = {w["id"] for w in json.loads(uit.out)}
    assert {"worldcafe", "verbeelding", "maatjesleren"} <= ids
    assert "kennismakingsoefening" not in ids


def test_werkvormen_zoeken_zonder_hoofdletters_of_accenten(ln) -> None:
    ids = {w["id"] for w in json.loads(ln("werkvormen", "--zoek", "IDEEENMUUR", "--json").out)}
    assert ids == {"ideeenmuur"}
    uit = ln("werkvormen", "--zoek", "xyzzy appeltaart")
    assert uit.code == 0 and "Geen werkvormen gevonden" in uit.out


def test_werkvormen_json_contract(ln) -> None:
    werkvormen = json.loads(ln("werkvormen", "--json").out)
    for w in werkvormen:
        assert isinstance(w["id"], str) and isinstance(w["naam"], str)
        assert set(w["fasen"]) <= {"verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering"} and w["fasen"]
        assert isinstance(w["duur"], int) and w["duur_min"] <= w["duur"] <= w["duur_max"]
        assert w["bron"] is None or isinstance(w["bron"], str)
        assert w["beschrijving"]
    kennis = next(w for w in werkvormen if w["id"] == "kennismakingsoefening")
    assert kennis["fasen"] == ["verkenning"]
    assert kennis["bron"] == "LN in perspectief, p. 51, op een meer verdiepende manier: p. 82"


def test_een_werkvorm_volledig(ln) -> None:
    uit = ln("werkvorm", "talking-stick")
    assert uit.code == 0
    assert "Talking stick" in uit.out and "LN in perspectief, p. 101" in uit.out
    assert "eigen uitwerking, niet uit de Handreiking" in uit.out


def test_verkeerd_getypt_id_krijgt_een_suggestie(ln) -> None:
    uit = ln("werkvorm", "talkingstik")
    assert uit.code == 2
    assert "Bedoelde je: talking-stick" in uit.err


def test_bronnen(ln) -> None:
    uit = ln("bronnen")
    assert uit.code == 0
    for stukje in ("Vragen om meer", "2012", "Permanent leren als team", "Toolkit Netwerkleren", "nuvoorlaterutrecht.nl",
                   "intervisie"):
        assert stukje in uit.out
    data = json.loads(ln("bronnen", "--json").out)
    assert {b["id"] for b in data["bronnen"]} >= {"ukk", "mertens-2012", "ln-in-perspectief", "permanent-leren-als-team"}
    assert len(data["steun_voor_kartrekkers"]) == 2


def test_eigen_bibliotheek_via_omgeving(ln, tmp_path, monkeypatch) -> None:
    (tmp_path / "bieb").mkdir()
    (tmp_path / "bieb" / "eigen.yaml").write_text(
        "werkvormen:\n  - id: wandeling\n    naam: Wandelend leren\n    soort: werkvorm\n"
        "    beschrijving: Samen lopen en praten.\n    vermeldingen:\n      - fase: verdieping\n"
        "    uitwerking:\n      duur: 20\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("LN_BIBLIOTHEEK", str(tmp_path / "bieb"))
    uit = ln("werkvormen", "--fase", "verdieping")
    assert "wandeling" in uit.out and "(eigen)" in uit.out


def test_kapotte_eigen_bibliotheek_geeft_bestand_en_regel(ln, tmp_path) -> None:
    (tmp_path / "bieb.yaml").write_text("werkvormen:\n  - id: x\n    naam: [kapot\n", encoding="utf-8")
    uit = ln("werkvormen", "--bibliotheek", str(tmp_path / "bieb.yaml"))
    assert uit.code == 2
    assert f"{tmp_path / 'bieb.yaml'}, regel" in uit.err
    assert "Traceback" not in uit.err


def test_doorgesluisd_is_platte_tekst_zonder_opmaakcodes(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "FORCE_COLOR")}
    uit = subprocess.run([sys.executable, "-m", "lerend_netwerk", "werkvormen"], capture_output=True, text=True, env=env)
    assert uit.returncode == 0
    assert "\x1b[" not in uit.stdout and "[bold]" not in uit.stdout
    assert "talking-stick" in uit.stdout


def test_no_color_geeft_ook_in_een_terminal_geen_opmaakcodes() -> None:
    env = dict(os.environ, NO_COLOR="1", FORCE_COLOR="1", TTY_COMPATIBLE="1", TERM="xterm-256color")
    uit = subprocess.run([sys.executable, "-m", "lerend_netwerk", "werkvorm", "talking-stick"], capture_output=True,
                         text=True, env=env)
    assert uit.returncode == 0
    assert "Talking stick" in uit.stdout and "\x1b[" not in uit.stdout
    zonder = dict(env)
    del zonder["NO_COLOR"]
    gekleurd = subprocess.run([sys.executable, "-m", "lerend_netwerk", "werkvorm", "talking-stick"], capture_output=True,
                              text=True, env=zonder)
    assert "\x1b[" in gekleurd.stdout  # the check above can fail: without NO_COLOR there is markup
