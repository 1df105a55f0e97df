"""Updating the network without opening the YAML: its fields, theme, participants, preconditions, ticks.

Each function reads the file under the lock, checks what is asked against the
state it read (a participant that is not there, a name that is already
taken), makes the smallest text edits (`paden`), and writes through
`wijzigen.wijzig_data` with the same guarantees as a logged meeting. It returns
the state before and after (`Bijgewerkt`); a refusal is an `LnFout` and
nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import DEELNEMER_SOORTEN, RV_IDS, RV_STATUSSEN, Deelnemer, Netwerk
from lerend_netwerk.statusbestand.paden import haal_weg, voeg_toe, zet
from lerend_netwerk.statusbestand.wijzigen import Bijgewerkt, wijzig_data
from lerend_netwerk.tekst import suggestie, vouw

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank, Signaal
    from lerend_netwerk.statusbestand.lezen import Statusbestand

NETWERK_VELDEN = ("naam", "wijk", "kartrekker", "starttijd")
DEELNEMER_VELDEN = ("naam", "organisatie", "soort", "leerdoel")
NIETS = "er is niets veranderd."


def _zet_alles(tekst: str, data: Any, waarden: Iterable[tuple[tuple[Any, ...], Any]]) -> tuple[str, Any]:
    """Several `paden.zet` edits in a row; a value equal to the one in the file is left alone."""
    for pad, waarde in waarden:
        if _waarde_op(data, pad) != waarde:
            tekst, data = zet(tekst, data, pad, waarde)
    return tekst, data


def _waarde_op(data: Any, pad: tuple[Any, ...]) -> Any:
    for stap in pad:
        if isinstance(data, dict):
            data = data.get(stap)
        elif isinstance(data, list) and isinstance(stap, int) and stap < len(data):
            data = data[stap]
        else:
            return None
    return data


def _tekst(waarde: str | None, wat: str) -> str | None:
    if waarde is None:
        return None
    schoon = waarde.strip()
    if not schoon:
        raise LnFout(f"{wat} mag niet leeg zijn.", advies=f"laat de optie weg of schrijf er iets in; {NIETS}")
    return schoon


# --- the network's own fields and its theme ----------------------------------------------


def zet_netwerkvelden(pad: Path, velden: dict[str, str]) -> Bijgewerkt:
    """Set `naam`, `wijk`, `kartrekker` or `starttijd` (as "UU:MM")."""
    from lerend_netwerk.statusbestand.controle import te_lang, tijd_uit_tekst

    waarden = []
    for sleutel, waarde in velden.items():
        if sleutel not in NETWERK_VELDEN:  # cannot happen: the commands pass only these
            raise ValueError(sleutel)
        schoon = _tekst(waarde, sleutel)
        if sleutel != "starttijd" and te_lang(schoon):
            raise LnFout(f"--{sleutel}: {te_lang(schoon)}", advies=f"geef een kortere --{sleutel}; {NIETS}")
        if sleutel == "starttijd":
            tijd = tijd_uit_tekst(schoon)
            if tijd is None:
                raise LnFout(f"'{waarde}' is geen tijd.", advies=f"schrijf de tijd als uren:minuten, zoals --starttijd 15:30; {NIETS}")
            schoon = tijd
        waarden.append(((sleutel,), schoon))
    return wijzig_data(pad, lambda oud, tekst, data: _zet_alles(tekst, data, waarden))


def zet_thema(pad: Path, speerpunt: str | None, leerdoel: str | None, hoofdstuk: int | None) -> Bijgewerkt:
    """Set the theme's speerpunt, shared learning goal and UKK chapter (what is None stays as it is)."""
    if hoofdstuk is not None and not 1 <= hoofdstuk <= 99:
        raise LnFout(f"hoofdstuk {hoofdstuk} bestaat niet.", advies=f"geef het hoofdstuk van het UKK als getal, zoals --hoofdstuk 1; {NIETS}")
    waarden = [
        (("thema", sleutel), waarde)
        for sleutel, waarde in (
            ("speerpunt", _tekst(speerpunt, "het speerpunt")),
            ("ukk_hoofdstuk", hoofdstuk),
            ("gezamenlijk_leerdoel", _tekst(leerdoel, "het gezamenlijke leerdoel")),
        )
        if waarde is not None
    ]
    return wijzig_data(pad, lambda oud, tekst, data: _zet_alles(tekst, data, waarden))


def zet_contract(pad: Path, datum: date) -> Bijgewerkt:
    """Set `afspraken: contract:` to the day the contract was made (a meeting already logged that day)."""
    return wijzig_data(pad, lambda oud, tekst, data: _zet_alles(tekst, data, [(("afspraken", "contract"), datum)]))


# --- participants ------------------------------------------------------------------------


def zoek_deelnemer(netwerk: Netwerk, naam: str, bestand: str | Path | None = None) -> int:
    """The position of the participant called `naam` (case and accents do not count).

    A name that is not there is refused with the closest names; a name two
    participants share is refused too, since it is unclear which one is meant.
    """
    gezocht = vouw(naam.strip())
    treffers = [i for i, d in enumerate(netwerk.deelnemers) if vouw(d.naam) == gezocht]
    if len(treffers) == 1:
        return treffers[0]
    if treffers:
        raise LnFout(
            f"er staan {len(treffers)} deelnemers met de naam '{naam}' in het statusbestand; ik weet niet welke je bedoelt",
            bestand=bestand,
            advies="geef ze eerst verschillende namen in het statusbestand (zoals met een achternaam); " + NIETS,
        )
    namen = [d.naam for d in netwerk.deelnemers]
    if not namen:
        raise LnFout(f"'{naam}' staat niet bij de deelnemers: er zijn nog geen deelnemers.", bestand=bestand,
                     advies=f"zet ze erin met: ln deelnemer toevoegen NAAM; {NIETS}")
    from lerend_netwerk.tekst import bedoeld_tekst

    raise LnFout(
        f"'{naam}' staat niet bij de deelnemers.{bedoeld_tekst(_dichtste_namen(naam, namen))}",
        bestand=bestand,
        advies=f"'ln deelnemers' toont wie er meedoet; een nieuwe zet je erin met: ln deelnemer toevoegen NAAM; {NIETS}",
    )


def _dichtste_namen(naam: str, namen: list[str]) -> list[str]:
    """The closest names: similar spelling, or sharing a word (a first name given without the last)."""
    from lerend_netwerk.tekst import bedoeld

    per_vouw = {vouw(n): n for n in namen}
    gezocht = vouw(naam.strip())
    treffers = bedoeld(gezocht, per_vouw)
    woorden = set(gezocht.split())
    treffers += [v for v in per_vouw if woorden & set(v.split())]
    return [per_vouw[t] for t in dict.fromkeys(treffers)][:3]


def _controleer_deelnemer(d: Deelnemer) -> Deelnemer:
    soort = _keuze(d.soort, DEELNEMER_SOORTEN, "geen soort organisatie") if d.soort is not None else None
    return Deelnemer(
        naam=_tekst(d.naam, "de naam"),
        organisatie=_tekst(d.organisatie, "de organisatie"),
        soort=soort,
        leerdoel=_tekst(d.leerdoel, "het leerdoel"),
    )


def _weiger_dubbele_naam(netwerk: Netwerk, naam: str, pad: Path, behalve: int | None = None) -> None:
    for i, d in enumerate(netwerk.deelnemers):
        if i != behalve and vouw(d.naam) == vouw(naam):
            raise LnFout(
                f"er staat al een deelnemer '{d.naam}' in het statusbestand; twee deelnemers met dezelfde naam kan niet",
                bestand=pad,
                advies=f"geef de nieuwe deelnemer een naam die je kunt onderscheiden, zoals met een achternaam; {NIETS}",
            )


def voeg_deelnemer_toe(pad: Path, deelnemer: Deelnemer) -> Bijgewerkt:
    """Add a participant at the end of `deelnemers`."""
    deelnemer = _controleer_deelnemer(deelnemer)
    item = {k: getattr(deelnemer, k) for k in DEELNEMER_VELDEN if getattr(deelnemer, k) is not None}

    def bewerk(oud: Statusbestand, tekst: str, data: Any) -> tuple[str, Any]:
        _weiger_dubbele_naam(oud.netwerk, deelnemer.naam, pad)
        return voeg_toe(tekst, data, "deelnemers", item)

    return wijzig_data(pad, bewerk)


def wijzig_deelnemer(pad: Path, naam: str, velden: dict[str, str | None]) -> Bijgewerkt:
    """Change the given fields of a participant (`naam` renames); the other fields and comments stay."""
    schoon = _controleer_deelnemer(Deelnemer(naam=velden.get("naam") or naam, **{k: v for k, v in velden.items() if k != "naam"}))
    nieuw = {k: getattr(schoon, k) for k in DEELNEMER_VELDEN if velden.get(k) is not None}

    def bewerk(oud: Statusbestand, tekst: str, data: Any) -> tuple[str, Any]:
        index = zoek_deelnemer(oud.netwerk, naam, pad)
        if "naam" in nieuw:
            _weiger_dubbele_naam(oud.netwerk, nieuw["naam"], pad, behalve=index)
        item = data["deelnemers"][index]
        if not isinstance(item, dict):  # a participant written as a bare name becomes a block of fields
            d = oud.netwerk.deelnemers[index]
            return _zet_alles(tekst, data, [(("deelnemers", index), {"naam": d.naam, **nieuw})])
        return _zet_alles(tekst, data, [(("deelnemers", index, k), v) for k, v in nieuw.items()])

    return wijzig_data(pad, bewerk)


def verwijder_deelnemer(pad: Path, naam: str) -> Bijgewerkt:
    """Remove a participant with its lines (meetings that name them as absent keep the name)."""

    def bewerk(oud: Statusbestand, tekst: str, data: Any) -> tuple[str, Any]:
        return haal_weg(tekst, data, "deelnemers", zoek_deelnemer(oud.netwerk, naam, pad))

    return wijzig_data(pad, bewerk)


# --- preconditions -----------------------------------------------------------------------


def _keuze(tekst: str, mogelijk: tuple[str, ...], wat: str) -> str:
    """One of `mogelijk`, case and spaces aside; otherwise a refusal with the closest."""
    schoon = tekst.strip().lower()
    if schoon not in mogelijk:
        raise LnFout(f"'{tekst}' is {wat}." + suggestie(schoon, mogelijk), advies=f"kies uit: {', '.join(mogelijk)}; {NIETS}")
    return schoon


def rv_status(tekst: str) -> str:
    return _keuze(tekst, RV_STATUSSEN, "geen status van een randvoorwaarde")


def rv_id(tekst: str) -> str:
    return _keuze(tekst, RV_IDS, "geen randvoorwaarde")


def zet_randvoorwaarde(pad: Path, rv: str, status: str, toelichting: str | None = None) -> Bijgewerkt:
    """Set a precondition's status (and explanation); an explanation that is not given stays."""
    rv, status, toelichting = rv_id(rv), rv_status(status), _tekst(toelichting, "de toelichting")

    def bewerk(oud: Statusbestand, tekst: str, data: Any) -> tuple[str, Any]:
        huidig = _waarde_op(data, ("randvoorwaarden", rv))
        if isinstance(huidig, dict):
            waarden = [(("randvoorwaarden", rv, "status"), status)]
            if toelichting is not None:
                waarden.append((("randvoorwaarden", rv, "toelichting"), toelichting))
            return _zet_alles(tekst, data, waarden)
        if toelichting is not None:
            return _zet_alles(tekst, data, [(("randvoorwaarden", rv), {"status": status, "toelichting": toelichting})])
        # a bare value ('tijd: deels') stays bare; an empty one counts as 'onbekend'
        if huidig is None and status == "onbekend" and rv in (data.get("randvoorwaarden") or {}):
            return tekst, data
        return _zet_alles(tekst, data, [(("randvoorwaarden", rv), status)])

    return wijzig_data(pad, bewerk)


# --- signals ticked by hand --------------------------------------------------------------


def handmatige_signalen(kb: Kennisbank) -> list[Signaal]:
    """Every signal only the kartrekker can tick, in the Handreiking's order."""
    return [s for f in kb.fasen for d in f.doelen for s in d.signalen if s.veld is None and not s.werkvormen]


def _signaal(kb: Kennisbank, signaal_id: str) -> Signaal:
    alle = {s.id: s for f in kb.fasen for d in f.doelen for s in d.signalen}
    schoon = signaal_id.strip().lower()
    if schoon not in alle:
        raise LnFout(
            f"'{signaal_id}' is geen signaal." + suggestie(schoon, alle),
            advies=f"'ln fase' toont de signalen van de huidige fase met hun id; 'ln fasen --json' ze allemaal. {NIETS[0].upper()}{NIETS[1:]}",
        )
    return alle[schoon]


AFGELEID_UIT = {
    "thema.speerpunt": "ln thema --speerpunt TEKST",
    "thema.ukk_hoofdstuk": "ln thema --hoofdstuk N",
    "thema.gezamenlijk_leerdoel": "ln thema --leerdoel TEKST",
    "afspraken.contract": "ln bijeenkomst --datum DATUM --contract (de dag dat het contract gemaakt is)",
    "deelnemers.leerdoel": "ln deelnemer wijzig NAAM --leerdoel TEKST, voor elke deelnemer",
}


def _weiger_afgeleid(signaal: Signaal) -> None:
    """A signal the tool reads from the state itself cannot be ticked: say where it comes from."""
    if signaal.veld is not None:
        hoe = AFGELEID_UIT[signaal.veld]
    elif signaal.werkvormen:
        hoe = f"ln bijeenkomst --werkvorm {signaal.werkvormen[0]}" + (
            f" (of: {', '.join(signaal.werkvormen[1:])})" if len(signaal.werkvormen) > 1 else ""
        )
    else:
        return
    raise LnFout(
        f"'{signaal.id}' vink je niet zelf af: de tool leidt het af uit het statusbestand",
        advies=f"het telt vanzelf mee zodra dat erin staat, met: {hoe}. {NIETS[0].upper()}{NIETS[1:]}",
    )


def vink_af(pad: Path, kb: Kennisbank, signaal_id: str, *, uit: bool = False) -> Bijgewerkt:
    """Tick a signal under `behaald` (`uit`: untick it); ticking twice or unticking an unticked one changes nothing.

    Unticking also takes away an id the knowledge base does not know (a typo
    in the file, which the other commands refuse to read past).
    """
    gezocht = signaal_id.strip()
    if not uit:
        _weiger_afgeleid(_signaal(kb, gezocht))

    def bewerk(oud: Statusbestand, tekst: str, data: Any) -> tuple[str, Any]:
        behaald = data.get("behaald")
        lijst = [behaald] if isinstance(behaald, str) else list(behaald or [])
        sid = gezocht if uit and gezocht in lijst else _signaal(kb, gezocht).id
        if uit:
            if sid not in lijst:
                return tekst, data
            if isinstance(behaald, str):  # 'behaald: een-id' alone: it becomes an empty list
                return zet(tekst, data, ("behaald",), [])
            for index in reversed([i for i, b in enumerate(lijst) if b == sid]):  # every time it stands there
                tekst, data = haal_weg(tekst, data, "behaald", index)
            return tekst, data
        if sid in lijst:
            return tekst, data
        if isinstance(behaald, str):
            return zet(tekst, data, ("behaald",), [behaald, sid])
        return voeg_toe(tekst, data, "behaald", sid)

    return wijzig_data(pad, bewerk)

