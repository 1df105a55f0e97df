"""`ln` in a real terminal (a pty), for the tests that answer its questions as a kartrekker would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect


def start_in_terminal(tmp_path: Path, *args: str, kolommen: int = 100, rijen: int = 40, **omgeving: str) -> pexpect.spawn:
    """`python -m lerend_netwerk ARGS` in a terminal of this size, in tmp_path, with the state file
    tmp_path/netwerk.yaml; colour allowed and no library of the user's, unless `omgeving` says otherwise."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LN_BIBLIOTHEEK")}
    env.update(LN_NETWERK=str(tmp_path / "netwerk.yaml"), TERM="xterm", COLUMNS=str(kolommen), LINES=str(rijen),
               PROMPT_TOOLKIT_NO_CPR="1", **omgeving)
    return pexpect.spawn(sys.executable, ["-m", "lerend_netwerk", *args], cwd=str(tmp_path), env=env,
                         encoding="utf-8", timeout=20, dimensions=(rijen, kolommen))


def klaar(kind: pexpect.spawn) -> int:
    """Wait for the end; the exit code."""
    kind.expect(pexpect.EOF)
    kind.close()
    return kind.exitstatus
