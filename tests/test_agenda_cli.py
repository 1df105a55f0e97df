"""`ln agenda` from the command line: the JSON contract, bad input, files, --bewaar."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from lerend_netwerk.cli import app
from lerend_netwerk.statusbestand import lees_netwerk

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "netwerk.yaml"
TIJD = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

KLEIN = """\
# een klein netwerk voor de tests
naam: Netwerk <Overvecht> & "co"
fase: verdieping
starttijd: "19:00"
bijeenkomsten:
  - datum: 2026-09-10
    fase: verdieping
    werkvormen: [worldcafe]
"""


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    pad = tmp_path / "netwerk.yaml"
    shutil.copy(VOORBEELD, pad)
    return pad


@pytest.fixture
def klein(tmp_path: Path) -> Path:
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(KLEIN, encoding="utf-8")
    return pad


def _json(uit) -> dict:
    assert uit.code == 0, uit.err
    return json.loads(uit.out)


# --- the README's first command: the example network ------------------------------


def test_voorbeeldnetwerk_laadt_en_is_halverwege_ontwikkeling():
    netwerk = lees_netwerk(VOORBEELD)
    assert netwerk.fase == "ontwikkeling"
    assert netwerk.thema.speerpunt and netwerk.contract is not None
    soorten = {d.soort for d in netwerk.deelnemers}
    assert {"kinderdagverblijf", "peutercentrum", "basisschool"} <= soorten
    assert 3 <= len(netwerk.gehouden_bijeenkomsten) <= 5
    from lerend_netwerk.kennisbank import laad_kennisbank

    kb = laad_kennisbank()
    for b in netwerk.bijeenkomsten:
        for wid in b.werkvormen:
            assert wid in kb.werkvormen


def test_readme_commando_plant_het_voorbeeld(ln):
    uit = ln("agenda", "--netwerk", str(VOORBEELD))
    assert uit.code == 0, uit.err
    assert "Agenda voor Lerend Netwerk Kanaleneiland" in uit.out
    assert "Fase Ontwikkeling" in uit.out and "15:45" in uit.out
    # piped: the same agenda as numbered paragraphs (a terminal gets the table)
    for kop in ("1. 15:45  Opening", "(10 min)", "Waarom:", "Bron:", "Materialen", "Voorbereiding", "Rollen"):
        assert kop in uit.out
    assert "--seed 4" in uit.out  # four meetings in the example
    assert "indicatie" in uit.out



def test_kort_voorbeeld_zegt_eerlijk_waarom_een_werkvorm_terugkomt(ln):
    """25 minutes on the example: levend-domino comes back because nothing new fits, not because
    Ontwikkeling's work forms are used up (most of them never were)."""
    data = _json(ln("agenda", "--netwerk", str(VOORBEELD), "--duur", "25", "--json"))
    [item] = [i for i in data["onderdelen"] if i["werkvorm"]]
    assert item["werkvorm"] == "levend-domino"
    assert "zijn op" not in item["waarom"] and "passen er in 25 minuten niet bij" in item["waarom"]
    assert not any("zijn op" in m for m in data["meldingen"])
    assert any("--duur" in m and "minstens" in m for m in data["meldingen"])

# --- JSON ----------------------------------------------------------------------------------


def test_json_contract(ln, voorbeeld):
    data = _json(ln("agenda", "--json", "--start", "19:30", "--duur", "150"))
    assert {"fase", "duur", "onderdelen"} <= set(data)
    assert data["fase"] == "ontwikkeling"
    assert data["duur"] == 150 and isinstance(data["duur"], int)
    onderdelen = data["onderdelen"]
    assert isinstance(onderdelen, list) and len(onderdelen) >= 4
    for item in onderdelen:
        assert set(item) == {"start", "duur", "titel", "werkvorm", "bron", "waarom"}
        assert TIJD.match(item["start"])
        assert isinstance(item["duur"], int) and not isinstance(item["duur"], bool) and item["duur"] > 0
        assert isinstance(item["titel"], str) and item["titel"]
        assert item["werkvorm"] is None or isinstance(item["werkvorm"], str)
        assert item["bron"] is None or isinstance(item["bron"], str)
        assert isinstance(item["waarom"], str) and item["waarom"]
    assert onderdelen[0]["start"] == "19:30"
    assert onderdelen[0]["werkvorm"] is None and onderdelen[-1]["werkvorm"] is None
    assert any(i["titel"] == "Pauze" and i["werkvorm"] is None and i["bron"] is None for i in onderdelen)
    assert sum(i["duur"] for i in onderdelen) <= 150
    minuten = [int(i["start"][:2]) * 60 + int(i["start"][3:]) for i in onderdelen]
    assert all(b - a == i["duur"] for a, b, i in zip(minuten, minuten[1:], onderdelen))
    from lerend_netwerk.kennisbank import laad_kennisbank

    kb = laad_kennisbank()
    werkvormen = [i for i in onderdelen if i["werkvorm"]]
    assert werkvormen
    for i in werkvormen:
        assert (i["bron"] is not None) == (kb.werkvorm(i["werkvorm"]).bron is not None)
    # the extras are there for programs, and do not replace the contract
    assert data["seed"] == 4 and data["start"] == "19:30" and data["eind"] == "22:00"
    assert isinstance(data["materialen"], list) and isinstance(data["meldingen"], list)


def test_json_is_reproduceerbaar(ln, voorbeeld):
    eerste = _json(ln("agenda", "--json"))
    assert _json(ln("agenda", "--json")) == eerste
    assert _json(ln("agenda", "--json", "--seed", "4")) == eerste
    assert eerste["start"] == "15:45"  # the network's usual time, not the clock


def test_de_agenda_kijkt_nooit_op_de_klok():
    """The output depends only on the state, the options and the seed."""
    bron = Path(__file__).resolve().parent.parent / "src" / "lerend_netwerk"
    planner = [str(p.relative_to(bron)) for p in sorted((bron / "planner").glob("*.py"))]
    for naam in (*planner, "handout.py", "cli/agenda.py"):
        tekst = (bron / naam).read_text(encoding="utf-8")
        for klok in ("today(", "now(", "time.time", "localtime"):
            assert klok not in tekst, (naam, klok)
        assert not re.search(r"^\s*(import time\b|from time import)", tekst, re.MULTILINE), naam


def test_agenda_laadt_de_schrijvers_van_het_statusbestand_niet(voorbeeld):
    """Start-up: without --bewaar nothing is written, so the writers' modules stay unloaded."""
    code = (
        "import sys; from lerend_netwerk.cli import run; "
        "code = run(['agenda', '--netwerk', sys.argv[1]]); "
        "print(code, sorted(m for m in sys.modules if m.startswith('lerend_netwerk.statusbestand.')))"
    )
    uit = subprocess.run([sys.executable, "-c", code, str(voorbeeld)], capture_output=True, text=True, check=True)
    code, geladen = uit.stdout.splitlines()[-1].split(" ", 1)
    assert code == "0"
    assert "wijzigen" not in geladen and "schrijven" not in geladen and "lezen" in geladen


def test_json_stdout_blijft_zuiver_bij_bestanden_en_bewaren(ln, voorbeeld, tmp_path):
    uit = ln("agenda", "--json", "--html", str(tmp_path / "a.html"), "--bewaar")
    json.loads(uit.out)
    assert "Uitdeelblad geschreven" in uit.err and "Bewaard" in uit.err


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,verwacht",
    [
        (("--start", "25:00"), "'25:00' is geen tijd"),
        (("--start", "19:75"), "geen tijd"),
        (("--werkvorm", "wereldcafe"), "'wereldcafe' is geen bekende werkvorm"),
        (("--zonder", "talkingstick"), "Bedoelde je: talking-stick?"),
        (("--fase", "verdiepen"), "'verdiepen' is geen fase"),
        (("--duur", "20"), "dat kan vanaf"),
        (("--duur", "500"), "hoogstens 240"),
        (("--duur", "0"), "te kort"),
        (("--wissel", "1"), "alleen werkvormen kun je wisselen"),
        (("--wissel", "12"), "bestaat niet"),
        (("--datum", "2026-02-30"), "is geen datum die ik ken"),
        (("--werkvorm", "worldcafe", "--zonder", "worldcafe"), "zowel"),
    ],
)
def test_foute_waarden_geven_nederlandse_fout_en_exit_2(ln, voorbeeld, args, verwacht):
    uit = ln("agenda", *args)
    assert uit.code == 2
    assert verwacht in uit.err
    assert "Fout:" in uit.err and "Wat te doen:" in uit.err
    assert "Traceback" not in uit.err and uit.out == ""


def test_te_kort_noemt_het_minimum(ln, voorbeeld):
    uit = ln("agenda", "--duur", "20")
    minimum = int(re.search(r"vanaf (\d+) minuten", uit.err).group(1))
    assert f"--duur {minimum}" in uit.err
    assert ln("agenda", "--duur", str(minimum)).code == 0
    assert ln("agenda", "--duur", str(minimum - 1)).code == 2


def test_foute_tijd_noemt_wat_wel_kan(ln, voorbeeld):
    uit = ln("agenda", "--start", "25:00")
    assert "UU:MM" in uit.err and "0-23" in uit.err and "0-59" in uit.err


def test_geen_statusbestand_wijst_naar_ln_init(ln, tmp_path):
    uit = ln("agenda")
    assert uit.code == 2
    assert "ln init" in uit.err and "statusbestand" in uit.err
    assert "Traceback" not in uit.err
    uit = ln("agenda", "--netwerk", str(tmp_path / "elders.yaml"))
    assert uit.code == 2 and "ln init" in uit.err and "elders.yaml" in uit.err


def test_kapot_statusbestand_geeft_exit_2(ln, tmp_path):
    (tmp_path / "netwerk.yaml").write_text("naam: X\nfase: verkening\n", encoding="utf-8")
    uit = ln("agenda")
    assert uit.code == 2 and "verkenning" in uit.err and "Traceback" not in uit.err


# --- options through the CLI -----------------------------------------------------------


def test_seed_wissel_werkvorm_zonder(ln, voorbeeld):
    basis = _json(ln("agenda", "--json", "--seed", "11"))
    assert _json(ln("agenda", "--json", "--seed", "11")) == basis
    tweede = basis["onderdelen"][1]["werkvorm"]
    gewisseld = _json(ln("agenda", "--json", "--seed", "11", "--wissel", "2"))
    assert gewisseld["onderdelen"][1]["werkvorm"] not in (None, tweede)
    gedwongen = _json(ln("agenda", "--json", "--werkvorm", "maatjesleren", "--zonder", tweede))
    ids = [i["werkvorm"] for i in gedwongen["onderdelen"]]
    assert "maatjesleren" in ids and tweede not in ids


def test_tabel_toont_nummers_en_bronnen(ln, klein):
    uit = ln("agenda", "--start", "19:00")
    assert uit.code == 0, uit.err
    assert "19:00" in uit.out and "20:30" in uit.out
    assert 'Netwerk <Overvecht> & "co"' in uit.out  # rich markup in a name is shown, not applied
    assert "1. 19:00" in uit.out and "Bron: " in uit.out
    assert "--wissel NR" in uit.out


def test_smal_venster_houdt_de_regels_binnen_de_breedte(ln, voorbeeld, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    uit = ln("agenda")
    assert uit.code == 0
    assert "Bron: " in uit.out
    assert max(len(regel) for regel in uit.out.splitlines()) <= 80



def _complete(woorden: str) -> list[str]:
    """What the shell's tab completion offers for the last word (as in test_cli_basis)."""
    env = dict(os.environ, _LN_COMPLETE="complete_bash", COMP_WORDS=woorden, COMP_CWORD=str(len(woorden.split()) - 1))
    uit = subprocess.run(
        [sys.executable, "-c", "import sys; from lerend_netwerk.cli import run; sys.exit(run(prog_name='ln'))"],
        capture_output=True, text=True, env=env, check=False,
    )
    return uit.stdout.split()


def test_tab_vult_werkvormen_en_fasen_aan():
    assert _complete("ln agenda --werkvorm talk") == ["talking-stick"]
    assert _complete("ln agenda --duur 60 --zonder talk") == ["talking-stick"]
    assert _complete("ln agenda --werkvorm worldcafe --werkvorm levend") == ["levend-domino"]
    assert _complete("ln agenda --fase ver") == ["verkenning", "verdieping", "verankering"]

def test_elke_optie_heeft_nederlandse_hulp():
    commando = typer.main.get_command(app).commands["agenda"]
    for param in commando.params:
        assert param.help and "the " not in param.help.lower(), param.name


# --- files ----------------------------------------------------------------------------------


def test_markdown_en_html_worden_geschreven(ln, klein, tmp_path):
    md, html = tmp_path / "agenda.md", tmp_path / "agenda.html"
    uit = ln("agenda", "--markdown", str(md), "--html", str(html), "--datum", "2026-10-08")
    assert uit.code == 0, uit.err
    assert f"Uitdeelblad geschreven: {md}" in uit.out
    tekst = md.read_text(encoding="utf-8")
    assert tekst.startswith("# Agenda: Netwerk \\<Overvecht\\> & \"co\"")
    assert "donderdag 8 oktober 2026" in tekst and "## 19:00 · Opening" in tekst
    pagina = html.read_text(encoding="utf-8")
    assert "Netwerk &lt;Overvecht&gt; &amp; &quot;co&quot;" in pagina
    assert "<Overvecht>" not in pagina
    assert "@page" in pagina and "size: A4" in pagina
    assert "<script" not in pagina and "http://" not in pagina and "https://" not in pagina
    # an output file may be overwritten: it is output
    assert ln("agenda", "--html", str(html), "--duur", "60").code == 0
    assert html.read_text(encoding="utf-8") != pagina



def test_uitdeelbladen_zijn_leesbaar_voor_collegas(ln, klein, tmp_path):
    """A new handout gets the usual mode (0o666 minus the umask), not mkstemp's 0600;
    overwriting keeps the mode the file had."""
    md, html = tmp_path / "agenda.md", tmp_path / "agenda.html"
    oud = os.umask(0o022)
    try:
        assert ln("agenda", "--markdown", str(md), "--html", str(html)).code == 0
        assert stat.S_IMODE(md.stat().st_mode) == 0o644
        assert stat.S_IMODE(html.stat().st_mode) == 0o644
        os.umask(0o002)
        team = tmp_path / "team.html"
        assert ln("agenda", "--html", str(team)).code == 0
        assert stat.S_IMODE(team.stat().st_mode) == 0o664
        # the user chose who may read it: an overwrite keeps that
        html.chmod(0o640)
        voor = html.read_text(encoding="utf-8")
        assert ln("agenda", "--html", str(html), "--duur", "60").code == 0
        assert html.read_text(encoding="utf-8") != voor
        assert stat.S_IMODE(html.stat().st_mode) == 0o640
        md.chmod(0o664)
        assert ln("agenda", "--markdown", str(md), "--duur", "60").code == 0
        assert stat.S_IMODE(md.stat().st_mode) == 0o664
    finally:
        os.umask(oud)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".ln-agenda-")]

def test_nooit_over_het_statusbestand_heen(ln, klein):
    voor = klein.read_bytes()
    for optie in ("--html", "--markdown"):
        uit = ln("agenda", optie, str(klein))
        assert uit.code == 2 and "statusbestand" in uit.err
    assert klein.read_bytes() == voor


def test_foute_uitvoerplekken(ln, klein, tmp_path):
    assert "map" in ln("agenda", "--html", str(tmp_path)).err
    assert "bestaat niet" in ln("agenda", "--html", str(tmp_path / "nergens" / "a.html")).err
    uit = ln("agenda", "--html", str(tmp_path / "a"), "--markdown", str(tmp_path / "a"))
    assert uit.code == 2 and "hetzelfde" in uit.err
    assert not (tmp_path / "a").exists()


# --- --bewaar ---------------------------------------------------------------------------------


def test_bewaar_en_de_volgende_agenda_bouwt_erop_voort(ln, voorbeeld):
    tekst_voor = voorbeeld.read_text(encoding="utf-8")
    eerste = _json(ln("agenda", "--json", "--bewaar"))
    netwerk = lees_netwerk(voorbeeld)
    gepland = [b for b in netwerk.bijeenkomsten if b.status == "gepland"]
    assert len(gepland) == 1
    assert gepland[0].datum.isoformat() == "2026-12-10"  # four weeks after the last meeting
    ids = [i["werkvorm"] for i in eerste["onderdelen"] if i["werkvorm"]]
    # the learning diary of the closing counts as used too
    assert list(gepland[0].werkvormen) == [*ids, "leerdagboek"]
    # the user's text is kept: everything before the new entry is unchanged
    tekst_na = voorbeeld.read_text(encoding="utf-8")
    assert "# Een voorbeeld van een statusbestand" in tekst_na
    assert tekst_na.count("\n") > tekst_voor.count("\n")

    tweede = _json(ln("agenda", "--json"))
    assert tweede != eerste
    assert not set(ids) & {i["werkvorm"] for i in tweede["onderdelen"]}
    assert "10 december 2026" in tweede["onderdelen"][0]["waarom"]
    assert tweede["seed"] == eerste["seed"] + 1
    assert any("geplande bijeenkomst" in m for m in tweede["meldingen"])


def test_bewaar_met_datum_vervangt_de_geplande_agenda_van_die_dag(ln, voorbeeld):
    assert ln("agenda", "--bewaar", "--datum", "2026-12-10", "--seed", "1").code == 0
    uit = ln("agenda", "--bewaar", "--datum", "2026-12-10", "--seed", "2")
    assert uit.code == 0, uit.err
    assert "in plaats van" in uit.out
    netwerk = lees_netwerk(voorbeeld)
    assert [b.datum.isoformat() for b in netwerk.bijeenkomsten if b.status == "gepland"] == ["2026-12-10"]
    # the same date plans as if that day's planned meeting is not there yet
    assert _json(ln("agenda", "--json", "--datum", "2026-12-10", "--seed", "2"))["datum"] == "2026-12-10"


def test_bewaar_zonder_bijeenkomsten_vraagt_een_datum(ln, tmp_path):
    pad = tmp_path / "netwerk.yaml"
    pad.write_text("naam: Nieuw\nfase: verkenning\n", encoding="utf-8")
    uit = ln("agenda", "--bewaar")
    assert uit.code == 2 and "--datum" in uit.err
    assert pad.read_text(encoding="utf-8") == "naam: Nieuw\nfase: verkenning\n"
    uit = ln("agenda", "--bewaar", "--datum", "2026-09-03")
    assert uit.code == 0, uit.err
    assert "donderdag 3 september 2026" in uit.out
    assert lees_netwerk(pad).bijeenkomsten[0].status == "gepland"


def test_datum_mag_ook_dag_maand_jaar(ln, tmp_path):
    import shutil
    from pathlib import Path

    shutil.copy(Path(__file__).resolve().parents[1] / "voorbeelden" / "netwerk.yaml", tmp_path / "netwerk.yaml")
    iso = ln("agenda", "--datum", "2026-12-10", "--json")
    nl = ln("agenda", "--datum", "10-12-2026", "--json")
    assert iso.code == nl.code == 0
    assert iso.out == nl.out and '"datum": "2026-12-10"' in nl.out
    fout = ln("agenda", "--datum", "vandaag")
    assert fout.code == 2 and "'vandaag' is geen datum die ik ken" in fout.err  # an agenda never reads the clock


@pytest.mark.parametrize("datum", ["2020-01-01", "2026-10-20", "2026-11-12"])
def test_bewaar_weigert_een_datum_tot_en_met_de_laatste_gehouden_bijeenkomst(ln, voorbeeld, tmp_path, datum):
    """A plan is for what comes next; what already happened goes in with 'ln bijeenkomst'."""
    voor = voorbeeld.read_bytes()
    uitdeelblad = tmp_path / "agenda.html"
    uit = ln("agenda", "--bewaar", "--datum", datum, "--html", str(uitdeelblad))
    assert uit.code == 2
    assert "Fout:" in uit.err and "Wat te doen:" in uit.err and "Traceback" not in uit.err
    assert "12 november 2026" in uit.err  # the last meeting held in the example
    assert "ln bijeenkomst" in uit.err and "--datum" in uit.err
    assert uit.out == ""
    assert voorbeeld.read_bytes() == voor and not uitdeelblad.exists()
    # without --bewaar an agenda for that date is fine (nothing is stored)
    assert ln("agenda", "--datum", datum).code == 0
    # the day after the last held meeting can be planned
    assert ln("agenda", "--bewaar", "--datum", "2026-11-13").code == 0


def _notitie(pad: Path) -> list[str]:
    [gepland] = [b for b in lees_netwerk(pad).bijeenkomsten if b.status == "gepland"]
    assert gepland.notities.startswith("Gepland met ln agenda ")
    return shlex.split(gepland.notities.removeprefix("Gepland met "))


def _zelfde_agenda(a: dict, b: dict) -> None:
    assert a["onderdelen"] == b["onderdelen"]
    assert [a[k] for k in ("fase", "duur", "start", "eind", "seed")] == [b[k] for k in ("fase", "duur", "start", "eind", "seed")]


def test_notitie_van_bewaar_geeft_dezelfde_agenda(ln, voorbeeld, tmp_path):
    """The note of a planned meeting is the command that plans it again, with every option that shaped it."""
    ervoor = tmp_path / "ervoor.yaml"
    shutil.copy(voorbeeld, ervoor)
    opties = ("--duur", "150", "--start", "19.30", "--fase", "Verdieping", "--werkvorm", "Talking-Stick",
              "--zonder", "worldcafe", "--seed", "7", "--wissel", "5")
    eerste = _json(ln("agenda", "--json", "--bewaar", *opties))
    opdracht = _notitie(voorbeeld)
    assert opdracht[:2] == ["ln", "agenda"]
    for optie in ("--duur", "--start", "--fase", "--werkvorm", "--zonder", "--seed", "--wissel", "--datum"):
        assert optie in opdracht, optie
    assert "--bewaar" not in opdracht and "--json" not in opdracht
    # on the state it was planned on, and on the state with the plan in it
    for staat in (ervoor, voorbeeld):
        _zelfde_agenda(_json(ln(*opdracht[1:], "--json", "--netwerk", str(staat))), eerste)


def test_notitie_zonder_opties_noemt_alleen_wat_nodig_is(ln, voorbeeld, tmp_path):
    ervoor = tmp_path / "ervoor.yaml"
    shutil.copy(voorbeeld, ervoor)
    eerste = _json(ln("agenda", "--json", "--bewaar"))
    opdracht = _notitie(voorbeeld)
    assert opdracht == ["ln", "agenda", "--duur", "90", "--datum", "2026-12-10", "--seed", "4"]
    for staat in (ervoor, voorbeeld):
        _zelfde_agenda(_json(ln(*opdracht[1:], "--json", "--netwerk", str(staat))), eerste)


def test_agenda_meldt_een_onbekend_signaal_in_het_statusbestand(ln, tmp_path):
    (tmp_path / "netwerk.yaml").write_text("naam: LN Zuilen\nfase: verkenning\nbehaald: [kennismaken-elkaar-kenen]\n",
                                           encoding="utf-8")
    uit = ln("agenda")
    assert uit.code == 2
    assert "regel 3" in uit.err and "kennismaken-elkaar-kennen" in uit.err
