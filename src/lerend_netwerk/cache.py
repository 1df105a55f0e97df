"""A small on-disk cache for results that are slow to compute and cheap to check.

Parsing YAML is the slow part of every start (PyYAML's C loader still builds
every object in Python: ~135 ms for a library of 1,000 work forms). A result
is stored with a key made of the exact bytes it was computed from and of the
code that computed it; a different key is a miss. The cache is a convenience:
a missing, broken or unwritable cache only costs time, never correctness.

Where: $LN_CACHE, else $XDG_CACHE_HOME/lerend-netwerk, else ~/.cache/lerend-netwerk.
`LN_CACHE=uit` turns it off. See docs/cache.md.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lerend_netwerk import __version__



def _map() -> Path | None:
    instelling = os.environ.get("LN_CACHE", "").strip()
    if instelling.lower() in ("uit", "off", "0"):
        return None
    if instelling:
        return Path(instelling)
    basis = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(basis) if basis else Path.home() / ".cache") / "lerend-netwerk"


@functools.lru_cache(maxsize=1)  # the code does not change while the process runs; one look at the files
def _code_vingerafdruk() -> bytes:
    """Every module of the package: any code change is a miss, none can be forgotten."""
    hier = Path(__file__).parent
    delen = [__version__, sys.version]
    for pad in sorted(hier.rglob("*.py")):
        stat = pad.stat()
        delen.append(f"{pad.relative_to(hier)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(delen).encode()


def sleutel(inhoud: Iterable[bytes]) -> str:
    """A key for a result computed from these bytes by this version of the code."""
    h = hashlib.blake2b(_code_vingerafdruk(), digest_size=20)
    for stuk in inhoud:
        h.update(len(stuk).to_bytes(8, "little"))
        h.update(stuk)
    return h.hexdigest()


def lees(naam: str, verwachte_sleutel: str) -> object | None:
    map_ = _map()
    if map_ is None:
        return None
    try:
        with open(map_ / f"{naam}.pickle", "rb") as bestand:
            # The key is stored first, so a miss never unpickles a large value.
            if pickle.load(bestand) != verwachte_sleutel:  # noqa: S301 - our own file in the user's own cache
                return None
            return pickle.load(bestand)  # noqa: S301
    except Exception:  # noqa: BLE001 - any broken cache is just a miss
        return None


def schrijf(naam: str, nieuwe_sleutel: str, waarde: object) -> None:
    map_ = _map()
    if map_ is None:
        return
    try:
        map_.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=map_, prefix=f".{naam}.", delete=False) as tijdelijk:
            pickle.dump(nieuwe_sleutel, tijdelijk, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(waarde, tijdelijk, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tijdelijk.name, map_ / f"{naam}.pickle")
    except OSError:
        try:
            os.unlink(tijdelijk.name)
        except (OSError, UnboundLocalError):
            pass
