"""Issue 12: robust to the edges. Each test here failed before its fix.

One context at the edge (no HOME, no passwd entry, an empty HOME), no
traceback (devices, the year 9999), nothing lost (read-only files, a full disk,
a kill mid-write, a handout onto the backup).
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lerend_netwerk import cache
from lerend_netwerk.cli import run
from lerend_netwerk.context import Context
from lerend_netwerk.fouten import LnFout

VANDAAG = date(2026, 12, 1)
NETWERK = """\
# Zuilen
naam: LN Zuilen
fase: verkenning
bijeenkomsten:
  - datum: 2026-09-18
    aanwezig: 5
"""


def ln_op(capsys, *args: str, vandaag: date = VANDAAG, **omgeving: str):
    """`ln ARGS` in-process with a context built on today's test date (and extra environment)."""
    basis = {**os.environ, **omgeving}
    capsys.readouterr()
    code = run(list(args), prog_name="ln", context=Context.uit_omgeving(omgeving=basis, vandaag=vandaag))
    uit = capsys.readouterr()
    return code, uit.out, uit.err


@pytest.fixture
def netwerk(tmp_path: Path) -> Path:
    pad = tmp_path / "netwerk.yaml"
    pad.write_text(NETWERK, encoding="utf-8")
    return pad


def _geen_traceback(err: str) -> None:
    assert "Traceback" not in err


# --- the cache folder, resolved once and safely -------------------------------------------


def test_zonder_home_en_zonder_passwd_werkt_elke_opdracht(monkeypatch, capsys, netwerk: Path) -> None:
    import pwd

    def geen_gebruiker(uid: int):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    for naam in ("LN_CACHE", "HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", geen_gebruiker)
    assert cache.cache_map() is None
    for opdracht in (["werkvormen"], ["start"], ["fase"], ["valkuil", "er", "zeggen", "mensen", "af"]):
        code, _, err = ln_op(capsys, *opdracht)
        _geen_traceback(err)
        assert code in (0, 1), (opdracht, err)


@pytest.mark.parametrize("home", ["", "/", "relatief/pad"])
def test_een_lege_of_vreemde_home_zet_de_cache_uit_in_plaats_van_in_de_root(home: str) -> None:
    assert cache.cache_map({"HOME": home}) is None
    assert cache.cache_map({"HOME": home, "XDG_CACHE_HOME": "ook/relatief"}) is None


def test_de_cachemap_volgt_ln_cache_dan_xdg_dan_home() -> None:
    assert cache.cache_map({"LN_CACHE": "/c", "HOME": "/h"}) == Path("/c")
    assert cache.cache_map({"LN_CACHE": "uit", "HOME": "/h"}) is None
    assert cache.cache_map({"XDG_CACHE_HOME": "/x", "HOME": "/h"}) == Path("/x/lerend-netwerk")
    if sys.platform.startswith("linux"):
        assert cache.cache_map({"HOME": "/h"}) == Path("/h/.cache/lerend-netwerk")


def test_de_testsessie_zelf_schrijft_nooit_in_de_echte_cachemap() -> None:
    """conftest records every cache write of this process; its autouse fixture fails any test after one."""
    import conftest

    assert conftest.ECHTE_CACHE not in conftest.GESCHREVEN
    assert os.environ["LN_CACHE"] != str(conftest.ECHTE_CACHE)


def test_de_cachesleutel_hangt_af_van_de_versies_van_de_bibliotheken(monkeypatch) -> None:
    assert any(d.lower().startswith("pystemmer-3") for d in cache._bibliotheek_versies())
    voor = cache.sleutel([b"x"])
    monkeypatch.setattr(cache, "_bibliotheek_versies", lambda: ["pystemmer-2.2.0.dist-info"])
    cache._code_vingerafdruk.cache_clear()
    try:
        assert cache.sleutel([b"x"]) != voor
    finally:
        cache._code_vingerafdruk.cache_clear()


def test_de_cachemap_groeit_niet_bij_een_upgrade(monkeypatch, tmp_path: Path, capsys, netwerk: Path) -> None:
    def draai() -> set[str]:
        for opdracht in (["werkvormen"], ["start"], ["valkuil", "mensen", "zeggen", "af"]):
            ln_op(capsys, *opdracht)
        return {p.name for p in (tmp_path / ".cache").iterdir()}

    draai()
    # an upgrade may write what the shipped search index spared the first run (its settings), once
    monkeypatch.setattr(cache, "_bibliotheek_versies", lambda: ["een-andere-versie"])
    cache._code_vingerafdruk.cache_clear()
    try:
        na_een = draai()
        monkeypatch.setattr(cache, "_bibliotheek_versies", lambda: ["nog-een-versie"])
        cache._code_vingerafdruk.cache_clear()
        assert draai() == na_een
    finally:
        cache._code_vingerafdruk.cache_clear()


def test_de_stemmer_wordt_geeist_in_de_versie_waarmee_de_data_getest_is() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "PyStemmer>=3.1,<4" in pyproject["project"]["dependencies"]


# --- files that are no files, or that may not change ---------------------------------------


@pytest.mark.parametrize("opdracht", [["start"], ["fase"], ["agenda"], ["bijeenkomsten"]])
def test_dev_zero_als_statusbestand_is_een_fout_en_geen_hang(capsys, opdracht: list[str]) -> None:
    begin = time.monotonic()
    code, out, err = ln_op(capsys, *opdracht, "--netwerk", "/dev/zero")
    assert code == 2
    assert "geen gewoon bestand" in err
    assert time.monotonic() - begin < 10
    _geen_traceback(err)


@pytest.mark.parametrize("opdracht", [["start", "--netwerk"], ["werkvormen", "--bibliotheek"]])
def test_een_reusachtig_bestand_wordt_geweigerd(capsys, tmp_path: Path, opdracht: list[str]) -> None:
    groot = tmp_path / "groot.yaml"
    groot.write_bytes(b"naam: X\nfase: verkenning\n# " + b"x" * (9 * 1024 * 1024) + b"\n")
    code, _, err = ln_op(capsys, *opdracht, str(groot))
    assert code == 2
    assert "groter dan" in err


@pytest.mark.parametrize("bieb", ["/dev/null", "/dev/zero"])
def test_een_apparaat_als_bibliotheek_is_een_fout(capsys, bieb: str) -> None:
    code, _, err = ln_op(capsys, "werkvormen", "--bibliotheek", bieb)
    assert code == 2
    assert "geen map en geen gewoon bestand" in err
    _geen_traceback(err)


# --- every write path: read-only, disk full, kill mid-write: the old bytes stay ---------------

SCHRIJVERS = {
    "bijeenkomst": (["bijeenkomst", "--datum", "2026-11-06", "--aanwezig", "4"], "netwerk.yaml"),
    "fase": (["fase", "volgende", "--ja"], "netwerk.yaml"),
    "agenda --bewaar": (["agenda", "--bewaar", "--datum", "2026-12-10"], "netwerk.yaml"),
    "init --force": (["init", "--naam", "Nieuw", "--force", "--geen-vragen"], "netwerk.yaml"),
    "agenda --html": (["agenda", "--html", "agenda.html"], "agenda.html"),
    "agenda --markdown": (["agenda", "--markdown", "agenda.md"], "agenda.md"),
}


def _voorbereid(tmp_path: Path, doel: str) -> Path:
    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    pad = tmp_path / doel
    if doel != "netwerk.yaml":
        pad.write_text("het vorige uitdeelblad\n", encoding="utf-8")
    return pad


def _foto(map_: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in map_.iterdir() if p.is_file() and not p.name.endswith(".lock")}


@pytest.mark.parametrize("naam", SCHRIJVERS)
def test_een_alleen_lezen_bestand_blijft_zoals_het_was(naam: str, tmp_path: Path, capsys) -> None:
    args, doel = SCHRIJVERS[naam]
    pad = _voorbereid(tmp_path, doel)
    pad.chmod(0o444)
    voor = _foto(tmp_path)
    code, _, err = ln_op(capsys, *args)
    assert code == 2, err
    assert "alleen-lezen" in err
    assert _foto(tmp_path) == voor
    assert pad.stat().st_mode & 0o777 == 0o444


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_een_bestand_van_een_ander_houdt_zijn_eigenaar(netwerk: Path, capsys) -> None:
    os.chown(netwerk, 12345, 12345)
    code, _, err = ln_op(capsys, "bijeenkomst", "--datum", "2026-11-06")
    assert code == 0, err
    assert (netwerk.stat().st_uid, netwerk.stat().st_gid) == (12345, 12345)
    assert "2026-11-06" in netwerk.read_text(encoding="utf-8")


@pytest.mark.parametrize("naam", SCHRIJVERS)
def test_een_volle_schijf_laat_het_oude_bestand_heel(naam: str, tmp_path: Path, capsys, monkeypatch) -> None:
    from lerend_netwerk import bestanden

    args, doel = SCHRIJVERS[naam]
    pad = _voorbereid(tmp_path, doel)
    voor = pad.read_bytes()

    class Vol:
        def __getattr__(self, naam: str):
            return getattr(os, naam)

        @staticmethod
        def fsync(fd: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bestanden, "os", Vol())
    code, _, err = ln_op(capsys, *args)
    assert code == 2, err
    _geen_traceback(err)
    assert pad.read_bytes() == voor
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


KILL = """
import os, stat, sys, time
from datetime import date
from lerend_netwerk import bestanden
from lerend_netwerk.cli import run
from lerend_netwerk.context import Context

doel, vlag = sys.argv[1], sys.argv[2]
echte_fsync = os.fsync

class Traag:
    def __getattr__(self, naam):
        return getattr(os, naam)

    @staticmethod
    def fsync(fd):
        echte_fsync(fd)
        naam = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        if naam.startswith("." + doel + ".") and naam.endswith(".tmp"):  # the new version, not yet renamed
            open(vlag, "w").write("nu")
            time.sleep(60)

bestanden.os = Traag()
sys.exit(run(sys.argv[3:], context=Context.uit_omgeving(vandaag=date(2026, 12, 1))))
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see which file is written")
@pytest.mark.parametrize("naam", SCHRIJVERS)
def test_een_kill_halverwege_laat_het_oude_bestand_heel(naam: str, tmp_path: Path) -> None:
    args, doel = SCHRIJVERS[naam]
    pad = _voorbereid(tmp_path, doel)
    voor = pad.read_bytes()
    vlag = tmp_path / "vlag"
    proces = subprocess.Popen([sys.executable, "-c", KILL, doel, str(vlag), *args], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(400):
            if vlag.exists() or proces.poll() is not None:
                break
            time.sleep(0.05)
        assert vlag.exists(), proces.stderr.read().decode() if proces.poll() is not None else "never wrote"
        proces.kill()
    finally:
        proces.wait(timeout=10)
        proces.stderr.close()
    assert pad.read_bytes() == voor


# --- ln agenda at its edges ------------------------------------------------------------------


def test_agenda_bewaar_na_9999_is_een_fout_geen_traceback(capsys, netwerk: Path) -> None:
    netwerk.write_text(NETWERK + "  - datum: 9999-12-31\n", encoding="utf-8")
    voor = netwerk.read_bytes()
    for vandaag in (VANDAAG, date.max):  # a typo in the future, and a clock at the end of time
        code, _, err = ln_op(capsys, "agenda", "--bewaar", vandaag=vandaag)
        assert code == 2, err
        _geen_traceback(err)
        assert netwerk.read_bytes() == voor


def test_html_op_de_reservekopie_wordt_geweigerd(capsys, netwerk: Path) -> None:
    bak = netwerk.with_name("netwerk.yaml.bak")
    bak.write_text("mijn vorige versie\n", encoding="utf-8")
    for doelwit in ("netwerk.yaml.bak", "netwerk.yaml.lock"):
        code, _, err = ln_op(capsys, "agenda", "--html", doelwit)
        assert code == 2
        assert "ln agenda geen uitdeelblad" in err
    assert bak.read_text(encoding="utf-8") == "mijn vorige versie\n"
    assert not netwerk.with_name("netwerk.yaml.lock").exists()


def test_bewaar_met_html_schrijft_niets_als_bewaren_geweigerd_wordt(capsys, netwerk: Path, tmp_path: Path) -> None:
    code, _, err = ln_op(capsys, "agenda", "--bewaar", "--datum", "2026-09-01", "--html", "x.html")
    assert code == 2, err
    assert not (tmp_path / "x.html").exists()
    assert netwerk.read_text(encoding="utf-8") == NETWERK


def test_twee_keer_bewaren_geeft_een_geplande_bijeenkomst(capsys, netwerk: Path) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    for _ in range(2):
        code, out, err = ln_op(capsys, "agenda", "--bewaar")
        assert code == 0, err
    assert "in plaats van de agenda die er voor die dag al stond" in out
    assert len(lees_netwerk(netwerk).geplande_bijeenkomsten) == 1


# --- a held meeting in the future: every reading command names it --------------------------

TOEKOMST = NETWERK + "  - datum: 2062-10-29\n    aanwezig: 6\n"


@pytest.mark.parametrize(
    "opdracht",
    [["start"], ["fase"], ["agenda"], ["bijeenkomsten"], ["bijeenkomst", "--datum", "2026-11-06"], ["netwerk"],
     ["deelnemers"]],
)
def test_een_gehouden_bijeenkomst_in_de_toekomst_wordt_genoemd(capsys, netwerk: Path, opdracht: list[str]) -> None:
    netwerk.write_text(TOEKOMST, encoding="utf-8")
    code, _, err = ln_op(capsys, *opdracht)
    assert code in (0, 1), err
    assert "netwerk.yaml, regel 7: de bijeenkomst van 29 oktober 2062 staat als gehouden" in " ".join(err.split())


def test_bewaren_na_een_gehouden_bijeenkomst_in_de_toekomst_wordt_geweigerd(capsys, netwerk: Path) -> None:
    netwerk.write_text(TOEKOMST, encoding="utf-8")
    code, _, err = ln_op(capsys, "agenda", "--bewaar")
    assert code == 2
    assert "regel 7" in err
    assert netwerk.read_text(encoding="utf-8") == TOEKOMST


# --- the wizard: every answer checked as it is given -------------------------------------------


def test_de_vragen_weigeren_meteen_wat_later_geweigerd_wordt(kennisbank, monkeypatch) -> None:
    from lerend_netwerk import vragen
    from lerend_netwerk.cli import bijeenkomst
    from lerend_netwerk.netwerk import Netwerk

    klachten = {}

    def vraag_tekst(vraag: str, standaard: str = "", verplicht: bool = False, controle=None) -> str:
        if vraag.startswith("Datum"):
            for antwoord in ("2026-12-02", "morgen", "2026-11-30", "gisteren", ""):
                klachten[antwoord] = controle(antwoord)
        if vraag.startswith("Hoeveel"):
            for antwoord in ("¹", "5000", "-3", "12", ""):
                klachten["aantal " + antwoord] = controle(antwoord)
        return standaard if vraag.startswith("Datum") else ""

    monkeypatch.setattr(vragen, "vraag_tekst", vraag_tekst)
    monkeypatch.setattr(vragen, "vraag_meerdere", lambda *a, **k: [])
    monkeypatch.setattr(vragen, "vraag_bevestiging", lambda *a, **k: False)
    bijeenkomst._vraag_bijeenkomst(kennisbank, Netwerk("X", "verkenning"), VANDAAG)
    assert "toekomst" in klachten["2026-12-02"]
    assert klachten["morgen"]
    assert klachten["2026-11-30"] is klachten["gisteren"] is klachten[""] is None
    assert klachten["aantal ¹"] and klachten["aantal 5000"] and klachten["aantal -3"]  # '¹' was a traceback later
    assert klachten["aantal 12"] is klachten["aantal "] is None


def _checklist(toetsen: str, keuzes: int = 42, **opties) -> list[str]:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from lerend_netwerk import vragen

    with create_pipe_input() as invoer, create_app_session(input=invoer, output=DummyOutput()):
        invoer.send_text(toetsen)
        return vragen.vraag_meerdere("Welke?", [(f"Werkvorm {i} (w{i})", f"w{i}") for i in range(keuzes)], **opties)


def test_een_letter_in_de_checklist_kiest_niet_alles() -> None:
    assert _checklist("a\r") == []
    assert _checklist("i\r") == []


def test_typen_in_de_checklist_filtert() -> None:
    assert _checklist("w17 \r") == ["w17"]


def test_meer_dan_acht_werkvormen_wordt_eerst_gevraagd() -> None:
    # ctrl-a ticks everything; 'n' says no to "Klopt dat?", then the list comes back with the ticks kept
    # (ctrl-a again clears them), one is ticked, Enter.
    assert _checklist("\x01\rn\r\x01 \r", keuzes=12, bevestig_boven=8) == ["w0"]
    assert _checklist("\x01\rj\r", keuzes=12, bevestig_boven=8) == [f"w{i}" for i in range(12)]


# --- text the user typed is text ------------------------------------------------------------


def test_een_tab_in_de_yaml_zegt_gebruik_spaties(capsys, netwerk: Path) -> None:
    netwerk.write_text("naam: X\nfase: verkenning\ndeelnemers:\n\t- naam: Els\n", encoding="utf-8")
    code, _, err = ln_op(capsys, "start")
    assert code == 2
    assert "regel 4: tab gevonden, gebruik spaties" in err


def test_opmaak_en_emoji_codes_in_eigen_tekst_blijven_tekst(capsys, netwerk: Path) -> None:
    netwerk.write_text(
        'naam: "LN [bold]Zuilen[/bold] :x:"\nfase: verkenning\n'
        'randvoorwaarden:\n  tijd: {status: deels, toelichting: "Nog [red]niet[/red] :x:"}\n'
        'bijeenkomsten:\n  - datum: 2026-09-18\n    notities: "Fijn :x: [i]echt[/i]"\n',
        encoding="utf-8",
    )
    for opdracht in (["start"], ["bijeenkomsten"], ["fase"], ["agenda"]):
        code, out, err = ln_op(capsys, *opdracht)
        assert "❌" not in out + err, opdracht
    assert "Nog [red]niet[/red] :x:" in ln_op(capsys, "start")[1]
    assert "LN [bold]Zuilen[/bold] :x:" in ln_op(capsys, "agenda")[1]


def test_een_naam_van_12000_tekens_wordt_geweigerd(capsys, netwerk: Path) -> None:
    netwerk.write_text(f"naam: {'a' * 12000}\nfase: verkenning\n", encoding="utf-8")
    code, _, err = ln_op(capsys, "agenda", "--html", "a.html")
    assert code == 2
    assert "12000 tekens" in err
    assert not Path("a.html").exists()


def test_een_dubbel_bron_id_wordt_niet_stil_overschreven() -> None:
    from lerend_netwerk.kennisbank import laden

    gebundeld = {naam: laden._lees_databytes(naam) for naam in laden._DATA_BESTANDEN}
    bronnen, weergave = gebundeld["bronnen.yaml"]
    tekst = bronnen.decode("utf-8")
    eerste = tekst.index("  - id:")
    tweede = tekst.index("  - id:", eerste + 1)
    dubbel = tekst + tekst[eerste:tweede]  # the first source once more, at the end
    with pytest.raises(LnFout) as fout:
        laden._bouw_kennisbank({**gebundeld, "bronnen.yaml": (dubbel.encode(), weergave)}, [])
    assert "staat al eerder" in fout.value.bericht


# --- the context -------------------------------------------------------------------------------


def test_de_context_leest_de_omgeving_een_keer(tmp_path: Path) -> None:
    ctx = Context.uit_omgeving(
        omgeving={"LN_NETWERK": "n.yaml", "LN_BIBLIOTHEEK": "bieb", "LN_CACHE": "uit"}, vandaag=VANDAAG
    )
    assert ctx == Context(netwerk=Path("n.yaml"), bibliotheek=Path("bieb"), cache=None, vandaag=VANDAAG)
    assert ctx.met(netwerk=Path("ander.yaml")).netwerk == Path("ander.yaml")
    assert ctx.met().bibliotheek == Path("bieb")


def test_de_cli_gebruikt_de_datum_van_de_context(capsys, netwerk: Path) -> None:
    netwerk.write_text(TOEKOMST, encoding="utf-8")
    assert "2062" in ln_op(capsys, "bijeenkomsten", vandaag=VANDAAG)[2]
    assert "2062" not in ln_op(capsys, "bijeenkomsten", vandaag=date(2063, 1, 1))[2]


# --- one reader per concept ---------------------------------------------------------------------


@pytest.mark.parametrize("tekst", ["19.30", "19:30", " 19.30 "])
def test_een_tijd_met_een_punt_werkt_overal(capsys, tmp_path: Path, tekst: str) -> None:
    from lerend_netwerk.statusbestand import lees_netwerk

    code, _, err = ln_op(capsys, "init", "--naam", "X", "--starttijd", tekst, "--geen-vragen")
    assert code == 0, err
    assert lees_netwerk(tmp_path / "netwerk.yaml").starttijd == "19:30"
    for regel in (f'starttijd: "{tekst}"', "starttijd: 19.30", "starttijd: 19:30"):
        (tmp_path / "n.yaml").write_text(f"naam: X\nfase: verkenning\n{regel}\n", encoding="utf-8")
        assert lees_netwerk(tmp_path / "n.yaml").starttijd == "19:30", regel
    code, out, _ = ln_op(capsys, "agenda", "--start", tekst)
    assert "19:30–21:00" in out


def test_een_fase_wordt_overal_op_dezelfde_manier_gelezen(kennisbank, capsys, netwerk: Path) -> None:
    from lerend_netwerk.kennisbank import fase_id

    assert fase_id(" Verdieping ") == fase_id("3") == kennisbank.fase("3").id == "verdieping"
    with pytest.raises(LnFout) as fout:
        fase_id("verdiepen")
    assert "Bedoelde je: verdieping?" in fout.value.bericht
    for opdracht in (["fase", "verdiepen", "--ja"], ["agenda", "--fase", "verdiepen"], ["valkuil", "--fase", "verdiepen", "x"],
                     ["bijeenkomst", "--datum", "2026-11-06", "--fase", "verdiepen"], ["fasen", "verdiepen"]):
        code, _, err = ln_op(capsys, *opdracht)
        assert code == 2 and "'verdiepen' is geen fase. Bedoelde je: verdieping?" in err, opdracht


def test_elke_bedoelde_je_komt_uit_een_functie(monkeypatch, capsys, netwerk: Path) -> None:
    from lerend_netwerk import entry, tekst

    monkeypatch.setattr(tekst, "bedoeld", lambda *a, **k: ["proef-id"])
    netwerk.write_text(NETWERK + "    werkvormen: [talkingstik]\nbehaald: [kennismaken]\n", encoding="utf-8")
    assert "Bedoelde je: proef-id?" in ln_op(capsys, "fase")[2]  # an unknown signal in the file
    assert "Bedoelde je: proef-id?" in ln_op(capsys, "werkvorm", "talkingstik")[2]
    assert "Bedoelde je: proef-id," in ln_op(capsys, "bijeenkomst", "--datum", "2026-11-06", "--werkvorm", "x")[2]
    assert entry._bedoelde_opdracht("agnda") == "proef-id"


def test_een_werkvorm_id_wordt_in_de_kern_gelezen(kennisbank) -> None:
    assert kennisbank.werkvorm_id(" Talking-Stick ") == "talking-stick"
    with pytest.raises(LnFout) as fout:
        kennisbank.werkvorm_id("talkingstik")
    assert "Bedoelde je: talking-stick" in fout.value.bericht


def test_er_is_een_vouwfunctie(kennisbank) -> None:
    from lerend_netwerk import tekst
    from lerend_netwerk.kennisbank import filter_werkvormen
    from lerend_netwerk.zoeken import vouwen

    assert vouwen.vouw_woorden is tekst.vouw_woorden
    assert not hasattr(vouwen, "vouw")
    assert tekst.vouw("Ideeënmuur, collega's!") == "ideeenmuur, collega's!"
    assert tekst.vouw_woorden("Ideeënmuur, collega's!") == "ideeenmuur collegas"
    assert [w.id for w in filter_werkvormen(kennisbank, zoek="IDEEËNMUUR!")] == ["ideeenmuur"]


def test_ruff_vindt_niets() -> None:
    """CI runs `ruff check .` before the tests (README, .ci/run); this says it in the test run too."""
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    uit = subprocess.run([str(ruff), "check", "."], cwd=Path(__file__).parents[1], capture_output=True, text=True)
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_init_weigert_een_te_lange_naam_meteen(capsys, tmp_path: Path) -> None:
    from lerend_netwerk.statusbestand import te_lang

    code, _, err = ln_op(capsys, "init", "--naam", "b" * 300, "--geen-vragen")
    assert code == 2 and "--naam: dit is 300 tekens lang" in err
    assert not (tmp_path / "netwerk.yaml").exists()
    assert te_lang("b" * 300) and te_lang("LN Zuilen") is None


def test_ln_netwerk_weigert_een_te_lange_naam(capsys, netwerk: Path) -> None:
    code, _, err = ln_op(capsys, "netwerk", "--naam", "c" * 250)
    assert code == 2 and "--naam: dit is 250 tekens lang" in err
    assert netwerk.read_text(encoding="utf-8") == NETWERK


# --- the readers never end in a traceback ----------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_de_klok_leest_elke_tekst_zonder_fout(tekst: str) -> None:
    from lerend_netwerk import klok

    gelezen = klok.minuten(tekst)
    assert gelezen is None or (0 <= gelezen < 24 * 60 and klok.minuten(klok.als_tekst(gelezen)) == gelezen)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_een_fase_lezen_geeft_een_fase_of_een_lnfout(tekst: str) -> None:
    from lerend_netwerk.kennisbank import FASE_IDS, fase_id

    try:
        assert fase_id(tekst) in FASE_IDS
    except LnFout as fout:
        assert fout.exit_code == 2


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_vouwen_en_suggesties_kunnen_alles_aan(tekst: str) -> None:
    from lerend_netwerk import tekst as t

    assert t.vouw_woorden(t.vouw_woorden(tekst)) == t.vouw_woorden(tekst)
    assert isinstance(t.suggestie(tekst, ["talking-stick", "contract"]), str)
