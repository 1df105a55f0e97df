"""`ln netwerk`, `ln thema`, `ln deelnemer(s)`, `ln randvoorwaarde`, `ln behaald` and what `ln bijeenkomst` learned.

With options, as a script would; and with the questions answered (the prompt
module patched: `Script`). Real-terminal runs are in test_terminal.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from lerend_netwerk.statusbestand import lees_netwerk
from test_netwerk_cli import Script

REPO = Path(__file__).resolve().parents[1]
VOORBEELD = REPO / "voorbeelden" / "netwerk.yaml"


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    pad = tmp_path / "netwerk.yaml"
    shutil.copy(VOORBEELD, pad)
    return pad


def onveranderd(pad: Path, tekst: str) -> None:
    assert pad.read_text(encoding="utf-8") == tekst
    assert not pad.with_name(pad.name + ".bak").exists()
    assert not [p for p in pad.parent.iterdir() if p.name.endswith(".tmp")]


# --- ln netwerk ----------------------------------------------------------------------------


def test_netwerk_shows_everything_at_a_glance(ln, voorbeeld: Path) -> None:
    uit = ln("netwerk")
    assert uit.code == 0, uit.err
    for woord in ("Lerend Netwerk Kanaleneiland", "Marieke de Boer", "Fase 2 ontwikkeling", "tijd: deels",
                  "Speerpunt 9: Voorlezen", "Contract: 15 oktober 2026", "Deelnemers (6)", "Noor Hendriks",
                  "nog geen leerdoel", "4 gehouden, 0 gepland"):
        assert woord in uit.out, woord


def test_netwerk_json_and_setting_fields(ln, voorbeeld: Path) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8")
    uit = ln("netwerk", "--kartrekker", "Samira Bouzid", "--starttijd", "9:30", "--json")
    data = json.loads(uit.out)
    assert (data["kartrekker"], data["starttijd"], data["fase"]) == ("Samira Bouzid", "09:30", "ontwikkeling")
    assert data["randvoorwaarden"]["tijd"]["status"] == "deels" and len(data["gehouden"]) == 4
    na = voorbeeld.read_text(encoding="utf-8")
    assert na == tekst.replace("Marieke de Boer", "Samira Bouzid").replace('"15:45"', "09:30")


# --- ln thema ------------------------------------------------------------------------------


def test_thema_shows_and_sets_with_options_after_the_command(ln, voorbeeld: Path, tmp_path: Path) -> None:
    assert "Speerpunt 9: Voorlezen (UKK hoofdstuk 1)" in ln("thema").out
    ander = tmp_path / "ander.yaml"
    shutil.move(voorbeeld, ander)
    uit = ln("thema", "--speerpunt", "Speerpunt 8: Spel", "--leerdoel", "Samen spelen", "--netwerk", str(ander))
    assert uit.code == 0, uit.err
    assert "Thema bijgewerkt" in uit.out
    t = lees_netwerk(ander).thema
    assert (t.speerpunt, t.ukk_hoofdstuk, t.gezamenlijk_leerdoel) == ("Speerpunt 8: Spel", 1, "Samen spelen")
    assert json.loads(ln("thema", "--json", "--netwerk", str(ander)).out)["speerpunt"] == "Speerpunt 8: Spel"


def test_thema_in_a_terminal_offers_the_ukk_speerpunten(ln, voorbeeld: Path, monkeypatch) -> None:
    aangeboden = []

    def keuze(vraag, keuzes, standaard=None):
        aangeboden.extend(label for label, _ in keuzes)
        return "Speerpunt 3: Ga mee"

    Script(monkeypatch, [("leerdoel", "Meegaan met het kind")])
    monkeypatch.setattr("lerend_netwerk.vragen.vraag_keuze", keuze)
    assert ln("thema").code == 0
    assert "Speerpunt 1: Warme relaties" in aangeboden and "iets anders (zelf typen)" in aangeboden
    assert lees_netwerk(voorbeeld).thema.speerpunt == "Speerpunt 3: Ga mee"


def test_thema_iets_anders_asks_the_words_and_the_chapter(ln, voorbeeld: Path, monkeypatch) -> None:
    from lerend_netwerk.cli.bijwerken import ANDERS

    Script(monkeypatch, [("speerpunt", ANDERS), ("eigen woorden", "Warme overdracht"), ("hoofdstuk", "4"),
                         ("leerdoel", "Eén formulier")])
    assert ln("thema").code == 0
    t = lees_netwerk(voorbeeld).thema
    assert (t.speerpunt, t.ukk_hoofdstuk, t.gezamenlijk_leerdoel) == ("Warme overdracht", 4, "Eén formulier")


# --- ln deelnemer(s) -----------------------------------------------------------------------


def test_deelnemer_toevoegen_wijzig_weg_with_options(ln, voorbeeld: Path) -> None:
    uit = ln("deelnemer", "toevoegen", "Els de Vries", "--organisatie", "Kdv De Boomhut", "--soort", "kinderdagverblijf",
             "--leerdoel", "Beter overdragen", "--netwerk", str(voorbeeld))
    assert uit.code == 0, uit.err
    assert "Toegevoegd: Els de Vries" in uit.out and "7 deelnemer(s)" in uit.out
    assert ln("deelnemer", "wijzig", "noor hendriks", "--leerdoel", "Spel in groep 1").code == 0
    assert ln("deelnemer", "weg", "Joost Verhoef", "--ja").code == 0
    n = lees_netwerk(voorbeeld)
    assert [d.naam for d in n.deelnemers][-2:] == ["Noor Hendriks", "Els de Vries"]
    assert n.deelnemers[-2].leerdoel == "Spel in groep 1" and "Joost Verhoef" not in [d.naam for d in n.deelnemers]
    assert "# Noor doet mee sinds oktober" in voorbeeld.read_text(encoding="utf-8")
    lijst = json.loads(ln("deelnemers", "--json").out)
    assert lijst[-1] == {"naam": "Els de Vries", "organisatie": "Kdv De Boomhut", "soort": "kinderdagverblijf",
                         "leerdoel": "Beter overdragen"}
    assert "nog zonder leerdoel" not in ln("deelnemers").out


@pytest.mark.parametrize(
    ("args", "woorden"),
    [
        (["deelnemer", "toevoegen", "fatima el amrani"], ["al een deelnemer 'Fatima El Amrani'"]),
        (["deelnemer", "wijzig", "Noor", "--leerdoel", "x"], ["'Noor' staat niet", "Bedoelde je: Noor Hendriks?"]),
        (["deelnemer", "weg", "Joost"], ["Bedoelde je: Joost Verhoef?"]),
        (["deelnemer", "weg", "Joost Verhoef"], ["--ja"]),
        (["deelnemer", "toevoegen", "Piet", "--soort", "school"], ["geen soort organisatie"]),
        (["deelnemer", "wijzig", "Ruud Smits"], ["zonder terminal stel ik geen vragen"]),
        (["deelnemer", "toevoegen"], ["Geef de naam"]),
        (["randvoorwaarde", "tijd", "misschien"], ["geen status"]),
        (["randvoorwaarde", "tijd"], ["zonder terminal"]),
        (["behaald", "thema-speerpunt-gekozen"], ["vink je niet zelf af", "ln thema --speerpunt"]),
        (["behaald", "sfeer-iedereen-sprekt"], ["Bedoelde je: sfeer-iedereen-spreekt"]),
        (["bijeenkomst", "--datum", "2062-11-12", "--aanwezig", "4"], ["12 november 2062", "toekomst"]),
        (["bijeenkomst", "--datum", "2026-11-12", "--aanwezig", "4"], ["al een gehouden bijeenkomst", "--ja"]),
        (["bijeenkomst", "--datum", "2026-11-13", "--afwezig", "Ruud"], ["'Ruud' staat niet", "Ruud Smits"]),
        (["bijeenkomst", "--datum", "2026-11-13", "--afspraak", " "], ["lege afspraak"]),
        (["thema", "--hoofdstuk", "0"], ["kies 1 t/m 99"]),
    ],
)
def test_a_refusal_is_dutch_exit_2_and_writes_nothing(ln, voorbeeld: Path, args: list[str], woorden: list[str]) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8")
    uit = ln(*args)
    assert uit.code == 2, (uit.out, uit.err)
    assert uit.err.startswith("Fout:") and "Traceback" not in uit.err
    for woord in woorden:
        assert woord in uit.err, (woord, uit.err)
    onveranderd(voorbeeld, tekst)


def test_deelnemer_in_a_terminal_asks_what_is_missing(ln, voorbeeld: Path, monkeypatch) -> None:
    Script(monkeypatch, [("Organisatie", "De Vaart"), ("Wat voor", "basisschool"), ("leerdoel", "")])
    assert ln("deelnemer", "toevoegen", "Piet Jansen").code == 0
    assert lees_netwerk(voorbeeld).deelnemers[-1].organisatie == "De Vaart"
    Script(monkeypatch, [("Welke deelnemer", "Piet Jansen"), ("Naam", "Piet Jansen"), ("Organisatie", "De Vaart"),
                         ("Wat voor", "basisschool"), ("leerdoel", "Rekenen")])
    assert ln("deelnemer", "wijzig").code == 0
    assert lees_netwerk(voorbeeld).deelnemers[-1].leerdoel == "Rekenen"
    Script(monkeypatch, [("Piet Jansen weghalen", False)])
    assert ln("deelnemer", "weg", "Piet Jansen").code == 1
    Script(monkeypatch, [("Piet Jansen weghalen", True)])
    assert ln("deelnemer", "weg", "Piet Jansen").code == 0
    assert len(lees_netwerk(voorbeeld).deelnemers) == 6


# --- ln randvoorwaarde and ln start ----------------------------------------------------------


def test_randvoorwaarde_shows_at_once_in_ln_start(ln, voorbeeld: Path) -> None:
    assert ln("start").code == 1
    uit = ln("randvoorwaarde", "tijd", "ja", "--toelichting", "Alle organisaties geven twee uur")
    assert uit.code == 0, uit.err
    assert "tijd van deels naar ja" in uit.out and "Alle vier de randvoorwaarden zijn in orde" in uit.out
    start = ln("start")
    assert start.code == 0 and "Alle organisaties geven twee uur" in start.out
    data = json.loads(ln("randvoorwaarde", "budget", "deels", "--json").out)
    assert data == {"randvoorwaarde": "budget", "status": "deels", "toelichting": None, "was": "ja", "alle_in_orde": False}


def test_randvoorwaarde_in_a_terminal(ln, voorbeeld: Path, monkeypatch) -> None:
    Script(monkeypatch, [("Welke randvoorwaarde", "budget"), ("geregeld", "nee"), ("Toelichting", "Geen expert")])
    assert ln("randvoorwaarde").code == 0
    assert lees_netwerk(voorbeeld).rv("budget").toelichting == "Geen expert"


# --- ln behaald ----------------------------------------------------------------------------


def test_behaald_ticks_and_unticks_and_ln_fase_sees_it(ln, voorbeeld: Path) -> None:
    uit = ln("behaald", "sfeer-twijfels-gedeeld")
    assert uit.code == 0, uit.err
    assert "Afgevinkt: sfeer-twijfels-gedeeld" in uit.out
    assert "sfeer-twijfels-gedeeld" in lees_netwerk(voorbeeld).behaald
    fase = json.loads(ln("fase", "--json").out)
    signalen = {s["id"]: s for d in fase["doelen"] for s in d["signalen"]}
    assert signalen["sfeer-twijfels-gedeeld"]["behaald"] is True
    assert ln("behaald", "--uit", "sfeer-twijfels-gedeeld").code == 0
    assert "sfeer-twijfels-gedeeld" not in lees_netwerk(voorbeeld).behaald
    assert "stond al uit" in ln("behaald", "--uit", "sfeer-twijfels-gedeeld").out


def test_behaald_without_id_lists_or_asks(ln, voorbeeld: Path, monkeypatch) -> None:
    uit = ln("behaald")
    assert uit.code == 0 and "sfeer-twijfels-gedeeld" in uit.out and "ln behaald ID" in uit.out
    assert {s["id"] for s in json.loads(ln("behaald", "--json").out)} >= {"sfeer-iedereen-spreekt"}
    Script(monkeypatch, [("Welk signaal", "give-iedereen-brengt-in")])
    assert ln("behaald").code == 0
    assert "give-iedereen-brengt-in" in lees_netwerk(voorbeeld).behaald


def test_behaald_completes_the_ids_ln_fase_shows() -> None:
    from lerend_netwerk.cli.opties import vul_signaal_aan

    assert "sfeer-twijfels-gedeeld" in vul_signaal_aan("sfeer-")
    assert "thema-speerpunt-gekozen" not in vul_signaal_aan("thema-")


# --- what ln bijeenkomst learned -------------------------------------------------------------


def test_bijeenkomst_stores_who_was_absent_and_what_was_agreed(ln, voorbeeld: Path) -> None:
    uit = ln("bijeenkomst", "--datum", "2026-11-26", "--afwezig", "ruud smits", "--afwezig", "Ilse Bakker",
             "--afspraak", "Ieder neemt een prentenboek mee", "--afspraak", "Ruud: filmpje van groep 1",
             "--werkvorm", "leerdagboek", "--contract")
    assert uit.code == 0, uit.err
    assert "Afwezig: Ruud Smits, Ilse Bakker" in uit.out and "Contract: gemaakt op 26 november 2026" in uit.out
    n = lees_netwerk(voorbeeld)
    b = n.bijeenkomsten[-1]
    assert b.afwezig == ("Ruud Smits", "Ilse Bakker") and b.aanwezig == 4  # six participants, two absent
    assert b.afspraken == ("Ieder neemt een prentenboek mee", "Ruud: filmpje van groep 1")
    assert n.contract == date(2026, 11, 26)
    tekst = voorbeeld.read_text(encoding="utf-8")
    assert "    afwezig: [Ruud Smits, Ilse Bakker]\n" in tekst
    assert "afspraken:\n  contract: 2026-11-26\n" in tekst


def test_aanwezig_given_is_kept_next_to_afwezig(ln, voorbeeld: Path) -> None:
    assert ln("bijeenkomst", "--datum", "2026-11-26", "--afwezig", "Ruud Smits", "--aanwezig", "7").code == 0
    assert lees_netwerk(voorbeeld).bijeenkomsten[-1].aanwezig == 7


def test_a_second_meeting_on_a_date_with_ja_or_after_asking(ln, voorbeeld: Path, monkeypatch) -> None:
    assert ln("bijeenkomst", "--datum", "2026-11-12", "--aanwezig", "3", "--ja").code == 0
    assert len(lees_netwerk(voorbeeld).gehouden_bijeenkomsten) == 5
    Script(monkeypatch, [("al een gehouden bijeenkomst", False)])
    tekst = voorbeeld.read_text(encoding="utf-8")
    assert ln("bijeenkomst", "--datum", "2026-11-12", "--aanwezig", "3").code == 1
    assert voorbeeld.read_text(encoding="utf-8") == tekst


def test_the_date_of_today_is_fine_and_tomorrow_is_not(ln, voorbeeld: Path) -> None:
    morgen = date.today() + timedelta(days=1)
    uit = ln("bijeenkomst", "--datum", morgen.isoformat(), "--aanwezig", "3")
    assert uit.code == 2 and morgen.isoformat() in uit.err
    assert ln("bijeenkomst", "--datum", "vandaag", "--aanwezig", "3").code == 0


# --- the example network, built from nothing with commands alone ------------------------------

VOORBEELD_OPDRACHTEN = [
    ["init", "--geen-vragen", "--naam", "Lerend Netwerk Kanaleneiland", "--wijk", "Kanaleneiland",
     "--kartrekker", "Marieke de Boer", "--fase", "ontwikkeling", "--starttijd", "15:45",
     "--commitment", "ja", "--motivatie", "ja", "--tijd", "deels", "--budget", "ja"],
    ["randvoorwaarde", "tijd", "deels", "--toelichting",
     "De basisschool geeft twee uur per bijeenkomst, de kinderdagverblijven nog niet."],
    ["thema", "--speerpunt", "Speerpunt 9: Voorlezen", "--hoofdstuk", "1", "--leerdoel",
     "We lezen van twee tot zes jaar op dezelfde interactieve manier voor, zodat kinderen bij de overstap "
     "naar groep 1 herkennen hoe het gaat."],
    ["deelnemer", "toevoegen", "Fatima El Amrani", "--organisatie", "Kinderdagverblijf De Kanaalboot",
     "--soort", "kinderdagverblijf", "--leerdoel", "Voorlezen aan baby's en dreumesen met meer interactie."],
    ["deelnemer", "toevoegen", "Joost Verhoef", "--organisatie", "Kinderdagverblijf De Kanaalboot",
     "--soort", "kinderdagverblijf", "--leerdoel",
     "Prentenboeken kiezen die aansluiten bij wat de kinderen thuis meemaken."],
    ["deelnemer", "toevoegen", "Ilse Bakker", "--organisatie", "Peutercentrum Het Zonnetje", "--soort", "peutercentrum",
     "--leerdoel", "Ouders betrekken bij voorlezen, ook als ze zelf weinig lezen."],
    ["deelnemer", "toevoegen", "Hatice Yılmaz", "--organisatie", "Peutercentrum Het Zonnetje", "--soort", "peutercentrum",
     "--leerdoel", "Open vragen stellen tijdens het voorlezen."],
    ["deelnemer", "toevoegen", "Ruud Smits", "--organisatie", "Basisschool De Vaart", "--soort", "basisschool",
     "--leerdoel", "Weten hoe peuters voorgelezen worden, zodat groep 1 daarop voortbouwt."],
    ["deelnemer", "toevoegen", "Noor Hendriks", "--organisatie", "Basisschool De Vaart", "--soort", "basisschool"],
    ["bijeenkomst", "--datum", "2026-05-21", "--fase", "verkenning", "--werkvorm", "kennismakingsoefening",
     "--werkvorm", "quiz-netwerkleerder", "--aanwezig", "7",
     "--notitie", "Kennismaken bij het peutercentrum; iedereen wil verder."],
    ["bijeenkomst", "--datum", "2026-09-17", "--werkvorm", "diverse-bronnen-benutten", "--werkvorm", "gewichten-plakken",
     "--aanwezig", "6", "--notitie", "Voorlezen kreeg de meeste stickers."],
    ["bijeenkomst", "--datum", "2026-10-15", "--werkvorm", "contract", "--werkvorm", "levend-domino", "--aanwezig", "6",
     "--contract"],
    ["bijeenkomst", "--datum", "2026-11-12", "--werkvorm", "ukk-speerpunten-bestuderen", "--werkvorm", "leerdagboek",
     "--aanwezig", "5", "--notitie", "Ruud en Ilse presenteerden hoofdstuk 1; volgende keer de wijk in beeld."],
    ["behaald", "kennismaken-elkaar-kennen"],
    ["behaald", "kennismaken-verwachtingen"],
    ["behaald", "sfeer-iedereen-spreekt"],
]


def test_the_example_network_can_be_built_from_nothing_with_commands(ln, tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import ADVIES
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    pad = tmp_path / "netwerk.yaml"
    for opdracht in VOORBEELD_OPDRACHTEN:
        uit = ln(*opdracht)
        assert uit.code in (0, 1), (opdracht, uit.err)
    assert lees_netwerk(pad) == lees_netwerk(VOORBEELD)
    gemaakt = lees_yaml_bytes(pad.read_bytes(), str(pad), ADVIES)
    voorbeeld = lees_yaml_bytes(VOORBEELD.read_bytes(), str(VOORBEELD), ADVIES)
    gemaakt["starttijd"] = str(gemaakt["starttijd"])
    assert gemaakt == {**voorbeeld, "starttijd": "15:45"}


# --- comments, key order and unknown keys survive every command ------------------------------


EIGEN = """\
# Mijn netwerk
naam: LN Zuilen   # de echte naam volgt
fase: ontwikkeling
mijn_lijstje: [koffie, thee]
randvoorwaarden:
  commitment: ja   # gesproken met directie
  tijd: deels
thema:
  speerpunt:      # nog kiezen
  eigen_notitie: bespreken in januari
deelnemers:
  - naam: Els     # kdv
    soort: kinderdagverblijf
    telefoon: "0612345678"
  - {naam: Joost, soort: basisschool}
behaald: [kennismaken-elkaar-kennen]   # zelf
bijeenkomsten:
  - datum: 2026-09-18
    aanwezig: 2
    eigen: x   # blijft
# slot
"""


def test_every_command_keeps_comments_order_and_unknown_keys(ln, tmp_path: Path) -> None:
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(EIGEN, encoding="utf-8")
    for opdracht in (
        ["thema", "--speerpunt", "Speerpunt 9: Voorlezen", "--leerdoel", "Voorlezen"],
        ["randvoorwaarde", "tijd", "ja", "--toelichting", "Geregeld"],
        ["randvoorwaarde", "commitment", "deels"],
        ["deelnemer", "toevoegen", "Noor", "--soort", "peutercentrum"],
        ["deelnemer", "wijzig", "Els", "--leerdoel", "Overdracht"],
        ["deelnemer", "weg", "Joost", "--ja"],
        ["behaald", "sfeer-iedereen-spreekt"],
        ["bijeenkomst", "--datum", "2026-10-02", "--afwezig", "Els", "--afspraak", "Boeken", "--contract"],
        ["netwerk", "--wijk", "Zuilen"],
    ):
        uit = ln(*opdracht)
        assert uit.code == 0, (opdracht, uit.err)
    tekst = pad.read_text(encoding="utf-8")
    for regel in EIGEN.splitlines():
        if "#" in regel:
            assert regel[regel.index("#"):] in tekst, regel
    for eigen in ("mijn_lijstje: [koffie, thee]", "eigen_notitie: bespreken in januari", 'telefoon: "0612345678"', "eigen: x"):
        assert eigen in tekst, eigen
    sleutels = [m.group(1) for m in re.finditer(r"^(\w+):", tekst, flags=re.M)]
    assert sleutels == ["naam", "fase", "mijn_lijstje", "randvoorwaarden", "thema", "deelnemers", "behaald",
                        "bijeenkomsten", "afspraken", "wijk"]
    n = lees_netwerk(pad)
    assert (n.wijk, n.contract, n.rv("commitment").status, n.rv("tijd").toelichting) == ("Zuilen", date(2026, 10, 2), "deels", "Geregeld")
    assert [d.naam for d in n.deelnemers] == ["Els", "Noor"] and n.deelnemers[0].leerdoel == "Overdracht"


def test_showing_commands_do_not_load_questionary(voorbeeld: Path) -> None:
    code = (
        "import sys; from lerend_netwerk.cli import run\n"
        "for args in (['netwerk'], ['deelnemers'], ['thema'], ['behaald'], ['randvoorwaarde', 'tijd', 'ja'],\n"
        "             ['deelnemer', 'toevoegen', 'Piet', '--soort', 'anders']):\n"
        "    assert run(args + ['--netwerk', sys.argv[1]]) == 0, args\n"
        "print('questionary' in sys.modules)"
    )
    uit = subprocess.run([sys.executable, "-c", code, str(voorbeeld)], capture_output=True, text=True, check=True)
    assert uit.stdout.split()[-1] == "False"


def test_a_typo_under_behaald_can_be_taken_away_with_a_command(ln, voorbeeld: Path) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8").replace("  - sfeer-iedereen-spreekt", "  - sfeer-iedereen-sprekt")
    voorbeeld.write_text(tekst, encoding="utf-8")
    fout = ln("fase")
    assert fout.code == 2 and "ln behaald --uit sfeer-iedereen-sprekt" in fout.err
    assert ln("behaald", "--uit", "sfeer-iedereen-sprekt").code == 0
    assert ln("behaald", "sfeer-iedereen-spreekt").code == 0
    assert ln("fase").code == 0


def test_contract_on_the_date_of_a_logged_meeting_sets_only_the_contract(ln, voorbeeld: Path) -> None:
    uit = ln("bijeenkomst", "--datum", "2026-11-12", "--contract")
    assert uit.code == 0, uit.err
    assert "bij de bijeenkomst die er al stond" in uit.out
    n = lees_netwerk(voorbeeld)
    assert n.contract == date(2026, 11, 12) and len(n.bijeenkomsten) == 4
