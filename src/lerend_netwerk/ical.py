"""The plan as an iCalendar file (`ln planning --ics`), written with the `icalendar` library.

Pure: a plan in, bytes out. The library is imported only here, and this module
only by `ln planning --ics`, so no other command pays for it. Every event has
a stable UID (the network's name and the date), so importing an updated plan
again replaces the events instead of doubling them in most calendars. Times
are floating local times (Utrecht), the way a participant means "15:30". The
next meeting's event carries its agenda in the description; the others their
phase and aims.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk
    from lerend_netwerk.planner import Agenda
    from lerend_netwerk.planning import Plan

PRODID = "-//lerend-netwerk//ln planning//NL"


def agenda_tekst(agenda: Agenda) -> str:
    """The agenda as plain lines for an event's description."""
    regels = [f"Agenda ({agenda.start}-{agenda.eind}, fase {agenda.fase_naam})"]
    if agenda.doel:
        regels.append(agenda.doel)
    regels.append("")
    regels += [f"{o.start}  {o.titel} ({o.duur} min)" for o in agenda.onderdelen]
    if agenda.neem_mee:
        regels += ["", "Neem mee: " + ", ".join(agenda.neem_mee)]
    return "\n".join(regels)


def doel_tekst(kb: Kennisbank, doelen: tuple[str, ...]) -> str:
    zinnen = kb.planregels.doel_van_vandaag
    return "; ".join(zinnen.get(d) or kb.doelen[d].titel if d in kb.doelen else d for d in doelen)


def als_ics(kb: Kennisbank, netwerk: Netwerk, plan: Plan, *, start: str, duur: int, agenda: Agenda | None,
            nu: datetime) -> bytes:
    """The calendar: one event per proposed meeting; `agenda` belongs to the first."""
    from icalendar import Calendar, Event

    kalender = Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", f"{netwerk.naam}: planning")
    uur, minuut = (int(x) for x in start.split(":"))
    for nummer, voorstel in enumerate(plan.bijeenkomsten):
        begin = datetime(voorstel.datum.year, voorstel.datum.month, voorstel.datum.day, uur, minuut)
        event = Event()
        event.add("uid", _uid(netwerk.naam, voorstel.datum))
        event.add("dtstamp", nu)
        event.add("dtstart", begin)
        event.add("dtend", begin + timedelta(minutes=duur))
        event.add("summary", f"{netwerk.naam}: bijeenkomst ({voorstel.fase.capitalize()})")
        regels = [f"Fase {voorstel.fase.capitalize()}. Doel: {doel_tekst(kb, voorstel.doelen)}."]
        if voorstel.vakantie:
            regels.append(f"Verschoven uit de {voorstel.vakantie.lower()} (stond op {voorstel.verschoven_van.isoformat()}).")
        if nummer == 0 and agenda is not None:
            regels += ["", agenda_tekst(agenda)]
        regels += ["", "Gepland met ln planning (lerend-netwerk); de deelnemers stellen de planning per fase bij."]
        event.add("description", "\n".join(regels))
        if netwerk.bijeenkomsten and netwerk.bijeenkomsten[-1].plaats:
            event.add("location", netwerk.bijeenkomsten[-1].plaats)
        kalender.add_component(event)
    return kalender.to_ical()


def _uid(naam: str, datum: date) -> str:
    sleutel = hashlib.sha1(naam.encode("utf-8")).hexdigest()[:12]  # noqa: S324 - an id, not security
    return f"{datum.isoformat()}-{sleutel}@lerend-netwerk"
