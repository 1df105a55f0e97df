"""Dutch to the corner (issue 13): no English left in help, errors and questions, and messages that
say enough: what is missing, which help to read, which range is allowed, how to reach either `ln`."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest

from lerend_netwerk import entry
from lerend_netwerk.entry import EIGEN_OPDRACHTEN
from terminal import start_in_terminal

ENGELS = re.compile(r"<str>|<int>|\{[A-Z_]+\}|<=x|x<=|\bShow\b|\bUsage\b|\bdefault\b|\brequired\b|\bInstall\b")


@pytest.mark.parametrize("opdracht", ["", *sorted(EIGEN_OPDRACHTEN)])
def test_hulpteksten_zonder_engels(ln, opdracht: str) -> None:
    uit = ln(*([opdracht] if opdracht else []), "--help")
    assert uit.code == 0
    assert not ENGELS.findall(uit.out), ENGELS.findall(uit.out)


def test_een_bereik_in_woorden(ln) -> None:
    assert "AANTAL [0 t/m 1000]" in ln("bijeenkomst", "--help").out
    uit = ln("bijeenkomst", "--aanwezig", "-3")
    assert uit.code == 2
    assert "-3 kan niet bij '--aanwezig': kies 0 t/m 1000." in uit.err
    assert "buiten wat kan" not in uit.err


def test_een_verplicht_argument_heet_zonder_accolades(ln) -> None:
    hulp = ln("werkvorm", "--help").out
    assert "Gebruik: ln werkvorm [OPTIES] ID" in hulp and "{ID}" not in hulp


def test_werkvorm_zonder_id_zegt_wat_er_ontbreekt(ln) -> None:
    uit = ln("werkvorm")
    assert uit.code == 2
    assert "Fout: 'ID' ontbreekt: het id van de werkvorm, zoals 'talking-stick'." in uit.err
    assert "WERKVORM_ID" not in uit.err and "Er ontbreekt iets" not in uit.err


@pytest.mark.parametrize(("args", "hulp"), [(["agenda", "--duur"], "ln agenda --help"),
                                            (["valkuil", "--fase"], "ln valkuil --help")])
def test_de_verwijzing_naar_hulp_noemt_de_opdracht(ln, args, hulp) -> None:
    uit = ln(*args)
    assert uit.code == 2
    assert f"kijk bij '{hulp}' wat kan." in uit.err


def test_systeemfouten_in_het_nederlands(ln, tmp_path: Path, monkeypatch) -> None:
    eigen = tmp_path / "mijn.yaml"
    eigen.write_text("werkvormen: []\n", encoding="utf-8")
    origineel = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "mijn.yaml":
            raise PermissionError(13, os.strerror(13))
        return origineel(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    uit = ln("werkvormen", "--bibliotheek", str(eigen))
    assert uit.code == 2
    assert "(geen toestemming)" in uit.err
    assert os.strerror(13) not in uit.err


def test_tab_aanvullen_installeren_in_het_nederlands(ln, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("SHELL", "/bin/bash")
    uit = ln("--install-completion", "bash")
    assert uit.code == 0, uit.err
    assert "Aanvullen met Tab voor bash staat nu in" in uit.out
    assert "Het werkt zodra je een nieuwe terminal opent." in uit.out
    assert "completion installed" not in uit.out + uit.err and "restart" not in uit.out


def test_vragen_geven_hun_hint_een_keer_en_eindigen_in_het_nederlands(tmp_path: Path) -> None:
    """The checklist of `ln bijeenkomst`: one hint, and an answer line without 'done (N selections)'."""
    (tmp_path / "netwerk.yaml").write_text("naam: LN Zuilen\nfase: verkenning\n", encoding="utf-8")
    kind = start_in_terminal(tmp_path, "bijeenkomst")
    kind.expect("Datum van de bijeenkomst")
    kind.send("\r")  # the default: today
    kind.expect("Welke werkvormen deden jullie?")
    kind.expect("spatie om te kiezen")
    vraag = kind.before
    kind.send(" ")
    kind.send("\x1b[B")
    kind.send(" ")
    kind.send("\r")
    kind.expect("Hoeveel deelnemers waren er?")
    antwoord = kind.before
    kind.send("5\r")
    kind.expect("Notitie")
    kind.send("\r")
    kind.expect("afspraak voor de volgende keer")  # issue 10: what was agreed, and the contract
    kind.send("\r")
    kind.expect("contract gemaakt")
    kind.send("n\r")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0, kind.before
    assert "spatie kiest" not in vraag and "(spatie" not in vraag
    assert "2 gekozen: Kennismakingsoefening (kennismakingsoefening), Oefening: De teletijdmachine" in antwoord
    assert "selections" not in antwoord and "done" not in antwoord


def _ln_main(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["ln", *args])
    with pytest.raises(SystemExit) as klaar:
        entry.ln_main()
    return klaar.value.code


def test_een_bestand_met_de_naam_van_een_opdracht_zegt_hoe_je_het_systeem_ln_bereikt(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    (tmp_path / "fasen").write_text("", encoding="utf-8")
    assert _ln_main(monkeypatch, "fasen", "link") == 2
    err = capsys.readouterr().err
    assert "er staat hier ook een bestand 'fasen'" in err
    assert "'ln -- fasen link'" in err and "'ln fasen --help'" in err


def test_een_bestand_dat_op_een_opdracht_lijkt_gaat_naar_het_systeem_ln_met_uitleg(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """`ln agend` with a file 'agend': the system's ln gets it; when that fails, say how to reach ours."""
    (tmp_path / "agend").write_text("", encoding="utf-8")
    aangeroepen = []
    monkeypatch.setattr(entry, "systeem_ln", lambda: "/usr/bin/ln")
    monkeypatch.setattr("subprocess.call", lambda cmd: aangeroepen.append(cmd) or 1)
    monkeypatch.setattr(os, "execv", lambda *a: pytest.fail("exec'ed without a word of explanation"))
    assert _ln_main(monkeypatch, "agend") == 1
    assert aangeroepen == [["/usr/bin/ln", "agend"]]
    err = capsys.readouterr().err
    assert "'agend' is hier een bestand" in err and "'ln agenda'" in err and "lerend-netwerk agenda" in err
    # when the system's ln succeeds, nothing is added
    monkeypatch.setattr("subprocess.call", lambda cmd: 0)
    assert _ln_main(monkeypatch, "agend", "nieuw") == 0
    assert capsys.readouterr().err == ""
