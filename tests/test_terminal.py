"""Questions in a real terminal (a pty), answered the way a kartrekker would: in Dutch."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

NETWERK = "naam: LN Zuilen\nfase: verkenning\n"


def _start(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(LN_NETWERK=str(tmp_path / "netwerk.yaml"), TERM="xterm", COLUMNS="100", LINES="40", PROMPT_TOOLKIT_NO_CPR="1")
    return pexpect.spawn(sys.executable, ["-m", "lerend_netwerk", *args], cwd=str(tmp_path), env=env,
                         encoding="utf-8", timeout=20, dimensions=(40, 100))


def test_fase_volgende_vraagt_in_het_nederlands_en_j_is_ja(tmp_path: Path) -> None:
    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    kind = _start(tmp_path, "fase", "volgende")
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
    kind = _start(tmp_path, "fase", "volgende")
    kind.expect(r"\(j of n")
    kind.send("n\r")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 1
    assert (tmp_path / "netwerk.yaml").read_text(encoding="utf-8") == NETWERK
    assert "(y/N)" not in kind.before
