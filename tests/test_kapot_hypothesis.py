"""Broken state files: every reading command refuses them the same way, and nothing generated breaks the loader.

A broken file gives exit code 2, a Dutch message naming the file and the
line, advice, no traceback, and the file's bytes stay as they were.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk
from lerend_netwerk.statusbestand import (
    lees_netwerk,
    lees_statusbestand,
    leg_bijeenkomst_vast,
    netwerk_uit_data,
    notities_samen,
    voeg_bijeenkomst_toe,
    zet_fase,
)
from lerend_netwerk.yamlbron import lees_yaml_bytes

KAPOT = Path(__file__).parent / "data" / "kapot"

# The line each broken file is refused on.
REGELS = {
    "aanhalingsteken-open.yaml": 4,
    "aanwezig-geen-getal.yaml": 5,
    "alias-bom.yaml": 3,
    "alleen-commentaar.yaml": 1,
    "bijeenkomsten-geen-lijst.yaml": 3,
    "binair.yaml": 1,
    "contract-ja.yaml": 4,
    "datum-als-tekst.yaml": 4,
    "deelnemer-soort.yaml": 6,
    "dubbele-sleutel.yaml": 4,
    "kapotte-inspringing.yaml": 5,
    "latin-1.yaml": 3,
    "leeg.yaml": 1,
    "lijst-in-plaats-van-blok.yaml": 1,
    "naam-ontbreekt.yaml": 1,
    "nul-teken.yaml": 3,
    "onbekende-fase.yaml": 3,
    "onmogelijke-datum.yaml": 6,
    "python-label.yaml": 3,
    "randvoorwaarde-onbekend-woord.yaml": 5,
    "randvoorwaarde-tikfout.yaml": 5,
    "randvoorwaarde-yes.yaml": 5,
    "starttijd.yaml": 3,
    "tab.yaml": 4,
    "tab-voor-streepje.yaml": 4,
    "naam-te-lang.yaml": 1,
    "twee-documenten.yaml": 3,
    "ukk-hoofdstuk-tekst.yaml": 5,
    "utf-16.yaml": 1,
    "werkvormen-blok.yaml": 5,
}

# Every command that reads the state file.
LEZERS = {
    "start": ["start"],
    "agenda": ["agenda"],
    "bijeenkomst": ["bijeenkomst", "--datum", "2026-01-09", "--werkvorm", "teletijdmachine", "--aanwezig", "6"],
    "bijeenkomsten": ["bijeenkomsten"],
    "fase": ["fase"],
    "fase-volgende": ["fase", "volgende", "--ja"],
    "start-json": ["start", "--json"],
    "netwerk": ["netwerk", "--json"],
    "netwerk-zet": ["netwerk", "--wijk", "Zuilen"],
    "thema": ["thema", "--speerpunt", "Speerpunt 9: Voorlezen"],
    "deelnemers": ["deelnemers"],
    "deelnemer-toevoegen": ["deelnemer", "toevoegen", "Piet", "--soort", "anders"],
    "deelnemer-weg": ["deelnemer", "weg", "Piet", "--ja"],
    "randvoorwaarde": ["randvoorwaarde", "tijd", "ja"],
    "behaald": ["behaald", "sfeer-iedereen-spreekt"],
    "planning": ["planning"],
    "planning-bewaar": ["planning", "--bewaar", "--ics", "p.ics"],
    "barometer-uitslag": ["barometer", "--uitslag"],
    "barometer-antwoorden": ["barometer", "--antwoorden", str(Path(__file__).parent / "data" / "barometer-goed.csv"),
                             "--datum", "2026-01-09"],
    "opbrengst": ["opbrengst", "--gebeurd", "x", "--betekenis", "y", "--cyclus", "1", "--datum", "2026-01-09"],
    "opbrengst-verslag": ["opbrengst", "--verslag", "verslag.html"],
}


def test_every_broken_file_has_an_expected_line() -> None:
    assert sorted(REGELS) == sorted(p.name for p in KAPOT.iterdir())


def test_every_reading_command_is_covered() -> None:
    from lerend_netwerk.cli import app, laad_opdrachten

    laad_opdrachten()
    namen = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    lezers = {"start", "agenda", "bijeenkomst", "bijeenkomsten", "fase", "netwerk", "thema", "deelnemers", "deelnemer",
              "randvoorwaarde", "behaald", "planning", "barometer", "opbrengst"}
    assert {args[0] for args in LEZERS.values()} == lezers <= namen


@pytest.mark.parametrize("opdracht", sorted(LEZERS))
@pytest.mark.parametrize("naam", sorted(REGELS))
def test_a_broken_file_is_refused_in_dutch_and_left_untouched(ln, tmp_path: Path, naam: str, opdracht: str) -> None:
    pad = tmp_path / naam
    shutil.copyfile(KAPOT / naam, pad)
    voor = pad.read_bytes()
    uit = ln(*LEZERS[opdracht], "--netwerk", str(pad))
    assert uit.code == 2, uit.out + uit.err
    assert uit.err.startswith(f"Fout: {pad}, regel {REGELS[naam]}: "), uit.err
    assert "Wat te doen:" in uit.err
    assert "Traceback" not in uit.out + uit.err
    assert uit.out == ""
    assert pad.read_bytes() == voor
    # no backup, no temp file: only the lock a writer takes (netwerk.yaml.lock) may be left
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".cache" and p.suffix != ".lock") == [naam]


# --- generated and mutated files --------------------------------------------------------------

tekst = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
datum = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
fase = st.sampled_from(["verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering"])
bijeenkomst = st.fixed_dictionaries(
    {"datum": datum},
    optional={
        "fase": fase,
        "werkvormen": st.lists(st.sampled_from(["teletijdmachine", "contract", "worldcafe"]), max_size=3),
        "aanwezig": st.integers(0, 40),
        "notities": tekst,
        "status": st.sampled_from(["gehouden", "gepland"]),
        "eigen": tekst,
    },
)
statusdata = st.fixed_dictionaries(
    {"naam": tekst, "fase": fase},
    optional={
        "wijk": tekst,
        "kartrekker": tekst,
        "starttijd": st.sampled_from(["15:30", "9:00", "19:45"]),
        "randvoorwaarden": st.dictionaries(
            st.sampled_from(["commitment", "motivatie", "tijd", "budget"]),
            st.one_of(
                st.sampled_from(["ja", "deels", "nee", "onbekend"]),
                st.fixed_dictionaries({"status": st.sampled_from(["ja", "nee"]), "toelichting": tekst}),
            ),
        ),
        "thema": st.fixed_dictionaries({}, optional={"speerpunt": tekst, "ukk_hoofdstuk": st.integers(1, 12)}),
        "afspraken": st.fixed_dictionaries({}, optional={"contract": datum}),
        "deelnemers": st.lists(
            st.fixed_dictionaries({"naam": tekst}, optional={"soort": st.sampled_from(["basisschool", "anders"])}),
            max_size=3,
        ),
        "behaald": st.lists(st.sampled_from(["contract-gemaakt", "kennismaken-elkaar-kennen"]), max_size=2),
        "bijeenkomsten": st.lists(bijeenkomst, max_size=4),
        "eigen_veld": st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), tekst),
                                   lambda kind: st.lists(kind, max_size=3) | st.dictionaries(tekst, kind, max_size=3),
                                   max_leaves=6),
    },
)
STUKJES = [":", ": ", "- ", "\n", "\n  ", "\t", "&a ", "*a", "!!python/object:os.system ", "!!binary ", "{", "}", "[", "]",
           "'", '"', "#", "---\n", "...\n", "yes", "2026-02-30", "<<: ", "|\n", ">-\n", "\x00", "\ufeff", "%YAML 1.1\n",
           "? ", "~", "1e999", "0x1F", "19:30", "\r\n", "\x85", "\u2028"]
opmaak = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, None]),
        "indent": st.integers(2, 6),
        "allow_unicode": st.booleans(),
        "line_break": st.sampled_from(["\n", "\r\n"]),
        "sort_keys": st.booleans(),
        "explicit_start": st.booleans(),
    }
)


def dump(data: dict, stijl: dict) -> str:
    return yaml.safe_dump(data, width=10**6, **stijl)


@st.composite
def gemuteerd(draw) -> bytes:
    inhoud = bytearray(dump(draw(statusdata), draw(opmaak)).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        plek = draw(st.integers(0, len(inhoud)))
        soort = draw(st.sampled_from(["invoegen", "weghalen", "byte", "afkappen"]))
        if soort == "invoegen":
            inhoud[plek:plek] = draw(st.sampled_from(STUKJES)).encode("utf-8")
        elif soort == "weghalen":
            del inhoud[plek : plek + draw(st.integers(1, 12))]
        elif soort == "byte" and plek < len(inhoud):
            inhoud[plek] = draw(st.integers(0, 255))
        else:
            del inhoud[plek:]
    return bytes(inhoud)


def vers(pad: Path) -> Netwerk:
    """Parsed afresh, past the cache."""
    return netwerk_uit_data(lees_yaml_bytes(pad.read_bytes(), str(pad), ""), str(pad))


def lees_of_lnfout(pad: Path) -> Netwerk | None:
    """The loader's whole contract: a Netwerk, or an LnFout that names the file."""
    try:
        netwerk = lees_netwerk(pad)
    except LnFout as fout:
        assert fout.bestand == str(pad)
        assert fout.exit_code == 2
        assert fout.advies
        return None
    assert isinstance(netwerk, Netwerk)
    return netwerk


def met_commentaar(map_: Path, data: dict, stijl: dict, commentaar: list[int]) -> tuple[Path, list[str]]:
    """`data` dumped in `stijl`, with full-line comments between lines; the file and its lines."""
    regels = dump(data, stijl).split(stijl["line_break"])
    for plek in sorted(commentaar, reverse=True):
        if plek < len(regels) and not regels[plek].startswith(" "):
            regels.insert(plek, f"# opmerking {plek}")
    pad = map_ / "netwerk.yaml"
    pad.write_bytes(stijl["line_break"].join(regels).encode("utf-8"))
    return pad, regels


INSTELLINGEN = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@INSTELLINGEN
@given(inhoud=gemuteerd())
@example(inhoud=b"naam: x\nfase: verkenning\nstarttijd: 25:61\n")
@example(inhoud=b"naam: [x\n")
@example(inhoud=b"naam: x\nfase: verkenning\nbijeenkomsten:\n- datum: 2026-01-01\n  aanwezig: 1e999\n")
def test_mutated_files_give_a_netwerk_or_a_dutch_error(tmp_path: Path, inhoud: bytes) -> None:
    pad = tmp_path / "netwerk.yaml"
    pad.write_bytes(inhoud)
    oud = lees_of_lnfout(pad)
    event("gelezen" if oud else "geweigerd")
    assert pad.read_bytes() == inhoud
    if oud is None:
        return
    # an odd but readable file: the edit succeeds completely, or is refused and changes nothing
    try:
        netwerk = voeg_bijeenkomst_toe(pad, Bijeenkomst(date(2041, 1, 1), aanwezig=3))
    except LnFout:
        event("bewerking geweigerd")
        assert pad.read_bytes() == inhoud
        return
    assert vers(pad) == lees_netwerk(pad) == netwerk
    assert netwerk.bijeenkomsten[:-1] == oud.bijeenkomsten


@INSTELLINGEN
@given(inhoud=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_netwerk_or_a_dutch_error(tmp_path: Path, inhoud: bytes) -> None:
    pad = tmp_path / "netwerk.yaml"
    pad.write_bytes(inhoud)
    lees_of_lnfout(pad)


@INSTELLINGEN
@given(data=statusdata, stijl=opmaak, commentaar=st.lists(st.integers(0, 60), max_size=4), nieuw=datum)
def test_adding_a_meeting_to_any_ordinary_file_keeps_everything(
    tmp_path: Path, data: dict, stijl: dict, commentaar: list[int], nieuw: date
) -> None:
    pad, regels = met_commentaar(tmp_path, data, stijl, commentaar)
    oud = lees_of_lnfout(pad)
    event("het schema weigert het bestand" if oud is None else "bewerkt")
    if oud is None:
        return  # generated data the schema refuses (e.g. an empty name); the loader test covers that
    assume(all(b.datum != nieuw for b in oud.geplande_bijeenkomsten))  # that would confirm, not add
    oude_data = lees_statusbestand(pad).data
    netwerk = voeg_bijeenkomst_toe(pad, Bijeenkomst(nieuw, notities="nieuw: 'één' #1"))
    na = vers(pad)
    assert na == netwerk == lees_netwerk(pad)
    assert na.bijeenkomsten == oud.bijeenkomsten + (Bijeenkomst(nieuw, oud.fase, notities="nieuw: 'één' #1"),)
    item = {"datum": nieuw, "fase": oud.fase, "notities": "nieuw: 'één' #1"}
    assert lees_statusbestand(pad).data == {**oude_data, "bijeenkomsten": [*(oude_data.get("bijeenkomsten") or []), item]}
    nieuwe_tekst = pad.read_bytes().decode("utf-8")
    for regel in regels:
        if regel.startswith("# opmerking"):
            assert regel in nieuwe_tekst
    zet_fase(pad, "inbedding")
    assert vers(pad) == lees_netwerk(pad) == netwerk._replace(fase="inbedding")


gepland_item = st.fixed_dictionaries(
    {"datum": datum, "status": st.just("gepland")},
    optional={
        "fase": fase,
        "werkvormen": st.lists(st.sampled_from(["teletijdmachine", "contract"]), max_size=2),
        "notities": tekst,
        "eigen": tekst,
    },
)


@settings(INSTELLINGEN, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(data=statusdata, plan=gepland_item, plek=st.integers(0, 4), stijl=opmaak,
       commentaar=st.lists(st.integers(0, 60), max_size=4), notitie=tekst)
def test_confirming_a_planned_meeting_in_any_ordinary_file_changes_only_its_values(
    tmp_path: Path, data: dict, plan: dict, plek: int, stijl: dict, commentaar: list[int], notitie: str
) -> None:
    assume(notitie.strip())
    data["bijeenkomsten"] = [*data.get("bijeenkomsten", [])]
    data["bijeenkomsten"].insert(plek, plan)
    pad, regels = met_commentaar(tmp_path, data, stijl, commentaar)
    oud = lees_of_lnfout(pad)
    assume(oud is not None and oud.geplande_bijeenkomsten)
    datum = oud.geplande_bijeenkomsten[0].datum
    index = next(i for i, b in enumerate(oud.bijeenkomsten) if b.status == "gepland" and b.datum == datum)
    gepland = oud.bijeenkomsten[index]
    oude_data = lees_statusbestand(pad).data
    uitkomst = leg_bijeenkomst_vast(pad, Bijeenkomst(datum, aanwezig=7, notities=notitie))
    na = vers(pad)
    assert na == uitkomst.netwerk == lees_netwerk(pad)
    verwacht = Bijeenkomst(datum, gepland.fase or oud.fase, gepland.werkvormen, 7,
                           notities_samen(gepland.notities, notitie.strip()), "gehouden")
    assert na.bijeenkomsten == oud.bijeenkomsten[:index] + (verwacht,) + oud.bijeenkomsten[index + 1 :]
    nieuwe_data = lees_statusbestand(pad).data
    assert {k: v for k, v in nieuwe_data.items() if k != "bijeenkomsten"} == {
        k: v for k, v in oude_data.items() if k != "bijeenkomsten"
    }
    oud_item, nieuw_item = oude_data["bijeenkomsten"][index], nieuwe_data["bijeenkomsten"][index]
    for sleutel in set(oud_item) - {"status", "fase", "aanwezig", "notities"}:  # the rest of the entry is untouched
        assert nieuw_item[sleutel] == oud_item[sleutel]
    nieuwe_tekst = pad.read_bytes().decode("utf-8")
    for regel in regels:
        if regel.startswith("# opmerking"):
            assert regel in nieuwe_tekst


@settings(INSTELLINGEN, max_examples=60)  # eleven writes per example; 300 examples took 85 s (passed)
@given(data=statusdata, stijl=opmaak, commentaar=st.lists(st.integers(0, 60), max_size=4))
def test_updating_the_network_in_any_ordinary_file_keeps_everything(
    tmp_path: Path, kennisbank, data: dict, stijl: dict, commentaar: list[int]
) -> None:
    """`ln thema`, `ln randvoorwaarde`, `ln deelnemer`, `ln behaald`, `ln netwerk` and the contract, one after another."""
    from lerend_netwerk.netwerk import Deelnemer, RvStatus, Thema
    from lerend_netwerk.statusbestand import (
        verwijder_deelnemer,
        vink_af,
        voeg_deelnemer_toe,
        wijzig_deelnemer,
        zet_contract,
        zet_netwerkvelden,
        zet_randvoorwaarde,
        zet_thema,
    )

    pad, regels = met_commentaar(tmp_path, data, stijl, commentaar)
    oud = lees_of_lnfout(pad)
    if oud is None:
        return
    namen = {d.naam.casefold() for d in oud.deelnemers}
    assume("nieuwe deelnemer" not in namen and len(namen) == len(oud.deelnemers))
    zet_thema(pad, "Speerpunt 9: Voorlezen", "Samen: 'één' #1", 1)
    zet_randvoorwaarde(pad, "tijd", "deels", "Twee uur")
    zet_randvoorwaarde(pad, "budget", "nee")
    voeg_deelnemer_toe(pad, Deelnemer("Nieuwe deelnemer", "De Vaart", "basisschool"))
    wijzig_deelnemer(pad, "nieuwe deelnemer", {"leerdoel": "Spel"})
    if oud.deelnemers:
        wijzig_deelnemer(pad, oud.deelnemers[0].naam, {"leerdoel": "Voorlezen"})
    vink_af(pad, kennisbank, "sfeer-iedereen-spreekt")
    vink_af(pad, kennisbank, "kennismaken-elkaar-kennen", uit=True)
    zet_contract(pad, date(2026, 10, 2))
    zet_netwerkvelden(pad, {"kartrekker": "Samira", "starttijd": "15:30"})
    verwijder_deelnemer(pad, "Nieuwe deelnemer")
    na = vers(pad)
    assert na == lees_netwerk(pad)
    deelnemers = list(oud.deelnemers)
    if deelnemers:
        deelnemers[0] = Deelnemer(deelnemers[0].naam, deelnemers[0].organisatie, deelnemers[0].soort, "Voorlezen")
    behaald = tuple(b for b in oud.behaald if b != "kennismaken-elkaar-kennen")
    verwacht = oud._replace(
        thema=Thema("Speerpunt 9: Voorlezen", 1, "Samen: 'één' #1"),
        randvoorwaarden={**oud.randvoorwaarden, "tijd": RvStatus("deels", "Twee uur"),
                         "budget": RvStatus("nee", oud.rv("budget").toelichting)},
        deelnemers=tuple(deelnemers),
        behaald=behaald + (() if "sfeer-iedereen-spreekt" in behaald else ("sfeer-iedereen-spreekt",)),
        contract=date(2026, 10, 2),
        kartrekker="Samira",
        starttijd="15:30",
    )
    assert na == verwacht
    nieuwe_tekst = pad.read_bytes().decode("utf-8")
    for regel in regels:
        if regel.startswith("# opmerking"):
            assert regel in nieuwe_tekst
    assert (na.bijeenkomsten, na.naam, na.fase) == (oud.bijeenkomsten, oud.naam, oud.fase)
    if "eigen_veld" in data:
        assert lees_statusbestand(pad).data["eigen_veld"] == lees_yaml_bytes(dump(data, stijl).encode(), "", "")["eigen_veld"]
