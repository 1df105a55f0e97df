"""Updating the network's facts in the file: exact text edits, everything else byte for byte, nothing on a refusal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Deelnemer
from lerend_netwerk.statusbestand import (
    lees_netwerk,
    verwijder_deelnemer,
    vink_af,
    voeg_deelnemer_toe,
    wijzig_deelnemer,
    zet_netwerkvelden,
    zet_randvoorwaarde,
    zet_thema,
)


def schrijf(pad: Path, tekst: str) -> Path:
    pad.write_text(tekst, encoding="utf-8")
    return pad


def alleen(pad: Path) -> list[str]:
    return sorted(p.name for p in pad.parent.iterdir() if p.suffix != ".lock" and p.name != ".cache")


KOP = "naam: X\nfase: ontwikkeling\n"


@pytest.mark.parametrize(
    ("voor", "na"),
    [
        # no theme yet: the block is added at the end
        ("", "thema:\n  speerpunt: 'Speerpunt 8: Spel'\n  ukk_hoofdstuk: 1\n"),
        # the empty theme 'ln init' writes: the values are filled in, the comment stays
        ("# thema\nthema:\n  speerpunt:\n  ukk_hoofdstuk:\n  gezamenlijk_leerdoel:\n",
         "# thema\nthema:\n  speerpunt: 'Speerpunt 8: Spel'\n  ukk_hoofdstuk: 1\n  gezamenlijk_leerdoel:\n"),
        # 'thema:' with nothing below it becomes a block
        ("thema:   # later\nwijk: Zuilen\n", "thema:\n  speerpunt: 'Speerpunt 8: Spel'   # later\n  ukk_hoofdstuk: 1\nwijk: Zuilen\n"),
        # a theme written in flow style stays flow style; its own keys stay
        ("thema: {speerpunt: Oud, eigen: 1}\n", "thema: {speerpunt: 'Speerpunt 8: Spel', eigen: 1, ukk_hoofdstuk: 1}\n"),
        # a comment after a value stays
        ("thema:\n  speerpunt: Oud  # gekozen in mei\n  ukk_hoofdstuk: 1\n",
         "thema:\n  speerpunt: 'Speerpunt 8: Spel'  # gekozen in mei\n  ukk_hoofdstuk: 1\n"),
    ],
)
def test_the_theme_is_set_in_the_style_of_the_file(tmp_path: Path, voor: str, na: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + voor)
    zet_thema(pad, "Speerpunt 8: Spel", None, 1)
    assert pad.read_text() == KOP + na
    assert lees_netwerk(pad).thema.speerpunt == "Speerpunt 8: Spel"


def test_a_folded_learning_goal_is_replaced_whole(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + "thema:\n  gezamenlijk_leerdoel: >-\n    lang\n    verhaal\n\nwijk: Z\n")
    zet_thema(pad, None, "Kort", None)
    assert pad.read_text() == KOP + "thema:\n  gezamenlijk_leerdoel: Kort\n\nwijk: Z\n"


@pytest.mark.parametrize(
    ("voor", "toelichting", "na"),
    [
        ("  tijd: deels\n", None, "  tijd: ja\n"),
        ("  tijd: deels   # vraag Ruud\n", "Geregeld", "  tijd:\n    status: ja\n    toelichting: Geregeld   # vraag Ruud\n"),
        ("  tijd:\n    status: deels\n    toelichting: Oud\n", None, "  tijd:\n    status: ja\n    toelichting: Oud\n"),
        ("  tijd:\n    status: deels\n", "Nieuw", "  tijd:\n    status: ja\n    toelichting: Nieuw\n"),
        ("  budget: ja\n", None, "  budget: ja\n  tijd: ja\n"),
    ],
)
def test_a_precondition_keeps_its_form(tmp_path: Path, voor: str, toelichting: str | None, na: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + "randvoorwaarden:\n" + voor + "wijk: Z\n")
    zet_randvoorwaarde(pad, "tijd", "ja", toelichting)
    assert pad.read_text() == KOP + "randvoorwaarden:\n" + na + "wijk: Z\n"


DEELNEMERS = KOP + """\
deelnemers:
  - naam: Els
    soort: kinderdagverblijf   # sinds 2025
    hobby: zingen
  - Joost
  - {naam: Fatima, organisatie: De Regenboog}
# einde
"""


def test_participants_are_added_changed_and_removed_in_place(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", DEELNEMERS)
    voeg_deelnemer_toe(pad, Deelnemer("Noor", "De Vaart", "basisschool", "Spel"))
    wijzig_deelnemer(pad, "els", {"leerdoel": "Voorlezen"})
    wijzig_deelnemer(pad, "Joost", {"soort": "peutercentrum"})
    wijzig_deelnemer(pad, "Fatima", {"leerdoel": "Ouders"})
    assert pad.read_text() == KOP + """\
deelnemers:
  - naam: Els
    soort: kinderdagverblijf   # sinds 2025
    hobby: zingen
    leerdoel: Voorlezen
  - naam: Joost
    soort: peutercentrum
  - {naam: Fatima, organisatie: De Regenboog, leerdoel: Ouders}
  - {naam: Noor, organisatie: De Vaart, soort: basisschool, leerdoel: Spel}
# einde
"""
    verwijder_deelnemer(pad, "Joost")
    verwijder_deelnemer(pad, "fatima")
    assert [d.naam for d in lees_netwerk(pad).deelnemers] == ["Els", "Noor"]
    assert "hobby: zingen" in pad.read_text() and "# sinds 2025" in pad.read_text() and "# einde" in pad.read_text()


def test_removing_the_last_participant_leaves_an_empty_list(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + "deelnemers:\n  - naam: Els\n    # nog bellen\nwijk: Z\n")
    verwijder_deelnemer(pad, "Els")
    assert pad.read_text() == KOP + "deelnemers: []\n    # nog bellen\nwijk: Z\n"
    assert lees_netwerk(pad).deelnemers == ()


@pytest.mark.parametrize(
    ("actie", "woorden"),
    [
        (lambda p: voeg_deelnemer_toe(p, Deelnemer("ELS")), ["al een deelnemer 'Els'"]),
        (lambda p: wijzig_deelnemer(p, "Joost", {"naam": "els"}), ["al een deelnemer 'Els'"]),
        (lambda p: wijzig_deelnemer(p, "Jost", {"leerdoel": "x"}), ["'Jost' staat niet", "Joost"]),
        (lambda p: verwijder_deelnemer(p, "Fatma"), ["Bedoelde je: Fatima?"]),
        (lambda p: voeg_deelnemer_toe(p, Deelnemer("Noor", soort="school")), ["geen soort organisatie"]),
        (lambda p: zet_randvoorwaarde(p, "tijd", "misschien"), ["geen status"]),
        (lambda p: zet_randvoorwaarde(p, "tjd", "ja"), ["Bedoelde je: tijd?"]),
        (lambda p: zet_netwerkvelden(p, {"starttijd": "half vier"}), ["geen tijd"]),
        (lambda p: zet_thema(p, "  ", None, None), ["niet leeg"]),
    ],
)
def test_a_refusal_writes_nothing(tmp_path: Path, actie, woorden: list[str]) -> None:
    pad = schrijf(tmp_path / "n.yaml", DEELNEMERS)
    with pytest.raises(LnFout) as fout:
        actie(pad)
    for woord in woorden:
        assert woord in str(fout.value)
    assert "niets veranderd" in str(fout.value)
    assert pad.read_text() == DEELNEMERS
    assert alleen(pad) == ["n.yaml"]


def test_two_participants_with_one_name_are_refused_rather_than_guessed(tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + "deelnemers: [Els, els]\n")
    with pytest.raises(LnFout, match="2 deelnemers met de naam"):
        wijzig_deelnemer(pad, "Els", {"leerdoel": "x"})


def test_signals_are_ticked_and_unticked(tmp_path: Path, kennisbank) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + "behaald: []   # zelf afgevinkt\n")
    vink_af(pad, kennisbank, "sfeer-iedereen-spreekt")
    vink_af(pad, kennisbank, "Kennismaken-Elkaar-Kennen")
    vink_af(pad, kennisbank, "sfeer-iedereen-spreekt")  # twice: once in the file
    assert lees_netwerk(pad).behaald == ("sfeer-iedereen-spreekt", "kennismaken-elkaar-kennen")
    vink_af(pad, kennisbank, "sfeer-iedereen-spreekt", uit=True)
    vink_af(pad, kennisbank, "kennismaken-elkaar-kennen", uit=True)
    assert lees_netwerk(pad).behaald == ()
    assert "# zelf afgevinkt" in pad.read_text()


@pytest.mark.parametrize(("signaal", "hoe"), [
    ("thema-speerpunt-gekozen", "ln thema --speerpunt"),
    ("contract-gemaakt", "--contract"),
    ("kennismaken-werkvorm-gedaan", "ln bijeenkomst --werkvorm"),
    ("thema-individuele-leerdoelen", "ln deelnemer wijzig"),
])
def test_a_derived_signal_says_where_it_comes_from(tmp_path: Path, kennisbank, signaal: str, hoe: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP)
    with pytest.raises(LnFout) as fout:
        vink_af(pad, kennisbank, signaal)
    assert "vink je niet zelf af" in str(fout.value) and hoe in str(fout.value)
    assert pad.read_text() == KOP


def test_an_unknown_signal_is_refused_with_the_closest(tmp_path: Path, kennisbank) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP)
    with pytest.raises(LnFout, match="Bedoelde je: sfeer-iedereen-spreekt"):
        vink_af(pad, kennisbank, "sfeer-iedereen-sprekt")


def test_the_contract_and_fields_keep_crlf_and_bom(tmp_path: Path) -> None:
    pad = tmp_path / "n.yaml"
    pad.write_bytes(b"\xef\xbb\xbfnaam: X\r\nfase: verkenning\r\nafspraken:\r\n  contract:\r\n")
    zet_netwerkvelden(pad, {"kartrekker": "Jan", "starttijd": "9:30"})
    assert pad.read_bytes() == (
        b"\xef\xbb\xbfnaam: X\r\nfase: verkenning\r\nafspraken:\r\n  contract:\r\nkartrekker: Jan\r\nstarttijd: 09:30\r\n"
    )
    assert lees_netwerk(pad).starttijd == "09:30"
    assert (tmp_path / "n.yaml.bak").exists()


def test_a_held_meeting_in_the_future_names_the_date_it_read() -> None:
    from lerend_netwerk.statusbestand import controleer_gehouden_datum

    controleer_gehouden_datum(date(2026, 11, 26), date(2026, 11, 26))
    with pytest.raises(LnFout) as fout:
        controleer_gehouden_datum(date(2062, 11, 26), date(2026, 11, 26))
    assert "26 november 2062" in str(fout.value) and "jaartal" in str(fout.value)


@pytest.mark.parametrize(
    ("voor", "na"),
    [
        # an indentless list: its dashes at column 0 belong to the key
        ("deelnemers:\n- naam: Els\n# nog meer\nwijk: Z\n", "deelnemers:\n- naam: Els\n- naam: Noor\n# nog meer\nwijk: Z\n"),
        # a quoted key
        ('"deelnemers":\n  - Els\nwijk: Z\n', '"deelnemers":\n  - Els\n  - naam: Noor\nwijk: Z\n'),
        # a document end marker after the list: the slice does not compose, the whole text is used
        ("deelnemers: [Els]\n...\n", "deelnemers: [Els, {naam: Noor}]\n...\n"),
    ],
)
def test_only_the_lines_of_one_key_are_edited(tmp_path: Path, voor: str, na: str) -> None:
    pad = schrijf(tmp_path / "n.yaml", KOP + voor)
    voeg_deelnemer_toe(pad, Deelnemer("Noor"))
    assert pad.read_text() == KOP + na
