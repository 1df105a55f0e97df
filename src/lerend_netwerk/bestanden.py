"""Replacing a file in one step: the one way this tool writes a file the user keeps.

New bytes go to a hidden temp file in the same folder, are flushed and
fsynced, get the mode of the file they replace (a new file the usual 0o666
minus the umask, not mkstemp's 0o600), and `os.replace` puts them in place;
the folder is fsynced on POSIX. A process killed at any point leaves the old
or the new file, never a mix.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def modus_voor(pad: Path) -> int:
    """The mode an (over)written file should get."""
    try:
        return os.stat(pad).st_mode & 0o777
    except OSError:
        masker = os.umask(0)
        os.umask(masker)
        return 0o666 & ~masker


def vervang_atomair(doel: Path, inhoud: bytes, modus: int | None = None) -> None:
    """Write `inhoud` to `doel` atomically. Raises OSError; the caller says it in Dutch."""
    modus = modus_voor(doel) if modus is None else modus
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


def schrijf_uitvoer(pad: Path, inhoud: bytes) -> None:
    """Write an output file the user asked for (a page, a calendar): atomically, with a Dutch error."""
    from lerend_netwerk.fouten import LnFout

    try:
        vervang_atomair(pad.expanduser().resolve(), inhoud)
    except OSError as fout:
        raise LnFout(f"kan dit bestand niet schrijven ({fout.strerror or fout})", bestand=pad,
                     advies="kies een plek waar je mag schrijven.") from None
