"""Never a broken file: a lock across read-modify-write, an atomic replace, the previous version kept as `.bak`.

A writer holds `PAD.lock` (filelock: `flock` on Unix, `msvcrt` on Windows)
for up to a minute. New bytes go to a hidden temp file in the same folder,
are flushed and fsynced, get the old file's permissions, and `os.replace`
puts them in place; the folder is fsynced on POSIX. A process killed at any
point leaves the old or the new file.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lerend_netwerk.fouten import LnFout

SLOT_WACHTTIJD = 60.0  # seconds a writer waits for another one to finish


def echt_pad(pad: Path) -> Path:
    """The file a path really names, links followed.

    Locking, the backup and the replace all happen on it: a state file that is
    a link (netwerk.yaml -> echt/n.yaml) stays a link and the real file gets the
    change, and two links to one file take the same lock.
    """
    return Path(os.path.realpath(pad))


@contextmanager
def vergrendeld(pad: Path) -> Iterator[None]:
    """Hold `PAD.lock` while reading, changing and writing, so writers take turns."""
    from filelock import FileLock, Timeout

    slot = FileLock(f"{pad}.lock", timeout=SLOT_WACHTTIJD)
    try:
        slot.acquire()
    except Timeout:
        raise LnFout(
            f"het statusbestand is al {SLOT_WACHTTIJD:.0f} seconden in gebruik door een ander ln-programma",
            bestand=pad,
            advies="wacht tot dat klaar is en probeer het opnieuw; er is niets veranderd.",
        ) from None
    except OSError as fout:
        raise LnFout(
            f"het statusbestand kan niet vergrendeld worden ({fout.strerror})",
            bestand=pad,
            advies="kijk of je in deze map mag schrijven; er is niets veranderd.",
        ) from None
    try:
        yield
    finally:
        slot.release()


def schrijf_atomair(pad: Path, tekst: str, *, bom: bool = False, vorige: bytes | None = None) -> None:
    """Replace the file in one step; a crash leaves the old or the new file, never a mix.

    `vorige` (the old bytes) is kept as PAD.bak first.
    """
    try:
        if vorige is not None:
            _vervang_door(pad.with_name(pad.name + ".bak"), vorige, _modus(pad))
        _vervang_door(pad, als_bytes(tekst, bom), _modus(pad))
    except OSError as fout:
        raise LnFout(
            f"het statusbestand kan niet geschreven worden ({fout.strerror or fout})",
            bestand=pad,
            advies="kijk of je in deze map mag schrijven en of het bestand niet elders open staat; "
            "het oude bestand is onveranderd.",
        ) from None


def als_bytes(tekst: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + tekst.encode("utf-8")


def _modus(pad: Path) -> int:
    try:
        return os.stat(pad).st_mode & 0o777
    except OSError:
        masker = os.umask(0)
        os.umask(masker)
        return 0o666 & ~masker


def _vervang_door(doel: Path, inhoud: bytes, modus: int) -> None:
    map_ = doel.parent
    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=f".{doel.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as uit:
            uit.write(inhoud)
            uit.flush()
            os.fsync(uit.fileno())
        os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, doel)
    except BaseException:
        try:
            os.unlink(tijdelijk)
        except OSError:
            pass
        raise
    _fsync_map(map_)


def _fsync_map(map_: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(map_ or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
