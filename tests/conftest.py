"""Shared fixtures: no test ever touches a real netwerk.yaml or library."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from lerend_netwerk.cli import run


@pytest.fixture(autouse=True)
def _schone_omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LN_NETWERK", str(tmp_path / "netwerk.yaml"))
    monkeypatch.delenv("LN_BIBLIOTHEEK", raising=False)
    monkeypatch.setenv("LN_CACHE", str(tmp_path / ".cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")


@dataclass
class Uitkomst:
    code: int
    out: str
    err: str


@pytest.fixture
def ln(capsys: pytest.CaptureFixture[str]):
    """Run `ln ARGS...` in-process; returns exit code, stdout and stderr."""

    def _ln(*args: str) -> Uitkomst:
        capsys.readouterr()
        code = run(list(args), prog_name="ln")
        captured = capsys.readouterr()
        return Uitkomst(code, captured.out, captured.err)

    return _ln


@pytest.fixture(scope="session")
def kennisbank():
    from lerend_netwerk.kennisbank import laad_kennisbank

    return laad_kennisbank()


DATA = Path(__file__).parent / "data"
