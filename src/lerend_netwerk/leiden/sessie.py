"""A meeting being led: the agenda as a clock, and what the kartrekker records on the way.

Pure: no terminal, no files. The clock is a function returning seconds (wall
time by default in the CLI, a fake one in tests), so a test drives a whole
meeting in milliseconds. The terminal layer (`cli/leid_scherm.py`) shows a
`Stand`; the journal (`leiden/journaal.py`) stores `als_data()`.

Time is counted per item while the clock runs: a pause stops it, going back
to an item counts on that item again. The meeting's time left is its planned
length minus the time spent; it runs behind when what is spent plus what is
still planned goes past that length.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lerend_netwerk.fouten import LnFout

Klok = Callable[[], float]

BIJNA = 0.20  # orange: a fifth of the item's time left
OM = 0.05  # red: a twentieth left, or over
EXTRA = 5  # minutes '+' adds
GEDAAN_VANAF = 60.0  # seconds an item must have had to count as done
VERSIE = 1  # of the journal's data


@dataclass(frozen=True)
class Punt:
    """An item of the agenda as it is led."""

    titel: str
    minuten: int  # planned
    minimum: int  # how short it can be made, for the advice when running behind
    soort: str  # opening | werkvorm | pauze | afsluiting (the planner's kinds)
    werkvorm: str | None = None
    toelichting: str | None = None  # what happens, for items without a work form

    def als_data(self) -> dict[str, Any]:
        return {"titel": self.titel, "minuten": self.minuten, "minimum": self.minimum, "soort": self.soort,
                "werkvorm": self.werkvorm, "toelichting": self.toelichting}

    @classmethod
    def uit_data(cls, data: dict[str, Any]) -> Punt:
        return cls(str(data["titel"]), int(data["minuten"]), int(data["minimum"]), str(data["soort"]),
                   data.get("werkvorm"), data.get("toelichting"))


@dataclass(frozen=True)
class Advies:
    """How to catch up: shorten item `nummer` (1-based) by `minuten`, or drop it."""

    nummer: int
    titel: str
    soort: str  # "inkorten" | "overslaan"
    minuten: int  # minutes it saves
    tot: int  # the item's minutes afterwards (0 when dropped)
    genoeg: bool  # it makes up the whole delay


@dataclass(frozen=True)
class Stand:
    """What the view shows at one moment."""

    nummer: int  # 0-based index of the current item
    besteed: tuple[float, ...]  # seconds per item so far
    toegestaan: float  # seconds the current item has (planned plus extra)
    over: float  # seconds left in the item; negative: over time
    niveau: str  # "gewoon" | "bijna" | "om"
    bijeenkomst_over: float  # seconds left in the meeting; negative: over time
    achter: float  # seconds the meeting runs behind (0: on time)
    advies: Advies | None
    gepauzeerd: bool
    klaar: bool


def niveau(over: float, toegestaan: float) -> str:
    """The timer's colour: orange at 20% of the item's time left, red at 5% (and when over)."""
    if toegestaan <= 0 or over <= OM * toegestaan:
        return "om"
    if over <= BIJNA * toegestaan:
        return "bijna"
    return "gewoon"


def mss(seconden: float) -> str:
    """Seconds as m:ss (minutes may pass 59: 90:00); negative with a minus sign."""
    teken = "-" if seconden < 0 else ""
    heel = int(math.ceil(abs(seconden))) if seconden > 0 else int(abs(seconden))
    return f"{teken}{heel // 60}:{heel % 60:02d}"


@dataclass
class Sessie:
    """The state machine of a meeting being led."""

    punten: tuple[Punt, ...]
    klok: Klok
    duur: int = 0  # the whole meeting in minutes; 0: the sum of the items
    deelnemers: tuple[str, ...] = ()
    huidig: int = 0
    besteed: list[float] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)  # minutes added per item
    lopend_sinds: float | None = None  # None: paused (or finished)
    notities: list[str] = field(default_factory=list)
    afspraken: list[str] = field(default_factory=list)
    afwezig: list[str] = field(default_factory=list)
    klaar: bool = False
    begonnen: float | None = None  # the clock when the meeting started

    def __post_init__(self) -> None:
        if not self.punten:
            raise LnFout("een agenda zonder onderdelen kan ik niet leiden.")
        n = len(self.punten)
        self.besteed = list(self.besteed) or [0.0] * n
        self.extra = list(self.extra) or [0] * n
        if not self.duur:
            self.duur = sum(p.minuten for p in self.punten)

    @classmethod
    def begin(cls, punten: Sequence[Punt], klok: Klok, duur: int = 0, deelnemers: Sequence[str] = ()) -> Sessie:
        nu = klok()
        return cls(tuple(punten), klok, duur, tuple(deelnemers), lopend_sinds=nu, begonnen=nu)

    # --- the keys ---------------------------------------------------------------

    def volgende(self) -> None:
        """To the next item; after the last one the meeting is finished."""
        if self.klaar:
            return
        self._bij()
        if self.huidig == len(self.punten) - 1:
            self.klaar = True
            self.lopend_sinds = None
        else:
            self.huidig += 1

    def vorige(self) -> None:
        if self.klaar or self.huidig == 0:
            return
        self._bij()
        self.huidig -= 1

    def verleng(self, minuten: int = EXTRA) -> None:
        if not self.klaar:
            self.extra[self.huidig] += minuten

    def pauze(self) -> bool:
        """Pause or go on; returns True when now paused."""
        if self.klaar:
            return False
        if self.lopend_sinds is None:
            self.lopend_sinds = self.klok()
            return False
        self._bij()
        self.lopend_sinds = None
        return True

    @property
    def gepauzeerd(self) -> bool:
        return self.lopend_sinds is None and not self.klaar

    def noteer(self, tekst: str) -> str:
        tekst = _regel(tekst, "notitie")
        self.notities.append(tekst)
        return tekst

    def spreek_af(self, tekst: str) -> str:
        tekst = _regel(tekst, "afspraak")
        self.afspraken.append(tekst)
        return tekst

    def wissel_afwezig(self, tekst: str) -> tuple[str, bool]:
        """Mark a participant absent (or present again, when already marked); the name is checked
        against the participants. Returns the name as in the state and whether absent now."""
        naam = self.deelnemer(tekst)
        if naam in self.afwezig:
            self.afwezig.remove(naam)
            return naam, False
        self.afwezig.append(naam)
        return naam, True

    def deelnemer(self, tekst: str) -> str:
        """The participant meant: the whole name or a unique start of it, case and accents aside."""
        from lerend_netwerk.tekst import vouw

        if not self.deelnemers:
            raise LnFout("er staan geen deelnemers in het statusbestand.",
                         advies="zet ze erin met 'ln init' of in het statusbestand onder 'deelnemers'.")
        sleutel = vouw(tekst.strip())
        if not sleutel:
            raise LnFout("typ de naam van een deelnemer.")
        gelijk = [n for n in self.deelnemers if vouw(n) == sleutel]
        begin = [n for n in self.deelnemers if vouw(n).startswith(sleutel) or
                 any(deel.startswith(sleutel) for deel in vouw(n).split())]
        kandidaten = gelijk or begin
        if len(kandidaten) == 1:
            return kandidaten[0]
        if len(kandidaten) > 1:
            raise LnFout(f"'{tekst.strip()}' past bij {_en(kandidaten)}; typ meer van de naam.")
        import difflib

        dichtbij = difflib.get_close_matches(sleutel, [vouw(n) for n in self.deelnemers], n=1, cutoff=0.6)
        hint = next((f" Bedoelde je: {n}?" for n in self.deelnemers if dichtbij and vouw(n) == dichtbij[0]), "")
        raise LnFout(f"'{tekst.strip()}' is geen deelnemer.{hint}", advies=f"deelnemers: {', '.join(self.deelnemers)}.")

    # --- what it looks like now -------------------------------------------------

    def besteed_nu(self) -> tuple[float, ...]:
        besteed = list(self.besteed)
        if self.lopend_sinds is not None:
            besteed[self.huidig] += max(0.0, self.klok() - self.lopend_sinds)
        return tuple(besteed)

    def toegestaan(self, index: int) -> float:
        return 60.0 * (self.punten[index].minuten + self.extra[index])

    def stand(self) -> Stand:
        besteed = self.besteed_nu()
        i = self.huidig
        toegestaan = self.toegestaan(i)
        over = toegestaan - besteed[i]
        verwacht = sum(besteed[:i]) + sum(max(besteed[j], self.toegestaan(j)) for j in range(i, len(self.punten)))
        if self.klaar:
            verwacht = sum(besteed)
        achter = max(0.0, verwacht - 60.0 * self.duur)
        return Stand(
            nummer=i, besteed=besteed, toegestaan=toegestaan, over=over, niveau=niveau(over, toegestaan),
            bijeenkomst_over=60.0 * self.duur - sum(besteed), achter=achter,
            advies=self.advies(achter, besteed) if achter >= 30 and not self.klaar else None,
            gepauzeerd=self.gepauzeerd, klaar=self.klaar,
        )

    def advies(self, achter: float, besteed: Sequence[float]) -> Advies | None:
        """Which later item could be shortened (to its minimum at most) or dropped to catch up.

        First choice: shortening one item enough (the one with the most room, so it stays
        as whole as possible); then dropping one work form that makes up the delay (the
        shortest such); else the biggest saving there is, marked as not enough."""
        minuten = math.ceil(achter / 60)
        later = range(self.huidig + 1, len(self.punten))
        ruimte = {j: int(self.toegestaan(j) // 60) - max(self.punten[j].minimum, math.ceil(besteed[j] / 60))
                  for j in later}
        korter = [j for j in later if ruimte[j] >= minuten]
        if korter:
            j = max(korter, key=lambda j: (ruimte[j], -j))
            return self._advies(j, "inkorten", minuten, True)
        weg = [j for j in later if self.punten[j].soort == "werkvorm" and besteed[j] == 0]
        genoeg = [j for j in weg if self.toegestaan(j) // 60 >= minuten]
        if genoeg:
            j = min(genoeg, key=lambda j: (self.toegestaan(j), j))
            return self._advies(j, "overslaan", int(self.toegestaan(j) // 60), True)
        opties = [(ruimte[j], j, "inkorten") for j in later if ruimte[j] > 0]
        opties += [(int(self.toegestaan(j) // 60), j, "overslaan") for j in weg]
        if not opties:
            return None
        winst, j, soort = max(opties, key=lambda o: (o[0], -o[1]))
        return self._advies(j, soort, winst, False)

    def _advies(self, j: int, soort: str, minuten: int, genoeg: bool) -> Advies:
        nu = int(self.toegestaan(j) // 60)
        return Advies(j + 1, self.punten[j].titel, soort, minuten, 0 if soort == "overslaan" else nu - minuten, genoeg)

    # --- afterwards -------------------------------------------------------------

    def gedaan(self) -> tuple[bool, ...]:
        """Per item: did it happen (at least a minute spent on it)?"""
        return tuple(s >= GEDAAN_VANAF for s in self.besteed_nu())

    def werkvormen_gedaan(self, gebruikt: Sequence[str]) -> tuple[str, ...]:
        """The plan's work forms (`gebruikt`, in its order) that were done. A work form that is
        not an item of its own (the closing's diary) counts when the closing happened."""
        gedaan = self.gedaan()
        van_punten = {p.werkvorm for p in self.punten if p.werkvorm}
        gedane = {p.werkvorm for p, g in zip(self.punten, gedaan) if p.werkvorm and g}
        afsluiting = any(g for p, g in zip(self.punten, gedaan) if p.soort == "afsluiting")
        uit_plan = [w for w in gebruikt if w in gedane or (w not in van_punten and afsluiting)]
        return tuple(dict.fromkeys([*uit_plan, *(p.werkvorm for p, g in zip(self.punten, gedaan)
                                                 if p.werkvorm and g)]))

    def verloop(self) -> str:
        """The real minutes per item, as one line for the meeting's notes."""
        besteed = self.besteed_nu()
        delen = []
        for p, s in zip(self.punten, besteed):
            naam = p.werkvorm or p.soort
            delen.append(f"{naam} {round(s / 60)} min (gepland {p.minuten})" if s >= GEDAAN_VANAF
                         else f"{naam} overgeslagen (gepland {p.minuten})")
        totaal = round(sum(besteed) / 60)
        return f"Verloop met ln leid: {', '.join(delen)}; samen {totaal} van {self.duur} min"

    # --- the journal ------------------------------------------------------------

    def als_data(self) -> dict[str, Any]:
        nu = self.klok()
        return {
            "versie": VERSIE,
            "punten": [p.als_data() for p in self.punten],
            "duur": self.duur,
            "deelnemers": list(self.deelnemers),
            "huidig": self.huidig,
            "besteed": list(self.besteed_nu()),
            "extra": list(self.extra),
            "lopend": self.lopend_sinds is not None,
            "tijdstip": nu,
            "begonnen": self.begonnen,
            "notities": list(self.notities),
            "afspraken": list(self.afspraken),
            "afwezig": list(self.afwezig),
            "klaar": self.klaar,
        }

    @classmethod
    def uit_data(cls, data: dict[str, Any], klok: Klok, *, tussentijd_telt: bool = True) -> Sessie:
        """A session as the journal left it. When the clock ran, the time since the journal
        was written counts (the meeting went on while the laptop restarted), unless
        `tussentijd_telt` is False: then it resumes paused."""
        if data.get("versie") != VERSIE:
            raise ValueError("onbekende versie")
        punten = tuple(Punt.uit_data(p) for p in data["punten"])
        besteed = [float(s) for s in data["besteed"]]
        extra = [int(e) for e in data["extra"]]
        if len(besteed) != len(punten) or len(extra) != len(punten) or not 0 <= int(data["huidig"]) < len(punten):
            raise ValueError("onderdelen kloppen niet")
        lopend = bool(data["lopend"]) and tussentijd_telt and not data.get("klaar")
        return cls(
            punten, klok, int(data["duur"]), tuple(str(n) for n in data.get("deelnemers", ())),
            huidig=int(data["huidig"]), besteed=besteed, extra=extra,
            lopend_sinds=float(data["tijdstip"]) if lopend else None,
            notities=[str(t) for t in data.get("notities", ())], afspraken=[str(t) for t in data.get("afspraken", ())],
            afwezig=[str(t) for t in data.get("afwezig", ())], klaar=bool(data.get("klaar")),
            begonnen=data.get("begonnen"),
        )

    def _bij(self) -> None:
        """Book the running time on the current item."""
        if self.lopend_sinds is not None:
            nu = self.klok()
            self.besteed[self.huidig] += max(0.0, nu - self.lopend_sinds)
            self.lopend_sinds = nu


def _regel(tekst: str, wat: str) -> str:
    tekst = " ".join(tekst.split())
    if not tekst:
        raise LnFout(f"een lege {wat} bewaar ik niet.")
    return tekst


def _en(namen: Sequence[str]) -> str:
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]
