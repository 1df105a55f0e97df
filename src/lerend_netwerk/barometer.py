"""The barometer: how is our network doing? A questionnaire of our own, its answers, its trend.

Pure functions, no terminal. The statements live in `data/barometer.yaml` (our
own list, built on the Handreiking's central questions and the four dimensions
of Sanders, 2017); a network may pass its own file. Answers are counted per
statement as a distribution over the scores 1-5 (never who gave them), stored
as a dated measurement under `barometer:` in the state file (`bewaar_meting`,
through `statusbestand.wijzig_data`), and compared with the measurement before
(`uitslag`). `barometer_voor_agenda` is what the planner can ask: is a
measurement due, and what should the next meetings work on?

The stored shape (docs/barometer.md):

    barometer:
      - datum: 2026-11-12
        deelnemers: 7
        dimensies: {onderwerp: 3.86, sociale-cohesie: 4.1, praktijk: 3.2, organisatie: 2.71}
        items: {o1: {dimensie: onderwerp, gemiddelde: 4.0, aantal: 7, verdeling: [0, 0, 2, 3, 2]}, ...}

`verdeling` is what counts: the mean, the spread and the per-dimension means
are derived from it (and written too, for readers such as `ln overzicht`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank.model import EVALUATIE_FASEN

if TYPE_CHECKING:
    from lerend_netwerk.netwerk import Netwerk
    from lerend_netwerk.statusbestand.wijzigen import Bijgewerkt

SCORES = (1, 2, 3, 4, 5)
SCORE_LABELS = {1: "helemaal oneens", 2: "oneens", 3: "neutraal", 4: "eens", 5: "helemaal eens"}
SLEUTEL = "barometer"
NIETS = "er is niets opgeslagen."
# Extra columns an online form adds that are not statements; they are skipped.
NEGEER_KOLOMMEN = frozenset({"tijdstempel", "timestamp", "tijd", "datum", "id", "nummer"})
# A measurement older than this no longer counts as "taken" for the current phase.
GELDIG_DAGEN = 180
# Below this mean a dimension steers the next plans.
AANDACHT_ONDER = 3.5
WERKVORM = "netwerkbarometer"  # the work form in werkvormen.yaml


# --- the questionnaire -------------------------------------------------------------------


@dataclass(frozen=True)
class Stelling:
    id: str
    dimensie: str
    tekst: str


@dataclass(frozen=True)
class Dimensie:
    id: str
    naam: str
    vraag: str
    stellingen: tuple[Stelling, ...]
    valkuilen: tuple[str, ...] = ()
    werkvormen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vragenlijst:
    dimensies: tuple[Dimensie, ...]
    bron: str = ""
    bestand: str = "data/barometer.yaml"

    @property
    def stellingen(self) -> tuple[Stelling, ...]:
        return tuple(s for d in self.dimensies for s in d.stellingen)

    def dimensie(self, dimensie_id: str) -> Dimensie | None:
        return next((d for d in self.dimensies if d.id == dimensie_id), None)


def laad_vragenlijst(pad: Path | None = None) -> Vragenlijst:
    """The packaged questionnaire, or a network's own file (same shape)."""
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    if pad is None:
        from lerend_netwerk import pakketbytes

        bestand, advies = "data/barometer.yaml", "dit is een fout in de meegeleverde vragenlijst; meld het aan de makers."
        inhoud = pakketbytes("data", "barometer.yaml")
    else:
        bestand, advies = str(pad), "verbeter je eigen vragenlijst; kijk naar data/barometer.yaml voor de vorm."
        try:
            inhoud = Path(pad).read_bytes()
        except OSError as fout:
            raise LnFout(f"de vragenlijst kan niet gelezen worden ({fout.strerror})", bestand=bestand,
                         advies="geef met --vragenlijst een bestaand YAML-bestand.") from None
    return vragenlijst_uit_data(lees_yaml_bytes(inhoud, bestand, advies), bestand, advies)


def vragenlijst_uit_data(data: Any, bestand: str, advies: str) -> Vragenlijst:
    def fout(tekst: str) -> LnFout:
        return LnFout(tekst, bestand=bestand, advies=advies)

    if not isinstance(data, dict) or not isinstance(data.get("dimensies"), list) or not data["dimensies"]:
        raise fout("er staat geen lijst 'dimensies' in")
    dimensies, ids = [], set()
    for nummer, blok in enumerate(data["dimensies"], 1):
        if not isinstance(blok, dict) or not isinstance(blok.get("id"), str) or not isinstance(blok.get("naam"), str):
            raise fout(f"dimensie {nummer} heeft geen 'id' en 'naam' als tekst")
        dim_id = blok["id"]
        stellingen = []
        for s in blok.get("stellingen") or []:
            if not isinstance(s, dict) or not isinstance(s.get("id"), str) or not isinstance(s.get("tekst"), str):
                raise fout(f"een stelling bij '{dim_id}' heeft geen 'id' en 'tekst' als tekst")
            if s["id"] in ids:
                raise fout(f"de id '{s['id']}' staat er twee keer in")
            ids.add(s["id"])
            stellingen.append(Stelling(s["id"], dim_id, " ".join(s["tekst"].split())))
        if not stellingen:
            raise fout(f"dimensie '{dim_id}' heeft geen stellingen")
        if dim_id in ids:
            raise fout(f"de id '{dim_id}' staat er twee keer in")
        ids.add(dim_id)
        dimensies.append(Dimensie(
            dim_id, blok["naam"], str(blok.get("vraag") or ""), tuple(stellingen),
            tuple(str(v) for v in blok.get("valkuilen") or ()), tuple(str(w) for w in blok.get("werkvormen") or ()),
        ))
    return Vragenlijst(tuple(dimensies), " ".join(str(data.get("bron") or "").split()), bestand)


# --- answers and a measurement -----------------------------------------------------------


Antwoorden = dict[str, int | None]  # one participant: statement id -> score (None: no answer)


@dataclass(frozen=True)
class Meting:
    """One measurement: per statement how many gave each score 1-5, and the statement's dimension."""

    datum: date
    deelnemers: int
    verdelingen: dict[str, tuple[int, int, int, int, int]]
    dimensie_van: dict[str, str]

    def scores(self, dimensie: str | None = None, stelling: str | None = None) -> tuple[int, ...]:
        """The five counts summed over the statements of a dimension (or one statement, or all)."""
        totaal = [0] * 5
        for item, verdeling in self.verdelingen.items():
            if (stelling is None or item == stelling) and (dimensie is None or self.dimensie_van.get(item) == dimensie):
                totaal = [a + b for a, b in zip(totaal, verdeling)]
        return tuple(totaal)

    @property
    def dimensie_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.dimensie_van[i] for i in self.verdelingen))


def gemiddelde(verdeling: tuple[int, ...]) -> float | None:
    aantal = sum(verdeling)
    return None if aantal == 0 else sum(s * n for s, n in zip(SCORES, verdeling)) / aantal


def spreiding(verdeling: tuple[int, ...]) -> float | None:
    """The standard deviation of the scores (as of the whole group, not a sample)."""
    midden = gemiddelde(verdeling)
    if midden is None:
        return None
    return math.sqrt(sum(n * (s - midden) ** 2 for s, n in zip(SCORES, verdeling)) / sum(verdeling))


def controleer_score(waarde: Any) -> int | None:
    """A score 1-5 as an int; None for no answer; a ValueError with a Dutch reason otherwise."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        raise ValueError(f"'{waarde}' is geen score")
    if isinstance(waarde, str):
        schoon = waarde.strip()
        if not schoon:
            return None
        if not schoon.isdigit():
            raise ValueError(f"'{schoon}' is geen score; geef een heel getal van 1 tot 5")
        waarde = int(schoon)
    if not isinstance(waarde, int):
        raise ValueError(f"'{waarde}' is geen score; geef een heel getal van 1 tot 5")
    if waarde not in SCORES:
        raise ValueError(f"{waarde} ligt niet tussen 1 en 5")
    return waarde


def tel_antwoorden(vragenlijst: Vragenlijst, antwoorden: list[Antwoorden], datum: date) -> Meting:
    """Count the participants' answers per statement. A participant who answered nothing does not count."""
    bekend = {s.id: s for s in vragenlijst.stellingen}
    verdelingen = {i: [0] * 5 for i in bekend}
    deelnemers = 0
    for nummer, antwoord in enumerate(antwoorden, 1):
        gegeven = False
        for item, waarde in antwoord.items():
            if item not in bekend:
                raise LnFout(f"deelnemer {nummer}: '{item}' is geen stelling van de vragenlijst", advies=NIETS)
            try:
                score = controleer_score(waarde)
            except ValueError as fout:
                raise LnFout(f"deelnemer {nummer}, stelling {item}: {fout}", advies=f"geef 1 tot 5; {NIETS}") from None
            if score is not None:
                verdelingen[item][score - 1] += 1
                gegeven = True
        deelnemers += gegeven
    if deelnemers == 0:
        raise LnFout("er is geen enkel antwoord gegeven", advies=f"laat minstens één deelnemer de vragen invullen; {NIETS}")
    return Meting(datum, deelnemers, {i: tuple(v) for i, v in verdelingen.items()},  # type: ignore[misc]
                  {i: s.dimensie for i, s in bekend.items()})


def lees_csv(inhoud: bytes, vragenlijst: Vragenlijst, bestand: str) -> list[Antwoorden]:
    """Answers from a CSV an online form produced: a header of statement ids, a row per participant.

    Comma or semicolon, with or without a BOM; an empty cell is no answer. Every
    bad row is named (row number, column, what is wrong) in one `LnFout`; nothing
    is returned then, so nothing is imported in part.
    """
    import csv
    import io

    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError:
            raise LnFout("dit is geen tekstbestand (CSV)", bestand=bestand, advies=f"bewaar de antwoorden als CSV (UTF-8); {NIETS}") from None
    regels = tekst.splitlines()
    eerste = next((r for r in regels if r.strip()), "")
    if not eerste:
        raise LnFout("het bestand is leeg", bestand=bestand, advies=f"de eerste regel noemt de ids van de stellingen, zoals o1;o2;s1; {NIETS}")
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=scheiding))
    kop_index = next(i for i, r in enumerate(rijen) if any(c.strip() for c in r))
    kop = [c.strip().lower() for c in rijen[kop_index]]
    bekend = [s.id for s in vragenlijst.stellingen]
    bekend_gevouwen = {b.lower(): b for b in bekend}
    problemen: list[str] = []
    kolommen: list[str | None] = [bekend_gevouwen.get(naam) for naam in kop]
    ontbreekt = [b for b in bekend if b not in kolommen]
    for nummer, naam in enumerate(kop, 1):
        if naam in bekend_gevouwen:
            if kolommen.index(bekend_gevouwen[naam]) != nummer - 1:
                problemen.append(f"kolom {nummer}: '{naam}' staat twee keer in de kopregel")
        elif naam and naam not in NEGEER_KOLOMMEN:
            import difflib

            dichtbij = difflib.get_close_matches(naam, ontbreekt, n=1, cutoff=0.3) or difflib.get_close_matches(naam, bekend, n=1)
            hint = f" Bedoelde je: {dichtbij[0]}?" if dichtbij else ""
            problemen.append(f"kolom {nummer}: '{naam}' is geen stelling van de vragenlijst.{hint}")
    if ontbreekt:
        problemen.append("de kopregel mist de kolom" + ("men " if len(ontbreekt) > 1 else " ") + ", ".join(ontbreekt))
    if problemen:
        raise _csv_fout(bestand, ["regel 1 (de kopregel): " + p for p in problemen],
                        f"de kopregel moet de ids uit 'ln barometer --vragen' noemen: {scheiding.join(bekend)}")
    antwoorden: list[Antwoorden] = []
    for rijnummer, rij in enumerate(rijen[kop_index + 1 :], kop_index + 2):
        if not any(c.strip() for c in rij):
            continue  # an empty line
        if len(rij) != len(kolommen):
            problemen.append(f"regel {rijnummer}: {len(rij)} cellen, de kopregel heeft er {len(kolommen)}")
            continue
        antwoord: Antwoorden = {}
        for nummer, (kolom, cel) in enumerate(zip(kolommen, rij), 1):
            if kolom is None:
                continue
            try:
                antwoord[kolom] = controleer_score(cel)
            except ValueError as fout:
                problemen.append(f"regel {rijnummer}, kolom {nummer} ({kolom}): {fout}")
        antwoorden.append(antwoord)
    if problemen:
        raise _csv_fout(bestand, problemen, "verbeter deze regels in het bestand en lees het opnieuw in")
    if not any(any(v is not None for v in a.values()) for a in antwoorden):
        raise LnFout("er staan geen antwoorden in het bestand", bestand=bestand, advies=f"elke regel onder de kopregel is een deelnemer; {NIETS}")
    return antwoorden


def _csv_fout(bestand: str, problemen: list[str], advies: str) -> LnFout:
    getoond = problemen[:25]
    if len(problemen) > len(getoond):
        getoond.append(f"en nog {len(problemen) - len(getoond)} problemen")
    return LnFout("de antwoorden kunnen niet ingelezen worden:\n  " + "\n  ".join(getoond), bestand=bestand,
                  advies=f"{advies}; {NIETS}")


# --- stored measurements -----------------------------------------------------------------


def meting_als_data(meting: Meting) -> dict[str, Any]:
    """A measurement as written under `barometer:` (means rounded to two decimals)."""
    dimensies = {}
    for dim in meting.dimensie_ids:
        midden = gemiddelde(meting.scores(dim))
        if midden is not None:
            dimensies[dim] = round(midden, 2)
    items = {}
    for item, verdeling in meting.verdelingen.items():
        midden = gemiddelde(verdeling)
        items[item] = {
            "dimensie": meting.dimensie_van[item],
            "gemiddelde": None if midden is None else round(midden, 2),
            "aantal": sum(verdeling),
            "verdeling": list(verdeling),
        }
    return {"datum": meting.datum, "deelnemers": meting.deelnemers, "dimensies": dimensies, "items": items}


def metingen_uit_data(data: Any, bestand: str | None = None) -> list[Meting]:
    """The measurements under `barometer:` in the parsed state file, oldest first; a bad one is an `LnFout`."""
    from lerend_netwerk.yamlbron import regel_van

    lijst = data.get(SLEUTEL) if isinstance(data, dict) else None
    if lijst is None:
        return []
    advies = "verbeter dit in het statusbestand (de vorm staat in docs/barometer.md), of haal de meting weg."
    if not isinstance(lijst, list):
        raise LnFout("'barometer' moet een lijst van metingen zijn", bestand=bestand, regel=regel_van(data, SLEUTEL), advies=advies)
    metingen = []
    for index, blok in enumerate(lijst):
        regel = regel_van(lijst, index)

        def fout(tekst: str, index: int = index, regel: int | None = regel) -> LnFout:
            return LnFout(f"meting {index + 1} onder 'barometer': {tekst}", bestand=bestand, regel=regel, advies=advies)

        if not isinstance(blok, dict):
            raise fout("dit is geen meting met datum, deelnemers en items")
        datum = blok.get("datum")
        if not isinstance(datum, date):
            raise fout("de datum ontbreekt of is geen datum als 2026-11-12")
        deelnemers = blok.get("deelnemers")
        if isinstance(deelnemers, bool) or not isinstance(deelnemers, int) or deelnemers < 1:
            raise fout("'deelnemers' moet een aantal van 1 of meer zijn")
        items = blok.get("items")
        if not isinstance(items, dict) or not items:
            raise fout("'items' ontbreekt")
        verdelingen, dimensie_van = {}, {}
        for item, waarde in items.items():
            verdeling = waarde.get("verdeling") if isinstance(waarde, dict) else None
            if (not isinstance(verdeling, list) or len(verdeling) != 5
                    or any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in verdeling)):
                raise fout(f"item '{item}' heeft geen 'verdeling' van vijf aantallen (hoe vaak 1, 2, 3, 4 en 5)")
            if not isinstance(waarde.get("dimensie"), str):
                raise fout(f"item '{item}' heeft geen 'dimensie'")
            verdelingen[str(item)] = tuple(verdeling)
            dimensie_van[str(item)] = waarde["dimensie"]
        metingen.append(Meting(datum, deelnemers, verdelingen, dimensie_van))  # type: ignore[arg-type]
    return sorted(metingen, key=lambda m: m.datum)


def bewaar_meting(pad: Path, meting: Meting, vandaag: date) -> Bijgewerkt:
    """Append the measurement under `barometer:`, with the state file's guarantees (lock, check, `.bak`).

    Refused: a date in the future, a second measurement on the same date, a `barometer:` that cannot be read.
    """
    from lerend_netwerk.statusbestand.paden import voeg_toe
    from lerend_netwerk.statusbestand.wijzigen import wijzig_data

    if meting.datum > vandaag:
        raise LnFout(f"de datum {meting.datum.isoformat()} ligt in de toekomst",
                     advies=f"een meting is gedaan; geef de dag waarop met --datum; {NIETS}")

    def bewerk(oud: Any, tekst: str, data: Any) -> tuple[str, Any]:
        eerdere = metingen_uit_data(data, str(oud.pad))
        if any(m.datum == meting.datum for m in eerdere):
            raise LnFout(f"op {meting.datum.isoformat()} staat al een meting", bestand=oud.pad,
                         advies=f"geef een andere dag met --datum, of haal de oude meting eerst weg uit het statusbestand; {NIETS}")
        return voeg_toe(tekst, data, SLEUTEL, meting_als_data(meting))

    return wijzig_data(Path(pad), bewerk)


# --- the result --------------------------------------------------------------------------


@dataclass(frozen=True)
class DimensieUitslag:
    id: str
    naam: str
    gemiddelde: float | None
    spreiding: float | None
    verschil: float | None  # change of the mean since the measurement before (None: no earlier one)
    aantal: int  # answered scores


@dataclass(frozen=True)
class StellingUitslag:
    id: str
    dimensie: str
    tekst: str
    gemiddelde: float | None
    aantal: int


@dataclass(frozen=True)
class Uitslag:
    datum: date
    deelnemers: int
    dimensies: tuple[DimensieUitslag, ...]
    stellingen: tuple[StellingUitslag, ...]
    vorige: date | None

    @property
    def zwakste(self) -> DimensieUitslag | None:
        """The dimension with the lowest mean (the first in the list on a tie)."""
        gemeten = [d for d in self.dimensies if d.gemiddelde is not None]
        return min(gemeten, key=lambda d: d.gemiddelde) if gemeten else None  # type: ignore[arg-type,return-value]


def _rond(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def uitslag(metingen: list[Meting], vragenlijst: Vragenlijst, index: int = -1) -> Uitslag:
    """The result of measurement `index` (the last by default) with the change since the one before.

    Dimensions and statements follow the questionnaire; a dimension or statement
    the questionnaire no longer has, but the measurement does, comes after them.
    """
    meting = metingen[index]
    positie = metingen.index(meting)
    vorige = metingen[positie - 1] if positie > 0 else None
    namen = {d.id: d.naam for d in vragenlijst.dimensies}
    dim_ids = [d.id for d in vragenlijst.dimensies if d.id in meting.dimensie_ids]
    dim_ids += [d for d in meting.dimensie_ids if d not in dim_ids]
    dimensies = []
    for dim in dim_ids:
        scores = meting.scores(dim)
        midden = gemiddelde(scores)
        eerder = gemiddelde(vorige.scores(dim)) if vorige is not None and dim in vorige.dimensie_ids else None
        verschil = None if midden is None or eerder is None else round(midden, 2) - round(eerder, 2)
        dimensies.append(DimensieUitslag(dim, namen.get(dim, dim), _rond(midden), _rond(spreiding(scores)),
                                         _rond(verschil), sum(scores)))
    teksten = {s.id: s.tekst for s in vragenlijst.stellingen}
    volgorde = [s.id for s in vragenlijst.stellingen if s.id in meting.verdelingen]
    volgorde += [i for i in meting.verdelingen if i not in volgorde]
    stellingen = tuple(
        StellingUitslag(i, meting.dimensie_van[i], teksten.get(i, i), _rond(gemiddelde(meting.verdelingen[i])),
                        sum(meting.verdelingen[i]))
        for i in volgorde
    )
    return Uitslag(meting.datum, meting.deelnemers, tuple(dimensies), stellingen, vorige.datum if vorige else None)


def trend(metingen: list[Meting]) -> dict[str, list[tuple[date, float]]]:
    """Per dimension its mean at every measurement that has it, oldest first."""
    reeksen: dict[str, list[tuple[date, float]]] = {}
    for meting in metingen:
        for dim in meting.dimensie_ids:
            midden = gemiddelde(meting.scores(dim))
            if midden is not None:
                reeksen.setdefault(dim, []).append((meting.datum, round(midden, 2)))
    return reeksen


def uitslag_als_json(u: Uitslag) -> dict[str, Any]:
    return {
        "datum": u.datum.isoformat(),
        "deelnemers": u.deelnemers,
        "vorige": u.vorige.isoformat() if u.vorige else None,
        "dimensies": [
            {"id": d.id, "naam": d.naam, "gemiddelde": d.gemiddelde, "spreiding": d.spreiding, "verschil": d.verschil,
             "aantal": d.aantal}
            for d in u.dimensies
        ],
        "stellingen": [
            {"id": s.id, "dimensie": s.dimensie, "tekst": s.tekst, "gemiddelde": s.gemiddelde, "aantal": s.aantal}
            for s in u.stellingen
        ],
        "zwakste": u.zwakste.id if u.zwakste else None,
    }


# --- for the planner ---------------------------------------------------------------------


@dataclass(frozen=True)
class BarometerAdvies:
    """What `ln agenda` can do with the barometer.

    `plannen`: put the work form `netwerkbarometer` on the next agenda (the phase
    calls for an evaluation and no recent measurement was taken); `reden` says why
    in Dutch. `aandacht`: the weakest dimension when its mean is below
    `AANDACHT_ONDER` (else None); `werkvormen` and `valkuilen` are the ids linked
    to it in the questionnaire, to prefer in the next plans and to mention.
    """

    plannen: bool
    reden: str
    aandacht: str | None = None
    werkvormen: tuple[str, ...] = ()
    valkuilen: tuple[str, ...] = ()
    aandacht_reden: str = ""  # why those work forms, in Dutch, for the agenda's "Waarom" column


def barometer_voor_agenda(fase: str, metingen: list[Meting], vandaag: date,
                          vragenlijst: Vragenlijst | None = None, netwerk: Netwerk | None = None) -> BarometerAdvies:
    """Is a measurement due, and which dimension should the next meetings work on?

    Due in the phases inbedding and verankering when no measurement was taken in
    the last `GELDIG_DAGEN` days: none stored with `ln barometer`, and (given
    `netwerk`) no held meeting that logged the work form `netwerkbarometer`
    (filled in on paper). The last measurement steers: its weakest dimension,
    when below `AANDACHT_ONDER`, brings the work forms linked to it.
    """
    from lerend_netwerk.datum import datum_tekst

    vragenlijst = vragenlijst or laad_vragenlijst()
    sinds = vandaag - timedelta(days=GELDIG_DAGEN)
    recent = [m for m in metingen if sinds <= m.datum <= vandaag]
    op_papier = [b.datum for b in (netwerk.gehouden_bijeenkomsten if netwerk else ())
                 if WERKVORM in b.werkvormen and sinds <= b.datum <= vandaag]
    plannen = fase in EVALUATIE_FASEN and not recent and not op_papier
    if plannen:
        reden = ("In deze fase evalueer je hoe het netwerk functioneert (Evalueren en zichtbaar maken); "
                 + ("er is nog geen netwerkbarometer ingevuld." if not metingen else
                    f"de laatste netwerkbarometer is van {datum_tekst(metingen[-1].datum)}, langer dan een half jaar geleden."))
    elif fase in EVALUATIE_FASEN:
        laatst = max([m.datum for m in recent] + op_papier)
        reden = f"De netwerkbarometer is op {datum_tekst(laatst)} ingevuld."
    else:
        reden = "De netwerkbarometer hoort bij de fasen inbedding en verankering."
    if not metingen:
        return BarometerAdvies(plannen, reden)
    zwak = uitslag(metingen, vragenlijst).zwakste
    if zwak is None or zwak.gemiddelde is None or zwak.gemiddelde >= AANDACHT_ONDER:
        return BarometerAdvies(plannen, reden)
    dim = vragenlijst.dimensie(zwak.id)
    waarom = (f"De netwerkbarometer van {datum_tekst(metingen[-1].datum)} scoort het laagst op "
              f"{zwak.naam.lower()} ({zwak.gemiddelde:.2f}".replace(".", ",") + "); deze werkvorm helpt daarbij.")
    return BarometerAdvies(plannen, reden, zwak.id, dim.werkvormen if dim else (), dim.valkuilen if dim else (), waarom)
