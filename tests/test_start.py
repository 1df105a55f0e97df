"""`ln start`: the preconditions verdict, the Handreiking's advice, and what needs attention now."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from lerend_netwerk.netwerk import Bijeenkomst, Deelnemer, Netwerk, RvStatus
from lerend_netwerk.startcheck import controleer_start, datum_tekst
from lerend_netwerk.statusbestand import schrijf_nieuw

VANDAAG = date(2026, 11, 25)
ALLES_JA = {rv: RvStatus("ja") for rv in ("commitment", "motivatie", "tijd", "budget")}


def netwerk(**velden) -> Netwerk:
    basis = Netwerk(
        naam="LN Kanaleneiland", fase="ontwikkeling", kartrekker="Samira Bouzid", randvoorwaarden=dict(ALLES_JA),
        deelnemers=(Deelnemer("Els", "Kdv De Boomhut", "kinderdagverblijf"),),
        bijeenkomsten=(Bijeenkomst(VANDAAG - timedelta(days=14), "ontwikkeling"),),
    )
    return basis._replace(**velden)


def soorten(check) -> list[str]:
    return [p.soort for p in check.aandachtspunten]


# --- the verdict ------------------------------------------------------------------------------


def test_all_four_met_is_ready_to_start(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(), VANDAAG)
    assert check.klaar
    assert check.oordeel == "Klaar om te starten: alle vier randvoorwaarden zijn in orde."
    assert [o.randvoorwaarde.id for o in check.randvoorwaarden] == ["commitment", "motivatie", "tijd", "budget"]


@pytest.mark.parametrize("status", ["deels", "nee", "onbekend"])
def test_anything_but_ja_is_not_ready(kennisbank, status: str) -> None:
    check = controleer_start(kennisbank, netwerk(randvoorwaarden={**ALLES_JA, "tijd": RvStatus(status)}), VANDAAG)
    assert not check.klaar
    assert check.oordeel == f"Nog niet klaar om te starten. Regel eerst: tijd ({status})."


def test_a_precondition_missing_from_the_file_counts_as_unknown(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(randvoorwaarden={}), VANDAAG)
    assert [o.status.status for o in check.ontbrekend] == ["onbekend"] * 4


def test_missing_commitment_gets_the_handreikings_advice(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(randvoorwaarden={**ALLES_JA, "commitment": RvStatus("nee")}), VANDAAG)
    (rv,) = [o for o in check.als_json()["randvoorwaarden"] if not o["in_orde"]]
    assert rv["id"] == "commitment" and rv["aanpak_eigen"] is False
    assert any("klankbordgroep" in stap for stap in rv["aanpak"])
    assert any("allereerste" in stap for stap in rv["aanpak"])
    assert rv["bron"] == ["Toolkit Netwerkleren: informatiekaart Rood"]


# --- attention points ------------------------------------------------------------------------------


def test_more_than_eight_weeks_without_a_meeting_is_flagged(kennisbank) -> None:
    laatst = VANDAAG - timedelta(weeks=8, days=1)
    check = controleer_start(kennisbank, netwerk(bijeenkomsten=(Bijeenkomst(laatst, "ontwikkeling"),)), VANDAAG)
    (punt,) = [p for p in check.aandachtspunten if p.soort == "bijeenkomsten"]
    assert punt.titel == f"De laatste bijeenkomst was op {datum_tekst(laatst)}, 8 weken geleden (meer dan 8 weken)."
    assert "ln agenda" in punt.regels[0]


def test_exactly_eight_weeks_is_not_yet_flagged(kennisbank) -> None:
    laatst = VANDAAG - timedelta(weeks=8)
    check = controleer_start(kennisbank, netwerk(bijeenkomsten=(Bijeenkomst(laatst, "ontwikkeling"),)), VANDAAG)
    assert "bijeenkomsten" not in soorten(check)


def test_a_planned_next_meeting_is_mentioned_instead_of_advice_to_plan(kennisbank) -> None:
    oud = Bijeenkomst(VANDAAG - timedelta(weeks=10), "ontwikkeling")
    gepland = Bijeenkomst(VANDAAG + timedelta(days=3), "ontwikkeling", status="gepland")
    check = controleer_start(kennisbank, netwerk(bijeenkomsten=(oud, gepland)), VANDAAG)
    (punt,) = [p for p in check.aandachtspunten if p.soort == "bijeenkomsten"]
    assert punt.regels == (f"De volgende bijeenkomst staat gepland op {datum_tekst(gepland.datum)}.",)


def test_a_planned_meeting_in_the_past_asks_to_be_logged(kennisbank) -> None:
    gemist = Bijeenkomst(date(2026, 11, 20), "ontwikkeling", status="gepland")
    check = controleer_start(kennisbank, netwerk(bijeenkomsten=netwerk().bijeenkomsten + (gemist,)), VANDAAG)
    (punt,) = [p for p in check.aandachtspunten if p.soort == "bijeenkomsten"]
    assert "20 november 2026 stond gepland" in punt.titel
    assert punt.opdracht == "ln bijeenkomst --datum 2026-11-20"


def test_no_meeting_at_all_is_flagged(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(bijeenkomsten=()), VANDAAG)
    assert "Er is nog geen bijeenkomst vastgelegd." in [p.titel for p in check.aandachtspunten]


def test_open_aims_of_the_current_phase_are_flagged(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(), VANDAAG)
    (punt,) = [p for p in check.aandachtspunten if p.soort == "doelen"]
    assert punt.titel == "Doelen van de fase Ontwikkeling die nog open staan: 6 van 6."
    assert punt.regels[0].startswith("Keuze van het gezamenlijke thema (")
    assert punt.opdracht == "ln fase"


def test_met_aims_are_not_flagged(kennisbank) -> None:
    kennismaken = [s.id for s in kennisbank.doelen["kennismaken"].signalen]
    check = controleer_start(kennisbank, netwerk(fase="verkenning", behaald=tuple(kennismaken)), VANDAAG)
    assert "doelen" not in soorten(check)


def test_the_kartrekkers_own_support_is_always_there(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(), VANDAAG)
    (punt,) = [p for p in check.aandachtspunten if p.soort == "kartrekker"]
    assert punt.regels[0] == kennisbank.fase("ontwikkeling").kartrekker
    assert any("supervisie en/of intervisie" in r for r in punt.regels)
    assert any("ervaren kartrekkers" in r for r in punt.regels)


def test_no_kartrekker_and_no_participants_are_flagged(kennisbank) -> None:
    check = controleer_start(kennisbank, netwerk(kartrekker=None, deelnemers=()), VANDAAG)
    assert "deelnemers" in soorten(check)
    (punt,) = [p for p in check.aandachtspunten if p.soort == "kartrekker"]
    assert any("geen kartrekker" in r for r in punt.regels)


# --- the command --------------------------------------------------------------------------------------


@pytest.fixture
def pad(tmp_path: Path) -> Path:
    return tmp_path / "netwerk.yaml"


def test_ln_start_exits_0_when_ready(ln, pad: Path, kennisbank) -> None:
    schrijf_nieuw(pad, netwerk())
    uit = ln("start")
    assert uit.code == 0, uit.err
    assert "Klaar om te starten" in uit.out
    assert "Aanpak" not in uit.out  # no advice for what is in order


def test_ln_start_exits_1_and_gives_advice_and_reference(ln, pad: Path) -> None:
    schrijf_nieuw(pad, netwerk(randvoorwaarden={**ALLES_JA, "commitment": RvStatus("nee", "Directeur weet van niets")}))
    uit = ln("start")
    assert uit.code == 1
    assert "✘ Commitment van management en directie: nee" in uit.out
    assert "Directeur weet van niets" in uit.out
    assert "Aanpak volgens de Handreiking:" in uit.out
    assert "klankbordgroep" in uit.out
    assert "Bron: Toolkit Netwerkleren: informatiekaart Rood" in uit.out
    assert "Nog niet klaar om te starten. Regel eerst: commitment (nee)." in uit.out
    assert "Aandacht in de fase Ontwikkeling" in uit.out


def test_own_approach_is_marked_as_not_from_the_handreiking(ln, pad: Path) -> None:
    schrijf_nieuw(pad, netwerk(randvoorwaarden={**ALLES_JA, "budget": RvStatus("deels")}))
    uit = ln("start")
    assert "Aanpak (eigen aanpak, niet uit de Handreiking):" in uit.out


def test_ln_start_json(ln, pad: Path) -> None:
    schrijf_nieuw(pad, netwerk(randvoorwaarden={**ALLES_JA, "tijd": RvStatus("deels")}))
    uit = ln("start", "--json")
    assert uit.code == 1
    data = json.loads(uit.out)
    assert data["klaar"] is False and data["fase"] == "ontwikkeling"
    assert [rv["status"] for rv in data["randvoorwaarden"]] == ["ja", "ja", "deels", "ja"]
    assert "aanpak" in data["randvoorwaarden"][2] and "aanpak" not in data["randvoorwaarden"][0]
    assert {p["soort"] for p in data["aandachtspunten"]} >= {"doelen", "kartrekker"}


def test_the_work_forms_for_a_precondition_are_marked_as_our_own_link(ln, pad: Path) -> None:
    schrijf_nieuw(pad, netwerk(randvoorwaarden={**ALLES_JA, "commitment": RvStatus("nee")}))
    uit = ln("start")
    assert "Werkvormen die kunnen helpen (eigen koppeling, niet uit de Handreiking):" in " ".join(uit.out.split())
    assert "Werkvormen die helpen:" not in uit.out
    data = json.loads(ln("start", "--json").out)
    assert data["randvoorwaarden"][0]["werkvormen"] and data["randvoorwaarden"][0]["werkvormen_eigen"] is True


def test_a_typo_in_a_precondition_is_an_error_not_unknown(ln, pad: Path) -> None:
    pad.write_text("naam: X\nfase: verkenning\nrandvoorwaarden:\n  motivatie: ja\n  comitment: ja\n")
    uit = ln("start")
    assert uit.code == 2
    assert uit.err.startswith(f"Fout: {pad}, regel 5: 'comitment' is geen randvoorwaarde. Bedoelde je: commitment?")
    assert uit.out == ""


def test_an_unknown_signal_under_behaald_is_an_error_with_the_closest_id(ln, pad: Path) -> None:
    pad.write_text("naam: X\nfase: verkenning\nbehaald:\n  - kennismaken-verwachtingen\n  - kennismaken-elkaar-kenen\n")
    uit = ln("start", "--json")
    assert uit.code == 2 and uit.out == ""
    assert uit.err.startswith(
        f"Fout: {pad}, regel 5: 'kennismaken-elkaar-kenen' onder 'behaald' is geen signaal. "
        "Bedoelde je: kennismaken-elkaar-kennen?"
    ), uit.err
    assert "Wat te doen:" in uit.err


def test_an_unknown_work_form_in_a_meeting_is_a_warning_and_start_goes_on(ln, pad: Path) -> None:
    pad.write_text("naam: X\nfase: verkenning\nbijeenkomsten:\n  - datum: 2026-09-18\n    werkvormen:\n"
                   "      - teletijdmachine\n      - mijn-oude-werkvorm\n")
    uit = ln("start")
    assert uit.code == 1  # the preconditions are unknown: the usual answer
    assert "Randvoorwaarden van X" in uit.out
    assert uit.err.startswith(f"Let op: {pad}, regel 7: ")
    assert "'mijn-oude-werkvorm'" in uit.err and "2026-09-18" in uit.err and "--bibliotheek" in uit.err


def test_a_quoted_date_is_that_date(ln, pad: Path) -> None:
    pad.write_text('naam: X\nfase: verkenning\nbijeenkomsten:\n  - datum: "2026-09-18"\n')
    uit = ln("start", "--json")
    assert uit.code == 1, uit.err
    assert "18 september 2026" in uit.out and uit.err == ""
