"""The agenda planner: the next meeting's agenda from the knowledge base and the state.

A pure function (`plan_agenda`) of the knowledge base, the network's state and
the options: no terminal, no clock, no files. The same state, options and seed
give the same agenda. How it chooses is described in docs/planner.md; in short:

1. forced work forms (`--werkvorm`), then the Handreiking's explicit priorities
   (theme choice, then the contract in Ontwikkeling; knowledge transfer and
   looking ahead in Verankering), then the phase's open aims in the
   Handreiking's order, then the rest of the phase, then what was done
   recently (the library is exhausted: said so), then neighbouring phases;
2. as many work forms as the time needs, each within its indicative range;
3. an opening and a closing around them, a break in meetings over two hours.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from datetime import date

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS, Kennisbank, Werkvorm
from lerend_netwerk.netwerk import Bijeenkomst, Netwerk

# --- the planner's own defaults (not the Handreiking's; see docs/planner.md) ---
STANDAARD_DUUR = 90
MAXIMALE_DUUR = 240  # longer is a study day: plan two meetings
STANDAARD_START = "15:30"  # after the children have gone home; the state's `starttijd` wins
PAUZE_VANAF = 121  # "over two hours": a meeting of 121 minutes or more gets a break
PAUZE = 15
# (minimum, usual, maximum) minutes
OPENING = (5, 10, 15)
AFSLUITING = (10, 15, 20)
THEMA_KEUZE = "keuze-thema"
RECENT = 2  # work forms of the last two meetings (held or planned) are not repeated

# Work forms you do *in* a meeting. An `activiteit` (a visit, using a website) or an
# `afspraak` (an agreement with management) is planned only when it serves an
# aim that is still open, or when the kartrekker forces it in.
BIJEENKOMST_SOORTEN = ("werkvorm", "oefening", "instrument")
SOORTEN = ("opening", "werkvorm", "pauze", "afsluiting")
_SOORT_NAAM = {"opening": "de opening", "pauze": "de pauze", "afsluiting": "de afsluiting", "werkvorm": "een werkvorm"}


@dataclass(frozen=True)
class AgendaOpties:
    duur: int = STANDAARD_DUUR
    start: str | None = None  # "HH:MM"; None: the network's usual time, or STANDAARD_START
    seed: int | None = None  # None: derived from the state (the number of meetings)
    wissel: tuple[int, ...] = ()  # item numbers (1 = the opening) to swap for an alternative
    werkvormen: tuple[str, ...] = ()  # forced in
    zonder: tuple[str, ...] = ()  # kept out
    fase: str | None = None  # plan for another phase than the state's
    datum: date | None = None  # the meeting's date: meetings on or after it do not count


@dataclass(frozen=True)
class Onderdeel:
    start: str  # "HH:MM"
    duur: int  # minutes
    titel: str
    werkvorm: str | None  # the work form's id; None for opening, break and closing
    bron: str | None  # the reference, as the Handreiking gives it
    waarom: str
    soort: str  # opening | werkvorm | pauze | afsluiting
    toelichting: str | None = None  # what happens, in a sentence (for the handout)


@dataclass(frozen=True)
class Agenda:
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
            "onderdelen": [
                {
                    "start": o.start,
                    "duur": o.duur,
                    "titel": o.titel,
                    "werkvorm": o.werkvorm,
                    "bron": o.bron,
                    "waarom": o.waarom,
                }
                for o in self.onderdelen
            ],
            "materialen": list(self.materialen),
            "voorbereiding": list(self.voorbereiding),
            "meldingen": list(self.meldingen),
        }


# --- time ----------------------------------------------------------------------

_TIJD = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def lees_tijd(tekst: str) -> int:
    """'19:30' (or '19.30', '9:05') -> minutes after midnight; LnFout otherwise."""
    gevonden = _TIJD.match(tekst or "")
    if gevonden:
        uur, minuut = int(gevonden.group(1)), int(gevonden.group(2))
        if uur <= 23 and minuut <= 59:
            return uur * 60 + minuut
    raise LnFout(
        f"'{tekst}' is geen tijd.",
        advies="schrijf de begintijd als UU:MM, met uren 0-23 en minuten 0-59, bijvoorbeeld --start 19:30.",
    )


def tijd(minuten: int) -> str:
    return f"{minuten // 60:02d}:{minuten % 60:02d}"


# --- the choice ----------------------------------------------------------------


@dataclass
class _Keuze:
    werkvorm: Werkvorm
    waarom: str
    voorrang: bool = False  # an explicit priority of the Handreiking: goes first
    gekozen: bool = False  # forced with --werkvorm
    melding: str | None = None  # said once when this candidate is used


@dataclass
class _Plan:
    keuzes: list[_Keuze] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


def _kort(titel: str) -> str:
    """An aim's title up to its first ';' or '?' (some are two sentences)."""
    for teken in (";", "?"):
        if teken in titel:
            deel = titel.split(teken)[0].strip()
            return deel + ("?" if teken == "?" else "")
    return titel.rstrip(".")


def _alle_bijeenkomsten(netwerk: Netwerk) -> list[Bijeenkomst]:
    """Held and planned meetings, oldest first (a planned one counts as the last)."""
    return sorted(netwerk.bijeenkomsten, key=lambda b: (b.datum, b.gehouden is False))


def _recent(netwerk: Netwerk) -> dict[str, date]:
    """Work forms of the last RECENT meetings (held or planned) -> the latest date."""
    recent: dict[str, date] = {}
    for b in _alle_bijeenkomsten(netwerk)[-RECENT:]:
        for wid in b.werkvormen:
            recent[wid] = max(recent.get(wid, b.datum), b.datum)
    return recent


def _datum(d: date) -> str:
    maanden = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")
    return f"{d.day} {maanden[d.month - 1]} {d.year}"


def standaard_seed(netwerk: Netwerk) -> int:
    """The seed when none is given: the number of meetings in the state, so that
    the same state gives the same agenda and the next meeting a different one."""
    return len(netwerk.bijeenkomsten)


def volgende_datum(netwerk: Netwerk) -> date | None:
    """A guess at the next meeting's date, for `--bewaar` without `--datum`: the
    last meeting (held or planned) plus the network's usual interval (the median
    gap between its meetings; four weeks with fewer than two). None without meetings."""
    from datetime import timedelta
    from statistics import median_low

    data = sorted({b.datum for b in netwerk.bijeenkomsten})
    if not data:
        return None
    gaten = [(b - a).days for a, b in zip(data, data[1:])]
    stap = median_low(gaten) if gaten else 28
    return data[-1] + timedelta(days=max(1, stap))


def _tot(netwerk: Netwerk, datum: date | None) -> Netwerk:
    """The state as it is before `datum`: later meetings (and one planned on it) do not count."""
    if datum is None:
        return netwerk
    return replace(netwerk, bijeenkomsten=tuple(b for b in netwerk.bijeenkomsten if b.datum < datum))


def _open_doelen(kb: Kennisbank, netwerk: Netwerk, fase_id: str):
    from lerend_netwerk.voortgang import open_doelen

    return open_doelen(kb, netwerk, fase_id)


def _voorrang(kb: Kennisbank, netwerk: Netwerk, fase_id: str, open_ids: set[str], open_signalen: set[str],
              recent: dict[str, date], weg: set[str], plan: _Plan) -> list[_Keuze]:
    """The Handreiking's explicit priorities for this phase and state."""
    regels: list[tuple[str, str]] = []
    waarschuwing = None
    if fase_id == "ontwikkeling":
        if not netwerk.thema.speerpunt:
            regels = [
                ("diverse-bronnen-benutten",
                 "Er is nog geen gezamenlijk thema: dat komt vóór al het andere. Eerst zoekt "
                 "iedereen bronnen bij de thema's (Keuze van het gezamenlijke thema)."),
                ("gewichten-plakken",
                 "Er is nog geen gezamenlijk thema: met stickers gewicht geven aan de voorgestelde "
                 "thema's om samen te kiezen (Keuze van het gezamenlijke thema)."),
            ]
            waarschuwing = (
                "Er staat nog geen speerpunt in het statusbestand, maar de werkvormen voor de "
                "themakeuze zijn de laatste keren al gedaan of gepland. Is het thema gekozen? "
                "Zet het dan onder 'thema: speerpunt'."
            )
        elif netwerk.contract is None:
            regels = [
                ("contract",
                 "Het thema staat; er is nog geen contract. Maak samen afspraken over hoe jullie "
                 "met elkaar omgaan (Een veilige sfeer creëren)."),
            ]
            waarschuwing = (
                "Er staat nog geen contract in het statusbestand, maar 'contract' is de laatste "
                "keren al gedaan of gepland. Is het gemaakt? Zet de datum onder 'afspraken: contract'."
            )
    elif fase_id == "verankering":
        if "kennisoverdracht" in open_ids:
            regels.append(
                ("leeropbrengst-delen",
                 "Kennisoverdracht is nog open: hoe komt de leeropbrengst bij collega's buiten het netwerk?")
            )
        if "borging-vervolg-gekozen" in open_signalen:
            regels.append(
                ("kijk-vooruit",
                 "Kijk vooruit: hoe willen jullie verder, met wie en met welk thema? "
                 "Dat bereidt de doorstart voor (Borging en voortgang).")
            )
    keuzes = []
    overgeslagen = []
    for wid, waarom in regels:
        w = kb.werkvormen.get(wid)
        if w is None or wid in weg:
            continue
        if wid in recent:
            overgeslagen.append(wid)
            continue
        keuzes.append(_Keuze(w, waarom, voorrang=True))
    if waarschuwing and not keuzes and overgeslagen:
        plan.meldingen.append(waarschuwing)
    return keuzes


def bron_in_fase(w: Werkvorm, fase_id: str) -> str | None:
    """The reference where the Handreiking names the work form in this phase; else all of them."""
    hier = dict.fromkeys(v.bron for v in w.vermeldingen if v.fase == fase_id and v.bron)
    return "; ".join(hier) or w.bron


def _mag_gepland(w: Werkvorm, fase_id: str, open_ids: set[str]) -> bool:
    if w.soort in BIJEENKOMST_SOORTEN:
        return True
    return any(v.fase == fase_id and v.doel in open_ids for v in w.vermeldingen)


def _kandidaten(kb: Kennisbank, netwerk: Netwerk, fase_id: str, opties: AgendaOpties,
                rng: random.Random, plan: _Plan) -> list[_Keuze]:
    """Every work form that could go in, best first."""
    fase = kb.fase(fase_id)
    fase_naam = fase.naam
    statussen = _open_doelen(kb, netwerk, fase_id)
    open_ids = {s.doel.id for s in statussen}
    open_signalen = {st.signaal.id for s in statussen for st in s.open_signalen}
    recent = _recent(netwerk)
    weg = set(opties.zonder)
    if netwerk.thema.speerpunt:
        # the theme is chosen: the work forms for choosing it are done with
        weg |= {w.id for w in kb.werkvormen.values() if w.doelen and set(w.doelen) <= {THEMA_KEUZE}}
        if fase_id == "ontwikkeling":
            zonder = [d.naam for d in netwerk.deelnemers if not d.leerdoel]
            if not netwerk.thema.gezamenlijk_leerdoel:
                plan.meldingen.append(
                    "Het thema staat, maar er is nog geen gezamenlijk leerdoel (thema: gezamenlijk_leerdoel). "
                    "Stel het samen vast, bijvoorbeeld bij de afspraken aan het eind."
                )
            if zonder:
                plan.meldingen.append(
                    "Nog geen eigen leerdoel bij het thema: " + ", ".join(zonder) + ". "
                    "Vraag ernaar bij de afspraken aan het eind."
                )
    kandidaten: list[_Keuze] = []
    gezien: set[str] = set()

    def voeg_toe(keuze: _Keuze) -> None:
        if keuze.werkvorm.id not in gezien:
            gezien.add(keuze.werkvorm.id)
            kandidaten.append(keuze)

    for wid in opties.werkvormen:
        w = kb.werkvorm(wid)
        waarom = "Door jou gekozen (--werkvorm)."
        if fase_id not in w.fasen:
            namen = ", ".join(kb.fase(f).naam for f in w.fasen)
            waarom += f" De Handreiking noemt hem bij {namen}."
        voeg_toe(_Keuze(w, waarom, gekozen=True))

    for keuze in _voorrang(kb, netwerk, fase_id, open_ids, open_signalen, recent, weg, plan):
        voeg_toe(keuze)

    def bruikbaar(w: Werkvorm) -> bool:
        return w.id not in weg and w.id not in recent and w.id not in gezien

    # Open aims in the Handreiking's order. Per aim first the work forms an unmet
    # signal names (doing them moves the network on), then the aim's other forms.
    per_doel_a: list[list[_Keuze]] = []
    per_doel_b: list[list[_Keuze]] = []
    for status in statussen:
        doel = status.doel
        gevraagd = [wid for st in status.open_signalen for wid in st.signaal.werkvormen]
        bij_doel = [
            w for w in kb.werkvormen.values()
            if any(v.fase == fase_id and v.doel == doel.id for v in w.vermeldingen)
            and bruikbaar(w) and _mag_gepland(w, fase_id, open_ids)
        ]
        a = [w for w in bij_doel if w.id in gevraagd]
        b = [w for w in bij_doel if w.id not in gevraagd]
        rng.shuffle(a)
        rng.shuffle(b)
        waarom_a = f"Open doel van {fase_naam}: {_kort(doel.titel)}. Deze werkvorm is in dit netwerk nog niet gedaan."
        waarom_b = f"Open doel van {fase_naam}: {_kort(doel.titel)}."
        per_doel_a.append([_Keuze(w, waarom_a) for w in a])
        per_doel_b.append([_Keuze(w, waarom_b) for w in b])
    for lijsten in (per_doel_a, per_doel_b):
        ronde = 0
        while any(ronde < len(lijst) for lijst in lijsten):
            for lijst in lijsten:
                if ronde < len(lijst):
                    voeg_toe(lijst[ronde])
            ronde += 1

    # The phase's other work forms (their aims are met: keeps them alive).
    rest = [w for w in kb.werkvormen_in_fase(fase_id) if bruikbaar(w) and w.soort in BIJEENKOMST_SOORTEN]
    rng.shuffle(rest)
    for w in rest:
        doelen = [kb.doelen[v.doel].titel for v in w.vermeldingen if v.fase == fase_id and v.doel in kb.doelen]
        over = f" ({_kort(doelen[0])})" if doelen else ""
        voeg_toe(_Keuze(w, f"Werkvorm uit {fase_naam}{over}; het doel is al gehaald, dit houdt het levend."))

    # The library of the phase is exhausted: what was done recently comes back, oldest first.
    terug = [
        w for w in kb.werkvormen_in_fase(fase_id)
        if w.id in recent and w.id not in weg and w.id not in gezien and _mag_gepland(w, fase_id, open_ids)
    ]
    terug.sort(key=lambda w: (recent[w.id], w.id))
    for w in terug:
        voeg_toe(_Keuze(
            w,
            f"Al gedaan of gepland op {_datum(recent[w.id])}; de andere werkvormen van {fase_naam} zijn op.",
            melding=(
                f"De werkvormen van {fase_naam} zijn op: wat de laatste {RECENT} bijeenkomsten al "
                f"gedaan of gepland is, komt terug."
            ),
        ))

    # Still time left: work forms of the neighbouring phases, nearest first.
    nummer = FASE_IDS.index(fase_id)
    buren = sorted(
        (f for f in FASE_IDS if f != fase_id),
        key=lambda f: (abs(FASE_IDS.index(f) - nummer), FASE_IDS.index(f)),
    )
    for ander in buren:
        naam = kb.fase(ander).naam
        lijst = [w for w in kb.werkvormen_in_fase(ander)
                 if w.id not in weg and w.id not in gezien and w.soort in BIJEENKOMST_SOORTEN]
        lijst.sort(key=lambda w: w.id in recent)
        for w in lijst:
            voeg_toe(_Keuze(
                w,
                f"Uit de fase {naam}: de werkvormen van {fase_naam} vullen de tijd niet.",
                melding=f"De werkvormen van {fase_naam} vullen de tijd niet; er komen werkvormen uit andere fasen bij.",
            ))
    return kandidaten


# --- time budget ---------------------------------------------------------------


def _vast_min(duur: int) -> int:
    return OPENING[0] + AFSLUITING[0] + (PAUZE if duur >= PAUZE_VANAF else 0)


def _vast_gewoon(duur: int) -> int:
    return OPENING[1] + AFSLUITING[1] + (PAUZE if duur >= PAUZE_VANAF else 0)


def _vast_max(duur: int) -> int:
    return OPENING[2] + AFSLUITING[2] + (PAUZE if duur >= PAUZE_VANAF else 0)


def _gewoon(w: Werkvorm) -> int:
    """A comfortable length inside the range: halfway, rounded down to 5 minutes."""
    laag, hoog = w.duur
    return laag + ((hoog - laag) // 2) // 5 * 5


def _kies(kandidaten: list[_Keuze], gekozen: list[_Keuze], duur: int, uitgesloten: set[str]) -> list[_Keuze]:
    """Add candidates, best first, until the time is used without cramming.

    A candidate goes in when it fits at its minimum and either it is one of the
    Handreiking's priorities, or the agenda cannot fill the time yet (even with
    everything at its maximum), or it still fits at a comfortable length.
    Stopgaps (recently done, other phases) only when the time cannot be filled.
    """
    gekozen = list(gekozen)
    ids = {k.werkvorm.id for k in gekozen} | uitgesloten

    def som(f) -> int:
        return sum(f(k.werkvorm) for k in gekozen)

    for k in kandidaten:
        w = k.werkvorm
        if w.id in ids or _vast_min(duur) + som(lambda x: x.duur[0]) + w.duur[0] > duur:
            continue
        nodig = _vast_max(duur) + som(lambda x: x.duur[1]) < duur
        ruim = _vast_gewoon(duur) + som(_gewoon) + _gewoon(w) <= duur
        if nodig or not gekozen or k.voorrang or (ruim and k.melding is None):
            gekozen.append(k)
            ids.add(w.id)
    return gekozen


def _verdeel(werkvormen: list[Werkvorm], duur: int) -> tuple[int, list[int], int]:
    """Minutes for opening, each work form and closing.

    All start at their minimum; the rest of the time is handed out in rounds of
    five minutes: opening and closing to their usual length, the work forms to a
    comfortable length, the work forms to their maximum, then closing and opening
    to theirs. What cannot be placed stays over (and the agenda says so).
    """
    minuten = [OPENING[0], *(w.duur[0] for w in werkvormen), AFSLUITING[0]]
    over = duur - _vast_min(duur) - sum(minuten[1:-1])

    def verhoog(plekken: list[int], doelen: list[int]) -> None:
        nonlocal over
        while over > 0:
            erbij_totaal = 0
            for plek, doel in zip(plekken, doelen):
                erbij = max(0, min(5, over, doel - minuten[plek]))
                minuten[plek] += erbij
                over -= erbij
                erbij_totaal += erbij
            if erbij_totaal == 0:
                return

    laatste = len(minuten) - 1
    wv = list(range(1, laatste))
    verhoog([0, laatste], [OPENING[1], AFSLUITING[1]])
    verhoog(wv, [_gewoon(w) for w in werkvormen])
    verhoog(wv, [w.duur[1] for w in werkvormen])
    verhoog([laatste, 0], [AFSLUITING[2], OPENING[2]])
    return minuten[0], minuten[1:-1], minuten[-1]


def _volgorde(kb: Kennisbank, fase_id: str):
    """Sort key for work forms: priorities first, then where the Handreiking names them."""
    doel_plek = {d.id: i for i, d in enumerate(d for f in kb.fasen for d in f.doelen)}
    wv_plek = {wid: i for i, wid in enumerate(kb.werkvormen)}

    def sleutel(k: _Keuze) -> tuple[int, int, int, int]:
        w = k.werkvorm
        hier = [v for v in w.vermeldingen if v.fase == fase_id] or list(w.vermeldingen)
        fase_plek = FASE_IDS.index(hier[0].fase) if hier else len(FASE_IDS)
        doel = min((doel_plek.get(v.doel, 99) for v in hier), default=99)
        return (0 if k.voorrang else 1, fase_plek, doel, wv_plek.get(w.id, 999))

    return sleutel


def _werk_min(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties) -> int:
    """The fewest minutes of work forms an agenda needs: the forced ones, or the shortest one."""
    fase_id = kb.fase(opties.fase or netwerk.fase).id
    if opties.werkvormen:
        return sum(kb.werkvorm(wid).duur[0] for wid in dict.fromkeys(opties.werkvormen))
    else:
        weg = set(opties.zonder)
        statussen = _open_doelen(kb, netwerk, fase_id)
        open_ids = {s.doel.id for s in statussen}
        mogelijk = [w.duur[0] for w in kb.werkvormen.values()
                    if w.id not in weg and fase_id in w.fasen and _mag_gepland(w, fase_id, open_ids)]
        if not mogelijk:
            mogelijk = [w.duur[0] for w in kb.werkvormen.values() if w.id not in weg] or [0]
        return min(mogelijk)


def minimale_duur(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties) -> int:
    """The shortest meeting with an opening, a work form (or the forced ones) and a closing."""
    minimum = OPENING[0] + AFSLUITING[0] + _werk_min(kb, _tot(netwerk, opties.datum), opties)
    return minimum + PAUZE if minimum >= PAUZE_VANAF else minimum


# --- the agenda ------------------------------------------------------------------


def _controleer(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties) -> None:
    for wid in (*opties.werkvormen, *opties.zonder):
        kb.werkvorm(wid)  # LnFout with a suggestion when unknown
    beide = sorted(set(opties.werkvormen) & set(opties.zonder))
    if beide:
        raise LnFout(
            f"'{beide[0]}' staat zowel bij --werkvorm als bij --zonder.",
            advies="kies: erin met --werkvorm, of eruit met --zonder.",
        )
    if opties.duur > MAXIMALE_DUUR:
        raise LnFout(
            f"{opties.duur} minuten is langer dan een bijeenkomst die ln agenda plant (hoogstens {MAXIMALE_DUUR}).",
            advies=f"kies --duur {MAXIMALE_DUUR} of korter, of plan twee bijeenkomsten.",
        )
    minimum = minimale_duur(kb, netwerk, opties)
    if opties.duur < minimum:
        wat = "deze werkvormen" if opties.werkvormen else "een werkvorm"
        raise LnFout(
            f"{opties.duur} minuten is te kort voor een agenda met opening, {wat} en afsluiting: "
            f"dat kan vanaf {minimum} minuten.",
            advies=f"kies --duur {minimum} of langer.",
        )
    nodig = _vast_min(opties.duur) + _werk_min(kb, netwerk, opties)
    if nodig > opties.duur:  # only with forced work forms: from PAUZE_VANAF on a break takes time too
        korter = f"--duur {PAUZE_VANAF - 1} (zonder pauze) of " if minimum < PAUZE_VANAF else ""
        raise LnFout(
            f"{opties.duur} minuten is te kort voor deze werkvormen met opening, pauze en afsluiting.",
            advies=f"kies {korter}--duur {nodig} of langer.",
        )


def _opening(netwerk: Netwerk, vorige: Bijeenkomst | None, fase_naam: str) -> tuple[str, str, str]:
    if vorige is None:
        return (
            "Opening: welkom en doel van vandaag",
            "Welkom: wie is er, wat gaan we vandaag doen en waarom?",
            f"De eerste bijeenkomst van {netwerk.naam}: waar is het netwerk voor, en wat moet vandaag opleveren?",
        )
    wanneer = _datum(vorige.datum)
    status = " (de geplande bijeenkomst)" if not vorige.gehouden else ""
    return (
        "Opening: welkom en terugblik",
        "Welkom, terugblik op de afspraken van de vorige keer en het programma van vandaag.",
        f"Terugblik op de afspraken van {wanneer}{status}: wat is ermee gebeurd?",
    )


def plan_agenda(kb: Kennisbank, netwerk: Netwerk, opties: AgendaOpties | None = None) -> Agenda:
    """The next meeting's agenda. Raises LnFout (exit 2) for options that cannot work."""
    opties = opties or AgendaOpties()
    netwerk = _tot(netwerk, opties.datum)
    if opties.fase is not None:
        opties = replace(opties, fase=kb.fase(opties.fase).id)
    opties = replace(
        opties,
        werkvormen=tuple(dict.fromkeys(w.strip().lower() for w in opties.werkvormen)),
        zonder=tuple(dict.fromkeys(w.strip().lower() for w in opties.zonder)),
    )
    if opties.start is not None:
        start, start_bron = lees_tijd(opties.start), "optie"
    elif netwerk.starttijd:
        start, start_bron = lees_tijd(netwerk.starttijd), "statusbestand"
    else:
        start, start_bron = lees_tijd(STANDAARD_START), "standaard"
    _controleer(kb, netwerk, opties)
    duur = opties.duur
    if start + duur > 24 * 60:
        raise LnFout(
            f"Een bijeenkomst van {duur} minuten vanaf {tijd(start)} loopt over middernacht.",
            advies="kies een eerdere begintijd met --start, of een kortere --duur.",
        )
    fase = kb.fase(opties.fase or netwerk.fase)
    seed = standaard_seed(netwerk) if opties.seed is None else opties.seed

    plan = _Plan()
    kandidaten = _kandidaten(kb, netwerk, fase.id, opties, random.Random(seed), plan)
    gekozen = [k for k in kandidaten if k.gekozen]  # they fit: _controleer checked
    gekozen = _kies(kandidaten, gekozen, duur, set())
    gekozen.sort(key=_volgorde(kb, fase.id))
    # a priority that does not fit the time is said out loud
    for k in kandidaten:
        if k.voorrang and k not in gekozen:
            laag, hoog = k.werkvorm.duur
            plan.meldingen.append(
                f"'{k.werkvorm.naam}' ({laag}–{hoog} min) is nu aan de beurt, maar past er in "
                f"{duur} minuten niet bij. Plan er een langere bijeenkomst voor (--duur)."
            )

    # --wissel: the numbers refer to the agenda without swaps (same seed)
    if opties.wissel:
        basis = _stel_samen(kb, netwerk, fase, opties, gekozen, duur, start, plan, seed, start_bron)
        weg: set[str] = set()
        for nummer in dict.fromkeys(opties.wissel):
            if not 1 <= nummer <= len(basis.onderdelen):
                raise LnFout(
                    f"Onderdeel {nummer} bestaat niet; de agenda heeft {len(basis.onderdelen)} onderdelen.",
                    advies="wissel een werkvorm: " + _wisselbaar(basis) + ".",
                )
            onderdeel = basis.onderdelen[nummer - 1]
            if onderdeel.werkvorm is None:
                raise LnFout(
                    f"Onderdeel {nummer} is {_SOORT_NAAM[onderdeel.soort]}; alleen werkvormen kun je wisselen.",
                    advies="wissel een werkvorm: " + _wisselbaar(basis) + ".",
                )
            plek = next(i for i, k in enumerate(gekozen) if k.werkvorm.id == onderdeel.werkvorm)
            oud = gekozen[plek]
            if oud.gekozen:
                raise LnFout(
                    f"Onderdeel {nummer} ({oud.werkvorm.naam}) heb je zelf gekozen met --werkvorm.",
                    advies="laat die --werkvorm weg, of wissel een ander onderdeel.",
                )
            weg.add(oud.werkvorm.id)
            overige = [k for i, k in enumerate(gekozen) if i != plek]
            ruimte = duur - _vast_min(duur) - sum(k.werkvorm.duur[0] for k in overige)
            ids = {k.werkvorm.id for k in gekozen} | weg
            # the best alternative: the first candidate for the same aim, else the first that fits
            zelfde_doel = set(oud.werkvorm.doelen)
            volgorde = sorted(kandidaten, key=lambda k: not (set(k.werkvorm.doelen) & zelfde_doel))
            nieuw = next(
                (k for k in volgorde if k.werkvorm.id not in ids and k.werkvorm.duur[0] <= ruimte), None
            )
            if nieuw is None:
                raise LnFout(
                    f"Er is geen andere werkvorm die in de plaats van onderdeel {nummer} ({oud.werkvorm.naam}) past.",
                    advies="kies er zelf een met --werkvorm ID, of maak de bijeenkomst langer met --duur.",
                )
            waarom = f"{nieuw.waarom} In plaats van '{oud.werkvorm.naam}' (--wissel {nummer})."
            gekozen[plek] = replace(nieuw, waarom=waarom)
        # the swap may have freed or taken time: fill up again, keeping positions
        gekozen = _kies(kandidaten, gekozen, duur, weg)
    return _stel_samen(kb, netwerk, fase, opties, gekozen, duur, start, plan, seed, start_bron)


def _wisselbaar(agenda: Agenda) -> str:
    nummers = [str(i) for i, o in enumerate(agenda.onderdelen, 1) if o.werkvorm]
    return ", ".join(nummers) if nummers else "er staat geen werkvorm in"


def _stel_samen(kb: Kennisbank, netwerk: Netwerk, fase, opties: AgendaOpties, gekozen: list[_Keuze],
                duur: int, start: int, plan: _Plan, seed: int, start_bron: str) -> Agenda:
    werkvormen = [k.werkvorm for k in gekozen]
    opening_min, minuten, sluiting_min = _verdeel(werkvormen, duur)
    meldingen = list(plan.meldingen)
    for k in gekozen:
        if k.melding and k.melding not in meldingen:
            meldingen.append(k.melding)

    alle = _alle_bijeenkomsten(netwerk)
    vorige = alle[-1] if alle else None
    if vorige is not None and not vorige.gehouden:
        meldingen.insert(0, (
            f"Er staat al een geplande bijeenkomst op {_datum(vorige.datum)}; deze agenda is voor de "
            "bijeenkomst daarna. Is die geplande bijeenkomst geweest? Leg hem vast met 'ln bijeenkomst'."
        ))

    # opening
    titel, toelichting, waarom = _opening(netwerk, vorige, fase.naam)
    items: list[tuple[int, str, str | None, str | None, str, str, str | None]] = [
        (opening_min, titel, None, None, waarom, "opening", toelichting)
    ]
    for k, m in zip(gekozen, minuten):
        w = k.werkvorm
        items.append((m, w.naam, w.id, bron_in_fase(w, fase.id), k.waarom, "werkvorm", w.beschrijving))

    # closing: reflection in the learning diary once the network has one (Ontwikkeling on),
    # else a round; then agreements for next time
    dagboek = kb.werkvormen.get("leerdagboek")
    met_dagboek = (
        dagboek is not None
        and FASE_IDS.index(fase.id) >= FASE_IDS.index("ontwikkeling")
        and "leerdagboek" not in opties.zonder
        and "leerdagboek" not in [w.id for w in werkvormen]
    )
    if met_dagboek:
        items.append((
            sluiting_min, "Afsluiting: leerdagboek en afspraken", None, bron_in_fase(dagboek, fase.id),
            "Reflectie: ieder schrijft kort in het leerdagboek wat hij of zij meeneemt. "
            "Dan de afspraken voor de volgende keer: wat, wie, wanneer.",
            "afsluiting",
            "Schrijf in je leerdagboek wat je vandaag meeneemt; "
            "daarna spreken we af wie wat doet voor de volgende keer.",
        ))
    else:
        items.append((
            sluiting_min, "Afsluiting: reflectie en afspraken", None, None,
            "Rondje: wat neem je mee van vandaag? Dan de afspraken voor de volgende keer: wat, wie, wanneer.",
            "afsluiting",
            "Een rondje: wat neem je mee van vandaag? Daarna spreken we af wie wat doet voor de volgende keer.",
        ))

    # a break in the middle of a meeting over two hours, between two work forms if it can
    if duur >= PAUZE_VANAF:
        grenzen = list(range(2, len(items) - 1)) if len(werkvormen) >= 2 else [len(items) - 1]
        verstreken = [sum(item[0] for item in items[:g]) for g in grenzen]
        midden = sum(item[0] for item in items) / 2
        plek = min(zip(grenzen, verstreken), key=lambda gv: (abs(gv[1] - midden), gv[0]))[0]
        items.insert(plek, (
            PAUZE, "Pauze", None, None,
            "De bijeenkomst duurt langer dan twee uur: even bijkomen.", "pauze",
            "Koffie, thee en even bijpraten.",
        ))

    onderdelen = []
    klok = start
    for minuten_, titel_, wid, bron, waarom_, soort, toel in items:
        onderdelen.append(Onderdeel(tijd(klok), minuten_, titel_, wid, bron, waarom_, soort, toel))
        klok += minuten_
    over = duur - (klok - start)
    if over > 0:
        meldingen.append(f"Er blijft {over} minuten over: ruimte om uit te lopen.")

    materialen: list[str] = []
    voorbereiding: list[str] = []
    for w in werkvormen:
        materialen.extend(w.uitwerking.materialen)
        voorbereiding.extend(w.uitwerking.voorbereiding)
    if met_dagboek:
        materialen.extend(dagboek.uitwerking.materialen or ("leerdagboeken",))
    if duur >= PAUZE_VANAF:
        materialen.append("koffie, thee en iets lekkers voor de pauze")
    if vorige is not None:
        voorbereiding.insert(
            0, f"Zet de afspraken van de bijeenkomst van {_datum(vorige.datum)} op een rij voor de terugblik."
        )

    return Agenda(
        netwerk=netwerk.naam,
        fase=fase.id,
        fase_naam=fase.naam,
        duur=duur,
        start=tijd(start),
        eind=tijd(start + duur),
        start_bron=start_bron,
        datum=opties.datum,
        seed=seed,
        onderdelen=tuple(onderdelen),
        materialen=tuple(dict.fromkeys(materialen)),
        voorbereiding=tuple(dict.fromkeys(voorbereiding)),
        meldingen=tuple(dict.fromkeys(meldingen)),
    )
