"""Reading the state file: from the cache when these exact bytes were read (or written) before, else parsed and checked."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from lerend_netwerk.netwerk import Netwerk
from lerend_netwerk.statusbestand.controle import netwerk_uit_data
from lerend_netwerk.statusbestand.meldingen import ADVIES, geen_bestand, weiger_map
from lerend_netwerk.statusbestand.onthouden import in_cache, uit_cache


class Statusbestand:
    """One reading of the file: the checked model, the raw data (with lines) and the exact text.

    From the cache, `data` stays pickled until a writer asks for it: a reader
    needs only the `Netwerk`, and unpickling the data would import PyYAML.
    """

    def __init__(self, pad: Path, netwerk: Netwerk, inhoud: bytes, data: Any = None, ingepakt: bytes | None = None):
        self.pad = pad
        self.netwerk = netwerk
        self.inhoud = inhoud
        self._data = data
        self._ingepakt = ingepakt

    @cached_property
    def data(self) -> Any:
        if self._ingepakt is None:
            return self._data
        import pickle

        with zonder_gc():
            return pickle.loads(self._ingepakt)  # noqa: S301 - our own file in the user's own cache

    @cached_property
    def tekst(self) -> str:
        return self.inhoud.decode("utf-8-sig")

    @property
    def bom(self) -> bool:
        return self.inhoud.startswith(codecs.BOM_UTF8)


def lees_netwerk(pad: Path) -> Netwerk:
    """Read and check the state file."""
    return lees_statusbestand(pad).netwerk


def lees_netwerk_met_tekst(pad: Path) -> tuple[Netwerk, str]:
    """The checked network and the file's text exactly as it is (BOM removed)."""
    gelezen = lees_statusbestand(pad)
    return gelezen.netwerk, gelezen.tekst


def lees_statusbestand(pad: Path, *, onthoud: bool = True) -> Statusbestand:
    """Read the file; a file read (or written) before with exactly these bytes comes from the cache.

    `onthoud=False`: do not keep a new reading in the cache (a writer is about to replace it).
    """
    pad = Path(pad)
    inhoud = lees_bytes(pad)
    bewaard = uit_cache(pad, inhoud)
    if bewaard is not None:
        return Statusbestand(pad, bewaard[0], inhoud, ingepakt=bewaard[1])
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    with zonder_gc():
        data = lees_yaml_bytes(inhoud, str(pad), ADVIES)
        netwerk = netwerk_uit_data(data, str(pad))
    if onthoud:
        in_cache(pad, inhoud, data, netwerk)
    return Statusbestand(pad, netwerk, inhoud, data=data)


def lees_bytes(pad: Path) -> bytes:
    from lerend_netwerk.bestanden import Onleesbaar, lees_begrensd

    weiger_map(pad)
    try:
        return lees_begrensd(pad)
    except Onleesbaar as fout:
        raise geen_bestand(pad, f"dit kan geen statusbestand zijn: {fout.strerror}") from None
    except FileNotFoundError:
        raise geen_bestand(pad) from None
    except IsADirectoryError:  # pragma: no cover - weiger_map saw it first, unless it just became one
        raise geen_bestand(pad, "dit is een map, geen bestand") from None
    except OSError as fout:
        raise geen_bestand(pad, f"het statusbestand kan niet gelezen worden ({fout.strerror})") from None


@contextmanager
def zonder_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while PyYAML builds thousands of objects.

    None of them form cycles; the collector would only scan them again and again
    while they are being made (about 20% of the parse time of a long file).
    """
    import gc

    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
