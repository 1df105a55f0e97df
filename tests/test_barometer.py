"""`ln barometer` and `ln opbrengst`: the scoring, the aggregation, the trend, the CSV, the storage, the commands.

Bad input is refused with a Dutch message naming what is wrong, and nothing is
written (`onveranderd`). The pages are opened in Chromium in test_barometer_browser.py.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lerend_netwerk import barometer as bm
from lerend_netwerk.fouten import LnFout
from lerend_netwerk.statusbestand import lees_statusbestand
from test_kapot_hypothesis import INSTELLINGEN, lees_of_lnfout, met_commentaar, opmaak, statusdata
from test_netwerk_cli import Script

REPO = Path(__file__).resolve().parents[1]
VOORBEELD = REPO / "voorbeelden" / "netwerk.yaml"
IDS = ["o1", "o2", "o3", "s1", "s2", "s3", "p1", "p2", "p3", "r1", "r2", "r3"]


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    pad = tmp_path / "netwerk.yaml"
    shutil.copy(VOORBEELD, pad)
    return pad


@pytest.fixture(scope="module")
def lijst() -> bm.Vragenlijst:
    return bm.laad_vragenlijst()


def onveranderd(pad: Path, tekst: str) -> None:
    assert pad.read_text(encoding="utf-8") == tekst
    assert not pad.with_name(pad.name + ".bak").exists()


def csv(*rijen: list, scheiding: str = ",", bom: bool = False, kop: list[str] = IDS) -> bytes:
    regels = [scheiding.join(kop)] + [scheiding.join("" if c is None else str(c) for c in r) for r in rijen]
    return (("\ufeff" if bom else "") + "\r\n".join(regels) + "\r\n").encode("utf-8")


# --- the questionnaire --------------------------------------------------------------------------


def test_vragenlijst_has_the_four_dimensions_and_valid_links(lijst, kennisbank) -> None:
    assert [d.id for d in lijst.dimensies] == ["onderwerp", "sociale-cohesie", "praktijk", "organisatie"]
    assert [s.id for s in lijst.stellingen] == IDS
    assert "eigen" in lijst.bron.lower() or "Eigen" in lijst.bron
    for d in lijst.dimensies:
        assert len(d.stellingen) >= 3 and d.vraag
        assert d.valkuilen and set(d.valkuilen) <= set(kennisbank.valkuilen), d.id
        assert d.werkvormen and set(d.werkvormen) <= set(kennisbank.werkvormen), d.id


def test_eigen_vragenlijst_is_read_and_checked(tmp_path: Path) -> None:
    eigen = tmp_path / "lijst.yaml"
    eigen.write_text("dimensies:\n  - id: sfeer\n    naam: Sfeer\n    stellingen:\n      - {id: a, tekst: Het is gezellig.}\n",
                     encoding="utf-8")
    lijst = bm.laad_vragenlijst(eigen)
    assert [(s.id, s.dimensie) for s in lijst.stellingen] == [("a", "sfeer")]
    eigen.write_text("dimensies:\n  - id: sfeer\n    naam: Sfeer\n    stellingen:\n      - {id: a, tekst: x}\n      - {id: a, tekst: y}\n",
                     encoding="utf-8")
    with pytest.raises(LnFout, match="'a' staat er twee keer in"):
        bm.laad_vragenlijst(eigen)


# --- scoring and aggregation --------------------------------------------------------------------


def test_scores_are_whole_numbers_from_1_to_5() -> None:
    assert [bm.controleer_score(x) for x in (1, "5", " 3 ", "", None)] == [1, 5, 3, None, None]
    for fout in (0, 6, 7, "7", "3.5", "drie", True, 2.0):
        with pytest.raises(ValueError):
            bm.controleer_score(fout)


def test_counts_per_item_and_dimension_mean_is_of_all_answered_scores(lijst) -> None:
    antwoorden = [
        {"o1": 5, "o2": 4, "o3": None, "s1": 2},
        {"o1": 3, "o2": None, "o3": 1},
        {"o1": None},  # answered nothing: does not count
    ]
    meting = bm.tel_antwoorden(lijst, antwoorden, date(2026, 11, 12))
    assert meting.deelnemers == 2
    assert meting.verdelingen["o1"] == (0, 0, 1, 0, 1)
    assert meting.verdelingen["o3"] == (1, 0, 0, 0, 0)
    assert meting.verdelingen["p1"] == (0, 0, 0, 0, 0)
    # onderwerp: scores 5, 4, 3, 1 -> mean 3.25, not the mean of the item means (4, 4, 1 -> 3)
    assert bm.gemiddelde(meting.scores("onderwerp")) == 3.25
    assert bm.spreiding(meting.scores("onderwerp")) == pytest.approx(1.479, abs=1e-3)
    assert bm.gemiddelde(meting.scores("praktijk")) is None
    data = bm.meting_als_data(meting)
    assert data["dimensies"] == {"onderwerp": 3.25, "sociale-cohesie": 2.0}
    assert data["items"]["o1"] == {"dimensie": "onderwerp", "gemiddelde": 4.0, "aantal": 2, "verdeling": [0, 0, 1, 0, 1]}
    assert data["items"]["p1"]["gemiddelde"] is None and data["items"]["p1"]["aantal"] == 0
    assert "naam" not in json.dumps(data, default=str)


def test_no_answers_at_all_and_bad_scores_are_refused(lijst) -> None:
    with pytest.raises(LnFout, match="geen enkel antwoord"):
        bm.tel_antwoorden(lijst, [{"o1": None}], date(2026, 11, 12))
    with pytest.raises(LnFout, match="deelnemer 2, stelling o2: 7 ligt niet tussen 1 en 5"):
        bm.tel_antwoorden(lijst, [{"o1": 3}, {"o2": 7}], date(2026, 11, 12))


def _meting(lijst, datum: date, score: dict[str, int], n: int = 4) -> bm.Meting:
    return bm.tel_antwoorden(lijst, [{i: score.get(i[0], 3) for i in IDS}] * n, datum)


def test_uitslag_gives_mean_spread_and_change_since_the_measurement_before(lijst) -> None:
    eerst = _meting(lijst, date(2026, 3, 1), {"o": 2, "s": 4, "p": 3, "r": 2})
    toen = _meting(lijst, date(2026, 9, 1), {"o": 4, "s": 4, "p": 2, "r": 1})
    u = bm.uitslag([eerst, toen], lijst)
    per = {d.id: d for d in u.dimensies}
    assert u.datum == date(2026, 9, 1) and u.vorige == date(2026, 3, 1) and u.deelnemers == 4
    assert per["onderwerp"].gemiddelde == 4.0 and per["onderwerp"].verschil == 2.0
    assert per["praktijk"].verschil == -1.0 and per["sociale-cohesie"].verschil == 0.0
    assert per["onderwerp"].spreiding == 0.0
    assert u.zwakste.id == "organisatie"
    eerste = bm.uitslag([eerst, toen], lijst, index=0)
    assert all(d.verschil is None for d in eerste.dimensies) and eerste.vorige is None
    assert bm.trend([eerst, toen])["onderwerp"] == [(date(2026, 3, 1), 2.0), (date(2026, 9, 1), 4.0)]
    assert bm.uitslag_als_json(u)["dimensies"][0] == {
        "id": "onderwerp", "naam": "Onderwerp", "gemiddelde": 4.0, "spreiding": 0.0, "verschil": 2.0, "aantal": 12}


# --- the CSV of an online form -----------------------------------------------------------------------


@pytest.mark.parametrize("scheiding,bom", [(",", False), (";", False), (";", True), (",", True)])
def test_csv_with_comma_or_semicolon_with_or_without_bom(lijst, scheiding: str, bom: bool) -> None:
    inhoud = csv([4] * 12, [5, None, *[3] * 10], scheiding=scheiding, bom=bom)
    antwoorden = bm.lees_csv(inhoud, lijst, "a.csv")
    assert len(antwoorden) == 2 and antwoorden[0]["o1"] == 4 and antwoorden[1]["o2"] is None


def test_csv_columns_in_any_order_an_extra_timestamp_and_empty_lines(lijst) -> None:
    kop = ["Tijdstempel", *reversed(IDS)]
    inhoud = csv(["2026-11-12 10:00", *[2] * 11, 5], [], kop=kop)
    [antwoord] = bm.lees_csv(inhoud, lijst, "a.csv")
    assert antwoord["o1"] == 5 and antwoord["r3"] == 2


def test_csv_names_every_bad_row_with_column_and_reason(lijst) -> None:
    inhoud = csv([7, *[3] * 11], [3] * 5, [*[3] * 11, "veel"], [0, *[3] * 11], scheiding=";")
    with pytest.raises(LnFout) as fout:
        bm.lees_csv(inhoud, lijst, "a.csv")
    tekst = str(fout.value)
    assert "regel 2, kolom 1 (o1): 7 ligt niet tussen 1 en 5" in tekst
    assert "regel 3: 5 cellen, de kopregel heeft er 12" in tekst
    assert "regel 4, kolom 12 (r3): 'veel' is geen score" in tekst
    assert "regel 5, kolom 1 (o1): 0 ligt niet tussen 1 en 5" in tekst
    assert "er is niets opgeslagen" in tekst


def test_csv_with_a_missing_or_unknown_column_is_refused(lijst) -> None:
    with pytest.raises(LnFout, match="mist de kolom r3"):
        bm.lees_csv(csv([3] * 11, kop=IDS[:-1]), lijst, "a.csv")
    with pytest.raises(LnFout, match="'r4' is geen stelling van de vragenlijst. Bedoelde je: r"):
        bm.lees_csv(csv([3] * 12, kop=[*IDS[:-1], "r4"]), lijst, "a.csv")
    with pytest.raises(LnFout, match="leeg"):
        bm.lees_csv(b"\xef\xbb\xbf\r\n", lijst, "a.csv")
    with pytest.raises(LnFout, match="geen antwoorden"):
        bm.lees_csv(csv([None] * 12), lijst, "a.csv")


# --- stored in the state file ---------------------------------------------------------------------


def test_measurement_is_stored_with_the_state_files_guarantees(lijst, voorbeeld: Path) -> None:
    voor = voorbeeld.read_text(encoding="utf-8")
    meting = _meting(lijst, date(2026, 11, 12), {"o": 4, "s": 5, "p": 3, "r": 2}, n=6)
    bm.bewaar_meting(voorbeeld, meting, date(2026, 12, 1))
    na = voorbeeld.read_text(encoding="utf-8")
    assert na.startswith(voor)  # everything before stays, comments included
    assert voorbeeld.with_name("netwerk.yaml.bak").read_text(encoding="utf-8") == voor
    gelezen = lees_statusbestand(voorbeeld)
    blok = gelezen.data["barometer"][0]
    assert blok["datum"] == date(2026, 11, 12) and blok["deelnemers"] == 6
    assert blok["dimensies"] == {"onderwerp": 4.0, "sociale-cohesie": 5.0, "praktijk": 3.0, "organisatie": 2.0}
    assert bm.metingen_uit_data(gelezen.data) == [meting]
    # a second measurement on that date, or one in the future, is refused and nothing is written
    for datum, melding in ((date(2026, 11, 12), "staat al een meting"), (date(2027, 1, 1), "in de toekomst")):
        with pytest.raises(LnFout, match=melding):
            bm.bewaar_meting(voorbeeld, _meting(lijst, datum, {}), date(2026, 12, 1))
        assert voorbeeld.read_text(encoding="utf-8") == na


@pytest.mark.parametrize("blok,melding", [
    ("barometer: ja\n", "moet een lijst van metingen zijn"),
    ("barometer:\n  - datum: gisteren\n", "de datum ontbreekt"),
    ("barometer:\n  - {datum: 2026-01-01, deelnemers: 0, items: {}}\n", "deelnemers"),
    ("barometer:\n  - {datum: 2026-01-01, deelnemers: 2, items: {o1: {dimensie: x, verdeling: [1, 1]}}}\n", "vijf aantallen"),
])
def test_a_broken_barometer_in_the_file_is_named_with_its_line(ln, voorbeeld: Path, blok: str, melding: str) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8") + blok
    voorbeeld.write_text(tekst, encoding="utf-8")
    uit = ln("barometer", "--uitslag")
    assert uit.code == 2 and melding in uit.err and "regel" in uit.err, uit.err
    uit = ln("barometer", "--antwoorden", str(_csv_bestand(voorbeeld.parent)), "--datum", "2026-11-12")
    assert uit.code == 2 and melding in uit.err
    onveranderd(voorbeeld, tekst)


# --- for the planner --------------------------------------------------------------------------------


def test_agenda_advice_plans_the_barometer_when_the_phase_calls_for_it(lijst) -> None:
    vandaag = date(2026, 12, 1)
    assert bm.barometer_voor_agenda("ontwikkeling", [], vandaag, lijst).plannen is False
    advies = bm.barometer_voor_agenda("inbedding", [], vandaag, lijst)
    assert advies.plannen and "nog geen netwerkbarometer" in advies.reden and advies.aandacht is None
    oud = _meting(lijst, date(2026, 1, 1), {"o": 4, "s": 4, "p": 4, "r": 4})
    assert bm.barometer_voor_agenda("verankering", [oud], vandaag, lijst).plannen  # older than half a year
    recent = _meting(lijst, date(2026, 11, 1), {"o": 4, "s": 4, "p": 2, "r": 3})
    advies = bm.barometer_voor_agenda("inbedding", [oud, recent], vandaag, lijst)
    assert not advies.plannen
    assert advies.aandacht == "praktijk" and "casusbespreking" in advies.werkvormen
    assert advies.aandacht_reden.startswith("De netwerkbarometer van 1 november 2026 scoort het laagst op praktijk (2,00)")
    assert "praktijkvragen-niet-op-tafel" in advies.valkuilen
    # filled in on paper: a held meeting that logged the work form counts as a measurement
    from lerend_netwerk.netwerk import Bijeenkomst
    from lerend_netwerk.statusbestand import lees_netwerk

    netwerk = lees_netwerk(VOORBEELD)
    netwerk = netwerk._replace(bijeenkomsten=(*netwerk.bijeenkomsten, Bijeenkomst(date(2026, 11, 26), werkvormen=("netwerkbarometer",))))
    advies = bm.barometer_voor_agenda("inbedding", [], vandaag, lijst, netwerk)
    assert not advies.plannen and "26 november 2026" in advies.reden
    goed = _meting(lijst, date(2026, 11, 20), {"o": 4, "s": 4, "p": 4, "r": 4})
    assert bm.barometer_voor_agenda("inbedding", [goed], vandaag, lijst).aandacht is None


def test_the_district_overview_reads_what_ln_barometer_writes(lijst, voorbeeld: Path) -> None:
    """Issue 16's overview takes the per-dimension means, not `deelnemers`, beside the date."""
    from lerend_netwerk.overzicht import laatste_barometer

    bm.bewaar_meting(voorbeeld, _meting(lijst, date(2026, 6, 1), {"o": 2}), date(2026, 12, 1))
    bm.bewaar_meting(voorbeeld, _meting(lijst, date(2026, 11, 12), {"o": 4, "s": 5, "p": 3, "r": 2}, n=6),
                     date(2026, 12, 1))
    gelezen = laatste_barometer(lees_statusbestand(voorbeeld).data)
    assert gelezen.datum == date(2026, 11, 12)
    assert gelezen.scores == {"onderwerp": 4.0, "sociale-cohesie": 5.0, "praktijk": 3.0, "organisatie": 2.0}
    assert gelezen.gemiddelde == 3.5


# --- the command ---------------------------------------------------------------------------------


def _csv_bestand(map_: Path, *rijen: list, **opties) -> Path:
    pad = map_ / "antwoorden.csv"
    pad.write_bytes(csv(*(rijen or ([4, 4, 3, 5, 4, 4, 3, 2, 3, 2, 2, 3], [5, None, 4, 4, 4, 5, 3, 3, 2, 2, 1, 3])), **opties))
    return pad


def test_vragen_lists_the_statements_and_as_json(ln) -> None:
    uit = ln("barometer", "--vragen")
    assert uit.code == 0 and "o1" in uit.out and "Sociale cohesie" in uit.out and "eigen vragenlijst" in uit.out
    data = json.loads(ln("barometer", "--vragen", "--json").out)
    assert data[0] == {"id": "o1", "dimensie": "onderwerp",
                       "tekst": "We bespreken in het netwerk de onderwerpen die ertoe doen."}
    assert [d["id"] for d in data] == IDS


def test_antwoorden_stores_and_uitslag_shows_chart_trend_and_weakest(ln, voorbeeld: Path) -> None:
    uit = ln("barometer", "--antwoorden", str(_csv_bestand(voorbeeld.parent, scheiding=";", bom=True)), "--datum", "2026-06-10")
    assert uit.code == 0, uit.err
    assert "Opgeslagen: de meting van 2026-06-10 met 2 deelnemers" in uit.out
    pad = _csv_bestand(voorbeeld.parent, [4, 4, 4, 5, 4, 4, 4, 3, 3, 3, 3, 3], [5, 4, 4, 4, 4, 5, 4, 3, 4, 2, 3, 3])
    assert ln("barometer", "--antwoorden", str(pad), "--datum", "2026-11-20").code == 0
    uit = ln("barometer", "--uitslag")
    assert uit.code == 0, uit.err
    assert "Netwerkbarometer van 20 november 2026: 2 deelnemers, vergeleken met 10 juni 2026" in uit.out
    assert "█" in uit.out and "4,17 ± 0,37  ▲ +0,17" in uit.out
    assert "Het zwakst: Ruimte vanuit de organisatie" in uit.out
    assert "afstemmen-management" in uit.out and "te-weinig-tijd" in uit.out
    data = json.loads(ln("barometer", "--uitslag", "--json").out)
    assert data["datum"] == "2026-11-20" and data["deelnemers"] == 2
    assert {k for k in data["dimensies"][0]} >= {"id", "gemiddelde", "spreiding", "verschil"}
    assert data["dimensies"][0]["id"] == "onderwerp" and data["dimensies"][0]["verschil"] == 0.17


@pytest.mark.parametrize("rijen,melding", [
    (([7] * 12,), "regel 2, kolom 1 (o1): 7 ligt niet tussen 1 en 5"),
    (([3] * 11,), "regel 2: 11 cellen, de kopregel heeft er 12"),
])
def test_a_bad_csv_stores_nothing(ln, voorbeeld: Path, rijen, melding: str) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8")
    uit = ln("barometer", "--antwoorden", str(_csv_bestand(voorbeeld.parent, *rijen, scheiding=";")))
    assert uit.code == 2 and melding in uit.err and "er is niets opgeslagen" in uit.err, uit.err
    onveranderd(voorbeeld, tekst)


def test_a_partly_good_csv_stores_nothing(ln, voorbeeld: Path) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8")
    uit = ln("barometer", "--antwoorden", str(_csv_bestand(voorbeeld.parent, [3] * 12, [3] * 12, [3, 3, "x", *[3] * 9])))
    assert uit.code == 2 and "regel 4, kolom 3 (o3)" in uit.err
    onveranderd(voorbeeld, tekst)


def test_uitslag_without_measurement_and_without_terminal(ln, voorbeeld: Path) -> None:
    uit = ln("barometer", "--uitslag")
    assert uit.code == 2 and "nog geen netwerkbarometer" in uit.err
    uit = ln("barometer")
    assert uit.code == 2 and "--antwoorden" in uit.err


def test_at_the_laptop_one_participant_after_another(ln, voorbeeld: Path, monkeypatch) -> None:
    een = [(f"{n}/12", score) for n, score in enumerate([4, 4, 3, 5, 4, 4, 3, 2, 3, 2, 2, 3], 1)]
    twee = [(f"{n}/12", score) for n, score in enumerate([5, None, 4, 4, 4, 5, 3, 3, 2, 2, 1, 3], 1)]
    script = Script(monkeypatch, [*een, ("nog een deelnemer", True), *twee, ("nog een deelnemer", False),
                                  ("opslaan", True)])
    schoon = []
    monkeypatch.setattr("rich.console.Console.clear", lambda self, home=True: schoon.append(1))
    uit = ln("barometer", "--datum", "2026-11-12")
    assert uit.code == 0, uit.err
    assert not script.antwoorden and len(schoon) >= 4  # the screen is cleared between people
    blok = lees_statusbestand(voorbeeld).data["barometer"][0]
    assert blok["deelnemers"] == 2 and blok["items"]["o2"]["verdeling"] == [0, 0, 0, 1, 0]


def test_barometer_does_not_load_questionary_for_a_result(ln, voorbeeld: Path) -> None:
    import sys

    sys.modules.pop("questionary", None)
    ln("barometer", "--vragen")
    assert "questionary" not in sys.modules


# --- ln opbrengst -----------------------------------------------------------------------------------


def test_opbrengst_stores_a_story_and_lists_it_per_cycle(ln, voorbeeld: Path) -> None:
    uit = ln("opbrengst", "--gebeurd", "Ilse las voor met open vragen.", "--betekenis", "De peuters praatten mee.",
             "--cyclus", "toegepast", "--datum", "2026-11-25")
    assert uit.code == 0, uit.err
    assert ln("opbrengst", "--gebeurd", "Eerste gesprek.", "--betekenis", "We kennen elkaar.", "--cyclus", "1",
              "--datum", "2026-10-15").code == 0
    assert ln("opbrengst", "--kijk-vooruit", "Ouders betrekken.", "--datum", "2026-11-25").code == 0
    data = lees_statusbestand(voorbeeld).data
    assert data["opbrengst"][0] == {"datum": date(2026, 11, 25), "cyclus": "toegepast",
                                    "gebeurd": "Ilse las voor met open vragen.", "betekenis": "De peuters praatten mee."}
    assert data["kijk_vooruit"] == [{"datum": date(2026, 11, 25), "tekst": "Ouders betrekken."}]
    uit = ln("opbrengst", "--lijst")
    assert uit.out.index("Directe waarde") < uit.out.index("Toegepaste waarde") and "Kijk vooruit" in uit.out
    lijst = json.loads(ln("opbrengst", "--json").out)
    assert [v["cyclus"] for v in lijst["verhalen"]] == ["direct", "toegepast"]


@pytest.mark.parametrize("args,melding", [
    (("--gebeurd", "", "--betekenis", "x", "--cyclus", "2"), "wat er gebeurde mag niet leeg zijn"),
    (("--gebeurd", "x", "--betekenis", "  ", "--cyclus", "2"), "wat het betekende mag niet leeg zijn"),
    (("--gebeurd", "x", "--betekenis", "y", "--cyclus", "toegepas"), "Bedoelde je: toegepast?"),
    (("--gebeurd", "x", "--betekenis", "y"), "--cyclus"),
    (("--gebeurd", "x", "--betekenis", "y", "--cyclus", "2", "--datum", "2099-01-01"), "in de toekomst"),
    (("--kijk-vooruit", " "), "mag niet leeg zijn"),
    (("--verslag", "verslag.pdf"), "Markdown (.md) of HTML (.html)"),
])
def test_opbrengst_refuses_bad_input_and_stores_nothing(ln, voorbeeld: Path, args, melding: str) -> None:
    tekst = voorbeeld.read_text(encoding="utf-8")
    uit = ln("opbrengst", *args)
    assert uit.code == 2 and melding in uit.err, uit.err
    onveranderd(voorbeeld, tekst)


def test_opbrengst_asks_the_story_with_each_cycle_explained(ln, voorbeeld: Path, monkeypatch) -> None:
    keuzes = []

    def kies(vraag, opties, standaard=None):
        keuzes.extend(label for label, _ in opties)
        return "gerealiseerd"

    script = Script(monkeypatch, [("Wat gebeurde er", "Het team las elke dag voor."), ("Wat betekende het", "Meer woorden.")])
    monkeypatch.setattr("lerend_netwerk.vragen.vraag_keuze", kies)
    uit = ln("opbrengst", "--datum", "2026-11-20")
    assert uit.code == 0, uit.err
    assert not script.antwoorden
    assert len(keuzes) == 5 and all(": " in k and k.endswith(".") for k in keuzes)
    assert lees_statusbestand(voorbeeld).data["opbrengst"][0]["cyclus"] == "gerealiseerd"


def test_verslag_in_markdown_has_every_part(ln, voorbeeld: Path) -> None:
    assert ln("barometer", "--antwoorden", str(_csv_bestand(voorbeeld.parent)), "--datum", "2026-06-10").code == 0
    ln("opbrengst", "--gebeurd", "Ilse *las* voor.", "--betekenis", "Peuters praatten mee.", "--cyclus", "toegepast",
       "--datum", "2026-11-25")
    ln("opbrengst", "--kijk-vooruit", "Ouders betrekken.", "--datum", "2026-11-25")
    uit = ln("opbrengst", "--verslag", "verslag.md")
    assert uit.code == 0, uit.err
    tekst = (voorbeeld.parent / "verslag.md").read_text(encoding="utf-8")
    for deel in ("# Opbrengst: Lerend Netwerk Kanaleneiland", "Speerpunt 9: Voorlezen", "## Bijeenkomsten (4 gehouden)",
                 "7 aanwezig", "## Werkvormen", "Levend domino", "## Netwerkbarometer", "| Onderwerp |",
                 "### Toegepaste waarde", "Ilse \\*las\\* voor.", "## Kijk vooruit", "Wenger, Trayner & De Laat (2011)"):
        assert deel in tekst, deel


# --- every ordinary file, in every PyYAML style ---------------------------------------------------


@settings(INSTELLINGEN, max_examples=60)
@given(data=statusdata, stijl=opmaak, commentaar=st.lists(st.integers(0, 60), max_size=4),
       eerder=st.integers(0, 2), dag=st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 30)))
def test_storing_a_measurement_a_story_and_a_wish_keeps_everything(tmp_path_factory, data: dict, stijl: dict,
                                                                    commentaar: list[int], eerder: int, dag: date) -> None:
    lijst = bm.laad_vragenlijst()
    data = dict(data)
    if eerder:  # measurements and stories already there, written by the tool or by hand in this style
        data["barometer"] = [bm.meting_als_data(_meting(lijst, date(2019, 1, n), {"o": n, "p": 2})) for n in range(1, eerder + 1)]
        data["opbrengst"] = [{"datum": date(2019, 2, 1), "cyclus": "direct", "gebeurd": "Een 'gesprek' #1", "betekenis": "ja: nee"}]
    pad, regels = met_commentaar(tmp_path_factory.mktemp("b"), data, stijl, commentaar)
    oud = lees_of_lnfout(pad)
    assume(oud is not None)
    oude_data = lees_statusbestand(pad).data
    from lerend_netwerk.opbrengst import bewaar_verhaal, bewaar_vooruit, maak_verhaal, verhaal_als_data

    meting = _meting(lijst, dag, {"o": 4, "s": 5, "p": 2, "r": 1}, n=3)
    verhaal = maak_verhaal(dag, "nieuwe-kijk", "Wat: 'één' #2 - [x]", "Betekenis: {y}", date(2026, 12, 1))
    bm.bewaar_meting(pad, meting, date(2026, 12, 1))
    bewaar_verhaal(pad, verhaal)
    bewaar_vooruit(pad, dag, "Verder met: ouders!", date(2026, 12, 1))
    nieuw = lees_statusbestand(pad).data
    assert nieuw == {
        **oude_data,
        "barometer": [*(oude_data.get("barometer") or []), bm.meting_als_data(meting)],
        "opbrengst": [*(oude_data.get("opbrengst") or []), verhaal_als_data(verhaal)],
        "kijk_vooruit": [{"datum": dag, "tekst": "Verder met: ouders!"}],
    }
    assert meting in bm.metingen_uit_data(nieuw)
    tekst = pad.read_bytes().decode("utf-8")
    assert all(r in tekst for r in regels if r.startswith("# opmerking"))
