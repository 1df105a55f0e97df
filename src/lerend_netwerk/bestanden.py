"""Replacing a file in one step: the one way this tool writes a file the user keeps.

New bytes go to a hidden temp file in the same folder, are flushed and
fsynced, get the mode of the file they replace (a new file the usual 0o666
minus the umask, not mkstemp's 0o600), and `os.replace` puts them in place;
the folder is fsynced on POSIX. A process killed at any point leaves the old
or the new file, never a mix.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

# A state file or library file is text a person writes: 500 meetings are ~92 KB.
# Anything near this size is not one (and `/dev/zero` would never end).
MAX_GROOTTE = 8 * 1024 * 1024


class Onleesbaar(OSError):
    """A file that is no ordinary file, or too large to be one of ours; `strerror` is Dutch."""


def lees_begrensd(pad: Path, grens: int = MAX_GROOTTE) -> bytes:
    """The bytes of an ordinary file of at most `grens` bytes.

    A device, pipe or socket (`/dev/zero`, `/dev/null`) is refused before it is
    opened (only an ordinary file has an end), and one over `grens` bytes before
    it is read, so nothing can hang or fill the memory. Raises OSError
    (`Onleesbaar` with a Dutch `strerror`).
    """
    import stat as _stat

    info = os.stat(pad)
    if _stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "dit is een map, geen bestand", str(pad))
    if not _stat.S_ISREG(info.st_mode):
        raise Onleesbaar(errno.EINVAL, "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp)", str(pad))
    te_groot = Onleesbaar(
        errno.EFBIG, f"het bestand is groter dan {grens // (1024 * 1024)} MB; dat is geen bestand van ln", str(pad)
    )
    if info.st_size > grens:
        raise te_groot
    inhoud = Path(pad).read_bytes()
    if len(inhoud) > grens:  # it grew in between
        raise te_groot
    return inhoud


ALLEEN_LEZEN = "het bestand is alleen-lezen"
ANDERE_EIGENAAR = "het bestand is van een andere gebruiker"


def controleer_vervangbaar(doel: Path) -> tuple[int, int] | None:
    """Refuse (PermissionError, Dutch) what may not be replaced; return the owner to keep, if any.

    Replacing a file is a rename, which the folder allows even when the file is
    read-only, and the new file belongs to whoever runs the command. So a file
    without write permission (chmod 444) is refused, also for root, and a file of
    another user keeps its owner (root can do that) or is refused.
    """
    try:
        stat = os.stat(doel)
    except OSError:
        return None
    if not stat.st_mode & 0o222 or not os.access(doel, os.W_OK):
        raise PermissionError(errno.EACCES, ALLEEN_LEZEN, str(doel))
    if not hasattr(os, "geteuid"):
        return None
    eigenaar = (stat.st_uid, stat.st_gid)
    if eigenaar == (os.geteuid(), os.getegid()):
        return None
    if os.geteuid() != 0 and stat.st_uid != os.geteuid():
        raise PermissionError(errno.EPERM, ANDERE_EIGENAAR, str(doel))
    return eigenaar


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
    eigenaar = controleer_vervangbaar(doel)
    modus = modus_voor(doel) if modus is None else modus
    map_ = doel.parent
    fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=f".{doel.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as uit:
            uit.write(inhoud)
            uit.flush()
            os.fsync(uit.fileno())
        if eigenaar is not None:
            os.chown(tijdelijk, *eigenaar)
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
