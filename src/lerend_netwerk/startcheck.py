"""The core of `ln start`: are the preconditions met, and what needs attention now.

Pure: it gets the knowledge base, the network and today's date, and never
reads the clock or a file. The advice comes from the knowledge base (the
Handreiking, or our own approach where `aanpak_eigen` says so).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.kennisbank import Fase, Kennisbank, Randvoorwaarde
from lerend_netwerk.netwerk import Netwerk, RvStatus
from lerend_netwerk.voortgang import open_doelen

WEKEN_ZONDER_BIJEENKOMST = 8


class RvOordeel(NamedTuple):
    """One precondition: what the state file says about it."""

    randvoorwaarde: Randvoorwaarde
    status: RvStatus

    @property
    def in_orde(self) -> bool:
        return self.status.in_orde


class Aandachtspunt(NamedTuple):
    """Something in the current phase that needs the kartrekker's attention."""

    soort: str  # bijeenkomsten | doelen | deelnemers | kartrekker
    titel: str
    regels: tuple[str, ...] = ()
    bron: tuple[str, ...] = ()
    opdracht: str | None = None  # the ln command that helps


class Startcheck(NamedTuple):
    fase: Fase
    randvoorwaarden: tuple[RvOordeel, ...]
    aandachtspunten: tuple[Aandachtspunt, ...]

    @property
    def klaar(self) -> bool:
        return all(o.in_orde for o in self.randvoorwaarden)

    @property
    def ontbrekend(self) -> tuple[RvOordeel, ...]:
        return tuple(o for o in self.randvoorwaarden if not o.in_orde)

    @property
    def oordeel(self) -> str:
        if self.klaar:
            return "Klaar om te starten: alle vier randvoorwaarden zijn in orde."
        regel_eerst = ", ".join(f"{o.randvoorwaarde.id} ({o.status.status})" for o in self.ontbrekend)
        return f"Nog niet klaar om te starten. Regel eerst: {regel_eerst}."

    def als_json(self) -> dict[str, Any]:
        return {
            "klaar": self.klaar,
            "oordeel": self.oordeel,
            "fase": self.fase.id,
            "randvoorwaarden": [_rv_json(o) for o in self.randvoorwaarden],
            "aandachtspunten": [
                {"soort": p.soort, "titel": p.titel, "regels": list(p.regels), "bron": list(p.bron), "opdracht": p.opdracht}
                for p in self.aandachtspunten
            ],
        }


def _rv_json(o: RvOordeel) -> dict[str, Any]:
    rv = o.randvoorwaarde
    uit: dict[str, Any] = {
        "id": rv.id,
        "naam": rv.naam,
        "status": o.status.status,
        "toelichting": o.status.toelichting,
        "in_orde": o.in_orde,
    }
    if not o.in_orde:
        # the work forms linked to a precondition are our own link, not the Handreiking's
        uit.update(aanpak=list(rv.aanpak), aanpak_eigen=rv.aanpak_eigen, bron=list(rv.bron), werkvormen=list(rv.werkvormen),
                   werkvormen_eigen=True)
    return uit


def controleer_start(kb: Kennisbank, netwerk: Netwerk, vandaag: date) -> Startcheck:
    """The preconditions verdict and the attention points of the current phase."""
    return Startcheck(
        fase=kb.fase(netwerk.fase),
        randvoorwaarden=tuple(RvOordeel(rv, netwerk.rv(rv.id)) for rv in kb.randvoorwaarden),
        aandachtspunten=aandachtspunten(kb, netwerk, vandaag),
    )


def aandachtspunten(kb: Kennisbank, netwerk: Netwerk, vandaag: date) -> tuple[Aandachtspunt, ...]:
    return (
        *_bijeenkomst_punten(netwerk, vandaag),
        *_planning_punten(netwerk, vandaag),
        *_doel_punten(kb, netwerk),
        *_deelnemer_punten(netwerk),
        _kartrekker_punt(kb, netwerk),
    )


def _bijeenkomst_punten(netwerk: Netwerk, vandaag: date) -> list[Aandachtspunt]:
    punten = [
        Aandachtspunt(
            "bijeenkomsten",
            f"De bijeenkomst van {datum_tekst(b.datum)} stond gepland, maar is nog niet vastgelegd als gehouden.",
            (f"Ging hij door? Leg hem vast met 'ln bijeenkomst --datum {b.datum.isoformat()}'; "
             "ging hij niet door, haal hem dan weg uit het statusbestand.",),
            opdracht=f"ln bijeenkomst --datum {b.datum.isoformat()}",
        )
        for b in netwerk.geplande_bijeenkomsten
        if b.datum < vandaag
    ]
    volgende = next((b for b in netwerk.geplande_bijeenkomsten if b.datum >= vandaag), None)
    laatste = netwerk.laatste_bijeenkomst
    if laatste is None:
        punten.append(
            Aandachtspunt(
                "bijeenkomsten",
                "Er is nog geen bijeenkomst vastgelegd.",
                (_volgende_tekst(volgende) or "Plan de eerste bijeenkomst met 'ln agenda'; leg hem daarna vast met 'ln bijeenkomst'.",),
                opdracht="ln agenda" if volgende is None else None,
            )
        )
        return punten
    dagen = (vandaag - laatste.datum).days
    if dagen > WEKEN_ZONDER_BIJEENKOMST * 7:
        punten.append(
            Aandachtspunt(
                "bijeenkomsten",
                f"De laatste bijeenkomst was op {datum_tekst(laatste.datum)}, {dagen // 7} weken geleden "
                f"(meer dan {WEKEN_ZONDER_BIJEENKOMST} weken).",
                (_volgende_tekst(volgende) or "Er staat geen volgende bijeenkomst gepland; plan er een met 'ln agenda', "
                 "zodat het netwerk in beweging blijft.",),
                opdracht="ln agenda" if volgende is None else None,
            )
        )
    return punten


def _planning_punten(netwerk: Netwerk, vandaag: date) -> list[Aandachtspunt]:
    """Behind the stored long-term plan (`ln planning --bewaar`): the same check as `ln overzicht`."""
    if netwerk.planning is None:  # most networks: no need to import the planning module at start-up
        return []
    from lerend_netwerk.planning import planning_achterstand

    achter = planning_achterstand(netwerk, vandaag)
    if achter is None:
        return []
    titel, _, rest = achter.partition(": ")
    return [Aandachtspunt("bijeenkomsten", f"{titel}.", (rest[:1].upper() + rest[1:], "Bespreek met de deelnemers "
                          "wat er nodig is, en pas de planning aan met 'ln planning --bewaar'."), opdracht="ln planning")]


def _volgende_tekst(volgende: Any) -> str | None:
    if volgende is None:
        return None
    return f"De volgende bijeenkomst staat gepland op {datum_tekst(volgende.datum)}."


def _doel_punten(kb: Kennisbank, netwerk: Netwerk) -> list[Aandachtspunt]:
    fase = kb.fase(netwerk.fase)
    open_ = open_doelen(kb, netwerk)
    if not open_:
        return []
    regels = tuple(
        f"{status.doel.titel} ({len(status.open_signalen)} van {len(status.signalen)} signalen nog open)"
        for status in open_
    )
    return [
        Aandachtspunt(
            "doelen",
            f"Doelen van de fase {fase.naam} die nog open staan: {len(open_)} van {len(fase.doelen)}.",
            regels,
            opdracht="ln fase",
        )
    ]


def _deelnemer_punten(netwerk: Netwerk) -> list[Aandachtspunt]:
    if netwerk.deelnemers:
        return []
    return [
        Aandachtspunt(
            "deelnemers",
            "Er staan nog geen deelnemers in het statusbestand.",
            ("Zet ze erin met 'ln deelnemer toevoegen NAAM', met hun organisatie en soort (kinderdagverblijf, "
             "peutercentrum, basisschool of anders).",),
        )
    ]


def _kartrekker_punt(kb: Kennisbank, netwerk: Netwerk) -> Aandachtspunt:
    """The kartrekker's own role and support in this phase (valkuilen 'voor: kartrekker')."""
    fase = kb.fase(netwerk.fase)
    tips = [k for k in kb.valkuilen.values() if k.voor == "kartrekker" and fase.id in k.fasen]
    regels = [fase.kartrekker, f"{fase.kartrekker_eigen} (eigen lezing, niet uit de Handreiking)"]
    if netwerk.kartrekker is None:
        regels.append("Er staat nog geen kartrekker in het statusbestand; zet je naam erin met 'ln netwerk --kartrekker NAAM'.")
    regels += [f"Tip uit de Handreiking: {tip.titel}" for tip in tips]
    bronnen = tuple(dict.fromkeys(b for tip in tips for b in tip.bron))
    return Aandachtspunt("kartrekker", "Jouw eigen rol en steun als kartrekker", tuple(regels), bronnen)
