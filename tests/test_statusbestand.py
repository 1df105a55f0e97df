"""The state file: what it accepts, and that writing it never loses anything."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Bijeenkomst, Deelnemer, Netwerk, RvStatus
from lerend_netwerk.statusbestand import (
    lees_netwerk,
    lees_netwerk_met_tekst,
    leg_bijeenkomst_vast,
    netwerk_uit_data,
    schrijf_nieuw,
    schrijven,
    voeg_bijeenkomst_toe,
    zet_fase,
)
from lerend_netwerk.yamlbron import lees_yaml_bytes

VOORBEELD = """\
# Ons netwerk; bijgehouden met ln
naam: LN Doorgaande Lijn Kanaleneiland
wijk: Kanaleneiland
kartrekker: Samira Bouzid
fase: ontwikkeling          # verkenning | ontwikkeling | verdieping | inbedding | verankering
starttijd: 15:30
randvoorwaarden:
  commitment: ja
  motivatie:
    status: ja
    toelichting: Iedereen koos zelf om mee te doen
  tijd: deels
  budget: nee
thema:
  speerpunt: Warme overdracht van peuterspeelzaal naar groep 1
  ukk_hoofdstuk: 4
  gezamenlijk_leerdoel: We maken samen een overdrachtsformulier
afspraken:
  contract: 2026-10-02
deelnemers:
  - {naam: Els, organisatie: Kdv De Boomhut, soort: kinderdagverblijf, leerdoel: Beter overdragen}
  - naam: Joost
    organisatie: Basisschool De Regenboog
    soort: basisschool
behaald: [kennismaken-elkaar-kennen]
eigen_lijstje:    # een veld dat ln niet kent
  - koffie regelen
bijeenkomsten:
  - datum: 2026-09-18
    fase: verkenning
    werkvormen: [teletijdmachine, kennismakingsoefening]
    aanwezig: 6
    notities: Goede start
  - datum: 2026-10-02
    fase: ontwikkeling
    werkvormen: [contract]   # het contract gemaakt
    aanwezig: 5
# einde van de lijst
"""


def schrijf(pad: Path, tekst: str | bytes) -> Path:
    if isinstance(tekst, str):
        tekst = tekst.encode("utf-8")
    pad.write_bytes(tekst)
    return pad


def vers(pad: Path) -> Netwerk:
    """The file parsed afresh, past the cache: what a new run on another machine would read."""
    return netwerk_uit_data(lees_yaml_bytes(pad.read_bytes(), str(pad), ""), str(pad))


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    return schrijf(tmp_path / "netwerk.yaml", VOORBEELD)


# --- reading ------------------------------------------------------------------------


def test_the_full_example_is_read_into_every_field(voorbeeld: Path) -> None:
    n = lees_netwerk(voorbeeld)
    assert (n.naam, n.wijk, n.kartrekker, n.fase) == (
        "LN Doorgaande Lijn Kanaleneiland", "Kanaleneiland", "Samira Bouzid", "ontwikkeling",
    )
    assert n.starttijd == "15:30"  # unquoted 15:30 is the number 930 to YAML 1.1
    assert n.rv("commitment") == RvStatus("ja")
    assert n.rv("motivatie") == RvStatus("ja", "Iedereen koos zelf om mee te doen")
    assert [n.rv(r).status for r in ("tijd", "budget")] == ["deels", "nee"]
    assert n.thema.ukk_hoofdstuk == 4
    assert n.contract == date(2026, 10, 2)
    assert n.deelnemers[0] == Deelnemer("Els", "Kdv De Boomhut", "kinderdagverblijf", "Beter overdragen")
    assert n.deelnemers[1].soort == "basisschool"
    assert n.behaald == ("kennismaken-elkaar-kennen",)
    assert [b.datum for b in n.bijeenkomsten] == [date(2026, 9, 18), date(2026, 10, 2)]
    assert n.bijeenkomsten[0].werkvormen == ("teletijdmachine", "kennismakingsoefening")


def test_only_name_and_phase_are_needed(tmp_path: Path) -> None:
    n = lees_netwerk(schrijf(tmp_path / "n.yaml", "naam: LN Zuilen\nfase: Verkenning\n"))
    assert n == Netwerk(naam="LN Zuilen", fase="verkenning")
    assert n.rv("budget").status == "onbekend"


def test_the_lines_ids_stood_on_are_no_part_of_the_network(tmp_path: Path) -> None:
    eerst = lees_netwerk(schrijf(tmp_path / "a.yaml", "naam: X\nfase: verkenning\nbehaald: [kennismaken-elkaar-kennen]\n"))
    later = lees_netwerk(schrijf(tmp_path / "b.yaml", "naam: X\nfase: verkenning\n\n\nbehaald:\n  - kennismaken-elkaar-kennen\n"))
    assert eerst.regels != later.regels
    assert eerst == later and not eerst != later
    assert eerst != eerst._replace(fase="ontwikkeling")


def test_a_participant_may_be_just_a_name(tmp_path: Path) -> None:
    n = lees_netwerk(schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\ndeelnemers: [Els, Joost]\n"))
    assert [d.naam for d in n.deelnemers] == ["Els", "Joost"]


def test_an_empty_precondition_counts_as_unknown(tmp_path: Path) -> None:
    n = lees_netwerk(schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\nrandvoorwaarden:\n  tijd:\n"))
    assert n.rv("tijd").status == "onbekend"


@pytest.mark.parametrize("waarde", ["yes", "true", "no", "off"])
def test_yaml_booleans_as_precondition_are_refused_with_a_hint(tmp_path: Path, waarde: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", f"naam: X\nfase: verkenning\nrandvoorwaarden:\n  budget: {waarde}\n")
    with pytest.raises(LnFout) as fout:
        lees_netwerk(pad)
    assert fout.value.regel == 4
    assert "Schrijf ja, deels, nee of onbekend" in fout.value.bericht


def test_unknown_keys_are_ignored_not_refused(voorbeeld: Path) -> None:
    assert lees_netwerk(voorbeeld).naam  # 'eigen_lijstje' is not an error


def test_a_missing_file_points_to_ln_init(tmp_path: Path) -> None:
    with pytest.raises(LnFout) as fout:
        lees_netwerk(tmp_path / "netwerk.yaml")
    assert "ln init" in fout.value.advies
    assert fout.value.exit_code == 2


def test_a_typo_in_a_precondition_is_refused_with_the_closest_name(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\nrandvoorwaarden:\n  tijd: ja\n  comitment: ja\n")
    with pytest.raises(LnFout) as fout:
        lees_netwerk(pad)
    assert (fout.value.bestand, fout.value.regel, fout.value.exit_code) == (str(pad), 5, 2)
    assert "'comitment' is geen randvoorwaarde. Bedoelde je: commitment?" in fout.value.bericht


@pytest.mark.parametrize("waarde", ['"2026-01-01"', "'2026-01-01'", '"01-01-2026"'])
def test_a_quoted_date_is_read_as_that_date(tmp_path: Path, waarde: str) -> None:
    pad = schrijf(
        tmp_path / "n.yaml",
        f"naam: X\nfase: verkenning\nafspraken:\n  contract: {waarde}\nbijeenkomsten:\n  - datum: {waarde}\n",
    )
    netwerk = lees_netwerk(pad)
    assert netwerk.bijeenkomsten[0].datum == date(2026, 1, 1) == netwerk.contract
    voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 2, 6)))  # and the file can still be written
    assert f"  - datum: {waarde}\n  - datum: 2026-02-06\n" in pad.read_text()


def test_a_date_that_is_no_date_is_still_refused(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\nbijeenkomsten:\n  - datum: \"volgende week\"\n")
    with pytest.raises(LnFout) as fout:
        lees_netwerk(pad)
    assert fout.value.regel == 4 and "2026-09-18" in fout.value.bericht


def test_a_folder_is_no_state_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for doe in (
        lambda: lees_netwerk(tmp_path / "sub"),
        lambda: voeg_bijeenkomst_toe(tmp_path / "sub", Bijeenkomst(date(2026, 2, 6))),
        lambda: zet_fase(tmp_path / "sub", "verdieping"),
        lambda: schrijf_nieuw(tmp_path / "sub", Netwerk(naam="X", fase="verkenning"), overschrijven=True),
    ):
        with pytest.raises(LnFout) as fout:
            doe()
        assert "dit is een map, geen bestand" in fout.value.bericht
        assert str(tmp_path / "sub" / "netwerk.yaml") in fout.value.bericht
        assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]  # no lock, no backup, nothing


def test_the_text_comes_back_exactly(voorbeeld: Path) -> None:
    assert lees_netwerk_met_tekst(voorbeeld)[1] == VOORBEELD


# --- adding a meeting -----------------------------------------------------------------


def test_a_meeting_is_appended_and_everything_else_stays_byte_for_byte(voorbeeld: Path) -> None:
    netwerk = voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6), werkvormen=("talking-stick",), aanwezig=7))
    nieuw = voorbeeld.read_text()
    ingevoegd = (
        "  - datum: 2026-11-06\n    fase: ontwikkeling\n    werkvormen: [talking-stick]\n    aanwezig: 7\n"
    )
    # after the last item (and its trailing comment), before the comment that closes the list
    assert nieuw == VOORBEELD.replace("# einde van de lijst\n", ingevoegd + "# einde van de lijst\n")
    assert netwerk.bijeenkomsten[-1] == Bijeenkomst(date(2026, 11, 6), "ontwikkeling", ("talking-stick",), 7)
    assert vers(voorbeeld) == lees_netwerk(voorbeeld) == netwerk


def test_a_hand_edit_after_a_write_is_always_seen(voorbeeld: Path) -> None:
    voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6)))
    lees_netwerk(voorbeeld)  # now known to the cache
    voorbeeld.write_text(voorbeeld.read_text().replace("wijk: Kanaleneiland", "wijk: Zuilen"))
    assert lees_netwerk(voorbeeld).wijk == "Zuilen"
    voorbeeld.write_text(voorbeeld.read_text().replace("fase: ontwikkeling ", "fase: ontwikkelen "))
    with pytest.raises(LnFout):
        lees_netwerk(voorbeeld)


def test_what_a_write_returns_is_what_a_fresh_read_gives(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\n")
    netwerk = voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6), werkvormen=(" contract ",), notities=" Kort "))
    assert netwerk == vers(pad) == lees_netwerk(pad)
    assert netwerk.bijeenkomsten[0].notities == "Kort"


def test_the_previous_version_is_kept_as_backup(voorbeeld: Path) -> None:
    voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6)))
    assert (voorbeeld.parent / "netwerk.yaml.bak").read_text() == VOORBEELD
    voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 7)))
    assert lees_netwerk(voorbeeld.parent / "netwerk.yaml.bak").bijeenkomsten[-1].datum == date(2026, 11, 6)


@pytest.mark.parametrize(
    ("voor", "na"),
    [
        ("bijeenkomsten:\n", "bijeenkomsten:\n  - datum: 2026-11-06\n    fase: verkenning\n"),
        ("bijeenkomsten: []\n", "bijeenkomsten:\n  - datum: 2026-11-06\n    fase: verkenning\n"),
        ("bijeenkomsten: ~   # nog niets\nwijk: Zuilen\n",
         "bijeenkomsten:    # nog niets\n  - datum: 2026-11-06\n    fase: verkenning\nwijk: Zuilen\n"),
        ("", "bijeenkomsten:\n  - datum: 2026-11-06\n    fase: verkenning\n"),
        # indentless list, and four spaces after the dash
        ("bijeenkomsten:\n- datum: 2026-09-18\n",
         "bijeenkomsten:\n- datum: 2026-09-18\n- datum: 2026-11-06\n  fase: verkenning\n"),
        ("bijeenkomsten:\n    -   datum: 2026-09-18\n        aanwezig: 3\n",
         "bijeenkomsten:\n    -   datum: 2026-09-18\n        aanwezig: 3\n    -   datum: 2026-11-06\n        fase: verkenning\n"),
        # flow style stays flow style
        ("bijeenkomsten: [{datum: 2026-09-18}]  # kort\n",
         "bijeenkomsten: [{datum: 2026-09-18}, {datum: 2026-11-06, fase: verkenning}]  # kort\n"),
        ("bijeenkomsten:\n  - {datum: 2026-09-18}\n",
         "bijeenkomsten:\n  - {datum: 2026-09-18}\n  - {datum: 2026-11-06, fase: verkenning}\n"),
        # a block text as the last value, followed by another key
        ("bijeenkomsten:\n  - datum: 2026-09-18\n    notities: |\n      regel 1\n      regel 2\n\nwijk: Zuilen\n",
         "bijeenkomsten:\n  - datum: 2026-09-18\n    notities: |\n      regel 1\n      regel 2\n\n"
         "  - datum: 2026-11-06\n    fase: verkenning\nwijk: Zuilen\n"),
    ],
)
def test_meetings_are_added_in_the_style_of_the_file(tmp_path: Path, voor: str, na: str) -> None:
    kop = "naam: X\nfase: verkenning\n"
    pad = schrijf(tmp_path / "n.yaml", kop + voor)
    voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6)))
    assert pad.read_text() == kop + na


def test_values_python_compares_oddly_do_not_block_an_edit(tmp_path: Path) -> None:
    tekst = "naam: X\nfase: verkenning\nmeting: [.nan, 1, true, 1.0]\n"
    pad = schrijf(tmp_path / "n.yaml", tekst)
    voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6)))
    assert pad.read_text().startswith(tekst)


def test_a_file_without_final_newline_gets_one_before_the_new_meeting(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\nbijeenkomsten:\n  - datum: 2026-09-18  # laatste")
    voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6)))
    assert pad.read_text().endswith("# laatste\n  - datum: 2026-11-06\n    fase: verkenning\n")


def test_windows_line_endings_and_a_bom_are_kept(tmp_path: Path) -> None:
    tekst = "naam: X\r\nfase: verkenning\r\nbijeenkomsten:\r\n  - datum: 2026-09-18\r\n"
    pad = schrijf(tmp_path / "n.yaml", b"\xef\xbb\xbf" + tekst.encode())
    voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6), notities="Met Ideeënmuur"))
    assert pad.read_bytes() == b"\xef\xbb\xbf" + (
        tekst + "  - datum: 2026-11-06\r\n    fase: verkenning\r\n    notities: Met Ideeënmuur\r\n"
    ).encode()


def test_notes_that_yaml_would_misread_are_quoted(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\n")
    lastig = "ja: #1 van 'de' reeks\nen nog een regel"
    netwerk = voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6), notities=lastig))
    assert vers(pad).bijeenkomsten[0].notities == lastig == netwerk.bijeenkomsten[0].notities


def test_a_meeting_without_phase_gets_the_current_phase(voorbeeld: Path) -> None:
    netwerk = voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6)))
    assert netwerk.bijeenkomsten[-1].fase == "ontwikkeling"


def test_an_invalid_meeting_is_refused_before_anything_is_written(voorbeeld: Path) -> None:
    with pytest.raises(LnFout):
        voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6), aanwezig=-1))
    with pytest.raises(LnFout):
        voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6), notities="   "))
    assert voorbeeld.read_text() == VOORBEELD
    assert not (voorbeeld.parent / "netwerk.yaml.bak").exists()


@pytest.mark.parametrize(
    ("voor", "na"),
    [
        ("{naam: X, fase: verkenning}\n", "{naam: X, fase: verkenning, bijeenkomsten: [{datum: 2026-11-06, fase: verkenning}]}\n"),
        ("{naam: X, fase: verkenning, bijeenkomsten: []}", "{naam: X, fase: verkenning, bijeenkomsten: [{datum: 2026-11-06, fase: verkenning}]}"),
    ],
)
def test_a_file_written_on_one_line_stays_on_one_line(tmp_path: Path, voor: str, na: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", voor)
    voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6)))
    assert pad.read_text() == na


@pytest.mark.parametrize(
    "tekst",
    [
        "naam: X\nfase: verkenning\n...\n",  # an explicit document end: anything after it is another document
        "{naam: X, fase: verkenning, }\n",  # a trailing comma, where the new key would go
    ],
)
def test_a_file_that_cannot_be_edited_safely_is_left_alone(tmp_path: Path, tekst: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", tekst)
    with pytest.raises(LnFout) as fout:
        voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6)))
    assert "niets veranderd" in fout.value.bericht
    assert pad.read_text() == tekst
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock" and p.name != ".cache") == ["n.yaml"]


# --- confirming a planned meeting -------------------------------------------------------


GEPLAND = """\
naam: X
fase: ontwikkeling
bijeenkomsten:
  - datum: 2026-09-18
    aanwezig: 6
  - datum: 2026-10-02   # uit ln agenda
    status: gepland
    werkvormen: [contract, talking-stick]
    programma: Contract maken
  - datum: 2026-10-30
    status: gepland
"""


def test_logging_on_a_planned_date_confirms_that_meeting(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", GEPLAND)
    uitkomst = leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), aanwezig=5))
    assert uitkomst.vervangen is not None and uitkomst.vervangen.status == "gepland"
    # only what changed is edited: the comment, the order and the plan's own keys stay
    assert pad.read_text() == GEPLAND.replace(
        "datum: 2026-10-02   # uit ln agenda\n    status: gepland\n    werkvormen: [contract, talking-stick]\n"
        "    programma: Contract maken\n",
        "datum: 2026-10-02   # uit ln agenda\n    status: gehouden\n    werkvormen: [contract, talking-stick]\n"
        "    programma: Contract maken\n    fase: ontwikkeling\n    aanwezig: 5\n",
    )
    netwerk = vers(pad)
    assert netwerk == lees_netwerk(pad) == uitkomst.netwerk
    assert [b.status for b in netwerk.bijeenkomsten] == ["gehouden", "gehouden", "gepland"]
    assert netwerk.bijeenkomsten[1].werkvormen == ("contract", "talking-stick")  # taken over from the plan


def test_a_confirmed_meeting_keeps_the_phase_it_was_planned_for(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", GEPLAND.replace("status: gepland\n    werkvormen", "status: gepland\n    fase: verkenning\n    werkvormen"))
    assert leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2))).bijeenkomst.fase == "verkenning"
    assert leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 30))).bijeenkomst.fase == "ontwikkeling"


def test_work_forms_given_when_confirming_replace_the_planned_ones(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", GEPLAND)
    uitkomst = leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), werkvormen=("levend-domino",)))
    assert uitkomst.bijeenkomst.werkvormen == ("levend-domino",)
    assert len(lees_netwerk(pad).bijeenkomsten) == 3


def test_a_planned_meeting_is_added_through_the_same_function(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verdieping\n")
    netwerk = voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2027, 1, 15), status="gepland", werkvormen=("worldcafe",)))
    assert netwerk.geplande_bijeenkomsten[0].werkvormen == ("worldcafe",)
    assert "status: gepland" in pad.read_text()


PLAN_MET_NOTITIE = """\
naam: X
fase: ontwikkeling
bijeenkomsten:
  - datum: 2026-10-02
    status: gepland   # Els regelt de zaal
    # koffie: Joost
    werkvormen: [contract]
    notities: Els neemt boeken mee   # vergeet het niet
"""


def test_confirming_a_plan_keeps_its_note_and_comments_and_adds_the_new_note(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", PLAN_MET_NOTITIE)
    uitkomst = leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), aanwezig=6, notities="Goed gesprek"))
    # only the changed values are edited; every comment and line the kartrekker wrote stays
    assert pad.read_text() == PLAN_MET_NOTITIE.replace("status: gepland", "status: gehouden").replace(
        "notities: Els neemt boeken mee   #", "notities: Els neemt boeken mee — Goed gesprek   #"
    ) + "    fase: ontwikkeling\n    aanwezig: 6\n"
    assert uitkomst.bijeenkomst.notities == "Els neemt boeken mee — Goed gesprek"
    assert uitkomst.vervangen.notities == "Els neemt boeken mee"
    assert vers(pad) == lees_netwerk(pad) == uitkomst.netwerk


def test_a_note_of_several_lines_gets_the_new_note_on_a_line_of_its_own(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", PLAN_MET_NOTITIE.replace(
        "notities: Els neemt boeken mee   # vergeet het niet\n", "notities: |\n      Els neemt boeken mee\n      Joost de koffie\n"
    ))
    uitkomst = leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), notities="Goed gesprek"))
    assert uitkomst.bijeenkomst.notities == "Els neemt boeken mee\nJoost de koffie\nGoed gesprek"
    assert "# koffie: Joost" in pad.read_text()


def test_confirming_with_the_same_note_again_does_not_repeat_it(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", PLAN_MET_NOTITIE)
    uitkomst = leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), notities="Els neemt boeken mee"))
    assert uitkomst.bijeenkomst.notities == "Els neemt boeken mee"


def test_an_empty_value_in_a_plan_is_filled_in(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", "naam: X\nfase: verkenning\nbijeenkomsten:\n  - datum: 2026-10-02\n"
                  "    notities:\n    status: gepland\n")
    leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), notities="Goed"))
    assert pad.read_text().endswith("    notities: Goed\n    status: gehouden\n    fase: verkenning\n")


def test_a_comment_inside_a_value_that_would_be_replaced_stops_the_edit(tmp_path: Path) -> None:
    tekst = PLAN_MET_NOTITIE.replace(
        "werkvormen: [contract]\n", "werkvormen:\n      - contract   # als er tijd is\n      - talking-stick\n"
    )
    pad = schrijf(tmp_path / "n.yaml", tekst)
    with pytest.raises(LnFout) as fout:
        leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), werkvormen=("levend-domino",)))
    assert fout.value.exit_code == 2 and "commentaar" in fout.value.bericht and fout.value.regel == 7
    assert pad.read_text() == tekst
    # without new work forms the list (and its comment) stays untouched
    leg_bijeenkomst_vast(pad, Bijeenkomst(date(2026, 10, 2), aanwezig=4))
    assert "- contract   # als er tijd is\n" in pad.read_text()


@pytest.mark.parametrize(
    "plan",
    [
        "  - datum: 2026-10-02\n    status: gepland\n    notities: Els neemt boeken mee\n",
        "  - datum: 2026-10-02\n    status: gepland   # zaal van Els\n    notities: Gepland met ln agenda --duur 90 --seed 1\n",
        "  - datum: 2026-10-02\n    status: gepland\n    # Els neemt boeken mee\n    werkvormen: [contract]\n",
        "  - datum: 2026-10-02\n    status: gepland\n    werkvormen: [contract]\n      # Els neemt boeken mee\n",
    ],
)
def test_a_new_plan_never_replaces_a_plan_with_the_kartrekkers_own_text(tmp_path: Path, plan: str) -> None:
    tekst = "naam: X\nfase: ontwikkeling\nbijeenkomsten:\n" + plan
    pad = schrijf(tmp_path / "n.yaml", tekst)
    nieuw = Bijeenkomst(date(2026, 10, 2), werkvormen=("worldcafe",), status="gepland",
                        notities="Gepland met ln agenda --duur 120 --seed 2")
    with pytest.raises(LnFout) as fout:
        leg_bijeenkomst_vast(pad, nieuw)
    assert fout.value.exit_code == 2 and fout.value.regel == 4
    assert "--datum" in fout.value.advies and "statusbestand" in fout.value.advies
    assert pad.read_text() == tekst


def test_a_plan_the_tool_wrote_may_be_replaced_by_a_new_plan(tmp_path: Path) -> None:
    tekst = ("naam: X\nfase: ontwikkeling\nbijeenkomsten:\n  - datum: 2026-10-02\n    fase: ontwikkeling\n"
             "    status: gepland\n    werkvormen: [contract]\n    notities: Gepland met ln agenda --duur 90 --seed 1\n")
    pad = schrijf(tmp_path / "n.yaml", tekst)
    nieuw = Bijeenkomst(date(2026, 10, 2), werkvormen=("worldcafe",), status="gepland",
                        notities="Gepland met ln agenda --duur 120 --seed 2")
    uitkomst = leg_bijeenkomst_vast(pad, nieuw)
    assert uitkomst.vervangen is not None
    (b,) = lees_netwerk(pad).bijeenkomsten
    assert (b.werkvormen, b.notities) == (("worldcafe",), "Gepland met ln agenda --duur 120 --seed 2")


# --- the phase ------------------------------------------------------------------------


def test_setting_the_phase_changes_only_that_value(voorbeeld: Path) -> None:
    netwerk = zet_fase(voorbeeld, "verdieping")
    assert netwerk.fase == "verdieping" and vers(voorbeeld) == netwerk
    assert voorbeeld.read_text() == VOORBEELD.replace("fase: ontwikkeling          #", "fase: verdieping          #")


def test_a_quoted_phase_is_replaced_whole(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", 'fase: "verkenning"\nnaam: X\n')
    zet_fase(pad, "ontwikkeling")
    assert pad.read_text() == "fase: ontwikkeling\nnaam: X\n"


def test_setting_the_same_phase_writes_nothing(voorbeeld: Path) -> None:
    zet_fase(voorbeeld, "ontwikkeling")
    assert not (voorbeeld.parent / "netwerk.yaml.bak").exists()


def test_an_unknown_phase_is_refused(voorbeeld: Path) -> None:
    with pytest.raises(LnFout) as fout:
        zet_fase(voorbeeld, "verdiepen")
    assert "Bedoelde je: verdieping?" in fout.value.bericht
    assert voorbeeld.read_text() == VOORBEELD


# --- a fresh file -----------------------------------------------------------------------


def test_a_fresh_file_reads_back_as_what_was_written(tmp_path: Path) -> None:
    netwerk = Netwerk(
        naam="LN Doorgaande Lijn Kanaleneiland", fase="verkenning", wijk="Kanaleneiland", kartrekker="Samira Bouzid",
        starttijd="15:30",
        randvoorwaarden={"commitment": RvStatus("ja", "Directeuren in de klankbordgroep"), "tijd": RvStatus("deels")},
        deelnemers=(Deelnemer("Els", "Kdv De Boomhut", "kinderdagverblijf"), Deelnemer("Joost")),
    )
    pad = tmp_path / "netwerk.yaml"
    geschreven = schrijf_nieuw(pad, netwerk)
    assert lees_netwerk(pad) == geschreven
    assert geschreven.rv("motivatie").status == "onbekend"
    tekst = pad.read_text()
    assert tekst.startswith("# Statusbestand van LN Doorgaande Lijn Kanaleneiland.")
    assert "# Randvoorwaarden (zie 'ln start')" in tekst


def test_a_fresh_file_never_replaces_one_by_accident(voorbeeld: Path) -> None:
    with pytest.raises(LnFout) as fout:
        schrijf_nieuw(voorbeeld, Netwerk(naam="Ander", fase="verkenning"))
    assert "--force" in fout.value.advies
    assert voorbeeld.read_text() == VOORBEELD
    schrijf_nieuw(voorbeeld, Netwerk(naam="Ander", fase="verkenning"), overschrijven=True)
    assert lees_netwerk(voorbeeld).naam == "Ander"
    assert (voorbeeld.parent / "netwerk.yaml.bak").read_text() == VOORBEELD


# --- a state file that is a link ---------------------------------------------------------------


@pytest.fixture
def link(tmp_path: Path) -> Path:
    (tmp_path / "echt").mkdir()
    schrijf(tmp_path / "echt" / "n.yaml", VOORBEELD)
    link = tmp_path / "netwerk.yaml"
    link.symlink_to(Path("echt") / "n.yaml")
    return link


def test_writing_through_a_link_writes_the_real_file_and_keeps_the_link(link: Path) -> None:
    echt = link.parent / "echt" / "n.yaml"
    voeg_bijeenkomst_toe(link, Bijeenkomst(date(2026, 11, 6)))
    zet_fase(link, "verdieping")
    assert link.is_symlink() and os.readlink(link) == os.path.join("echt", "n.yaml")
    netwerk = vers(echt)
    assert netwerk.bijeenkomsten[-1].datum == date(2026, 11, 6) and netwerk.fase == "verdieping"
    assert (link.parent / "echt" / "n.yaml.bak").exists()  # the backup lies next to the real file
    assert sorted(p.name for p in link.parent.iterdir() if p.name != ".cache") == ["echt", "netwerk.yaml"]
    schrijf_nieuw(link, Netwerk(naam="Nieuw", fase="verkenning"), overschrijven=True)
    assert link.is_symlink() and vers(echt).naam == "Nieuw"


def test_two_links_to_one_file_take_the_same_lock(link: Path, monkeypatch) -> None:
    tweede = link.parent / "ander.yaml"
    tweede.symlink_to(link.parent / "echt" / "n.yaml")
    monkeypatch.setattr(schrijven, "SLOT_WACHTTIJD", 0.2)
    with schrijven.vergrendeld(Path(os.path.realpath(link))):
        with pytest.raises(LnFout) as fout:
            voeg_bijeenkomst_toe(tweede, Bijeenkomst(date(2026, 11, 6)))
    assert "in gebruik" in fout.value.bericht
    assert (link.parent / "echt" / "n.yaml").read_text() == VOORBEELD


# --- crashes and concurrency ------------------------------------------------------------------


class Stroomuitval(BaseException):
    """Stands for the process dying halfway (not an ordinary error)."""


def test_a_crash_while_replacing_leaves_the_old_file_and_no_debris(voorbeeld: Path, monkeypatch) -> None:
    echte_replace = os.replace

    def replace(bron, doel):  # noqa: ANN001
        if Path(doel) == voorbeeld:
            raise Stroomuitval
        echte_replace(bron, doel)

    monkeypatch.setattr(schrijven.os, "replace", replace)
    with pytest.raises(Stroomuitval):
        voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6)))
    assert voorbeeld.read_text() == VOORBEELD
    assert not [p for p in voorbeeld.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_failing_write_is_a_dutch_error_and_changes_nothing(voorbeeld: Path, monkeypatch) -> None:
    def replace(bron, doel):  # noqa: ANN001
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(schrijven.os, "replace", replace)
    with pytest.raises(LnFout) as fout:
        voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 6)))
    assert "kan niet geschreven worden" in fout.value.bericht
    assert "onveranderd" in fout.value.advies
    assert voorbeeld.read_text() == VOORBEELD


KILL_SCRIPT = """
import os, stat, sys, time
from datetime import date
from pathlib import Path
from lerend_netwerk.netwerk import Bijeenkomst
from lerend_netwerk.statusbestand import voeg_bijeenkomst_toe

pad, vlag, oude_grootte = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
echte_fsync = os.fsync

def trage_fsync(fd):
    echte_fsync(fd)
    info = os.fstat(fd)
    if stat.S_ISREG(info.st_mode) and info.st_size > oude_grootte:  # the new version, not yet renamed
        vlag.write_text("nu")
        time.sleep(60)

os.fsync = trage_fsync
voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2026, 11, 6), notities="half geschreven"))
"""


def test_a_process_killed_mid_write_leaves_the_old_file(voorbeeld: Path) -> None:
    vlag = voorbeeld.parent / "vlag"
    proces = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(voorbeeld), str(vlag), str(len(VOORBEELD.encode()))]
    )
    try:
        for _ in range(300):
            if vlag.exists() or proces.poll() is not None:
                break
            time.sleep(0.05)
        assert vlag.exists(), "the writer never reached the write"
        proces.kill()  # SIGKILL; TerminateProcess on Windows
    finally:
        proces.wait(timeout=10)
    assert voorbeeld.read_text() == VOORBEELD
    # and the next write simply works (the lock died with the process)
    assert len(voeg_bijeenkomst_toe(voorbeeld, Bijeenkomst(date(2026, 11, 7))).bijeenkomsten) == 3


def test_twenty_simultaneous_writers_leave_twenty_meetings(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "netwerk.yaml", "naam: X\nfase: verkenning\n# onderaan\n")
    processen = [
        subprocess.Popen(
            [sys.executable, "-m", "lerend_netwerk", "bijeenkomst", "--netwerk", str(pad),
             "--datum", f"2026-01-{dag:02d}", "--aanwezig", str(dag)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for dag in range(1, 21)
    ]
    uitkomsten = [(p.wait(timeout=120), p.stderr.read()) for p in processen]
    for p in processen:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in uitkomsten] == [0] * 20, [err for _, err in uitkomsten]
    netwerk = lees_netwerk(pad)
    assert sorted(b.aanwezig for b in netwerk.bijeenkomsten) == list(range(1, 21))
    assert pad.read_text().startswith("naam: X\nfase: verkenning\n# onderaan\n")
