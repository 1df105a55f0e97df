"""Never a broken file: a lock across read-modify-write, an atomic replace, the previous version kept as `.bak`.

A writer holds `PAD.lock` (filelock: `flock` on Unix, `msvcrt` on Windows)
for up to a minute; the replace itself is `bestanden.vervang_atomair`.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lerend_netwerk.bestanden import ALLEEN_LEZEN, controleer_vervangbaar, modus_voor, vervang_atomair
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
    bak = pad.with_name(pad.name + ".bak")
    try:
        controleer_vervangbaar(pad)  # both checked before either is written: a refusal changes nothing
        if vorige is not None:
            controleer_vervangbaar(bak)
            vervang_atomair(bak, vorige, modus_voor(pad))
        vervang_atomair(pad, als_bytes(tekst, bom))
    except OSError as fout:
        if fout.strerror == ALLEEN_LEZEN:
            advies = (f"maak het eerst schrijfbaar (chmod u+w {fout.filename}) als ln het mag aanpassen; "
                      "er is niets veranderd.")
        else:
            advies = ("kijk of je in deze map mag schrijven en of het bestand niet elders open staat; "
                      "het oude bestand is onveranderd.")
        raise LnFout(
            f"het statusbestand kan niet geschreven worden ({fout.strerror or fout})", bestand=pad, advies=advies
        ) from None


def als_bytes(tekst: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + tekst.encode("utf-8")
