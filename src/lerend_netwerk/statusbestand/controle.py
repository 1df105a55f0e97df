"""Checking parsed YAML into a `Netwerk`, field by field; and checking a meeting before it is written.

Only `naam` and `fase` are required. Every problem is one `LnFout` naming file,
line and what to do. Keys the tool does not know are ignored (and kept in the
file), except under `randvoorwaarden`, whose four keys are fixed: another key
there is a typo. Ids that only the knowledge base knows (signals under
`behaald`, a meeting's work forms) are checked by `controleer_tegen_kennisbank`
when a command has the knowledge base at hand. The validators (`velden`, which imports PyYAML) are imported only here,
when a file is really parsed.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.klok import tijd_uit_tekst
from lerend_netwerk.netwerk import (
    BIJEENKOMST_STATUSSEN,
    DEELNEMER_SOORTEN,
    RV_IDS,
    RV_STATUSSEN,
    Bijeenkomst,
    Deelnemer,
    Netwerk,
    Regels,
    RvStatus,
    Thema,
)
from lerend_netwerk.statusbestand.meldingen import ADVIES, ADVIES_GEEN, geen_fase
from lerend_netwerk.statusbestand.planningveld import planning_uit_data
from lerend_netwerk.tekst import suggestie

if TYPE_CHECKING:
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.velden import Velden

KORTE_TEKST = 200  # a name heads the handout and every table: it must fit on a line


def netwerk_uit_data(data: Any, bestand: str) -> Netwerk:
    """Check parsed YAML into a Netwerk; unknown keys are ignored (and kept in the file)."""
    from lerend_netwerk.velden import Velden

    if data is None:
        raise LnFout("het statusbestand is leeg", bestand=bestand, regel=1, advies=ADVIES_GEEN)
    top = Velden(data, bestand, "het statusbestand", ADVIES, regel=1)
    return Netwerk(
        naam=top.tekst("naam", max_lengte=KORTE_TEKST),
        fase=_keuze(top, "fase", FASE_IDS),
        wijk=top.tekst("wijk", verplicht=False, max_lengte=KORTE_TEKST),
        kartrekker=top.tekst("kartrekker", verplicht=False, max_lengte=KORTE_TEKST),
        randvoorwaarden=_randvoorwaarden(top),
        thema=_thema(top),
        contract=_contract(top),
        deelnemers=tuple(_deelnemer(v) for v in _lijst_of_tekst(top, "deelnemers", "deelnemer")),
        bijeenkomsten=tuple(_bijeenkomst(v) for v in top.blokken("bijeenkomsten", "bijeenkomst")),
        starttijd=_starttijd(top),
        behaald=top.teksten("behaald"),
        planning=planning_uit_data(top),
        regels=regels_uit_data(data),
    )


def regels_uit_data(data: Any) -> Regels:
    """The lines of the ids under `behaald` and of every meeting's work forms (checked data, with lines)."""
    from lerend_netwerk.yamlbron import regel_van

    def per_item(blok: Any, sleutel: str) -> tuple[int | None, ...]:
        waarde = blok.get(sleutel) if isinstance(blok, dict) else None
        if waarde is None:
            return ()
        sleutelregel = regel_van(blok, sleutel)
        if not isinstance(waarde, list):  # a single text counts as a list of one
            return (sleutelregel,)
        return tuple(regel_van(waarde, index, sleutelregel) for index in range(len(waarde)))

    items = data.get("bijeenkomsten") or ()
    return Regels(
        behaald=per_item(data, "behaald"),
        werkvormen=tuple(per_item(item, "werkvormen") for item in items),
        bijeenkomsten=tuple(regel_van(item, "datum", regel_van(items, index)) for index, item in enumerate(items)),
    )


def gehouden_in_de_toekomst(netwerk: Netwerk, bestand: str | Path, vandaag: date) -> list[str]:
    """A warning, with file and line, for each meeting marked as held but dated after today.

    Such a date is nearly always a typo (2062 for 2026); left alone, the agenda
    looks back to it and a planned meeting goes after it. Every reading command
    says it; `ln agenda --bewaar` refuses (see `weiger_gehouden_in_de_toekomst`).
    """
    from lerend_netwerk.datum import datum_tekst

    meldingen = []
    for b, regel in netwerk.gehouden_na(vandaag):
        plek = LnFout("", bestand=bestand, regel=regel).plek
        meldingen.append(
            f"{plek}: de bijeenkomst van {datum_tekst(b.datum)} staat als gehouden, maar die datum ligt in de "
            f"toekomst (vandaag is {datum_tekst(vandaag)}). Een tikfout in de datum? Verbeter hem, of zet er "
            "'status: gepland' bij als de bijeenkomst nog moet komen."
        )
    return meldingen


def te_lang(tekst: str | None) -> str | None:
    """Why a name (of the network, the neighbourhood, the kartrekker) is too long, or None."""
    if tekst is not None and len(tekst.strip()) > KORTE_TEKST:
        return f"dit is {len(tekst.strip())} tekens lang; het moet op één regel passen: hoogstens {KORTE_TEKST} tekens"
    return None


def weiger_gehouden_in_de_toekomst(netwerk: Netwerk, bestand: str | Path, vandaag: date) -> None:
    """LnFout (exit 2) when a held meeting is dated after today: nothing may be planned after a typo."""
    from lerend_netwerk.datum import datum_tekst

    fout = netwerk.gehouden_na(vandaag)
    if fout:
        b, regel = fout[0]
        raise LnFout(
            f"de bijeenkomst van {datum_tekst(b.datum)} staat als gehouden, maar die datum ligt in de toekomst; "
            "daarna plan ik niets",
            bestand=bestand,
            regel=regel,
            advies="verbeter de datum in het statusbestand (of zet er 'status: gepland' bij); er is niets veranderd.",
        )


def controleer_tegen_kennisbank(kb: Kennisbank, netwerk: Netwerk, bestand: str | Path) -> list[str]:
    """Ids the knowledge base does not know, with file and line.

    An unknown signal under `behaald` is an error (`LnFout`, exit 2): the
    signals are the Handreiking's fixed set, so it is a typo, and a tick that
    silently counts for nothing is worse than a stop. An unknown work form of a
    meeting is only a warning (returned, one line each): the meeting happened,
    and the form may come from a library the user no longer passes; it counts
    for no aim.
    """
    signalen = {s.id for fase in kb.fasen for doel in fase.doelen for s in doel.signalen}
    for index, signaal in enumerate(netwerk.behaald):
        if signaal not in signalen:
            raise LnFout(
                f"'{signaal}' onder 'behaald' is geen signaal." + (suggestie(signaal, signalen, aantal=1) or " Er lijkt er geen op."),
                bestand=bestand,
                regel=_regel(netwerk.regels.behaald, index),
                advies=f"haal het weg met 'ln behaald --uit {signaal}' en vink het goede af met 'ln behaald ID' "
                "('ln fase' noemt de ids van de signalen die je zelf afvinkt, 'ln fasen --json' ze allemaal); "
                "er is niets veranderd.",
            )
    meldingen = []
    for nummer, b in enumerate(netwerk.bijeenkomsten):
        regels = netwerk.regels.werkvormen[nummer] if nummer < len(netwerk.regels.werkvormen) else ()
        for index, werkvorm in enumerate(b.werkvormen):
            if werkvorm in kb.werkvormen:
                continue
            plek = LnFout("", bestand=bestand, regel=_regel(regels, index)).plek
            meldingen.append(
                f"{plek}: de werkvorm '{werkvorm}' (bijeenkomst van {b.datum.isoformat()}) staat niet in de kennisbank."
                + suggestie(werkvorm, kb.werkvormen, aantal=1)
                + " Hij telt niet mee voor de doelen; verbeter het id, of geef je eigen bibliotheek mee met --bibliotheek."
            )
    return meldingen


def _regel(regels: tuple[int | None, ...], index: int) -> int | None:
    return regels[index] if index < len(regels) else None


def controleer_bijeenkomst(b: Bijeenkomst) -> None:
    """A meeting given by a command (not read from the file) is sound before anything is read or written."""
    if not isinstance(b.datum, date):
        raise LnFout("een bijeenkomst heeft een datum nodig, zoals 2026-09-18.")
    if b.fase is not None and b.fase not in FASE_IDS:
        raise geen_fase(b.fase)
    if b.status not in BIJEENKOMST_STATUSSEN:
        raise LnFout(f"'{b.status}' is geen status van een bijeenkomst; kies uit: {', '.join(BIJEENKOMST_STATUSSEN)}.")
    if b.aanwezig is not None and not 0 <= b.aanwezig <= 1000:
        raise LnFout(f"{b.aanwezig} aanwezigen kan niet; geef een aantal van 0 tot 1000.")
    if any(not w.strip() for w in b.werkvormen):
        raise LnFout("een werkvorm zonder id kan niet; 'ln werkvormen' toont de ids.")
    if b.notities is not None and not b.notities.strip():
        raise LnFout("een lege notitie kan niet; laat de notitie weg of schrijf er iets in.")
    if any(not a.strip() for a in b.afspraken):
        raise LnFout("een lege afspraak kan niet; laat --afspraak weg of schrijf er iets in.")


def controleer_gehouden_datum(datum: date, vandaag: date) -> None:
    """A held meeting cannot lie in the future: a typo in the year (2062) is the usual cause."""
    from lerend_netwerk.datum import datum_tekst

    if datum > vandaag:
        raise LnFout(
            f"ik las de datum als {datum_tekst(datum)} ({datum.isoformat()}); die ligt in de toekomst, "
            "en een gehouden bijeenkomst kan niet later zijn dan vandaag",
            advies=f"kijk het jaartal na en geef de datum opnieuw, zoals --datum {vandaag.isoformat()}; "
            "een bijeenkomst die nog komt, plan je met 'ln agenda'. Er is niets veranderd.",
        )


def gehouden_op(netwerk: Netwerk, datum: date) -> Bijeenkomst | None:
    """The held meeting already logged on this date, if any (a second one is asked about first)."""
    return next((b for b in netwerk.bijeenkomsten if b.gehouden and b.datum == datum), None)


def gelezen_als(item: dict[str, Any], pad: Path) -> Bijeenkomst:
    """The new entry passes the checks every entry read from the file passes; returns it as read."""
    from lerend_netwerk.velden import Velden

    return _bijeenkomst(Velden(item, str(pad), "de nieuwe bijeenkomst", "er is niets veranderd."))


def _keuze(v: Velden, sleutel: str, mogelijk: tuple[str, ...], *, verplicht: bool = True) -> str | None:
    """Like Velden.keuze, but 'Ontwikkeling' counts as 'ontwikkeling'."""
    waarde = v.tekst(sleutel, verplicht=verplicht)
    if waarde is None:
        return None
    if waarde.lower() not in mogelijk:
        raise v.fout(
            sleutel,
            f"'{waarde}' kan hier niet; kies uit: {', '.join(mogelijk)}." + suggestie(waarde.lower(), mogelijk),
        )
    return waarde.lower()


def _datum(v: Velden, sleutel: str, *, verplicht: bool, uitleg: str = "") -> date | None:
    """A date; a quoted one ("2026-09-18", '18-09-2026') counts as that date."""
    from lerend_netwerk.datum import lees_datum
    from lerend_netwerk.velden import beschrijf_type

    waarde = v.data.get(sleutel)
    if waarde is None:
        if verplicht:
            raise v.fout(sleutel, "dit veld ontbreekt", regel=v.regel)
        return None
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    if isinstance(waarde, str):
        try:
            return lees_datum(waarde)
        except LnFout:
            pass
    raise v.fout(sleutel, f"hier hoort een datum{uitleg}, zoals 2026-09-18, maar er staat {beschrijf_type(waarde)}")


def _rv_waarde(v: Velden, sleutel: str, waarde: Any) -> str:
    from lerend_netwerk.velden import beschrijf_type

    if waarde is None:
        return "onbekend"
    if isinstance(waarde, bool):
        raise v.fout(
            sleutel,
            f"hier staat {beschrijf_type(waarde)}: YAML leest yes/no/true/false/on/off als ja/nee-waarde. "
            "Schrijf ja, deels, nee of onbekend",
        )
    if not isinstance(waarde, str) or waarde.strip().lower() not in RV_STATUSSEN:
        tekst = str(waarde).strip().lower() if isinstance(waarde, (str, int, float)) else ""
        raise v.fout(
            sleutel,
            f"hier staat {beschrijf_type(waarde)}; kies uit: {', '.join(RV_STATUSSEN)}." + suggestie(tekst, RV_STATUSSEN),
        )
    return waarde.strip().lower()


def _rv_status(blok: Velden, sleutel: str) -> RvStatus:
    waarde = blok.data[sleutel]
    if not isinstance(waarde, dict):
        return RvStatus(_rv_waarde(blok, sleutel, waarde))
    sub = blok.blok(sleutel, sleutel)
    return RvStatus(_rv_waarde(sub, "status", sub.data.get("status")), sub.tekst("toelichting", verplicht=False))


def _randvoorwaarden(top: Velden) -> dict[str, RvStatus]:
    blok = top.blok("randvoorwaarden", "randvoorwaarden", verplicht=False)
    if blok is None:
        return {}
    for sleutel in blok.data:
        if sleutel not in RV_IDS:  # the four are fixed: anything else is a typo that would read as 'onbekend'
            raise LnFout(
                f"'{sleutel}' is geen randvoorwaarde."
                + (suggestie(str(sleutel), RV_IDS) or f" De vier zijn: {', '.join(RV_IDS)}."),
                bestand=blok.bestand,
                regel=blok.regel_van(sleutel),
                advies=ADVIES,
            )
    return {sleutel: _rv_status(blok, sleutel) for sleutel in RV_IDS if sleutel in blok.data}


def _thema(top: Velden) -> Thema:
    blok = top.blok("thema", "thema", verplicht=False)
    if blok is None:
        return Thema()
    return Thema(
        speerpunt=blok.tekst("speerpunt", verplicht=False),
        ukk_hoofdstuk=blok.geheel("ukk_hoofdstuk", verplicht=False, minimum=1, maximum=99),
        gezamenlijk_leerdoel=blok.tekst("gezamenlijk_leerdoel", verplicht=False),
    )


def _contract(top: Velden) -> date | None:
    blok = top.blok("afspraken", "afspraken", verplicht=False)
    if blok is None:
        return None
    return _datum(blok, "contract", verplicht=False, uitleg=" (de dag waarop het contract is gemaakt)")


def _lijst_of_tekst(top: Velden, sleutel: str, wat: str) -> list[Velden]:
    """A list of mappings, where a bare text counts as {naam: text}."""
    from lerend_netwerk.velden import Velden
    from lerend_netwerk.yamlbron import regel_van

    waarde = top.data.get(sleutel)
    if not isinstance(waarde, list):
        return top.blokken(sleutel, wat)
    return [
        Velden(
            {"naam": item} if isinstance(item, (str, int)) and not isinstance(item, bool) else item,
            top.bestand,
            f"{wat} {index + 1}",
            top.advies,
            regel=regel_van(waarde, index),
        )
        for index, item in enumerate(waarde)
    ]


def _deelnemer(v: Velden) -> Deelnemer:
    return Deelnemer(
        naam=v.tekst("naam"),
        organisatie=v.tekst("organisatie", verplicht=False),
        soort=_keuze(v, "soort", DEELNEMER_SOORTEN, verplicht=False),
        leerdoel=v.tekst("leerdoel", verplicht=False),
    )


def _bijeenkomst(v: Velden) -> Bijeenkomst:
    return Bijeenkomst(
        datum=_datum(v, "datum", verplicht=True),
        fase=_keuze(v, "fase", FASE_IDS, verplicht=False),
        werkvormen=v.teksten("werkvormen"),
        aanwezig=v.geheel("aanwezig", verplicht=False, minimum=0, maximum=1000),
        notities=v.tekst("notities", verplicht=False),
        status=_keuze(v, "status", BIJEENKOMST_STATUSSEN, verplicht=False) or "gehouden",
        afwezig=v.teksten("afwezig"),
        afspraken=v.teksten("afspraken"),
        rollen=_rollen(v),
        plaats=v.tekst("plaats", verplicht=False),
    )


def _rollen(v: Velden) -> tuple[tuple[str, str], ...]:
    """`rollen:` as `ln agenda --bewaar` writes it: a list of {rol, naam}."""
    rollen = []
    for r in v.blokken("rollen", "rol"):
        rollen.append((r.tekst("rol"), r.tekst("naam")))
    return tuple(rollen)


def _starttijd(top: Velden) -> str | None:
    from lerend_netwerk.velden import beschrijf_type

    waarde = top.data.get("starttijd")
    if waarde is None:
        return None
    # YAML 1.1 reads an unquoted 19:30 as the number 1170 (19*60+30).
    if isinstance(waarde, int) and not isinstance(waarde, bool) and 60 <= waarde < 24 * 60:
        return f"{waarde // 60:02d}:{waarde % 60:02d}"
    if isinstance(waarde, float):  # starttijd: 19.30 unquoted is the number 19.3
        waarde = f"{waarde:.2f}"
    tijd = tijd_uit_tekst(waarde) if isinstance(waarde, str) else None
    if tijd is None:
        raise top.fout("starttijd", f"schrijf de tijd als uren:minuten, zoals \"15:30\", maar er staat {beschrijf_type(waarde)}")
    return tijd
