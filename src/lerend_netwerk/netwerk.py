"""The network's state: what the kartrekker recorded about their network.

Plain, immutable data. Reading and writing `netwerk.yaml` lives in
`statusbestand/`; judging progress against the Handreiking in `voortgang.py`.
NamedTuples, not frozen dataclasses: almost every command imports these, and
a frozen dataclass costs about a millisecond to create at every start (a
change is `netwerk._replace(fase=...)`).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

RV_IDS = ("commitment", "motivatie", "tijd", "budget")  # the four preconditions, in the Handreiking's order
RV_STATUSSEN = ("ja", "deels", "nee", "onbekend")
DEELNEMER_SOORTEN = ("kinderdagverblijf", "peutercentrum", "basisschool", "anders")
BIJEENKOMST_STATUSSEN = ("gehouden", "gepland")


class RvStatus(NamedTuple):
    """The state of one precondition (randvoorwaarde)."""

    status: str = "onbekend"
    toelichting: str | None = None

    @property
    def in_orde(self) -> bool:
        return self.status == "ja"


class Thema(NamedTuple):
    speerpunt: str | None = None
    ukk_hoofdstuk: int | None = None
    gezamenlijk_leerdoel: str | None = None


class Deelnemer(NamedTuple):
    naam: str
    organisatie: str | None = None
    soort: str | None = None
    leerdoel: str | None = None


class Bijeenkomst(NamedTuple):
    datum: date
    fase: str | None = None
    werkvormen: tuple[str, ...] = ()
    aanwezig: int | None = None
    notities: str | None = None
    status: str = "gehouden"  # "gepland": saved by `ln agenda --bewaar`, not yet held
    afwezig: tuple[str, ...] = ()  # participants' names
    afspraken: tuple[str, ...] = ()  # what was agreed for next time, in the kartrekker's words
    rollen: tuple[tuple[str, str], ...] = ()  # (role, participant's name), as planned with `--bewaar`
    plaats: str | None = None  # where the meeting is (planned) or was

    @property
    def gehouden(self) -> bool:
        return self.status == "gehouden"


class PlanBijeenkomst(NamedTuple):
    """One meeting of the long-term plan (`ln planning --bewaar`): its date, phase and the aims it works on."""

    datum: date
    fase: str
    doelen: tuple[str, ...] = ()  # aim ids of that phase


class Planning(NamedTuple):
    """The long-term plan under `planning:` in the state file."""

    gemaakt: date | None = None  # the day the plan was made
    bijeenkomsten: tuple[PlanBijeenkomst, ...] = ()


class Regels(NamedTuple):
    """Where ids stood in the file, for messages that name the line; not part of the network's meaning."""

    behaald: tuple[int | None, ...] = ()  # per id under `behaald`
    werkvormen: tuple[tuple[int | None, ...], ...] = ()  # per meeting, per work form
    bijeenkomsten: tuple[int | None, ...] = ()  # per meeting, the line of its `datum`


class Netwerk(NamedTuple):
    naam: str
    fase: str
    wijk: str | None = None
    kartrekker: str | None = None
    randvoorwaarden: dict[str, RvStatus] = {}  # shared by every default: the state is never changed in place
    thema: Thema = Thema()
    contract: date | None = None  # afspraken.contract
    deelnemers: tuple[Deelnemer, ...] = ()
    bijeenkomsten: tuple[Bijeenkomst, ...] = ()
    starttijd: str | None = None  # the network's usual start, "HH:MM"
    behaald: tuple[str, ...] = ()  # signal ids the kartrekker ticked off by hand
    planning: Planning | None = None  # the long-term plan (`ln planning --bewaar`), if any
    regels: Regels = Regels()  # the last field: == and != leave it out

    def __eq__(self, other: object) -> bool:
        """Equal facts; where they stood in the file (`regels`) is no part of the network's meaning."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self[:-1] == other[:-1]  # all but `regels`

    def __ne__(self, other: object) -> bool:
        gelijk = self.__eq__(other)
        return gelijk if gelijk is NotImplemented else not gelijk

    __hash__ = None  # it holds a dict

    def rv(self, rv_id: str) -> RvStatus:
        return self.randvoorwaarden.get(rv_id, RvStatus())

    @property
    def gehouden_bijeenkomsten(self) -> tuple[Bijeenkomst, ...]:
        """Meetings that took place, oldest first."""
        return tuple(sorted((b for b in self.bijeenkomsten if b.gehouden), key=lambda b: b.datum))

    @property
    def geplande_bijeenkomsten(self) -> tuple[Bijeenkomst, ...]:
        """Meetings saved as planned and not yet confirmed, soonest first."""
        return tuple(sorted((b for b in self.bijeenkomsten if not b.gehouden), key=lambda b: b.datum))

    def gehouden_na(self, vandaag: date) -> tuple[tuple[Bijeenkomst, int | None], ...]:
        """Meetings marked as held but dated after `vandaag` (a typo such as 2062 for 2026), with their lines."""
        regels = self.regels.bijeenkomsten
        return tuple(
            (b, regels[index] if index < len(regels) else None)
            for index, b in enumerate(self.bijeenkomsten)
            if b.gehouden and b.datum > vandaag
        )

    @property
    def laatste_bijeenkomst(self) -> Bijeenkomst | None:
        gehouden = self.gehouden_bijeenkomsten
        return gehouden[-1] if gehouden else None
