"""ln overzicht: the Wijkoverzicht of a folder of state files (issue 16)."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import DATA
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk, PlanBijeenkomst, Planning, RvStatus
from lerend_netwerk.overzicht import laatste_barometer, maak_overzicht
from lerend_netwerk.planning import planning_achterstand

VANDAAG = date.today()
IN_ORDE = "randvoorwaarden: {commitment: ja, motivatie: ja, tijd: ja, budget: ja}\n"


def _d(dagen: int) -> str:
    return (VANDAAG - timedelta(days=dagen)).isoformat()


def _schrijf(pad: Path, tekst: str) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    return pad


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    m = tmp_path / "gedeeld"
    _schrijf(m / "oost" / "rustig" / "netwerk.yaml",
             f"naam: Rustig\nwijk: Oost\nfase: ontwikkeling\nkartrekker: Ans\n{IN_ORDE}"
             f"bijeenkomsten:\n  - {{datum: {_d(20)}, aanwezig: 8}}\n")
    _schrijf(m / "oost" / "stil.yaml",
             f"naam: Stil\nwijk: oost\nfase: verkenning\n{IN_ORDE}bijeenkomsten:\n  - {{datum: {_d(70)}}}\n")
    _schrijf(m / "west" / "dalend.yml",
             f"naam: Dalend\nwijk: West\nfase: verdieping\n{IN_ORDE}bijeenkomsten:\n"
             f"  - {{datum: {_d(60)}, aanwezig: 12}}\n  - {{datum: {_d(40)}, aanwezig: 9}}\n  - {{datum: {_d(10)}, aanwezig: 6}}\n"
             "barometer:\n  - datum: 2026-01-10\n    scores: {relevantie: 2.0}\n"
             "  - datum: 2026-06-10\n    scores: {relevantie: 3.5, samenwerking: 4.5}\n")
    _schrijf(m / "west" / "achter.yaml",
             f"naam: Achter\nwijk: West\nfase: ontwikkeling\n{IN_ORDE}bijeenkomsten:\n  - {{datum: {_d(30)}}}\n"
             f"planning:\n  gemaakt: {_d(100)}\n  bijeenkomsten:\n"
             f"    - {{datum: {_d(90)}, fase: ontwikkeling}}\n    - {{datum: {_d(50)}, fase: ontwikkeling}}\n"
             f"    - {{datum: {_d(20)}, fase: verdieping}}\n")
    _schrijf(m / "zonder-wijk.yaml", "naam: Los\nfase: verkenning\nrandvoorwaarden: {tijd: nee}\n")
    _schrijf(m / "kapot" / "netwerk.yaml", "naam: Kapot\nfase: [\n")
    _schrijf(m / "bibliotheek.yaml", "werkvormen: []\n")  # no state file: skipped
    _schrijf(m / ".verborgen" / "netwerk.yaml", "naam: Niet\nfase: verkenning\n")
    _schrijf(m / "notities.txt", "geen yaml\n")
    return m


def _json(ln, *args: str) -> list[dict]:
    uit = ln("overzicht", *args, "--json")
    assert uit.code == 0, uit.err
    return json.loads(uit.out)


def test_json_has_an_object_per_file_and_broken_ones_with_their_error(ln, map_):
    items = _json(ln, str(map_))
    per_bestand = {i["bestand"]: i for i in items}
    assert sorted(per_bestand) == [
        "kapot/netwerk.yaml", "oost/rustig/netwerk.yaml", "oost/stil.yaml",
        "west/achter.yaml", "west/dalend.yml", "zonder-wijk.yaml",
    ]
    kapot = per_bestand["kapot/netwerk.yaml"]
    assert set(kapot) == {"bestand", "fout", "regel"} and kapot["regel"] == 3 and "naam" not in kapot
    rustig = per_bestand["oost/rustig/netwerk.yaml"]
    assert {k: rustig[k] for k in ("naam", "wijk", "fase", "bijeenkomsten", "aandacht")} == {
        "naam": "Rustig", "wijk": "Oost", "fase": "ontwikkeling", "bijeenkomsten": 1, "aandacht": []}
    assert rustig["kartrekker"] == "Ans" and rustig["laatste_bijeenkomst"] == _d(20)


def test_each_warning_for_the_network_that_earns_it(ln, map_):
    per_naam = {i.get("naam"): i["aandacht"] for i in _json(ln, str(map_)) if "naam" in i}
    assert per_naam["Rustig"] == []
    assert len(per_naam["Stil"]) == 1 and per_naam["Stil"][0].startswith("Al 10 weken geen bijeenkomst")
    assert per_naam["Dalend"] == ["De opkomst daalt: 12, 9, 6 aanwezigen bij de laatste 3 bijeenkomsten."]
    assert len(per_naam["Achter"]) == 1 and per_naam["Achter"][0].startswith("Achter op de planning: ")
    assert "1 van de 3 geplande bijeenkomsten tot " in per_naam["Achter"][0]
    assert "in de fase Verdieping, nu nog in Ontwikkeling" in per_naam["Achter"][0]
    assert per_naam["Los"] == [
        "Randvoorwaarden niet in orde: commitment (onbekend), motivatie (onbekend), tijd (nee), budget (onbekend)."]


def test_filters(ln, map_):
    def namen(*args):
        return sorted(i.get("naam", i["bestand"]) for i in _json(ln, str(map_), *args))

    assert namen("--wijk", "oost") == ["Rustig", "Stil", "kapot/netwerk.yaml"]  # the district's name in any case
    assert namen("--fase", "3") == ["Dalend", "kapot/netwerk.yaml"]
    assert namen("--fase", "ontwikkeling", "--wijk", "West") == ["Achter", "kapot/netwerk.yaml"]
    assert namen("--aandacht") == ["Achter", "Dalend", "Los", "Stil", "kapot/netwerk.yaml"]
    uit = ln("overzicht", str(map_), "--fase", "ontwikkelng")
    assert uit.code == 2 and "Bedoelde je: ontwikkeling?" in uit.err


def test_piped_output_is_a_line_per_file_and_says_what_it_skipped(ln, map_):
    uit = ln("overzicht", str(map_))
    assert uit.code == 0
    regels = uit.out.splitlines()
    assert regels[0].split("\t")[:3] == ["wijk", "netwerk", "bestand"]
    assert [r.split("\t")[1] for r in regels[1:]] == ["Rustig", "Stil", "Achter", "Dalend", "Los", ""]
    assert regels[-1].split("\t")[2] == "kapot/netwerk.yaml" and "niet te lezen: regel 3: " in regels[-1]
    assert all(len(r.split("\t")) == 11 for r in regels)
    assert "overgeslagen: bibliotheek.yaml" in uit.err


def test_every_broken_file_of_the_suite_is_listed_not_fatal(ln, tmp_path):
    m = tmp_path / "kapot"
    for bron in sorted((DATA / "kapot").iterdir()):
        (m / bron.stem).mkdir(parents=True)
        (m / bron.stem / "netwerk.yaml").write_bytes(bron.read_bytes())
    _schrijf(m / "goed" / "netwerk.yaml", "naam: Goed\nfase: verkenning\n")
    items = _json(ln, str(m))
    assert len(items) == len(list((DATA / "kapot").iterdir())) + 1
    kapot = [i for i in items if "fout" in i]
    assert len(kapot) == len(items) - 1 and all(i["fout"] for i in kapot)
    assert [i["naam"] for i in items if "naam" in i] == ["Goed"]
    gewoon = ln("overzicht", str(m))
    assert gewoon.code == 0 and "Traceback" not in gewoon.err


def test_reads_each_file_once_and_writes_nothing(map_, kennisbank, monkeypatch):
    def stand():
        return {p: (p.read_bytes() if p.is_file() else None, p.stat().st_mtime_ns) for p in map_.rglob("*")}

    voor = stand()
    gelezen: list[Path] = []
    echt = Path.read_bytes

    def tel(self):
        gelezen.append(self)
        return echt(self)

    monkeypatch.setattr(Path, "read_bytes", tel)
    o = maak_overzicht(kennisbank, map_, VANDAAG)
    assert len(o.netwerken) == 5 and len(o.onleesbaar) == 1
    yaml_bestanden = [p for p in gelezen if p.suffix in (".yaml", ".yml")]
    assert len(yaml_bestanden) == len(set(yaml_bestanden)) == 7  # the six above and the library, once each
    monkeypatch.undo()
    assert stand() == voor  # no file changed, none added (no .bak, .lock or cache)


def test_a_missing_folder_or_a_file_is_a_clear_error(ln, tmp_path):
    uit = ln("overzicht", str(tmp_path / "nergens"))
    assert uit.code == 2 and "deze map bestaat niet" in uit.err and "Traceback" not in uit.err
    (tmp_path / "n.yaml").write_text("naam: x\nfase: verkenning\n")
    uit = ln("overzicht", str(tmp_path / "n.yaml"))
    assert uit.code == 2 and "dit is een bestand, geen map" in uit.err


def test_an_empty_folder(ln, tmp_path):
    (tmp_path / "leeg").mkdir()
    assert _json(ln, str(tmp_path / "leeg")) == []


def test_barometer_shapes():
    assert laatste_barometer({}) is None
    assert laatste_barometer({"barometer": "x"}) is None
    b = laatste_barometer({"barometer": [
        {"datum": date(2026, 1, 1), "scores": {"a": 2, "b": 4}},
        {"datum": date(2026, 3, 1), "relevantie": 3.5, "notitie": "tekst telt niet"},
        {"datum": "geen datum", "scores": {"a": 5}},
        {"datum": date(2026, 5, 1), "scores": {"a": True}},  # no number: skipped
        "onzin",
    ]})
    assert b is not None and b.datum == date(2026, 3, 1) and b.scores == {"relevantie": 3.5} and b.gemiddelde == 3.5


def test_html_page_is_self_contained_and_escaped(ln, map_, tmp_path):
    vijandig = '<img src=x onerror="alert(1)"> & </title><script>alert(2)</script>'
    _schrijf(map_ / "vijand.yaml", f"naam: '{vijandig}'\nwijk: '<b>Wijk</b>'\nfase: verkenning\n")
    pagina = tmp_path / "overzicht.html"
    uit = ln("overzicht", str(map_), "--html", str(pagina))
    assert uit.code == 0, uit.err
    html = pagina.read_text(encoding="utf-8")
    assert "<img" not in html and "<b>Wijk" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html and "&lt;b&gt;Wijk&lt;/b&gt;" in html
    assert html.count("<script>") == 1 and "src=" not in html.replace("src=x", "") and "<link" not in html
    assert "http://" not in html and "https://" not in html
    import base64
    import hashlib
    import re

    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    hash_ = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{hash_}'" in html  # only our own script may run
    assert "Niet te lezen" in html and "kapot/netwerk.yaml" in html


def test_html_to_a_state_file_or_a_folder_is_refused(ln, map_, tmp_path):
    uit = ln("overzicht", str(map_), "--html", str(map_ / "oost" / "stil.yaml"))
    assert uit.code == 2 and "statusbestand" in uit.err
    uit = ln("overzicht", str(map_), "--html", str(tmp_path))
    assert uit.code == 2 and "map, geen bestand" in uit.err


# --- behind the plan: the one check for ln start, ln overzicht and ln netwerk --------------


def _netwerk(fase: str, gehouden: list[int], plan: list[tuple[int, str]], gemaakt: int | None = None) -> Netwerk:
    return Netwerk(
        naam="n", fase=fase,
        randvoorwaarden={k: RvStatus("ja") for k in ("commitment", "motivatie", "tijd", "budget")},
        bijeenkomsten=tuple(Bijeenkomst(VANDAAG - timedelta(days=d)) for d in gehouden),
        planning=Planning(
            gemaakt=None if gemaakt is None else VANDAAG - timedelta(days=gemaakt),
            bijeenkomsten=tuple(PlanBijeenkomst(VANDAAG - timedelta(days=d), f) for d, f in plan),
        ),
    )


def test_planning_achterstand():
    assert planning_achterstand(Netwerk(naam="n", fase="verkenning"), VANDAAG) is None
    # on track: every passed date has its meeting; a date within two weeks does not count yet
    assert planning_achterstand(_netwerk("ontwikkeling", [40, 10], [(42, "ontwikkeling"), (12, "ontwikkeling")]), VANDAAG) is None
    achter = planning_achterstand(_netwerk("ontwikkeling", [40], [(42, "ontwikkeling"), (15, "ontwikkeling")]), VANDAAG)
    assert achter is not None and "1 van de 2 geplande bijeenkomsten" in achter
    fase = planning_achterstand(_netwerk("ontwikkeling", [40, 15], [(42, "ontwikkeling"), (15, "verdieping")]), VANDAAG)
    assert fase is not None and "Verdieping" in fase and "gehouden" not in fase
    # meetings before the plan began do not count for it
    oud = planning_achterstand(_netwerk("ontwikkeling", [300, 200], [(42, "ontwikkeling")], gemaakt=50), VANDAAG)
    assert oud is not None and "0 van de 1 geplande" in oud


def test_ln_start_warns_when_behind_the_plan(ln, tmp_path):
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(
        f"naam: n\nfase: ontwikkeling\n{IN_ORDE}bijeenkomsten:\n  - {{datum: {_d(30)}}}\n"
        f"planning:\n  bijeenkomsten:\n    - {{datum: {_d(60)}, fase: ontwikkeling}}\n    - {{datum: {_d(25)}, fase: ontwikkeling}}\n",
        encoding="utf-8",
    )
    uit = ln("start")
    assert "Achter op de planning" in uit.out, uit.out + uit.err
    data = json.loads(ln("start", "--json").out)
    assert any(p["titel"].startswith("Achter op de planning") for p in data["aandachtspunten"])
    assert os.path.exists(pad)


# --- no file can stop the overview -----------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_STUKJES = st.sampled_from([
    "naam: x\n", "fase: verkenning\n", "fase: [\n", "wijk: 'Oost'\n", "bijeenkomsten:\n", "  - {datum: 2026-01-01}\n",
    "  - datum: 2026-02-30\n", "barometer: [{datum: 2026-01-01, scores: {a: .nan}}]\n", "planning: {bijeenkomsten: [1]}\n",
    "&a x: *a\n", "\t", "- 1\n", "randvoorwaarden: {tijd: yes}\n", "\x00", "é", ": :\n", "{", "}",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delen=st.lists(_STUKJES, max_size=12), ruis=st.binary(max_size=40))
def test_no_file_gives_a_traceback(kennisbank, tmp_path, delen, ruis):
    from lerend_netwerk.overzicht import Onleesbaar, Samenvatting, lees_een

    pad = tmp_path / "netwerk.yaml"
    pad.write_bytes("".join(delen).encode("utf-8") + ruis)
    uit = lees_een(kennisbank, pad, "netwerk.yaml", VANDAAG)
    assert isinstance(uit, (Samenvatting, Onleesbaar))  # named netwerk.yaml: never skipped
    if isinstance(uit, Onleesbaar):
        assert uit.fout and "Traceback" not in uit.fout


def test_ln_netwerk_shows_the_plan_and_warns_when_behind(ln, tmp_path):
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(
        f"naam: n\nfase: ontwikkeling\n{IN_ORDE}bijeenkomsten:\n  - {{datum: {_d(30)}}}\n"
        f"planning:\n  bijeenkomsten:\n    - {{datum: {_d(60)}, fase: ontwikkeling}}\n    - {{datum: {_d(25)}, fase: ontwikkeling}}\n"
        f"    - {{datum: {(VANDAAG + timedelta(days=20)).isoformat()}, fase: verdieping}}\n",
        encoding="utf-8",
    )
    uit = ln("netwerk")
    assert uit.code == 0 and "Planning (ln planning): nog 1 bijeenkomst(en)" in uit.out and "Achter op de planning" in uit.out
    data = json.loads(ln("netwerk", "--json").out)
    assert data["achter_op_planning"].startswith("Achter op de planning: 1 van de 2 ") and len(data["planning"]) == 3
    pad.write_text("naam: n\nfase: ontwikkeling\n", encoding="utf-8")
    assert "planning" not in json.loads(ln("netwerk", "--json").out)
