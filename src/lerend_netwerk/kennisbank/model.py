"""The knowledge base's types and the questions it answers (loading: laden.py)."""

from __future__ import annotations

from typing import NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.tekst import suggestie

FASE_IDS = ("verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering")
# The phases in which a network evaluates itself (Inbedding: "Evalueren en zichtbaar maken";
# Verankering): where ln agenda asks for the Netwerkbarometer.
EVALUATIE_FASEN = ("inbedding", "verankering")


def fase_id(tekst: str) -> str:
    """The one reader of a phase a person types: its id or number (1-5), any case -> the id.

    Otherwise an LnFout (exit 2) with the closest phase.
    """
    sleutel = str(tekst).strip().lower()
    if sleutel.isdecimal() and 1 <= int(sleutel) <= len(FASE_IDS):  # not isdigit: "¹" is a digit int() refuses
        return FASE_IDS[int(sleutel) - 1]
    if sleutel in FASE_IDS:
        return sleutel
    raise LnFout(
        f"'{tekst}' is geen fase." + suggestie(sleutel, FASE_IDS), advies=f"kies uit: {', '.join(FASE_IDS)} (of 1 tot 5)."
    )
GROEPSVORMEN = ("plenair", "individueel", "tweetallen", "drietallen", "subgroepen")
WERKVORM_SOORTEN = ("werkvorm", "oefening", "instrument", "activiteit", "afspraak")
VALKUIL_SOORTEN = ("valkuil", "tip")
# The parts of the state file an aim's signal may point to as evidence.
BEWIJS_VELDEN = (
    "thema.speerpunt",
    "thema.ukk_hoofdstuk",
    "thema.gezamenlijk_leerdoel",
    "afspraken.contract",
    "deelnemers.leerdoel",
)


class Onderdeel(NamedTuple):
    """A named part of a source: a UKK chapter, a Toolkit card, a speerpunt.

    `aangevuld`: the part is not named in the Handreiking; it comes from
    shared/BRONNEN.md and is shown as added.
    """

    label: str
    tekst: str
    aangevuld: bool = False


class Bron(NamedTuple):
    id: str
    titel: str
    citeernamen: tuple[str, ...]
    soort: str
    beschrijving: str
    auteurs: str | None = None
    jaar: int | None = None
    uitgever: str | None = None
    adres: str | None = None
    onderdelen: tuple[Onderdeel, ...] = ()
    # Facts from shared/BRONNEN.md that the Handreiking does not give: shown as added.
    aanvulling: str | None = None
    gegevens_aangevuld: bool = False  # authors, year and publisher are not the Handreiking's


class Signaal(NamedTuple):
    """Something you can observe when an aim is met.

    `veld` or `werkvormen` lets the tool check it against the state file;
    without either, the kartrekker ticks it off (`behaald` in the state).
    """

    id: str
    tekst: str
    eigen_lezing: bool
    veld: str | None = None
    werkvormen: tuple[str, ...] = ()


class Doel(NamedTuple):
    id: str
    titel: str
    fase: str
    beschrijving: str
    kernvragen: tuple[str, ...]
    signalen: tuple[Signaal, ...]


class Fase(NamedTuple):
    id: str
    nummer: int
    naam: str
    kernvragen: tuple[str, ...]
    samenvatting: str
    kartrekker: str  # what the Handreiking says about the kartrekker's role here (own words)
    kartrekker_eigen: str  # our reading of the role in this phase, shown as such
    doelen: tuple[Doel, ...]


class Randvoorwaarde(NamedTuple):
    id: str
    naam: str
    betekenis: str
    aanpak: tuple[str, ...]
    aanpak_eigen: bool
    bron: tuple[str, ...]
    zo_merk_je_het: tuple[str, ...]
    werkvormen: tuple[str, ...]


class Vermelding(NamedTuple):
    """One place the Handreiking names a work form: phase, aim, heading, reference.

    `noot` is our own remark on what is printed there (a likely misprint), shown as ours.
    `na` is the work form printed just before it under the same aim, for a place
    that is not the work form's first (the file lists work forms by first mention).
    """

    fase: str
    doel: str | None
    kop: str
    bron: str | None
    noot: str | None = None
    na: str | None = None


class Stap(NamedTuple):
    tekst: str
    minuten: int


class Uitwerking(NamedTuple):
    """How to run a work form: our own elaboration, not the Handreiking's text.

    After the five design elements of Liberating Structures' storyboards.
    """

    duur_min: int
    duur_max: int
    toelichting: str | None = None  # what we add to the Handreiking's description
    uitnodiging: str | None = None
    materialen: tuple[str, ...] = ()
    deelname: str | None = None
    groepsvorm: tuple[str, ...] = ()
    stappen: tuple[Stap, ...] = ()
    voorbereiding: tuple[str, ...] = ()


class Vereiste(NamedTuple):
    """What must be true before the planner proposes a work form (our own reading unless `bron`)."""

    uitleg: str  # why, in Dutch: "pas als deelnemers elkaar aan het werk hebben gezien"
    gedaan: tuple[str, ...] = ()  # one of these work forms was done in a held meeting
    thema: bool = False  # the network has chosen its theme
    contract: bool = False  # the network has made its contract
    randvoorwaarden: tuple[str, ...] = ()  # none of these preconditions is 'nee'
    bron: str | None = None  # where the Handreiking says so, if it does


class Werkvorm(NamedTuple):
    id: str
    naam: str
    soort: str
    beschrijving: str
    helpt_bij: tuple[str, ...]
    vermeldingen: tuple[Vermelding, ...]
    uitwerking: Uitwerking
    eigen: bool = False  # from the user's own library
    vereist: Vereiste | None = None

    @property
    def fasen(self) -> tuple[str, ...]:
        return tuple(fase for fase in FASE_IDS if any(v.fase == fase for v in self.vermeldingen))

    @property
    def doelen(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.doel for v in self.vermeldingen if v.doel))

    @property
    def bronnen(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.bron for v in self.vermeldingen if v.bron))

    @property
    def bron(self) -> str | None:
        """All references as one string, as the Handreiking gives them."""
        return "; ".join(self.bronnen) or None

    @property
    def duur(self) -> tuple[int, int]:
        return (self.uitwerking.duur_min, self.uitwerking.duur_max)


class Valkuil(NamedTuple):
    id: str
    titel: str
    soort: str
    voor: str
    fasen: tuple[str, ...]
    zo_merk_je_het: tuple[str, ...]
    aanpak: str
    werkvormen: tuple[str, ...]
    bron: tuple[str, ...]
    eigen: bool = False
    noot: str | None = None  # our remark on where the Handreiking places it


class Rol(NamedTuple):
    id: str
    rol: str  # "Bewaakt de tijd"; "{werkvorm}" is filled in with a work form's name
    vanaf: str  # the first phase in which participants take it


class InGebruik(NamedTuple):
    """How a work form the network already uses comes back later (planner.yaml, al_in_gebruik)."""

    titel: str
    uitleg: str
    neem_mee: str | None = None


class Voorrang(NamedTuple):
    """A priority the Handreiking gives (planner.yaml, `voorrang`): in this phase, when this holds,
    these work forms first."""

    fase: str
    wanneer: str  # geen_thema | geen_contract | doel_open | signaal_open
    over: str | None  # the aim or signal id for doel_open / signaal_open
    werkvormen: tuple[tuple[str, str], ...]  # (work form id, why)
    al_gedaan: str | None = None  # said when every one was done lately


VOORRANG_WANNEER = ("geen_thema", "geen_contract", "doel_open", "signaal_open")


class Planregels(NamedTuple):
    """The planner's own rules (data/planner.yaml): not the Handreiking's, and said so."""

    procesvormen: tuple[str, ...] = ()
    hoogstens_proces: int = 1
    afspraak_woorden: tuple[str, ...] = ()
    opkomst_bijeenkomsten: int = 3
    opkomst_deel: float = 0.75
    opkomst_laag: float = 0.6
    opkomst_valkuil: str | None = None
    rollen: tuple[Rol, ...] = ()
    doel_van_vandaag: dict[str, str] = {}
    al_in_gebruik: dict[str, InGebruik] = {}
    voorrang: tuple[Voorrang, ...] = ()
    afspraak_werkvormen: dict[str, str] = {}  # a word (folded) in an agreement -> the work form it names
    niet_meteen_weer: tuple[str, ...] = ()  # not again at the very next meeting, even when the phase is used up
    taak_woorden: tuple[str, ...] = ()  # verbs of a task between meetings: preparation, not an item


class Kennisbank:
    """The whole knowledge base; `doelen` indexes every phase's aims by id."""

    def __init__(
        self,
        fasen: tuple[Fase, ...],
        randvoorwaarden: tuple[Randvoorwaarde, ...],
        werkvormen: dict[str, Werkvorm],
        valkuilen: dict[str, Valkuil],
        bronnen: dict[str, Bron],
        planregels: Planregels | None = None,
    ) -> None:
        self.fasen = fasen
        self.randvoorwaarden = randvoorwaarden
        self.werkvormen = werkvormen
        self.valkuilen = valkuilen
        self.bronnen = bronnen
        self.planregels = planregels or Planregels()
        self.doelen: dict[str, Doel] = {d.id: d for f in fasen for d in f.doelen}
        self.sleutel = ""  # hash of the bytes it was loaded from and the code (set by laden); keys derived caches
        self.inhoud = ""  # hash of the bytes it was loaded from alone: the same on every machine

    def fase(self, tekst: str) -> Fase:
        """A phase by id or number (see `fase_id`)."""
        return self.fasen[FASE_IDS.index(fase_id(tekst))]

    def werkvorm_id(self, tekst: str) -> str:
        """The id of a known work form as a person types it (any case, spaces around); otherwise
        an LnFout with the closest ids and the forms whose name holds the text."""
        from lerend_netwerk.tekst import bedoeld, bedoeld_tekst

        sleutel = tekst.strip().lower()
        if sleutel in self.werkvormen:
            return sleutel
        op_naam = [w.id for w in self.werkvormen.values() if sleutel and (sleutel in w.id or sleutel in w.naam.lower())]
        treffers = list(dict.fromkeys(bedoeld(sleutel, self.werkvormen, drempel=0.5) + op_naam))[:5]
        raise LnFout(
            f"'{tekst}' is geen bekende werkvorm.{bedoeld_tekst(treffers)}",
            advies="'ln werkvormen' toont alle werkvormen met hun id; geef het id, zoals --werkvorm talking-stick.",
        )

    def werkvorm(self, werkvorm_id: str) -> Werkvorm:
        return _opzoeken(self.werkvormen, werkvorm_id, "werkvorm", "'ln werkvormen' toont alle werkvormen met hun id.")

    def valkuil(self, valkuil_id: str) -> Valkuil:
        return _opzoeken(self.valkuilen, valkuil_id, "valkuil", "'ln valkuil --alle' toont alle valkuilen met hun id.")

    def randvoorwaarde(self, rv_id: str) -> Randvoorwaarde:
        for rv in self.randvoorwaarden:
            if rv.id == rv_id:
                return rv
        ids = [rv.id for rv in self.randvoorwaarden]
        raise LnFout(f"'{rv_id}' is geen randvoorwaarde." + suggestie(rv_id, ids), advies=f"kies uit: {', '.join(ids)}.")

    def werkvormen_in_fase(self, fase_id: str) -> list[Werkvorm]:
        return [w for w in self.werkvormen.values() if fase_id in w.fasen]

    def vermeldingen_bij_doel(self, doel_id: str) -> list[tuple[Werkvorm, Vermelding]]:
        """Each work form named under an aim, with the heading and reference printed at that place,
        in the Handreiking's order."""
        alle = [(w, v) for w in self.werkvormen.values() for v in w.vermeldingen if v.doel == doel_id]
        volgorde = [paar for paar in alle if not paar[1].na]
        for paar in alle:
            if paar[1].na:
                ids = [w.id for w, _ in volgorde]
                volgorde.insert(ids.index(paar[1].na) + 1 if paar[1].na in ids else len(volgorde), paar)
        return volgorde


def _opzoeken(items: dict, item_id: str, wat: str, advies: str):
    """An entry by id, or a Dutch error with the closest ids."""
    try:
        return items[item_id]
    except KeyError:
        raise LnFout(f"'{item_id}' is geen bekende {wat}." + suggestie(item_id, items), advies=advies) from None


def filter_werkvormen(kb: Kennisbank, fase: str | None = None, zoek: str | None = None) -> list[Werkvorm]:
    """Work forms of a phase and/or containing every word of `zoek` (case and accents ignored)."""
    from lerend_netwerk.tekst import vouw_woorden

    woorden = vouw_woorden(zoek).split() if zoek else []
    gevonden = []
    for w in kb.werkvormen.values():
        if fase and fase not in w.fasen:
            continue
        tekst = vouw_woorden(" ".join((w.id, w.naam, w.beschrijving, *w.helpt_bij, *(v.kop for v in w.vermeldingen))))
        if all(woord in tekst for woord in woorden):
            gevonden.append(w)
    return gevonden
