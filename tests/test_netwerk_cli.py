"""`ln init`, `ln bijeenkomst` and `ln bijeenkomsten` as a kartrekker uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from lerend_netwerk import vragen
from lerend_netwerk.statusbestand import lees_netwerk

INIT = [
    "init", "--naam", "LN Doorgaande Lijn Kanaleneiland", "--wijk", "Kanaleneiland", "--kartrekker", "Samira Bouzid",
    "--deelnemer", "Els, Kdv De Boomhut, kinderdagverblijf", "--deelnemer", "Joost, Basisschool De Regenboog, basisschool",
    "--commitment", "ja", "--commitment-toelichting", "Directeuren zitten in de klankbordgroep",
    "--motivatie", "ja", "--tijd", "deels", "--budget", "nee",
]


class Script:
    """Stands in for the person at the terminal: answers questions in order, and checks they are the expected ones."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, antwoorden: list[tuple[str, object]]) -> None:
        self.antwoorden = list(antwoorden)
        self.gesteld: list[str] = []
        monkeypatch.setattr(vragen, "heeft_terminal", lambda: True)
        for naam in ("vraag_tekst", "vraag_keuze", "vraag_meerdere", "vraag_bevestiging", "vraag_zoek"):
            monkeypatch.setattr(vragen, naam, self._antwoord)

    def _antwoord(self, vraag: str, *args: object, **kwargs: object) -> object:
        self.gesteld.append(vraag)
        assert self.antwoorden, f"unexpected question: {vraag}"
        verwacht, antwoord = self.antwoorden.pop(0)
        assert verwacht in vraag, f"expected a question about {verwacht!r}, got {vraag!r}"
        return antwoord


@pytest.fixture
def geen_vragen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal is there, but any question fails the test."""
    Script(monkeypatch, [])


@pytest.fixture
def netwerk_pad(tmp_path: Path) -> Path:
    return tmp_path / "netwerk.yaml"


@pytest.fixture
def gestart(ln, netwerk_pad: Path) -> Path:
    assert ln(*INIT).code == 0
    return netwerk_pad


# --- ln init -------------------------------------------------------------------------------


def test_init_with_flags_writes_the_network_and_asks_nothing(ln, netwerk_pad: Path, geen_vragen) -> None:
    uit = ln(*INIT)
    assert uit.code == 0, uit.err
    assert "Statusbestand gemaakt" in uit.out and "ln start" in uit.out
    n = lees_netwerk(netwerk_pad)
    assert (n.naam, n.wijk, n.kartrekker, n.fase) == (
        "LN Doorgaande Lijn Kanaleneiland", "Kanaleneiland", "Samira Bouzid", "verkenning",
    )
    assert [(d.naam, d.organisatie, d.soort) for d in n.deelnemers] == [
        ("Els", "Kdv De Boomhut", "kinderdagverblijf"), ("Joost", "Basisschool De Regenboog", "basisschool"),
    ]
    assert n.rv("commitment").toelichting == "Directeuren zitten in de klankbordgroep"
    assert [n.rv(r).status for r in ("commitment", "motivatie", "tijd", "budget")] == ["ja", "ja", "deels", "nee"]


def test_init_without_a_terminal_asks_nothing_and_needs_a_name(ln, netwerk_pad: Path) -> None:
    uit = ln("init", "--wijk", "Zuilen")
    assert uit.code == 2
    assert "--naam" in uit.err
    assert not netwerk_pad.exists()


def test_init_without_a_terminal_fills_the_rest_as_unknown(ln, netwerk_pad: Path) -> None:
    assert ln("init", "--naam", "LN Zuilen").code == 0
    n = lees_netwerk(netwerk_pad)
    assert n.deelnemers == () and n.rv("budget").status == "onbekend"


def test_init_refuses_to_overwrite_before_asking_anything(ln, gestart: Path, geen_vragen) -> None:
    voor = gestart.read_bytes()
    uit = ln("init")
    assert uit.code == 2
    assert "al een statusbestand" in uit.err and "--force" in uit.err
    assert gestart.read_bytes() == voor


def test_init_force_replaces_and_keeps_a_backup(ln, gestart: Path) -> None:
    voor = gestart.read_bytes()
    assert ln("init", "--naam", "LN Zuilen", "--force").code == 0
    assert lees_netwerk(gestart).naam == "LN Zuilen"
    assert (gestart.parent / "netwerk.yaml.bak").read_bytes() == voor


@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        (["--tijd", "misschien"], "'misschien' kan niet bij --tijd"),
        (["--deelnemer", "Els, Kdv, kinderopvang"], "'kinderopvang' is geen soort organisatie"),
        (["--fase", "verdiepen"], "Bedoelde je: verdieping?"),
        (["--starttijd", "half vier"], "'half vier' is geen tijd"),
    ],
)
def test_init_refuses_wrong_answers_in_dutch(ln, netwerk_pad: Path, extra: list[str], fout: str) -> None:
    uit = ln("init", "--naam", "LN Zuilen", *extra)
    assert uit.code == 2
    assert fout in uit.err
    assert not netwerk_pad.exists()


def test_init_wizard_asks_what_the_flags_did_not_give(ln, netwerk_pad: Path, monkeypatch) -> None:
    script = Script(monkeypatch, [
        ("Hoe heet het netwerk", "LN Overvecht"),
        ("wijk", "Overvecht"),
        ("kartrekker", "Fatima"),
        ("Naam van een deelnemer", "Els"),
        ("Organisatie van Els", "Kdv De Boomhut"),
        ("Wat voor organisatie", "kinderdagverblijf"),
        ("Naam van een deelnemer", ""),
        ("Commitment van management en directie", "ja"),
        ("Toelichting bij commitment", "Klankbordgroep is er"),
        ("Motivatie", "deels"),
        ("Toelichting bij motivatie", ""),
        ("Facilitering in tijd", "nee"),
        ("Toelichting bij tijd", ""),
        ("Facilitering in budget", "onbekend"),
        ("Toelichting bij budget", ""),
    ])
    uit = ln("init")
    assert uit.code == 0, uit.err
    assert script.antwoorden == []
    n = lees_netwerk(netwerk_pad)
    assert (n.naam, n.wijk, n.kartrekker) == ("LN Overvecht", "Overvecht", "Fatima")
    assert n.deelnemers[0].soort == "kinderdagverblijf"
    assert n.rv("commitment").toelichting == "Klankbordgroep is er"
    assert [n.rv(r).status for r in ("commitment", "motivatie", "tijd", "budget")] == ["ja", "deels", "nee", "onbekend"]


def test_init_wizard_asks_only_what_the_flags_left_open(ln, netwerk_pad: Path, monkeypatch) -> None:
    zonder_tijd = [a for i, a in enumerate(INIT) if a != "--tijd" and INIT[i - 1] != "--tijd"]
    script = Script(monkeypatch, [("Facilitering in tijd", "ja"), ("Toelichting bij tijd", "Twee uur per maand")])
    assert ln(*zonder_tijd).code == 0
    assert len(script.gesteld) == 2
    assert lees_netwerk(netwerk_pad).rv("tijd").toelichting == "Twee uur per maand"


def test_init_geen_vragen_asks_nothing_even_in_a_terminal(ln, netwerk_pad: Path, geen_vragen) -> None:
    assert ln("init", "--naam", "LN Zuilen", "--geen-vragen").code == 0
    assert lees_netwerk(netwerk_pad).kartrekker is None


def test_init_with_flags_does_not_load_questionary() -> None:
    code = (
        "import sys; from lerend_netwerk.cli import run; "
        "code = run(['init', '--naam', 'LN Zuilen', '--netwerk', sys.argv[1]]); "
        "print(code, 'questionary' in sys.modules)"
    )
    uit = subprocess.run([sys.executable, "-c", code, "netwerk.yaml"], capture_output=True, text=True, check=True)
    assert uit.stdout.split()[-2:] == ["0", "False"]


# --- ln bijeenkomst ------------------------------------------------------------------------


def test_logging_a_meeting_tells_what_it_ticked_off(ln, gestart: Path) -> None:
    uit = ln("bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "teletijdmachine", "--aanwezig", "6",
             "--notitie", "Iedereen vertelde over de eigen werkplek")
    assert uit.code == 0, uit.err
    assert "Vastgelegd: bijeenkomst van 9 januari 2026" in uit.out
    assert "Nieuw behaald bij 'Kennismaken'" in uit.out
    b = lees_netwerk(gestart).bijeenkomsten[-1]
    assert (b.datum, b.fase, b.werkvormen, b.aanwezig) == (date(2026, 1, 9), "verkenning", ("teletijdmachine",), 6)
    assert b.notities == "Iedereen vertelde over de eigen werkplek"


def test_an_unknown_work_form_is_refused_with_the_closest_ones(ln, gestart: Path) -> None:
    voor = gestart.read_bytes()
    uit = ln("bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "teletijd")
    assert uit.code == 2
    assert "'teletijd' is geen bekende werkvorm" in uit.err and "teletijdmachine" in uit.err
    assert "ln werkvormen" in uit.err
    assert gestart.read_bytes() == voor


def test_work_form_ids_are_forgiving_about_case(ln, gestart: Path) -> None:
    assert ln("bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "Talking-Stick").code == 0
    assert lees_netwerk(gestart).bijeenkomsten[-1].werkvormen == ("talking-stick",)


@pytest.mark.parametrize(("tekst", "verwacht"), [("18-09-2025", date(2025, 9, 18)), ("2025-09-18", date(2025, 9, 18))])
def test_dates_may_be_written_the_dutch_way(ln, gestart: Path, tekst: str, verwacht: date) -> None:
    assert ln("bijeenkomst", "--datum", tekst, "--aanwezig", "4").code == 0
    assert lees_netwerk(gestart).bijeenkomsten[-1].datum == verwacht


def test_without_a_date_the_meeting_is_today(ln, gestart: Path) -> None:
    assert ln("bijeenkomst", "--aanwezig", "4").code == 0
    assert lees_netwerk(gestart).bijeenkomsten[-1].datum == date.today()


def test_a_meeting_in_the_future_is_refused(ln, gestart: Path) -> None:
    morgen = (date.today() + timedelta(days=1)).isoformat()
    uit = ln("bijeenkomst", "--datum", morgen)
    assert uit.code == 2
    assert "ligt in de toekomst" in uit.err and "ln agenda" in uit.err
    assert lees_netwerk(gestart).bijeenkomsten == ()


def test_a_wrong_date_is_refused_in_dutch(ln, gestart: Path) -> None:
    uit = ln("bijeenkomst", "--datum", "31-02-2026")
    assert uit.code == 2 and "geen datum die ik ken" in uit.err


def test_without_flags_and_without_terminal_it_says_which_flags(ln, gestart: Path) -> None:
    uit = ln("bijeenkomst")
    assert uit.code == 2
    assert "--datum" in uit.err and "--werkvorm" in uit.err
    assert lees_netwerk(gestart).bijeenkomsten == ()


def test_without_flags_in_a_terminal_a_short_wizard(ln, gestart: Path, monkeypatch) -> None:
    Script(monkeypatch, [
        ("Datum", "2026-01-09"),
        ("werkvormen", ["kennismakingsoefening", "quiz-netwerkleerder"]),
        ("Wie was er niet", ["Joost"]),
        ("Hoeveel", "7"),
        ("Notitie", "Fijne start"),
        ("afspraak", "Foto's meenemen"),
        ("afspraak", ""),
        ("contract", True),
    ])
    assert ln("bijeenkomst").code == 0
    n = lees_netwerk(gestart)
    b = n.bijeenkomsten[-1]
    assert (b.datum, b.werkvormen, b.aanwezig, b.notities, b.afwezig, b.afspraken) == (
        date(2026, 1, 9), ("kennismakingsoefening", "quiz-netwerkleerder"), 7, "Fijne start", ("Joost",),
        ("Foto's meenemen",),
    )
    assert n.contract == date(2026, 1, 9)


def test_logging_on_a_planned_date_confirms_it_and_says_so(ln, gestart: Path) -> None:
    with gestart.open("a") as f:
        f.write("  - datum: 2026-01-09\n    status: gepland\n    werkvormen: [teletijdmachine]\n")
    tekst = gestart.read_text().replace("bijeenkomsten: []\n  -", "bijeenkomsten:\n  -")
    gestart.write_text(tekst)
    uit = ln("bijeenkomst", "--datum", "2026-01-09", "--aanwezig", "8")
    assert uit.code == 0, uit.err
    assert "Bevestigd: de geplande bijeenkomst van 9 januari 2026 staat nu als gehouden" in uit.out
    (b,) = lees_netwerk(gestart).bijeenkomsten
    assert (b.status, b.aanwezig, b.werkvormen) == ("gehouden", 8, ("teletijdmachine",))


def test_bijeenkomst_json(ln, gestart: Path) -> None:
    uit = ln("bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "teletijdmachine", "--json")
    data = json.loads(uit.out)
    assert data["bijeenkomst"] == {
        "datum": "2026-01-09", "fase": "verkenning", "status": "gehouden", "werkvormen": ["teletijdmachine"],
        "aanwezig": None, "afwezig": [], "notities": None, "afspraken": [],
    }
    assert data["nieuw_behaald"] == ["kennismaken-werkvorm-gedaan"]
    assert data["bevestigd_uit_planning"] is False


# --- ln bijeenkomsten ----------------------------------------------------------------------


def test_bijeenkomsten_lists_them_by_date(ln, gestart: Path) -> None:
    ln("bijeenkomst", "--datum", "2026-02-06", "--werkvorm", "contract", "--aanwezig", "5")
    ln("bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "teletijdmachine", "--notitie", "Start")
    uit = ln("bijeenkomsten")
    assert uit.code == 0
    assert uit.out.index("2026-01-09") < uit.out.index("2026-02-06")
    assert "teletijdmachine" in uit.out and "Start" in uit.out
    assert "2 gehouden, 0 gepland." in uit.out
    data = json.loads(ln("bijeenkomsten", "--json").out)
    assert [b["datum"] for b in data] == ["2026-01-09", "2026-02-06"]


def test_bijeenkomsten_on_an_empty_network(ln, gestart: Path) -> None:
    uit = ln("bijeenkomsten")
    assert uit.code == 0 and "LN Doorgaande Lijn Kanaleneiland: nog geen bijeenkomsten" in uit.out


# --- every reading command without a state file --------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["start"], ["bijeenkomst", "--aanwezig", "3"], ["bijeenkomsten"], ["fase"], ["fase", "volgende", "--ja"]],
)
def test_without_a_state_file_every_command_points_to_init(ln, args: list[str]) -> None:
    uit = ln(*args)
    assert uit.code == 2
    assert "nog geen statusbestand" in uit.err and "ln init" in uit.err
    assert "Traceback" not in uit.err


def _met_plan(pad: Path, plan: str) -> str:
    """The state file with `plan` as its only meeting."""
    tekst = pad.read_text().replace("bijeenkomsten: []\n", "bijeenkomsten:\n" + plan)
    pad.write_text(tekst)
    return tekst


def test_confirming_a_plan_keeps_the_note_that_was_there_and_says_so(ln, gestart: Path) -> None:
    _met_plan(gestart, "  - datum: 2026-01-09\n    status: gepland\n    notities: Els neemt boeken mee   # met de zaal\n")
    uit = ln("bijeenkomst", "--datum", "2026-01-09", "--aanwezig", "6", "--notitie", "Goed gesprek")
    assert uit.code == 0, uit.err
    assert "Notitie: Els neemt boeken mee — Goed gesprek" in uit.out
    assert "De notitie die er al stond, is bewaard" in uit.out
    assert "    notities: Els neemt boeken mee — Goed gesprek   # met de zaal\n" in gestart.read_text()
    (b,) = lees_netwerk(gestart).bijeenkomsten
    assert (b.status, b.aanwezig) == ("gehouden", 6)


def test_agenda_bewaar_leaves_a_plan_with_the_kartrekkers_notes_alone(ln, gestart: Path) -> None:
    tekst = _met_plan(gestart, "  - datum: 2026-12-10\n    status: gepland\n    notities: Els neemt boeken mee\n")
    uit = ln("agenda", "--bewaar", "--datum", "2026-12-10")
    assert uit.code == 2, uit.out + uit.err
    assert uit.err.startswith(f"Fout: {gestart}, regel ")
    assert "--datum" in uit.err and "Traceback" not in uit.err
    assert gestart.read_text() == tekst
    # another date is fine
    assert ln("agenda", "--bewaar", "--datum", "2026-12-17").code == 0
    assert "Els neemt boeken mee" in gestart.read_text()


def _regel_met(pad: Path, stuk: str) -> int:
    return next(i for i, regel in enumerate(pad.read_text().splitlines(), start=1) if stuk in regel)


def test_an_unknown_signal_under_behaald_stops_bijeenkomst_and_changes_nothing(ln, gestart: Path) -> None:
    gestart.write_text(gestart.read_text().replace("behaald: []", "behaald: [kennismaken-elkar-kennen]"))
    voor = gestart.read_bytes()
    uit = ln("bijeenkomst", "--datum", "2026-01-09", "--aanwezig", "6")
    assert uit.code == 2
    assert uit.err.startswith(
        f"Fout: {gestart}, regel {_regel_met(gestart, 'behaald:')}: 'kennismaken-elkar-kennen' onder 'behaald' is "
        "geen signaal. Bedoelde je: kennismaken-elkaar-kennen?"
    ), uit.err
    assert gestart.read_bytes() == voor


def test_an_unknown_work_form_of_a_logged_meeting_is_a_warning_with_its_line(ln, gestart: Path) -> None:
    _met_plan(gestart, "  - datum: 2026-01-09\n    werkvormen: [teletijdmachien]\n")
    uit = ln("bijeenkomst", "--datum", "2026-01-16", "--aanwezig", "6")
    assert uit.code == 0, uit.err
    assert uit.err.startswith(f"Let op: {gestart}, regel {_regel_met(gestart, 'teletijdmachien')}: ")
    assert "'teletijdmachien'" in uit.err and "Bedoelde je: teletijdmachine?" in uit.err
    assert len(lees_netwerk(gestart).bijeenkomsten) == 2


def test_a_state_file_that_is_a_link_stays_a_link(ln, tmp_path: Path, netwerk_pad: Path) -> None:
    echt = tmp_path / "echt" / "n.yaml"
    echt.parent.mkdir()
    assert ln(*INIT, "--netwerk", str(echt)).code == 0
    netwerk_pad.symlink_to(Path("echt") / "n.yaml")
    assert ln("bijeenkomst", "--datum", "2026-01-09", "--aanwezig", "6").code == 0
    assert ln("fase", "2", "--ja").code == 0
    assert netwerk_pad.is_symlink()
    assert [b.aanwezig for b in lees_netwerk(echt).bijeenkomsten] == [6] and lees_netwerk(echt).fase == "ontwikkeling"
    assert ln("init", "--naam", "Opnieuw", "--force").code == 0
    assert netwerk_pad.is_symlink() and lees_netwerk(echt).naam == "Opnieuw"


@pytest.mark.parametrize(
    "args",
    [["init", "--naam", "X"], ["init", "--naam", "X", "--force"], ["start"], ["bijeenkomst", "--aanwezig", "3"],
     ["bijeenkomsten"], ["fase"], ["fase", "volgende", "--ja"], ["agenda"]],
)
def test_a_folder_is_refused_as_state_file_and_nothing_is_left_behind(ln, tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "sub").mkdir()
    uit = ln(*args, "--netwerk", "sub")
    assert uit.code == 2
    assert uit.err.startswith(f"Fout: sub: dit is een map, geen bestand; geef een bestandsnaam zoals {Path('sub', 'netwerk.yaml')}")
    assert "Traceback" not in uit.err and uit.out == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache") == ["sub"]
    assert list((tmp_path / "sub").iterdir()) == []


def test_an_empty_netwerk_option_is_refused_and_leaves_no_lock(ln, tmp_path: Path) -> None:
    uit = ln("init", "--naam", "X", "--netwerk", "")
    assert uit.code == 2
    assert "dit is een map (de huidige map), geen bestand; geef een bestandsnaam zoals netwerk.yaml" in uit.err
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cache"] == []


def test_the_netwerk_option_and_environment_variable_choose_the_file(ln, tmp_path: Path, monkeypatch) -> None:
    elders = tmp_path / "elders" / "ons-netwerk.yaml"
    elders.parent.mkdir()
    assert ln("init", "--naam", "LN Elders", "--netwerk", str(elders)).code == 0
    monkeypatch.setenv("LN_NETWERK", str(elders))
    assert "LN Elders" in ln("bijeenkomsten").out
    assert not (tmp_path / "netwerk.yaml").exists()


def test_the_installed_ln_runs_the_whole_round(tmp_path: Path) -> None:
    ln = Path(sys.executable).parent / ("ln.exe" if os.name == "nt" else "ln")
    omgeving = dict(os.environ, LN_NETWERK=str(tmp_path / "netwerk.yaml"))

    def draai(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ln), *args], capture_output=True, text=True, env=omgeving, cwd=tmp_path)

    assert draai(*INIT).returncode == 0
    assert draai("bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "teletijdmachine").returncode == 0
    start = draai("start")
    assert start.returncode == 1  # tijd and budget are not in order
    assert "Nog niet klaar om te starten. Regel eerst: tijd (deels), budget (nee)." in start.stdout
