"""ln planning (issue 16): the date arithmetic, the holidays, the calendar file and storing the plan."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.planning import STANDAARD_PER_FASE, lees_interval, lees_per_fase, maak_planning
from lerend_netwerk.statusbestand import lees_netwerk
from lerend_netwerk.vakanties import Vakantie, Vakanties, lees_vakanties

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "netwerk.yaml"
VANDAAG = date(2026, 12, 1)  # a Tuesday
HERFST = Vakantie("Herfstvakantie", date(2027, 10, 16), date(2027, 10, 24))
KERST = Vakantie("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3))
ZOMER = Vakantie("Zomervakantie", date(2027, 7, 17), date(2027, 8, 29))
VAKANTIES = Vakanties((KERST, ZOMER, HERFST), "test")


def _netwerk(fase: str = "ontwikkeling", bijeenkomsten: tuple[Bijeenkomst, ...] = ()) -> Netwerk:
    return Netwerk(naam="Test", fase=fase, bijeenkomsten=bijeenkomsten)


# --- reading the options ----------------------------------------------------------------------


@pytest.mark.parametrize("tekst,dagen", [("6w", 42), ("6 weken", 42), ("1 week", 7), ("10d", 10), ("3", 21), (" 4W ", 28)])
def test_interval(tekst, dagen):
    assert lees_interval(tekst) == dagen


@pytest.mark.parametrize("tekst,stuk", [("0w", "meer dan 0"), ("0", "meer dan 0"), ("-2w", "meer dan 0"),
                                        ("zes weken", "geen tijdsduur"), ("30w", "half jaar"), ("6m", "geen tijdsduur")])
def test_interval_refused(tekst, stuk):
    with pytest.raises(LnFout, match=stuk):
        lees_interval(tekst)


def test_per_fase():
    assert lees_per_fase(["ontwikkeling=3", "3=1", "Verankering = 0"]) == {"ontwikkeling": 3, "verdieping": 1, "verankering": 0}
    with pytest.raises(LnFout, match="Bedoelde je: verdieping"):
        lees_per_fase(["verdiepng=2"])
    with pytest.raises(LnFout, match="kan niet"):
        lees_per_fase(["ontwikkeling=-1"])
    with pytest.raises(LnFout, match="FASE=AANTAL"):
        lees_per_fase(["ontwikkeling"])


# --- the date arithmetic -----------------------------------------------------------------------


def test_dates_keep_their_rhythm_and_weekday(kennisbank):
    plan = maak_planning(kennisbank, _netwerk(), Vakanties(), vandaag=VANDAAG, van=date(2027, 2, 4), elke_dagen=42)
    data = [v.datum for v in plan.bijeenkomsten]
    assert data[0] == date(2027, 2, 4)
    assert all(b - a == timedelta(days=42) for a, b in zip(data, data[1:]))
    assert {d.weekday() for d in data} == {3}  # every Thursday
    assert len(data) == sum(plan.per_fase.values())


def test_a_date_in_a_holiday_moves_to_the_first_free_weekday_after_it(kennisbank):
    # 24 December is in the Christmas holiday (19 Dec - 3 Jan): Monday 4 January is the first free weekday
    plan = maak_planning(kennisbank, _netwerk(), VAKANTIES, vandaag=VANDAAG, van=date(2026, 12, 10), elke_dagen=14)
    eerste = plan.bijeenkomsten[:3]
    # 7 January, three days after the moved meeting, is dropped; the grid (Thursdays) goes on on the 21st
    assert [v.datum for v in eerste] == [date(2026, 12, 10), date(2027, 1, 4), date(2027, 1, 21)]
    assert eerste[1].vakantie == "Kerstvakantie" and eerste[1].verschoven_van == date(2026, 12, 24)
    assert eerste[2].vakantie is None


def test_a_taken_date_is_not_free(kennisbank):
    netwerk = _netwerk(bijeenkomsten=(Bijeenkomst(date(2027, 1, 4), status="gepland"),))
    plan = maak_planning(kennisbank, netwerk, VAKANTIES, vandaag=VANDAAG, van=date(2026, 12, 24), elke_dagen=42)
    assert plan.bijeenkomsten[0].datum == date(2027, 1, 5)


def test_a_long_holiday_gives_one_meeting_after_it_not_several(kennisbank):
    plan = maak_planning(kennisbank, _netwerk(), VAKANTIES, vandaag=VANDAAG, van=date(2027, 7, 1), elke_dagen=7)
    data = [v.datum for v in plan.bijeenkomsten]
    assert data[:4] == [date(2027, 7, 1), date(2027, 7, 8), date(2027, 7, 15), date(2027, 8, 30)]
    assert data[4] == date(2027, 9, 9)  # 2 September is within a week of 30 August: the next Thursday
    assert all(b - a >= timedelta(days=7) for a, b in zip(data, data[1:]))


def test_tot_cuts_the_plan_and_counts_what_is_left(kennisbank):
    plan = maak_planning(kennisbank, _netwerk(), Vakanties(), vandaag=VANDAAG, van=date(2027, 1, 7), elke_dagen=28,
                         tot=date(2027, 6, 30), per_fase={"ontwikkeling": 2})
    assert [v.datum for v in plan.bijeenkomsten][-1] <= date(2027, 6, 30)
    assert len(plan.bijeenkomsten) == 7  # 7 January and every four weeks to 24 June
    assert plan.na_tot == {"verankering": 2}


def test_the_path_to_verankering_with_every_aim(kennisbank):
    netwerk = lees_netwerk(VOORBEELD)
    plan = maak_planning(kennisbank, netwerk, Vakanties(), vandaag=VANDAAG, elke_dagen=42, per_fase={"verdieping": 1})
    fasen = [v.fase for v in plan.bijeenkomsten]
    assert fasen == sorted(fasen, key=["ontwikkeling", "verdieping", "inbedding", "verankering"].index)
    assert fasen[-1] == "verankering" and fasen.count("verdieping") == 1
    for fase in ("verdieping", "inbedding", "verankering"):
        gepland = {d for v in plan.bijeenkomsten if v.fase == fase for d in v.doelen}
        assert gepland == {d.id for d in kennisbank.fase(fase).doelen}, fase  # every aim has a meeting
    # in the current phase, only the aims still open
    from lerend_netwerk.voortgang import open_doelen

    huidig = {d for v in plan.bijeenkomsten if v.fase == "ontwikkeling" for d in v.doelen}
    assert huidig == {s.doel.id for s in open_doelen(kennisbank, netwerk)}
    # the first meeting follows the last one held, one interval later
    assert plan.bijeenkomsten[0].datum == netwerk.laatste_bijeenkomst.datum + timedelta(days=42)


@pytest.mark.parametrize("opties,stuk", [
    ({"van": date(2026, 11, 1)}, "ligt in het verleden"),
    ({"tot": date(2026, 11, 1)}, "ligt in het verleden"),
    ({"van": date(2027, 3, 1), "tot": date(2027, 2, 1)}, "ligt voor het begin"),
    ({"elke_dagen": 0}, "meer dan 0"),
])
def test_bad_dates_are_clear(kennisbank, opties, stuk):
    with pytest.raises(LnFout, match=stuk):
        maak_planning(kennisbank, _netwerk(), Vakanties(), vandaag=VANDAAG, **{"elke_dagen": 42, **opties})


@settings(max_examples=150, deadline=None)
@given(
    begin=st.dates(date(2026, 12, 1), date(2028, 6, 1)),
    elke=st.integers(1, 120),
    aantallen=st.lists(st.integers(0, 6), min_size=4, max_size=4),
    vakanties=st.lists(st.tuples(st.dates(date(2026, 12, 1), date(2029, 6, 1)), st.integers(0, 60)), max_size=8),
    tot=st.none() | st.dates(date(2027, 1, 1), date(2030, 1, 1)),
)
def test_no_plan_breaks_its_own_rules(kennisbank, begin, elke, aantallen, vakanties, tot):
    lijst = Vakanties(tuple(Vakantie(f"v{i}", v, v + timedelta(days=n)) for i, (v, n) in enumerate(vakanties)), "h")
    per_fase = dict(zip(("ontwikkeling", "verdieping", "inbedding", "verankering"), aantallen))
    if tot is not None and tot < begin:
        with pytest.raises(LnFout):
            maak_planning(kennisbank, _netwerk(), lijst, vandaag=VANDAAG, van=begin, tot=tot, elke_dagen=elke, per_fase=per_fase)
        return
    plan = maak_planning(kennisbank, _netwerk(), lijst, vandaag=VANDAAG, van=begin, tot=tot, elke_dagen=elke, per_fase=per_fase)
    data = [v.datum for v in plan.bijeenkomsten]
    assert all(lijst.in_vakantie(d) is None for d in data)  # no meeting in a holiday
    assert all(b - a >= timedelta(days=min(7, elke)) for a, b in zip(data, data[1:]))  # in order, apart
    assert all(d >= begin for d in data) and (tot is None or all(d <= tot for d in data))
    assert all(v.datum.weekday() < 5 for v in plan.bijeenkomsten if v.vakantie)  # moved to a weekday
    assert len(data) + sum(plan.na_tot.values()) == sum(per_fase.values())
    volgorde = [v.fase for v in plan.bijeenkomsten]
    assert volgorde == sorted(volgorde, key=list(per_fase).index)


# --- the holiday file ----------------------------------------------------------------------


def test_the_shipped_example_is_marked_and_covers_the_school_year():
    lijst = lees_vakanties(None)
    assert lijst.voorbeeld and "voorbeeld" in lijst.bron
    assert lijst.lijst[0].van == date(2026, 10, 17) and lijst.tot == date(2027, 8, 29)
    assert {v.naam for v in lijst.lijst} >= {"Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie", "Zomervakantie"}
    tekst = (Path(__file__).resolve().parent.parent / "data" / "vakanties-regio-midden-2026-2027.yaml").read_text()
    assert "VOORBEELD, controleer op rijksoverheid.nl" in tekst


@pytest.mark.parametrize("regel,stuk,nummer", [
    ("  - {naam: Kerst, van: 2026-12-19, tot: 2026-12-01}", "eindigt (2026-12-01) voor ze begint", 3),
    ("  - {naam: Kerst, van: 2026-02-30, tot: 2027-01-03}", "geen bestaande datum", 3),
    ("  - {naam: Kerst, van: 19 december, tot: 2027-01-03}", "hier hoort een datum", 3),
    ("  - {naam: Kerst, tot: 2027-01-03}", "ontbreekt", 3),
    ("  - Kerst 2026-12-19 2027-01-03", "blok met velden", 3),
    ("  - {naam: Zomer, van: 2027-07-17, tot: 2028-08-29}", "klopt het jaartal", 3),
])
def test_a_bad_line_in_the_holiday_file_names_the_line(tmp_path, regel, stuk, nummer):
    pad = tmp_path / "vakanties.yaml"
    pad.write_text(f"vakanties:\n  - {{naam: Herfst, van: 2026-10-17, tot: 2026-10-25}}\n{regel}\n", encoding="utf-8")
    with pytest.raises(LnFout) as fout:
        lees_vakanties(pad)
    assert stuk in fout.value.bericht and fout.value.regel == nummer and fout.value.bestand == str(pad)


def test_the_holiday_file_through_the_cli(ln, tmp_path):
    (tmp_path / "netwerk.yaml").write_bytes(VOORBEELD.read_bytes())
    pad = tmp_path / "v.yaml"
    pad.write_text("vakanties:\n  - {naam: Kerst, van: 2027-01-09, tot: 2027-01-01}\n", encoding="utf-8")
    uit = ln("planning", "--vakanties", str(pad))
    assert uit.code == 2 and f"{pad}, regel 2:" in uit.err and "eindigt" in uit.err and uit.out == ""
    uit = ln("planning", "--vakanties", str(tmp_path / "nergens.yaml"))
    assert uit.code == 2 and "kan niet gelezen worden" in uit.err


# --- the CLI --------------------------------------------------------------------------------


@pytest.mark.parametrize("args,stuk", [
    (["--elke", "0w"], "meer dan 0"),
    (["--van", "2020-01-01"], "ligt in het verleden"),
    (["--tot", "2020-01-01"], "ligt in het verleden"),
    (["--van", "2099-03-01", "--tot", "2099-02-01"], "ligt voor het begin"),
    (["--van", "31-02-2027"], "geen datum die ik ken"),
    (["--fase", "ontwikkeling=x"], "kan niet"),
])
def test_bad_input_through_the_cli(ln, tmp_path, args, stuk):
    (tmp_path / "netwerk.yaml").write_bytes(VOORBEELD.read_bytes())
    uit = ln("planning", *args)
    assert uit.code == 2 and stuk in uit.err and "Traceback" not in uit.err, uit.err
    assert (tmp_path / "netwerk.yaml").read_bytes() == VOORBEELD.read_bytes()


def test_bewaar_stores_the_plan_keeping_everything_else(ln, tmp_path):
    pad = tmp_path / "netwerk.yaml"
    oud = VOORBEELD.read_text(encoding="utf-8")
    pad.write_text(oud, encoding="utf-8")
    uit = ln("planning", "--bewaar", "--elke", "6w", "--json")
    assert uit.code == 0, uit.err
    voorstel = json.loads(uit.out)
    nieuw = pad.read_text(encoding="utf-8")
    assert nieuw.startswith(oud)  # every byte before stays, comments included
    assert (tmp_path / "netwerk.yaml.bak").read_text(encoding="utf-8") == oud
    staat = lees_netwerk(pad)
    assert [b.datum.isoformat() for b in staat.planning.bijeenkomsten] == [b["datum"] for b in voorstel["bijeenkomsten"]]
    assert staat.planning.gemaakt == date.today()
    # again, with other numbers: the plan is replaced, not added
    uit = ln("planning", "--bewaar", "--fase", "ontwikkeling=1", "--fase", "verdieping=1")
    assert uit.code == 0, uit.err
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("planning:") == 1 and tekst.startswith(oud)
    assert len(lees_netwerk(pad).planning.bijeenkomsten) == 1 + 1 + STANDAARD_PER_FASE["inbedding"] + STANDAARD_PER_FASE["verankering"]


def test_bewaar_replaces_a_plan_in_the_middle_and_refuses_to_lose_a_comment(ln, tmp_path):
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(
        "naam: n  # mijn netwerk\nfase: verdieping\nplanning:\n  bijeenkomsten:\n    - {datum: 2027-01-07, fase: verdieping}\n"
        "wijk: Noord  # blijft\n", encoding="utf-8")
    assert ln("planning", "--bewaar").code == 0
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.startswith("naam: n  # mijn netwerk\nfase: verdieping\nplanning:\n  gemaakt: ")
    assert tekst.endswith("wijk: Noord  # blijft\n") and "2027-01-07" not in tekst
    pad.write_text("naam: n\nfase: verdieping\nplanning:\n  bijeenkomsten:  # van de deelnemers\n    - {datum: 2027-01-07, fase: verdieping}\n",
                   encoding="utf-8")
    voor = pad.read_bytes()
    uit = ln("planning", "--bewaar")
    assert uit.code == 2 and "commentaar" in uit.err and pad.read_bytes() == voor


def test_without_bewaar_nothing_is_written_and_the_example_holidays_are_named(ln, tmp_path):
    pad = tmp_path / "netwerk.yaml"
    pad.write_bytes(VOORBEELD.read_bytes())
    uit = ln("planning")
    assert uit.code == 0 and pad.read_bytes() == VOORBEELD.read_bytes() and not (tmp_path / "netwerk.yaml.bak").exists()
    assert "Verankering" in uit.out and "rijksoverheid.nl" in uit.out and "--fase FASE=AANTAL" in uit.out


def test_icalendar_is_imported_only_for_ics(tmp_path):
    (tmp_path / "netwerk.yaml").write_bytes(VOORBEELD.read_bytes())
    code = (
        "import sys; from lerend_netwerk.cli import run; "
        "c = run(['planning', '--netwerk', 'netwerk.yaml']); print(c, 'icalendar' in sys.modules)"
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert uit.stdout.strip().splitlines()[-1] == "0 False"


# --- the calendar file ------------------------------------------------------------------------


def _ics(ln, tmp_path) -> tuple[bytes, dict]:
    (tmp_path / "netwerk.yaml").write_bytes(VOORBEELD.read_bytes())
    uit = ln("planning", "--ics", str(tmp_path / "planning.ics"), "--json")
    assert uit.code == 0, uit.err
    return (tmp_path / "planning.ics").read_bytes(), json.loads(uit.out)


def test_ics_parsed_back_by_icalendar(ln, tmp_path):
    from icalendar import Calendar

    inhoud, plan = _ics(ln, tmp_path)
    kalender = Calendar.from_ical(inhoud)
    events = list(kalender.walk("VEVENT"))
    assert [e.decoded("dtstart").date().isoformat() for e in events] == [b["datum"] for b in plan["bijeenkomsten"]]
    assert len({str(e["uid"]) for e in events}) == len(events)
    eerste = str(events[0]["description"])
    assert "Agenda (15:45-17:15" in eerste and "Opening" in eerste and "Afsluiting" in eerste  # the next meeting's agenda
    assert all("Agenda (" not in str(e["description"]) for e in events[1:])
    assert str(events[0]["summary"]).startswith("Lerend Netwerk Kanaleneiland: bijeenkomst")
    assert (events[0].decoded("dtend") - events[0].decoded("dtstart")) == timedelta(minutes=90)


def test_ics_read_by_a_second_independent_reader(ln, tmp_path):
    import vobject

    inhoud, plan = _ics(ln, tmp_path)
    kalender = vobject.readOne(inhoud.decode("utf-8"))
    events = kalender.vevent_list
    assert len(events) == len(plan["bijeenkomsten"])
    assert [e.dtstart.value.date().isoformat() for e in events] == [b["datum"] for b in plan["bijeenkomsten"]]
    assert events[0].dtstart.value.strftime("%H:%M") == "15:45"
    assert "Opening" in events[0].description.value and "\\n" not in events[0].description.value
    assert "Kanaleneiland" in events[0].summary.value
