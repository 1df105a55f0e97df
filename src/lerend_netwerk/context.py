"""The one place the environment is read: where the state file, the library and the cache are, and what day it is.

The CLI builds a `Context` once per call (`Context.uit_omgeving`, from the
environment and the command's own options) and passes it into the core; no
other module reads `LN_*` variables, `HOME` or the clock. A test builds one on
a temporary folder (`Context(netwerk=tmp / "netwerk.yaml", ...)`), with any
`vandaag` it likes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import NamedTuple

NETWERK_OMGEVING = "LN_NETWERK"
BIBLIOTHEEK_OMGEVING = "LN_BIBLIOTHEEK"
STANDAARD_NETWERK = Path("netwerk.yaml")


class Context(NamedTuple):
    netwerk: Path = STANDAARD_NETWERK  # the state file
    bibliotheek: Path | None = None  # the user's own library (a folder or one file)
    cache: Path | None = None  # the cache folder; None: no cache
    vandaag: date = date.min  # today, for every rule that needs it

    @classmethod
    def uit_omgeving(
        cls,
        *,
        netwerk: Path | None = None,
        bibliotheek: Path | None = None,
        omgeving: Mapping[str, str] | None = None,
        vandaag: date | None = None,
    ) -> Context:
        """Options first, then `LN_NETWERK`/`LN_BIBLIOTHEEK`/`LN_CACHE`, then the defaults. Never raises."""
        from lerend_netwerk.cache import cache_map

        omgeving = os.environ if omgeving is None else omgeving
        if netwerk is None:
            netwerk = _pad(omgeving.get(NETWERK_OMGEVING)) or STANDAARD_NETWERK
        if bibliotheek is None:
            bibliotheek = _pad(omgeving.get(BIBLIOTHEEK_OMGEVING))
        return cls(
            netwerk=netwerk,
            bibliotheek=bibliotheek,
            cache=cache_map(omgeving),
            vandaag=date.today() if vandaag is None else vandaag,
        )

    def met(self, *, netwerk: Path | None = None, bibliotheek: Path | None = None) -> Context:
        """This context with a command's own --netwerk/--bibliotheek, where given."""
        wijziging = {}
        if netwerk is not None:
            wijziging["netwerk"] = netwerk
        if bibliotheek is not None:
            wijziging["bibliotheek"] = bibliotheek
        return self._replace(**wijziging) if wijziging else self


def _pad(waarde: str | None) -> Path | None:
    waarde = (waarde or "").strip()
    return Path(waarde) if waarde else None
