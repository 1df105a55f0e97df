"""A small on-disk cache for results that are slow to compute and cheap to check.

Parsing YAML is the slow part of every start (PyYAML's C loader still builds
every object in Python: ~135 ms for a library of 1,000 work forms). A result
is stored with a key made of the exact bytes it was computed from and of the
code that computed it (ours and the installed versions of the libraries that
shape the result); a different key is a miss. The cache is a convenience:
a missing, broken or unwritable cache only costs time, never correctness.

Where: decided once, by `cache_map` (called when the CLI builds its
`Context`): $LN_CACHE, else the platform's cache folder; `LN_CACHE=uit`, or no
usable home folder at all, turns it off. See docs/cache.md.
"""

from __future__ import annotations

try:  # blake2 without loading OpenSSL through hashlib: 3-4 ms of every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python implementation
    from hashlib import blake2b
import os
import pickle
import sys
from collections.abc import Iterable, Mapping
from functools import cache as _eenmalig
from pathlib import Path

from lerend_netwerk import __version__

UIT = ("uit", "off", "0")
# The libraries whose version changes what we store: the YAML reader, the stemmer
# and the fuzzy matcher of the search index.
_BIBLIOTHEKEN = ("yaml", "Stemmer", "rapidfuzz")

_gekozen: list[Path | None] = []  # the folder the CLI chose for this run (see `gebruik`)


def cache_map(omgeving: Mapping[str, str] | None = None) -> Path | None:
    """The cache folder for this environment, or None (off). Never raises.

    $LN_CACHE, else the platform's user cache folder ($XDG_CACHE_HOME, else
    ~/.cache on Linux; ~/Library/Caches on macOS; %LOCALAPPDATA% on Windows).
    A home folder that is unset, empty, relative or `/` (containers, CI, a user
    id without a passwd entry) means no cache rather than a cache in `/.cache`.
    """
    omgeving = os.environ if omgeving is None else omgeving
    instelling = omgeving.get("LN_CACHE", "").strip()
    if instelling.lower() in UIT:
        return None
    if instelling:
        return Path(instelling)
    basis = _platform_cache(omgeving)
    return None if basis is None else basis / "lerend-netwerk"


def _bruikbaar(pad: str | None) -> Path | None:
    if not pad or not os.path.isabs(pad) or Path(pad) == Path(Path(pad).anchor):
        return None
    return Path(pad)


def _thuis(omgeving: Mapping[str, str]) -> Path | None:
    if "HOME" in omgeving:
        return _bruikbaar(omgeving["HOME"])
    if os.name == "nt":
        return _bruikbaar(omgeving.get("USERPROFILE"))
    try:
        import pwd

        return _bruikbaar(pwd.getpwuid(os.getuid()).pw_dir)
    except (ImportError, KeyError, OSError):
        return None


def _platform_cache(omgeving: Mapping[str, str]) -> Path | None:
    if os.name == "nt":
        return _bruikbaar(omgeving.get("LOCALAPPDATA"))
    xdg = _bruikbaar(omgeving.get("XDG_CACHE_HOME", "").strip())
    if xdg is not None:
        return xdg
    thuis = _thuis(omgeving)
    if thuis is None:
        return None
    return thuis / ("Library/Caches" if sys.platform == "darwin" else ".cache")


def gebruik(map_: Path | None) -> None:
    """Set the folder for this run (the CLI does it once, from its `Context`)."""
    _gekozen[:] = [map_]


def vergeet() -> None:
    """After the run: the folder is decided from the environment again."""
    _gekozen.clear()


def _map() -> Path | None:
    return _gekozen[0] if _gekozen else cache_map()


@_eenmalig
def _code_vingerafdruk() -> bytes:
    """Every module of the package and the libraries that shape the results: any change is a miss."""
    delen = [__version__, sys.version, *_modules(os.path.dirname(__file__)), *_bibliotheek_versies()]
    return "|".join(delen).encode()


def _modules(map_: str) -> list[str]:
    """Each module below `map_` with its size and modification time, in a fixed order.

    os.walk and os.stat, not pathlib's rglob and stat: half the time, ~2 ms of every start."""
    delen = []
    for waar, mappen, namen in os.walk(map_):
        mappen[:] = sorted(m for m in mappen if m != "__pycache__")
        deel = os.path.relpath(waar, map_)
        for naam in sorted(n for n in namen if n.endswith(".py")):
            stat = os.stat(os.path.join(waar, naam))
            delen.append(f"{os.path.join(deel, naam)}:{stat.st_size}:{stat.st_mtime_ns}")
    return delen


def _bibliotheek_versies() -> list[str]:
    """Each library's installed version (its dist-info folder) and its module file, without importing it."""
    from importlib.util import find_spec

    delen = []
    for module in _BIBLIOTHEKEN:
        try:
            spec = find_spec(module)
            bron = Path(spec.origin) if spec is not None and spec.origin else None
        except (ImportError, ValueError):
            bron = None
        if bron is None:
            delen.append(f"{module}:-")
            continue
        try:
            stat = bron.stat()
            delen.append(f"{module}:{bron}:{stat.st_size}:{stat.st_mtime_ns}")
            naam = module.lower()
            # a package's dist-info sits beside its folder, a one-file module's beside the file
            map_ = bron.parent.parent if bron.stem == "__init__" else bron.parent
            delen.extend(sorted(d for d in os.listdir(map_) if d.endswith(".dist-info") and naam in d.lower()))
        except OSError:
            delen.append(f"{module}:{bron}")
    return delen


def inhoudssleutel(inhoud: Iterable[bytes]) -> str:
    """A key of these bytes alone, the same on every machine and Python (for what is shipped prebuilt)."""
    h = blake2b(digest_size=20)
    for stuk in inhoud:
        h.update(len(stuk).to_bytes(8, "little"))
        h.update(stuk)
    return h.hexdigest()


def sleutel(inhoud: Iterable[bytes]) -> str:
    """A key for a result computed from these bytes by this version of the code."""
    h = blake2b(_code_vingerafdruk(), digest_size=20)
    for stuk in inhoud:
        h.update(len(stuk).to_bytes(8, "little"))
        h.update(stuk)
    return h.hexdigest()


def bestandsnaam(delen: Iterable[bytes]) -> str:
    """A short, stable name for a cache file: the same for every version of the code, so
    an upgrade overwrites the file instead of adding one."""
    h = blake2b(digest_size=8)
    for stuk in delen:
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
    import tempfile  # only a miss writes (start-up)

    tijdelijk = None
    try:
        map_.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=map_, prefix=f".{naam}.", delete=False) as tijdelijk:
            pickle.dump(nieuwe_sleutel, tijdelijk, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(waarde, tijdelijk, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tijdelijk.name, map_ / f"{naam}.pickle")
    except (OSError, pickle.PicklingError, RecursionError):
        if tijdelijk is not None:
            try:
                os.unlink(tijdelijk.name)
            except OSError:
                pass
