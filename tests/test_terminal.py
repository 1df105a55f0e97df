"""Questions in a real terminal (a pty), answered the way a kartrekker would: in Dutch."""

from __future__ import annotations

import io
from pathlib import Path

import pexpect

from terminal import klaar, start_in_terminal

NETWERK = "naam: LN Zuilen\nfase: verkenning\n"


def test_fase_volgende_vraagt_in_het_nederlands_en_j_is_ja(tmp_path: Path) -> None:
    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "fase", "volgende")
    kind.expect("Van Verkenning naar fase 2 Ontwikkeling")
    kind.expect(r"\(j of n")
    kind.send("j\r")
    kind.expect("staat nu in fase 2 Ontwikkeling")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
    assert "fase: ontwikkeling" in (tmp_path / "netwerk.yaml").read_text(encoding="utf-8")


def test_fase_volgende_n_is_nee_en_verandert_niets(tmp_path: Path) -> None:
    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "fase", "volgende")
    kind.expect(r"\(j of n")
    kind.send("n\r")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 1
    assert (tmp_path / "netwerk.yaml").read_text(encoding="utf-8") == NETWERK
    assert "(y/N)" not in kind.before


# --- updating the network without opening the YAML ---------------------------------------------

MET_DEELNEMERS = NETWERK + "deelnemers:\n  - naam: Els\n    soort: kinderdagverblijf\n  - naam: Joost\n"


def test_thema_kiest_een_speerpunt_uit_het_ukk(tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "thema")
    kind.expect("Welk speerpunt")
    kind.expect("Speerpunt 1: Warme relaties")
    kind.send("\x1b[B\r")  # one down: Speerpunt 2
    kind.expect("gezamenlijke leerdoel")
    kind.send("Samen kijken naar kinderen\r")
    kind.expect("Thema bijgewerkt")
    assert klaar(kind) == 0
    thema = lees_netwerk(tmp_path / "netwerk.yaml").thema
    assert (thema.speerpunt, thema.ukk_hoofdstuk, thema.gezamenlijk_leerdoel) == (
        "Speerpunt 2: Gevoelig oog", 1, "Samen kijken naar kinderen")


def test_deelnemer_toevoegen_en_weg_in_een_terminal(tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    pad = tmp_path / "netwerk.yaml"
    pad.write_text(MET_DEELNEMERS, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "deelnemer", "toevoegen", "Noor Hendriks")
    kind.expect("Organisatie")
    kind.send("Basisschool De Vaart\r")
    kind.expect("Wat voor organisatie")
    kind.send("\x1b[B\x1b[B\r")  # kinderdagverblijf, peutercentrum, basisschool
    kind.expect("leerdoel")
    kind.send("Spel in groep 1\r")
    kind.expect("Toegevoegd")
    assert klaar(kind) == 0
    assert lees_netwerk(pad).deelnemers[-1].soort == "basisschool"

    kind = start_in_terminal(tmp_path, "deelnemer", "weg", "joost")
    kind.expect("Joost weghalen")
    kind.send("j\r")
    kind.expect("Weggehaald")
    assert klaar(kind) == 0
    assert [d.naam for d in lees_netwerk(pad).deelnemers] == ["Els", "Noor Hendriks"]


def test_deelnemer_wijzig_toont_wat_er_staat(tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    pad = tmp_path / "netwerk.yaml"
    pad.write_text(MET_DEELNEMERS, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "deelnemer", "wijzig", "Els")
    kind.expect("Naam van de deelnemer")
    kind.send("\r")  # keeps 'Els'
    kind.expect("Organisatie")
    kind.send("Kdv De Boomhut\r")
    kind.expect("Wat voor organisatie")
    kind.send("\r")  # keeps kinderdagverblijf
    kind.expect("leerdoel")
    kind.send("Beter overdragen\r")
    kind.expect("Bijgewerkt")
    assert klaar(kind) == 0
    els = lees_netwerk(pad).deelnemers[0]
    assert (els.naam, els.organisatie, els.soort, els.leerdoel) == ("Els", "Kdv De Boomhut", "kinderdagverblijf", "Beter overdragen")


def test_randvoorwaarde_en_behaald_in_een_terminal(tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    pad = tmp_path / "netwerk.yaml"
    pad.write_text(NETWERK, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "randvoorwaarde", "tijd")
    kind.expect("is dat geregeld")
    kind.send("\x1b[A\x1b[A\x1b[A\r")  # from 'weet ik nog niet' up to 'ja'
    kind.expect("Toelichting bij tijd")
    kind.send("Twee uur per maand\r")
    kind.expect("van onbekend naar ja")
    assert klaar(kind) == 0
    assert lees_netwerk(pad).rv("tijd").toelichting == "Twee uur per maand"

    kind = start_in_terminal(tmp_path, "behaald")
    kind.expect("Welk signaal vink je af")
    kind.send("\r")
    kind.expect("Afgevinkt")
    assert klaar(kind) == 0
    assert lees_netwerk(pad).behaald == ("kennismaken-elkaar-kennen",)


def test_bijeenkomst_vraagt_wie_er_niet_was_en_de_afspraken(tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    pad = tmp_path / "netwerk.yaml"
    pad.write_text(MET_DEELNEMERS + "bijeenkomsten:\n  - datum: 2026-09-18\n", encoding="utf-8")
    kind = start_in_terminal(tmp_path, "bijeenkomst")
    kind.expect("Datum van de bijeenkomst")
    kind.send("\x15" + "2026-09-18\r")  # Ctrl-U clears today's date
    kind.expect("Welke werkvormen")
    kind.send("\r")
    kind.expect("Wie was er niet")
    kind.send("\x1b[B \r")  # Joost
    kind.expect("Hoeveel deelnemers")
    kind.send("\r")  # 2 - 1
    kind.expect("Notitie")
    kind.send("\r")
    kind.expect("afspraak voor de volgende keer")
    kind.send("Foto's meenemen\r")
    kind.expect("afspraak voor de volgende keer")
    kind.send("\r")
    kind.expect("contract gemaakt")
    kind.send("n\r")
    kind.expect("al een gehouden bijeenkomst")
    kind.send("j\r")
    kind.expect("Vastgelegd")
    assert klaar(kind) == 0
    b = lees_netwerk(pad).bijeenkomsten[-1]
    assert (b.afwezig, b.aanwezig, b.afspraken) == (("Joost",), 1, ("Foto's meenemen",))


# --- ln barometer at the kartrekker's laptop -----------------------------------------------------


def test_barometer_at_the_laptop_clears_the_screen_between_people(tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import lees_statusbestand

    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    kind = start_in_terminal(tmp_path, "barometer", "--datum", "2026-11-12")
    kind.logfile_read = gezien = io.StringIO()
    for deelnemer, toets in ((1, "\r"), (2, "\x1b[B\r")):  # the first keeps 3 (neutraal), the second picks 4
        kind.expect(f"deelnemer {deelnemer}. Je antwoorden zijn anoniem")
        for nummer in range(1, 13):
            kind.expect(f"{nummer}/12")
            kind.send(toets)
        kind.expect("Is er nog een deelnemer")
        kind.send("j\r" if deelnemer == 1 else "n\r")
    kind.expect("opslaan")
    kind.send("j\r")
    kind.expect("de meting van 2026-11-12 met 2 deelnemers")
    assert klaar(kind) == 0
    scherm = gezien.getvalue()
    assert scherm.count("\x1b[2J") >= 4  # cleared before and after each person: no one sees another's answers
    assert scherm.index("deelnemer 2.") > scherm.rindex("\x1b[2J", 0, scherm.index("deelnemer 2."))
    blok = lees_statusbestand(tmp_path / "netwerk.yaml").data["barometer"][0]
    assert blok["items"]["o1"]["verdeling"] == [0, 0, 1, 1, 0]
