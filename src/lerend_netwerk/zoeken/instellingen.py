"""What the search knows, read from `data/zoeken.yaml` and validated once.

Everything the search knows about Dutch and about learning networks (stop
words, synonyms, separable verb parts, stem fixes, weights, the threshold)
lives in that file; the code holds no words. A validated result is kept in the
cache (lerend_netwerk.cache), keyed by the file's bytes, so a listing does not
parse it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS
from lerend_netwerk.zoeken.vouwen import vouw_woorden

if TYPE_CHECKING:
    from lerend_netwerk.velden import Velden

ZOEK_BESTAND = "data/zoeken.yaml"
SOORTEN = ("valkuil", "tip", "randvoorwaarde", "werkvorm", "doel")
VELDSOORTEN = ("titel", "formulering", "voorbeeld")
ADVIES = "dit is een fout in de meegeleverde zoekgegevens; meld het aan de makers van lerend-netwerk."
_VELDEN = (
    "drempel", "max_resultaten", "marge", "zinsdeel", "beta", "gewichten", "tikfouten", "samenstellingen",
    "scheidbare_delen", "uitgangen", "stopwoorden", "stopwerkwoorden", "lidwoorden", "synoniemen",
    "vaste_stammen", "randvoorwaarden_fasen", "bewijs", "twijfel", "contextwoorden", "getallen", "ander_onderwerp", "onderwerpen",
    "voorbeelden", "ngrammen",
)


class Tikfoutregel(NamedTuple):
    vanaf: int  # word length (letters) from which ...
    fouten: int  # ... this many typing errors are forgiven


class Ngrammen(NamedTuple):
    lengtes: tuple[int, ...]  # letter sequences of these lengths
    buren: int  # an entry's similarity: the mean over its this many most similar phrasings
    gewicht: float  # the share of the letters' opinion in the score
    min_idf: float  # an n-gram this common keeps no postings


class SynoniemGroep(NamedTuple):
    naam: str
    woorden: tuple[str, ...]


class ZoekInstellingen(NamedTuple):
    # a NamedTuple, not a dataclass: creating a frozen dataclass of 37 fields cost 6 ms of every start
    drempel: float
    max_resultaten: int
    marge: float
    zinsdeel: float
    beta: float
    veldgewichten: dict[str, float]
    soortgewichten: dict[str, float]
    onbekend: float
    tikfout: float
    samenstellingsdeel: float
    tikfouten: tuple[Tikfoutregel, ...]
    min_deel: int
    tussenklanken: tuple[str, ...]
    achtervoegsels: tuple[str, ...]
    splitsingen: dict[str, tuple[str, ...]]
    scheidbare_delen: frozenset[str]
    uitgangen: tuple[tuple[str, str], ...]  # (ending, replacement), tried when a stem is unknown
    vaste_stammen: dict[str, str]  # word -> stem, where Snowball joins what differs ('houding', 'houden')
    stopwoorden: frozenset[str]  # all stop words, the verbs included
    stopwerkwoorden: frozenset[str]  # stop words that are verbs: a separated part may be glued onto them
    lidwoorden: frozenset[str]  # after these a separable part is a preposition
    synoniemen: tuple[SynoniemGroep, ...]
    randvoorwaarden_fasen: tuple[str, ...]
    bewijs_woorden: int  # a result below `drempel` counts when this many query words are found in it ...
    bewijs_drempel: float  # ... and it scores at least this
    anders_drempel: float  # a query naming another subject needs this score (and the words)
    onzin_factor: float  # a query whose likeness to the questions about something else, times this, beats every entry: the same
    twijfel: float  # the second within this share of the first: unsure, offer the first few
    context: float  # the weight of a context word (who or where: 'directeur', 'kind')
    contextwoorden: tuple[str, ...]
    ander_onderwerp: tuple[str, ...]  # words of another subject: the printer, a fever, a birthday
    onderwerpen: tuple[tuple[str, tuple[str, ...]], ...]  # the guided choice: (label, entry ids)
    getallen: frozenset[str]  # number words: like a number, they read as GETAL in synonyms
    voorbeeld_buren: int  # an entry's example complaints count by the mean of their this many best
    ngrammen: Ngrammen


# --- reading -------------------------------------------------------------------


def lees_zoekbestand(pad: Path | None = None) -> tuple[str, bytes]:
    """The name to show in errors and the bytes of `data/zoeken.yaml` (or of `pad`, for tests)."""
    return lees_meegeleverd_bestand(ZOEK_BESTAND, "de zoekgegevens", pad)


def lees_meegeleverd_bestand(bestand: str, wat: str, pad: Path | None = None) -> tuple[str, bytes]:
    """The name to show in errors and the bytes of a data file of the package (`data/...`), or of
    `pad` instead (for tests)."""
    if pad is not None:
        from lerend_netwerk.bestanden import lees_begrensd

        return str(pad), lees_begrensd(pad)
    from lerend_netwerk import pakketbytes

    try:
        return bestand, pakketbytes(*bestand.split("/"))
    except OSError:
        raise LnFout(f"het bestand met {wat} ontbreekt", bestand=bestand, advies=ADVIES) from None


def laad_instellingen(pad: Path | None = None) -> ZoekInstellingen:
    """Read `data/zoeken.yaml` (or `pad`, for tests) and validate it."""
    bestand, inhoud = lees_zoekbestand(pad)
    return instellingen_uit(inhoud, bestand)


def instellingen_uit(inhoud: bytes, bestand: str) -> ZoekInstellingen:
    """The validated settings in these bytes, from the cache when they were validated before.

    An invalid file is never cached, so its error shows on every run.
    """
    from lerend_netwerk import cache

    sleutel = cache.sleutel([inhoud])
    bewaard = cache.lees("zoekinstellingen", sleutel)
    if isinstance(bewaard, ZoekInstellingen):
        return bewaard
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    inst = lees_instellingen(lees_yaml_bytes(inhoud, bestand, ADVIES), bestand)
    cache.schrijf("zoekinstellingen", sleutel, inst)
    return inst


# --- validating ----------------------------------------------------------------


def lees_instellingen(data: object, bestand: str = ZOEK_BESTAND, advies: str = ADVIES) -> ZoekInstellingen:
    """Validate the parsed `zoeken.yaml`; every error names file, line and field."""
    from lerend_netwerk.velden import Velden

    top = Velden(data, bestand, "het bestand", advies, regel=1)
    top.alleen(_VELDEN)
    for sleutel in _VELDEN:
        if not top.heeft(sleutel):
            raise top.fout(sleutel, "dit veld ontbreekt", regel=1)
    gewichten = top.blok("gewichten", "veld 'gewichten'")
    gewichten.alleen(("velden", "soorten", "onbekend", "tikfout", "samenstellingsdeel", "context"))
    bewijs = top.blok("bewijs", "veld 'bewijs'")
    bewijs.alleen(("woorden", "drempel", "ander_onderwerp", "onzin"))
    tikfouten = _tikfouten(top)
    samen = top.blok("samenstellingen", "veld 'samenstellingen'")
    samen.alleen(("min_deel", "tussenklanken", "achtervoegsels", "splitsingen"))
    splitsingen = _splitsingen(samen)
    synoniemen = _synoniemen(top)
    fasen = _fasen(top)
    return ZoekInstellingen(
        drempel=_getal(top, "drempel", 0.0, 1.0),
        max_resultaten=top.geheel("max_resultaten", minimum=1, maximum=20),
        marge=_getal(top, "marge", 0.0, 1.0),
        zinsdeel=_getal(top, "zinsdeel", 0.0, 1.0),
        beta=_getal(top, "beta", 0.1, 10.0),
        veldgewichten=_gewichten(gewichten, "velden", VELDSOORTEN),
        soortgewichten=_gewichten(gewichten, "soorten", SOORTEN),
        onbekend=_getal(gewichten, "onbekend", 0.0, 1.0),
        tikfout=_getal(gewichten, "tikfout", 0.0, 1.0),
        samenstellingsdeel=_getal(gewichten, "samenstellingsdeel", 0.0, 1.0),
        tikfouten=tikfouten,
        min_deel=samen.geheel("min_deel", minimum=2, maximum=10),
        tussenklanken=_woorden(samen, "tussenklanken", verplicht=False),
        achtervoegsels=_woorden(samen, "achtervoegsels", verplicht=False),
        splitsingen=splitsingen,
        scheidbare_delen=frozenset(_woorden(top, "scheidbare_delen")),
        uitgangen=_uitgangen(top),
        vaste_stammen=_vaste_stammen(top),
        stopwoorden=frozenset(_woorden(top, "stopwoorden")) | frozenset(_woorden(top, "stopwerkwoorden")),
        stopwerkwoorden=frozenset(_woorden(top, "stopwerkwoorden")),
        lidwoorden=frozenset(_woorden(top, "lidwoorden")),
        synoniemen=synoniemen,
        randvoorwaarden_fasen=fasen,
        bewijs_woorden=bewijs.geheel("woorden", minimum=1, maximum=20),
        bewijs_drempel=_getal(bewijs, "drempel", 0.0, 1.0),
        anders_drempel=_getal(bewijs, "ander_onderwerp", 0.0, 1.0),
        onzin_factor=_getal(bewijs, "onzin", 0.0, 10.0),
        twijfel=_getal(top, "twijfel", 0.0, 1.0),
        context=_getal(gewichten, "context", 0.0, 1.0),
        contextwoorden=_woorden(top, "contextwoorden"),
        getallen=frozenset(_woorden(top, "getallen")),
        ander_onderwerp=_woorden(top, "ander_onderwerp"),
        onderwerpen=_onderwerpen(top),
        voorbeeld_buren=_voorbeelden(top),
        ngrammen=_ngrammen(top),
    )


def _voorbeelden(top: Velden) -> int:
    blok = top.blok("voorbeelden", "veld 'voorbeelden'")
    blok.alleen(("buren",))
    return blok.geheel("buren", minimum=1, maximum=20)


def _ngrammen(top: Velden) -> Ngrammen:
    blok = top.blok("ngrammen", "veld 'ngrammen'")
    blok.alleen(("lengtes", "buren", "gewicht", "min_idf"))
    lengtes = blok.data.get("lengtes")
    if not isinstance(lengtes, list) or not lengtes or not all(
        isinstance(n, int) and not isinstance(n, bool) and 2 <= n <= 8 for n in lengtes
    ):
        raise blok.fout("lengtes", "hier hoort een lijst van gehele getallen van 2 tot en met 8, zoals [3, 4, 5]")
    return Ngrammen(
        lengtes=tuple(lengtes),
        buren=blok.geheel("buren", minimum=1, maximum=20),
        gewicht=_getal(blok, "gewicht", 0.0, 1.0),
        min_idf=_getal(blok, "min_idf", 0.0, 20.0),
    )


def _getal(v: Velden, sleutel: str, laag: float, hoog: float) -> float:
    waarde = v.data.get(sleutel)
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
        raise v.fout(sleutel, f"hier hoort een getal tussen {laag} en {hoog}")
    if not laag <= waarde <= hoog:
        raise v.fout(sleutel, f"{waarde} ligt buiten {laag} tot {hoog}")
    return float(waarde)


def _gewichten(v: Velden, sleutel: str, namen: tuple[str, ...]) -> dict[str, float]:
    blok = v.blok(sleutel, f"veld '{sleutel}'")
    blok.alleen(namen)
    return {naam: _getal(blok, naam, 0.0, 1.0) for naam in namen}


def _woorden(v: Velden, sleutel: str, *, verplicht: bool = True) -> tuple[str, ...]:
    return tuple(vouw_woorden(w) for w in v.teksten(sleutel, verplicht=verplicht))


def _tikfouten(top: Velden) -> tuple[Tikfoutregel, ...]:
    regels = []
    for r in top.blokken("tikfouten", "tikfoutregel", verplicht=True):
        r.alleen(("vanaf", "fouten"))
        regels.append(Tikfoutregel(r.geheel("vanaf", minimum=1, maximum=50), r.geheel("fouten", minimum=0, maximum=3)))
    return tuple(sorted(regels, key=lambda r: r.vanaf))


def _splitsingen(samen: Velden) -> dict[str, tuple[str, ...]]:
    blok = samen.blok("splitsingen", "veld 'splitsingen'", verplicht=False)
    splitsingen: dict[str, tuple[str, ...]] = {}
    for woord in blok.data if blok is not None else ():
        delen = blok.teksten(str(woord), verplicht=True)
        if len(delen) < 2:
            raise blok.fout(str(woord), "een samenstelling heeft minstens twee delen")
        splitsingen[vouw_woorden(str(woord))] = tuple(vouw_woorden(d) for d in delen)
    return splitsingen


def _uitgangen(v: Velden) -> tuple[tuple[str, str], ...]:
    regels = []
    for regel in v.teksten("uitgangen", verplicht=True):
        if ">" not in regel:
            raise v.fout("uitgangen", f"'{regel}' moet de vorm 'uitgang>vervanging' hebben, zoals 't>en' of 's>'")
        van, naar = (deel.strip() for deel in regel.split(">", 1))
        if not van:
            raise v.fout("uitgangen", f"in '{regel}' ontbreekt de uitgang links van '>'")
        regels.append((van, naar))
    return tuple(regels)


def _vaste_stammen(v: Velden) -> dict[str, str]:
    blok = v.blok("vaste_stammen", "veld 'vaste_stammen'")
    return {vouw_woorden(str(woord)): vouw_woorden(blok.tekst(str(woord))) for woord in blok.data}


def _synoniemen(top: Velden) -> tuple[SynoniemGroep, ...]:
    """The synonym groups; a word may stand in one group only."""
    groepen: list[SynoniemGroep] = []
    gezien: dict[str, str] = {}
    for g in top.blokken("synoniemen", "synoniemgroep", verplicht=True):
        g.alleen(("naam", "woorden"))
        naam = g.tekst("naam")
        woorden = _woorden(g, "woorden")
        if len(woorden) < 2:
            raise g.fout("woorden", "een groep synoniemen heeft minstens twee woorden")
        for woord in woorden:
            if not woord:
                raise g.fout("woorden", "een van de woorden is leeg na het weghalen van leestekens")
            if woord in gezien:
                raise g.fout("woorden", f"'{woord}' staat ook al in de groep '{gezien[woord]}'")
            gezien[woord] = naam
        groepen.append(SynoniemGroep(naam, woorden))
    return tuple(groepen)


def _onderwerpen(top: Velden) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The subjects of the guided choice, each with the ids of its entries."""
    uit = []
    for o in top.blokken("onderwerpen", "onderwerp", verplicht=True):
        o.alleen(("naam", "items"))
        items = o.teksten("items", verplicht=True)
        if not items:
            raise o.fout("items", "een onderwerp heeft minstens één item")
        uit.append((o.tekst("naam"), items))
    return tuple(uit)


def _fasen(top: Velden) -> tuple[str, ...]:
    fasen = top.teksten("randvoorwaarden_fasen", verplicht=True)
    for fase in fasen:
        if fase not in FASE_IDS:
            raise top.fout("randvoorwaarden_fasen", f"'{fase}' is geen fase; kies uit: {', '.join(FASE_IDS)}")
    return fasen
