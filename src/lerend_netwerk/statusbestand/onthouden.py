"""The state cache: a reading (or a write) kept in the user's cache folder, keyed by the file's exact bytes.

The parsed data and the checked `Netwerk` are stored as pickled bytes inside
the cache's own pickle, so a miss costs reading bytes, not rebuilding hundreds
of stale meetings. The key also holds the size and mtime of the code that
reads, checks and writes the file: a change there is a miss. The cache and
pickle are imported only when used, like everything not needed at start-up.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lerend_netwerk.netwerk import Netwerk

_PAKKET = Path(__file__).parent
_BUITEN = ("netwerk.py", "yamlbron.py", "velden.py")  # besides every module of this package


def _code() -> bytes:
    paden = sorted(p for p in _PAKKET.iterdir() if p.suffix == ".py") + [_PAKKET.parent / n for n in _BUITEN]
    return "|".join(f"{p.name}:{s.st_size}:{s.st_mtime_ns}" for p in paden for s in [p.stat()]).encode()


def _plek(pad: Path, inhoud: bytes) -> tuple[str, str]:
    """One cache file per state file; the key: its exact bytes and the code that checked them."""
    from lerend_netwerk import cache
    from lerend_netwerk.cache import blake2b

    naam = "netwerk-" + blake2b(os.fsencode(os.path.abspath(pad)), digest_size=8).hexdigest()
    return naam, cache.sleutel([inhoud, _code()])


def uit_cache(pad: Path, inhoud: bytes) -> tuple[Netwerk, bytes] | None:
    """The checked network, and the parsed data still pickled; None on a miss."""
    import pickle

    from lerend_netwerk import cache

    bewaard = cache.lees(*_plek(pad, inhoud))
    if not (isinstance(bewaard, tuple) and len(bewaard) == 2 and all(isinstance(b, bytes) for b in bewaard)):
        return None
    try:
        netwerk = pickle.loads(bewaard[0])  # noqa: S301 - our own file in the user's own cache
    except Exception:  # noqa: BLE001 - a broken cache is just a miss
        return None
    return (netwerk, bewaard[1]) if isinstance(netwerk, Netwerk) else None


def in_cache(pad: Path, inhoud: bytes, data: Any, netwerk: Netwerk) -> None:
    import pickle

    from lerend_netwerk import cache

    ingepakt = tuple(pickle.dumps(waarde, protocol=pickle.HIGHEST_PROTOCOL) for waarde in (netwerk, data))
    cache.schrijf(*_plek(pad, inhoud), ingepakt)
