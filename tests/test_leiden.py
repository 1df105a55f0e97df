"""`ln leid`: the session core with a fake clock (a whole meeting in milliseconds), the journal,
the agenda from the stored note, and the command without a terminal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.leiden.sessie import Punt, Sessie, mss, niveau


class Klok:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def verder(self, minuten: float) -> None:
        self.t += minuten * 60


PUNTEN = (
    Punt("Opening", 10, 5, "opening"),
    Punt("Wijk in beeld", 35, 25, "werkvorm", "context-in-beeld"),
    Punt("Persoonlijke uitdaging", 30, 20, "werkvorm", "persoonlijke-uitdaging"),
    Punt("Afsluiting", 15, 10, "afsluiting"),
)


def _sessie(klok: Klok) -> Sessie:
    return Sessie.begin(PUNTEN, klok, 90, ("Els", "Joost Verhoef", "Fatima"))


def test_a_whole_meeting_in_milliseconds() -> None:
    klok = Klok()
    s = _sessie(klok)
    klok.verder(12)
    s.volgende()
    klok.verder(30)
    s.noteer("  Ouders   willen meer voorlezen ")
    s.volgende()
    klok.verder(0.5)  # skipped: under a minute
    s.volgende()
    klok.verder(15)
    s.spreek_af("Ilse neemt een boek mee")
    s.volgende()
    assert s.klaar and s.stand().klaar
    assert [round(b / 60, 1) for b in s.besteed_nu()] == [12, 30, 0.5, 15]
    assert s.gedaan() == (True, True, False, True)
    assert s.werkvormen_gedaan(("context-in-beeld", "persoonlijke-uitdaging", "leerdagboek")) == (
        "context-in-beeld", "leerdagboek")  # the closing's diary counts: the closing happened
    assert s.notities == ["Ouders willen meer voorlezen"]
    assert s.verloop() == ("Verloop met ln leid: opening 12 min (gepland 10), context-in-beeld 30 min (gepland 35), "
                           "persoonlijke-uitdaging overgeslagen (gepland 30), afsluiting 15 min (gepland 15); "
                           "samen 58 van 90 min")


def test_the_timer_turns_orange_at_20_and_red_at_5_percent() -> None:
    klok = Klok()
    s = _sessie(klok)
    assert s.stand().niveau == "gewoon" and mss(s.stand().over) == "10:00"
    klok.verder(7.9)
    assert s.stand().niveau == "gewoon"
    klok.verder(0.1)  # 2:00 of 10:00 left
    assert s.stand().niveau == "bijna" and mss(s.stand().over) == "2:00"
    klok.verder(1.5)  # 0:30 left
    assert s.stand().niveau == "om"
    klok.verder(1)
    assert s.stand().over == -30 and s.stand().niveau == "om"
    assert niveau(100, 100) == "gewoon" and niveau(20, 100) == "bijna" and niveau(5, 100) == "om"


def test_pause_stops_the_clock_and_plus_gives_five_minutes() -> None:
    klok = Klok()
    s = _sessie(klok)
    klok.verder(5)
    assert s.pauze() is True and s.stand().gepauzeerd
    klok.verder(20)
    assert mss(s.stand().over) == "5:00" and mss(s.stand().bijeenkomst_over) == "85:00"
    assert s.pauze() is False
    s.verleng()
    assert mss(s.stand().over) == "10:00" and s.stand().toegestaan == 15 * 60


def test_going_back_counts_on_the_earlier_item() -> None:
    klok = Klok()
    s = _sessie(klok)
    klok.verder(10)
    s.volgende()
    klok.verder(2)
    s.vorige()
    klok.verder(3)
    assert [b / 60 for b in s.besteed_nu()][:2] == [13, 2]
    s.vorige()  # nothing before the first
    assert s.huidig == 0


def test_running_behind_says_by_how_much_and_what_to_shorten() -> None:
    klok = Klok()
    s = _sessie(klok)
    klok.verder(14)  # 4 over in the opening
    stand = s.stand()
    assert stand.achter == 4 * 60
    assert stand.advies is not None and stand.advies.soort == "inkorten" and stand.advies.genoeg
    assert stand.advies.nummer == 2 and stand.advies.tot == 31  # the most room: 35 down to 25
    s.volgende()
    klok.verder(45)  # the work form took 45 of 35: 14 behind, no item has that much room
    stand = s.stand()
    assert stand.achter == 14 * 60
    assert stand.advies.soort == "overslaan" and stand.advies.nummer == 3 and stand.advies.genoeg


def test_on_time_gives_no_advice() -> None:
    klok = Klok()
    s = _sessie(klok)
    klok.verder(9)
    assert s.stand().achter == 0 and s.stand().advies is None


def test_absent_names_are_checked_against_the_participants() -> None:
    s = _sessie(Klok())
    assert s.wissel_afwezig("els") == ("Els", True)
    assert s.wissel_afwezig("verhoef") == ("Joost Verhoef", True)  # a surname is enough
    assert s.wissel_afwezig("Els") == ("Els", False)  # again: present after all
    with pytest.raises(LnFout, match="Bedoelde je: Fatima"):
        s.wissel_afwezig("Fatma")
    with pytest.raises(LnFout, match="geen deelnemer"):
        s.wissel_afwezig("Piet")
    assert s.afwezig == ["Joost Verhoef"]
    with pytest.raises(LnFout):
        s.noteer("   ")


def test_the_journal_round_trip_resumes_where_it_was() -> None:
    klok = Klok()
    s = _sessie(klok)
    klok.verder(12)
    s.volgende()
    klok.verder(3)
    s.noteer("een")
    s.spreek_af("twee")
    s.wissel_afwezig("Els")
    data = json.loads(json.dumps(s.als_data()))
    klok.verder(2)  # the laptop restarts; the meeting goes on
    terug = Sessie.uit_data(data, klok)
    assert [b / 60 for b in terug.besteed_nu()][:2] == [12, 5]
    assert (terug.notities, terug.afspraken, terug.afwezig, terug.huidig) == (["een"], ["twee"], ["Els"], 1)
    stil = Sessie.uit_data(data, klok, tussentijd_telt=False)  # another day: resumes paused
    assert stil.gepauzeerd and [b / 60 for b in stil.besteed_nu()][:2] == [12, 3]


def test_the_verloop_line_is_never_read_as_an_agreement(kennisbank) -> None:
    from lerend_netwerk.netwerk import Bijeenkomst
    from lerend_netwerk.planner.afspraken import afspraak_teksten

    punten = [Punt(w.naam, 10, 5, "werkvorm", w.id) for w in kennisbank.werkvormen.values()]
    punten += [Punt("Opening", 10, 5, "opening"), Punt("Pauze", 15, 10, "pauze"), Punt("Afsluiting", 15, 10, "afsluiting")]
    klok = Klok()
    s = Sessie.begin(punten, klok)
    for _ in punten:
        klok.verder(2)
        s.volgende()
    b = Bijeenkomst(date(2026, 12, 1), notities=s.verloop())
    assert afspraak_teksten(kennisbank, b) == []


def test_the_stored_note_gives_back_the_same_agenda(kennisbank) -> None:
    from lerend_netwerk.leiden.voorbereiden import opties_uit_notitie, punten
    from lerend_netwerk.planner import AgendaOpties, herhaal_opdracht, plan_agenda
    from lerend_netwerk.statusbestand import lees_netwerk

    staat = lees_netwerk(Path(__file__).parent.parent / "voorbeelden" / "netwerk.yaml")
    opties = AgendaOpties(duur=150, start="19:00", wissel=(4,), zonder=("talking-stick",), datum=date(2026, 12, 10))
    plan = plan_agenda(kennisbank, staat, opties)
    notitie = f"Gepland met {herhaal_opdracht(opties, plan, date(2026, 12, 10))} — Thema gekozen"
    terug = opties_uit_notitie(notitie)
    assert plan_agenda(kennisbank, staat, terug) == plan
    items = punten(kennisbank, plan)
    assert [p.minuten for p in items] == [o.duur for o in plan.onderdelen]
    assert all(p.minimum <= p.minuten for p in items)
    assert opties_uit_notitie("Zelf geschreven") is None
    assert opties_uit_notitie("Gepland met ln agenda --onbekend 3") is None


def test_without_a_terminal_ln_leid_says_it_needs_one(ln) -> None:
    Path("netwerk.yaml").write_text("naam: LN Zuilen\nfase: verkenning\n", encoding="utf-8")
    uit = ln("leid")
    assert uit.code == 2
    assert "heeft een terminal nodig" in uit.err and "Traceback" not in uit.err
    assert not Path("netwerk.yaml.leid").exists()


def test_ln_leid_is_not_loaded_by_other_commands() -> None:
    import subprocess
    import sys

    code = ("import sys; from lerend_netwerk.cli import run; run(['werkvormen', '--json']); "
            "sys.stderr.write(str(sorted(m for m in sys.modules if m in ('rich.live', 'termios', 'lerend_netwerk.cli.leid', "
            "'lerend_netwerk.leiden.sessie'))))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stderr.strip().endswith("[]")


def test_the_view_fits_any_terminal_and_keeps_the_clock_and_the_keys(kennisbank) -> None:
    from lerend_netwerk.cli.leid_scherm import Kop, Onderaan, scherm

    klok = Klok()
    s = _sessie(klok)
    klok.verder(12)
    s.volgende()
    klok.verder(40)  # over time, running behind: the longest view
    s.wissel_afwezig("Joost")
    w = kennisbank.werkvormen["context-in-beeld"]
    uitleg = {w.id: (w.uitwerking.uitnodiging, tuple((st.tekst, st.minuten) for st in w.uitwerking.stappen))}
    kop = Kop("LN Zuilen", date(2026, 12, 1), "Ontwikkeling", (("Bewaakt de tijd", "Els"),))
    for breedte, hoogte in ((80, 24), (50, 14), (30, 8), (200, 60)):
        regels = scherm(s, s.stand(), kop, uitleg, Onderaan(melding="Notitie bewaard."), breedte, hoogte).plain.split("\n")
        assert len(regels) == hoogte, (breedte, hoogte)
        assert all(len(r) <= breedte for r in regels), (breedte, hoogte)
        tekst = "\n".join(regels)
        assert "Tijd om: 5:00 over" in tekst and "spatie/→ volgende" in tekst and "Bijeenkomst: nog" in tekst
        if hoogte >= 24:
            assert "loopt 7:00 achter" in tekst and "Inhalen: kort onderdeel 3 in met 7 min (tot 23 min)" in tekst
            assert "▶" in tekst and "w afwezig" in tekst and "Rollen: Els: Bewaakt de tijd" in tekst


ACTIES = st.lists(st.tuples(st.sampled_from(["volgende", "vorige", "verleng", "pauze", "noteer", "afwezig"]),
                            st.floats(min_value=0, max_value=30 * 60, allow_nan=False)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(ACTIES)
def test_any_sequence_of_keys_keeps_the_books_straight(acties) -> None:
    """However the keys come: the time spent adds up to the time the clock ran, the view can always be
    drawn, an advice never shortens an item below its minimum, and the journal gives the same session."""
    klok = Klok()
    s = _sessie(klok)
    gelopen = 0.0
    for actie, seconden in acties:
        if s.lopend_sinds is not None:
            gelopen += seconden
        klok.t += seconden
        if actie == "noteer":
            s.noteer("iets")
        elif actie == "afwezig":
            s.wissel_afwezig("Els")
        else:
            getattr(s, actie)()
        stand = s.stand()
        assert sum(stand.besteed) == pytest.approx(gelopen)
        assert stand.bijeenkomst_over == pytest.approx(90 * 60 - gelopen)
        if stand.advies is not None and stand.advies.soort == "inkorten":
            punt = s.punten[stand.advies.nummer - 1]
            assert stand.advies.tot >= punt.minimum and stand.advies.nummer - 1 > stand.nummer
        terug = Sessie.uit_data(json.loads(json.dumps(s.als_data())), klok)
        assert terug.stand() == stand
        if s.klaar:
            break
