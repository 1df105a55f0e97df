"""Shared fixtures: no test ever touches a real netwerk.yaml or library."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lerend_netwerk import cache
from lerend_netwerk.cli import run

# The user's own cache folder, as the tool would pick it without LN_CACHE: no test
# may write there. Every cache write of this process is recorded (other programs
# on the machine may use that folder meanwhile, so its contents prove nothing).
# Then, before any test module is imported (some load the knowledge base at
# import time, and session fixtures run before the per-test environment), the
# whole session gets a cache folder of its own.
ECHTE_CACHE = cache.cache_map({k: v for k, v in os.environ.items() if k != "LN_CACHE"})
GESCHREVEN: set[Path | None] = set()
_schrijf = cache.schrijf


def _schrijf_en_onthoud(naam: str, sleutel: str, waarde: object) -> None:
    GESCHREVEN.add(cache._map())
    _schrijf(naam, sleutel, waarde)


cache.schrijf = _schrijf_en_onthoud
os.environ["LN_CACHE"] = tempfile.mkdtemp(prefix="ln-test-cache-")
atexit.register(shutil.rmtree, os.environ["LN_CACHE"], True)


@pytest.fixture(autouse=True)
def _schone_omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LN_NETWERK", str(tmp_path / "netwerk.yaml"))
    monkeypatch.delenv("LN_BIBLIOTHEEK", raising=False)
    monkeypatch.setenv("LN_CACHE", str(tmp_path / ".cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    yield
    assert ECHTE_CACHE not in GESCHREVEN, f"een test schreef in de echte cachemap {ECHTE_CACHE}"


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
