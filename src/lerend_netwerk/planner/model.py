"""What the planner takes and gives: the options, the agenda and its items, and the `--json` contract.

NamedTuples for the start-up time of `ln agenda`, like the state's types (netwerk.py).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from lerend_netwerk.planner.tijd import STANDAARD_DUUR


class AgendaOpties(NamedTuple):
    duur: int = STANDAARD_DUUR
    start: str | None = None  # "HH:MM"; None: the network's usual time, or STANDAARD_START
    seed: int | None = None  # None: derived from the state (the number of meetings)
    wissel: tuple[int, ...] = ()  # item numbers (1 = the opening) to swap for an alternative
    werkvormen: tuple[str, ...] = ()  # forced in
    zonder: tuple[str, ...] = ()  # kept out
    fase: str | None = None  # plan for another phase than the state's
    datum: date | None = None  # the meeting's date: meetings on or after it do not count
    plaats: str | None = None  # where the meeting is, for the handout
    barometer: object | None = None  # barometer.BarometerAdvies: measure now? which dimension needs work?


class Onderdeel(NamedTuple):
    start: str  # "HH:MM"
    duur: int  # minutes
    titel: str
    werkvorm: str | None  # the work form's id; None for opening, break and closing
    bron: str | None  # the reference, as the Handreiking gives it
    waarom: str
    soort: str  # opening | werkvorm | pauze | afsluiting
    toelichting: str | None = None  # what happens, in a sentence (for the handout)


class Agenda(NamedTuple):
    netwerk: str
    fase: str  # phase id
    fase_naam: str
    duur: int  # the whole meeting, as asked
    start: str  # "HH:MM"
    eind: str  # "HH:MM": start + duur
    start_bron: str  # "optie" | "statusbestand" | "standaard"
    datum: date | None
    seed: int
    onderdelen: tuple[Onderdeel, ...]
    materialen: tuple[str, ...]
    voorbereiding: tuple[str, ...]
    meldingen: tuple[str, ...]
    doel: str = ""  # the meeting's goal, in one or two plain sentences
    thema: str | None = None  # the speerpunt as in the state
    gezamenlijk_leerdoel: str | None = None
    kartrekker: str | None = None
    rollen: tuple[tuple[str, str], ...] = ()  # (role, participant's name); the kartrekker is not listed
    neem_mee: tuple[str, ...] = ()  # what participants bring (for the handout)
    afspraken: tuple[str, ...] = ()  # what was agreed last time, in the kartrekker's words
    plaats: str | None = None
    volgende: date | None = None  # the next meeting after this one, when the state has it planned
    gebruikt: tuple[str, ...] = ()  # the work forms this meeting uses, the closing's diary included

    @property
    def totaal(self) -> int:
        return sum(o.duur for o in self.onderdelen)

    @property
    def werkvormen(self) -> tuple[str, ...]:
        return tuple(o.werkvorm for o in self.onderdelen if o.werkvorm)

    def als_json(self) -> dict:
        """The `--json` contract (docs/planner.md): items have exactly these six keys."""
        return {
            "netwerk": self.netwerk,
            "datum": self.datum.isoformat() if self.datum else None,
            "fase": self.fase,
            "duur": self.duur,
            "start": self.start,
            "eind": self.eind,
            "seed": self.seed,
            "onderdelen": [_onderdeel_als_json(o) for o in self.onderdelen],
            "materialen": list(self.materialen),
            "voorbereiding": list(self.voorbereiding),
            "meldingen": list(self.meldingen),
            "doel": self.doel,
            "thema": self.thema,
            "rollen": [{"rol": rol, "naam": naam} for rol, naam in self.rollen],
        }


def _onderdeel_als_json(o: Onderdeel) -> dict:
    return {"start": o.start, "duur": o.duur, "titel": o.titel, "werkvorm": o.werkvorm, "bron": o.bron,
            "waarom": o.waarom}
