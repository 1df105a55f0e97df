"""`ln fase`: where the network stands, and moving it on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lerend_netwerk import vragen
from lerend_netwerk.statusbestand import lees_netwerk

BESTAND = """\
naam: LN Kanaleneiland
fase: ontwikkeling   # bijgehouden met ln
thema:
  speerpunt: Warme overdracht
afspraken:
  contract: 2026-10-02
behaald: [sfeer-iedereen-spreekt]
bijeenkomsten:
  - datum: 2026-09-18
    werkvormen: [teletijdmachine]
    fase: verkenning
  - datum: 2026-10-02
    werkvormen: [levend-domino]
    fase: ontwikkeling
"""


@pytest.fixture
def pad(tmp_path: Path) -> Path:
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(BESTAND)
    return pad


def bevestig(monkeypatch: pytest.MonkeyPatch, antwoord: bool) -> list[str]:
    gevraagd: list[str] = []
    monkeypatch.setattr(vragen, "heeft_terminal", lambda: True)

    def vraag_bevestiging(vraag: str, standaard: bool = False) -> bool:
        gevraagd.append(vraag)
        return antwoord

    monkeypatch.setattr(vragen, "vraag_bevestiging", vraag_bevestiging)
    return gevraagd


def test_the_picture_marks_the_current_phase_and_ticks_the_passed_ones(ln, pad: Path) -> None:
    uit = ln("fase")
    assert uit.code == 0
    regels = uit.out.splitlines()
    lijn = next(r for r in regels if r.startswith("✔"))
    assert lijn.startswith("✔━━━━━━━━━━━━━━━▶───") and lijn.count("○") == 3
    assert "1 Verkenning    2 ONTWIKKELING  3 Verdieping    4 Inbedding     5 Verankering" in regels


def test_on_a_narrow_screen_the_phases_are_a_list(ln, pad: Path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    uit = ln("fase")
    assert "✔ 1 Verkenning\n▶ 2 ONTWIKKELING  ← hier\n○ 3 Verdieping" in uit.out


def test_aims_are_ticked_off_from_the_state(ln, pad: Path) -> None:
    uit = ln("fase")
    assert "Fase 2 Ontwikkeling: 0 van 6 doelen behaald" in uit.out
    tekst = " ".join(uit.out.split())  # undo the wrapping
    assert "✔ Er is een speerpunt uit het UKK gekozen als gezamenlijk thema. — staat in het statusbestand (thema: speerpunt)" in tekst
    assert "✔ Er is een contract gemaakt" in tekst
    assert "levend-domino gedaan op 2026-10-02" in tekst
    assert "door jou afgevinkt" in tekst  # behaald: [sfeer-iedereen-spreekt]
    assert "· Het netwerk heeft een gezamenlijk leerdoel vastgesteld. — nog niet ingevuld" in tekst
    assert "ln behaald ID" in tekst


def test_fase_json(ln, pad: Path) -> None:
    data = json.loads(ln("fase", "--json").out)
    assert data["fase"] == "ontwikkeling"
    assert [f["voorbij"] for f in data["fasen"]] == [True, False, False, False, False]
    sfeer = next(d for d in data["doelen"] if d["id"] == "veilige-sfeer")
    assert [s["behaald"] for s in sfeer["signalen"]] == [True, True, True, False]


def test_volgende_shows_the_open_aims_asks_and_moves_on(ln, pad: Path, monkeypatch) -> None:
    gevraagd = bevestig(monkeypatch, True)
    uit = ln("fase", "volgende")
    assert uit.code == 0, uit.err
    assert gevraagd == ["Van Ontwikkeling naar fase 3 Verdieping?"]
    assert uit.out.index("Nog open in Ontwikkeling:") < uit.out.index("Het netwerk staat nu in fase 3 Verdieping.")
    assert "○ Keuze van het gezamenlijke thema (3 van 4 signalen open)" in uit.out
    assert pad.read_text() == BESTAND.replace("fase: ontwikkeling   #", "fase: verdieping   #")


def test_volgende_answered_no_changes_nothing(ln, pad: Path, monkeypatch) -> None:
    bevestig(monkeypatch, False)
    uit = ln("fase", "volgende")
    assert uit.code == 1
    assert "Niets veranderd." in uit.out
    assert pad.read_text() == BESTAND


def test_volgende_without_a_terminal_needs_ja(ln, pad: Path) -> None:
    uit = ln("fase", "volgende")
    assert uit.code == 2
    assert "--ja" in uit.err
    assert pad.read_text() == BESTAND


def test_volgende_ja_asks_nothing(ln, pad: Path, monkeypatch) -> None:
    gevraagd = bevestig(monkeypatch, False)
    assert ln("fase", "volgende", "--ja").code == 0
    assert gevraagd == []
    assert lees_netwerk(pad).fase == "verdieping"


def test_the_last_phase_has_no_next(ln, pad: Path) -> None:
    pad.write_text(BESTAND.replace("fase: ontwikkeling   #", "fase: verankering   #"))
    uit = ln("fase", "volgende", "--ja")
    assert uit.code == 1
    assert "al in de laatste fase, Verankering" in uit.err


@pytest.mark.parametrize(("actie", "fase"), [("4", "inbedding"), ("Verkenning", "verkenning")])
def test_a_phase_can_be_set_directly(ln, pad: Path, actie: str, fase: str) -> None:
    assert ln("fase", actie, "--ja").code == 0
    assert lees_netwerk(pad).fase == fase


def test_going_back_does_not_list_open_aims(ln, pad: Path) -> None:
    uit = ln("fase", "1", "--ja")
    assert "Nog open" not in uit.out


def test_an_unknown_phase_is_refused_with_a_suggestion(ln, pad: Path) -> None:
    uit = ln("fase", "verdiepen", "--ja")
    assert uit.code == 2
    assert "Bedoelde je: verdieping?" in uit.err
    assert pad.read_text() == BESTAND


def test_the_same_phase_is_a_no_op(ln, pad: Path) -> None:
    uit = ln("fase", "ontwikkeling", "--ja")
    assert uit.code == 0 and "staat al in fase 2 Ontwikkeling" in uit.out
    assert not (pad.parent / "netwerk.yaml.bak").exists()


def test_meetings_logged_after_moving_on_belong_to_the_new_phase(ln, pad: Path) -> None:
    ln("fase", "volgende", "--ja")
    ln("bijeenkomst", "--datum", "2026-11-06", "--werkvorm", "worldcafe")
    b = lees_netwerk(pad).bijeenkomsten[-1]
    assert (b.datum, b.fase) == (date(2026, 11, 6), "verdieping")


def test_moving_on_shows_the_new_place_briefly(ln, pad: Path) -> None:
    uit = ln("fase", "volgende", "--ja")
    assert "3 VERDIEPING" in uit.out and "ln fase toont de doelen" in uit.out
    assert "doelen behaald" not in uit.out  # the full list is one 'ln fase' away


def test_moving_on_with_json_gives_the_new_state(ln, pad: Path) -> None:
    data = json.loads(ln("fase", "volgende", "--ja", "--json").out)
    assert data["fase"] == "verdieping"
    assert [f["huidig"] for f in data["fasen"]] == [False, False, True, False, False]


def test_signals_of_our_own_reading_are_marked(ln, pad: Path, kennisbank) -> None:
    tekst = " ".join(ln("fase").out.split())
    signalen = [s for d in kennisbank.fase("ontwikkeling").doelen for s in d.signalen]
    eigen = [s for s in signalen if s.eigen_lezing]
    handreiking = [s for s in signalen if not s.eigen_lezing]
    assert eigen and handreiking
    for s in eigen:
        assert f"{s.tekst} (eigen lezing, niet uit de Handreiking) —" in tekst, s.id
    for s in handreiking:
        assert f"{s.tekst} —" in tekst, s.id
    data = json.loads(ln("fase", "--json").out)
    assert {s["id"]: s["eigen_lezing"] for d in data["doelen"] for s in d["signalen"]} == {s.id: s.eigen_lezing for s in signalen}


@pytest.mark.parametrize("args", [["fase"], ["fase", "volgende", "--ja"]])
def test_an_unknown_signal_under_behaald_is_an_error(ln, pad: Path, args: list[str]) -> None:
    pad.write_text(BESTAND.replace("behaald: [sfeer-iedereen-spreekt]", "behaald: [sfeer-iedereen-sprekt]"))
    voor = pad.read_bytes()
    uit = ln(*args)
    assert uit.code == 2 and uit.out == ""
    assert uit.err.startswith(f"Fout: {pad}, regel 7: 'sfeer-iedereen-sprekt' onder 'behaald' is geen signaal. "
                              "Bedoelde je: sfeer-iedereen-spreekt?"), uit.err
    assert pad.read_bytes() == voor
