"""Finding the Handreiking's answer to a problem told in the kartrekker's own words.

Pure: no terminal, no questions. `Zoeker(kennisbank).zoek("er zeggen steeds
mensen af")` returns the entries the search stands behind, best first, each
with a score between 0 and 1.

How (docs/zoeken.md explains the why):
- every pitfall, tip, precondition and work form is a document; its title and
  each phrasing (`zo_merk_je_het`, `helpt_bij`) is a short *phrase*, its
  descriptions are plain *text*;
- query and documents go through the same analysis: fold case and accents,
  glue a separated verb part back on ("zeggen ... af" -> "afzeggen"), turn
  expressions from a synonym group into one concept ("niet komen opdagen" ->
  ~afzeggen), drop stop words, stem (Snowball Dutch), and know the parts of a
  compound ("vergadersfeer" -> vergader + sfeer);
- a query word the documents do not know is split into known parts, or
  matched to a known word within one or two typing errors (rapidfuzz);
- a document's score combines how well the query matches its best phrase
  (both ways: the query's words found in the phrase, the phrase's words found
  in the query) with how much of the query its whole text covers, each word
  weighted by how rare it is across the documents.

Everything the search knows (stop words, synonyms, separable verb parts,
compound hints, weights, the threshold) lives in `data/zoeken.yaml`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS, Kennisbank
from lerend_netwerk.velden import Velden
from lerend_netwerk.yamlbron import lees_yaml_bytes

ZOEK_BESTAND = "data/zoeken.yaml"
SOORTEN = ("valkuil", "tip", "randvoorwaarde", "werkvorm")
VELDSOORTEN = ("titel", "formulering")
_ADVIES = "dit is een fout in de meegeleverde zoekgegevens; meld het aan de makers van lerend-netwerk."
_CONCEPT = "~"  # concept tokens start with this; no folded word can


# --- settings ------------------------------------------------------------------


@dataclass(frozen=True)
class Tikfoutregel:
    vanaf: int  # word length (letters) from which ...
    fouten: int  # ... this many typing errors are forgiven


@dataclass(frozen=True)
class SynoniemGroep:
    naam: str
    woorden: tuple[str, ...]


@dataclass(frozen=True)
class ZoekInstellingen:
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
    return tuple(vouw(w) for w in v.teksten(sleutel, verplicht=verplicht))


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
    uit = {}
    for woord in blok.data:
        stam = blok.tekst(str(woord))
        uit[vouw(str(woord))] = vouw(stam)
    return uit


def lees_instellingen(data: object, bestand: str = ZOEK_BESTAND, advies: str = _ADVIES) -> ZoekInstellingen:
    """Validate the parsed `zoeken.yaml`; every error names file, line and field."""
    top = Velden(data, bestand, "het bestand", advies, regel=1)
    sleutels = (
        "drempel", "max_resultaten", "marge", "zinsdeel", "beta", "gewichten", "tikfouten",
        "samenstellingen", "scheidbare_delen", "uitgangen", "stopwoorden", "stopwerkwoorden", "lidwoorden", "synoniemen", "vaste_stammen",
        "randvoorwaarden_fasen",
    )
    top.alleen(sleutels)
    for sleutel in sleutels:
        if not top.heeft(sleutel):
            raise top.fout(sleutel, "dit veld ontbreekt", regel=1)

    gewichten = top.blok("gewichten", "veld 'gewichten'")
    gewichten.alleen(("velden", "soorten", "onbekend", "tikfout", "samenstellingsdeel"))

    regels = []
    for r in top.blokken("tikfouten", "tikfoutregel", verplicht=True):
        r.alleen(("vanaf", "fouten"))
        regels.append(Tikfoutregel(r.geheel("vanaf", minimum=1, maximum=50), r.geheel("fouten", minimum=0, maximum=3)))

    samen = top.blok("samenstellingen", "veld 'samenstellingen'")
    samen.alleen(("min_deel", "tussenklanken", "achtervoegsels", "splitsingen"))
    splitsingen: dict[str, tuple[str, ...]] = {}
    splits_blok = samen.blok("splitsingen", "veld 'splitsingen'", verplicht=False)
    if splits_blok is not None:
        for woord, delen in splits_blok.data.items():
            delen_tekst = splits_blok.teksten(str(woord), verplicht=True)
            if len(delen_tekst) < 2:
                raise splits_blok.fout(str(woord), "een samenstelling heeft minstens twee delen")
            splitsingen[vouw(str(woord))] = tuple(vouw(d) for d in delen_tekst)

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

    fasen = top.teksten("randvoorwaarden_fasen", verplicht=True)
    for fase in fasen:
        if fase not in FASE_IDS:
            raise top.fout("randvoorwaarden_fasen", f"'{fase}' is geen fase; kies uit: {', '.join(FASE_IDS)}")

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
        tikfouten=tuple(sorted(regels, key=lambda r: r.vanaf)),
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
        synoniemen=tuple(groepen),
        randvoorwaarden_fasen=fasen,
    )


def laad_instellingen(pad: Path | None = None) -> ZoekInstellingen:
    """Read `data/zoeken.yaml` (or `pad`, for tests) and validate it."""
    if pad is not None:
        bestand, inhoud = str(pad), pad.read_bytes()
    else:
        bron = resources.files("lerend_netwerk") / "data" / "zoeken.yaml"
        bestand = ZOEK_BESTAND
        try:
            inhoud = bron.read_bytes()
        except (FileNotFoundError, OSError):
            raise LnFout("het bestand met de zoekgegevens ontbreekt", bestand=bestand, advies=_ADVIES) from None
    return lees_instellingen(lees_yaml_bytes(inhoud, bestand, _ADVIES), bestand)


# --- text analysis -------------------------------------------------------------

_NIET_WOORD = re.compile(r"[^a-z0-9]+")
_ZINSDELEN = re.compile(r"[,.;:!?()\[\]\n]+|\s[-–]\s")  # clause boundaries
_APOSTROF = re.compile(r"['’‘`´]")


def vouw(tekst: str) -> str:
    """Casefold, strip accents and punctuation: 'Ideeënmuur!' -> 'ideeenmuur'."""
    tekst = unicodedata.normalize("NFKD", tekst.casefold())
    tekst = "".join(t for t in tekst if not unicodedata.combining(t))
    tekst = _APOSTROF.sub("", tekst)  # collega's -> collegas, zo'n -> zon
    return " ".join(_NIET_WOORD.sub(" ", tekst).split())


def woorden(tekst: str) -> list[str]:
    return vouw(tekst).split()


_stemmer = None


def _stam_ruw(woord: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 - a deliberate cache
    gevonden = cache.get(woord)
    if gevonden is None:
        global _stemmer
        if _stemmer is None:
            import snowballstemmer

            _stemmer = snowballstemmer.stemmer("dutch")
        gevonden = cache[woord] = _stemmer.stemWord(woord)
    return gevonden


@dataclass
class _Tekst:
    """One analysed text.

    `groepen`: one entry per word or expression, each a tuple of parts; a part
    is a dict of alternative tokens with their quality. Only an unknown
    compound in a query has more than one part ('vergader' + 'cultuur'): it
    counts as one word, found as far as its parts are found.
    """

    groepen: list[tuple[dict[str, float], ...]]

    @property
    def termen(self) -> list[dict[str, float]]:
        return [deel for groep in self.groepen for deel in groep]


class _Analyse:
    """The analysis shared by documents and queries, with the index vocabulary."""

    def __init__(self, inst: ZoekInstellingen) -> None:
        self.inst = inst
        self.stammen: set[str] = set()  # stems of every document word (after the first pass)
        self.vormen: dict[str, str] = {}  # folded document word -> its stem
        self.stop = inst.stopwoorden
        # synonym members as stem tuples, longest first
        self.leden: list[tuple[tuple[str, ...], str]] = []
        self.concept_van: dict[str, str] = {}  # single-stem member -> concept
        self._split_cache: dict[str, tuple[str, ...] | None] = {}
        self._stam_cache: dict[str, str] = {}  # filled only once the vocabulary is complete
        self._fuzzy_cache: dict[str, str | None] = {}
        self._fuzzy_lijst: list[str] | None = None

    def _ruw(self, woord: str) -> str:
        """Snowball's stem, unless zoeken.yaml fixes it for this word; a stop word is its own stem."""
        vast = self.inst.vaste_stammen.get(woord)
        if vast is not None:
            return vast
        if woord in self.stop:
            return woord
        return _stam_ruw(woord)

    # the vocabulary -----------------------------------------------------------

    def leer_woorden(self, teksten: list[str]) -> None:
        """First pass: every stem the documents contain (and the synonym words)."""
        for tekst in teksten:
            for w in woorden(tekst):
                s = self._ruw(w)
                self.stammen.add(s)
                self.vormen.setdefault(w, s)
        for woord, delen in self.inst.splitsingen.items():
            for deel in delen:
                self.stammen.add(self._ruw(deel))
        for groep in self.inst.synoniemen:
            for lid in groep.woorden:
                self.stammen.update(self._ruw(w) for w in lid.split())
        self._stam_cache.clear()  # the vocabulary is complete from here on
        leden = []
        herkomst: dict[tuple[str, ...], tuple[str, str]] = {}
        for groep in self.inst.synoniemen:
            concept = _CONCEPT + vouw(groep.naam).replace(" ", "-")
            for lid in groep.woorden:
                # every word counts here, stop words too: 'niet komen' is not 'komen'
                stammen = tuple(self.stam(w) for w in lid.split())
                eerder = herkomst.get(stammen)
                if eerder is not None and eerder[0] != groep.naam:
                    raise LnFout(
                        f"'{lid}' (groep '{groep.naam}') en '{eerder[1]}' (groep '{eerder[0]}') krijgen dezelfde "
                        f"stam '{' '.join(stammen)}', dus de zoekfunctie kan ze niet uit elkaar houden",
                        bestand=ZOEK_BESTAND,
                        advies="haal een van de twee weg, of zet ze in dezelfde groep.",
                    )
                herkomst[stammen] = (groep.naam, lid)
                leden.append((stammen, concept))
                if len(stammen) == 1:
                    self.concept_van[stammen[0]] = concept
        self.leden = sorted(leden, key=lambda x: -len(x[0]))
        synoniem_vormen = [w for g in self.inst.synoniemen for lid in g.woorden for w in lid.split()]
        self._bekende_vormen = set(self.vormen) | set(synoniem_vormen)
        self._leer_scheidbaar(list(self.vormen) + synoniem_vormen)
        # each member is looked for from one stem: its first word that is not a stop word
        self._met_stam: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        stop_stammen = {self._ruw(w) for w in self.stop}
        for stammen, concept in self.leden:
            if len(stammen) == 1:
                continue  # single words get their concept in _termen, next to their own stem
            sleutel = next((s for s in stammen if s not in stop_stammen), stammen[0])
            self._met_stam.setdefault(sleutel, []).append((stammen, concept))

    def stam(self, woord: str) -> str:
        """The stem, trying an extra ending when that gives a stem we know ('experts')."""
        gevonden = self._stam_cache.get(woord)
        if gevonden is None:
            gevonden = self._stam_cache[woord] = self._stam(woord)
        return gevonden

    def _stam(self, woord: str) -> str:
        s = self._ruw(woord)
        if s in self.stammen:
            return s
        for uitgang, vervanging in self.inst.uitgangen:
            if woord.endswith(uitgang) and len(woord) - len(uitgang) >= 3:
                ander = self._ruw(woord[: -len(uitgang)] + vervanging)
                if ander in self.stammen:
                    return ander
        return s

    # compounds ----------------------------------------------------------------

    def _deel_stam(self, deel: str, kop: bool = False, stemmen: bool = False) -> str | None:
        """The stem of a compound part if we know it, trying the linking sounds.

        A part is known when it is a document word or a stem ('vergader'). Only
        the head of a query word is stemmed ('...bijeenkomsten'): stemming every
        substring of every document word would cost more than the rest of the index.
        """
        kandidaten = [deel] if kop else [deel] + [deel[: -len(t)] for t in self.inst.tussenklanken if deel.endswith(t)]
        for k in kandidaten:
            if len(k) < self.inst.min_deel or k in self.stop:
                continue
            if k in self.stammen:
                return k
            s = self.vormen.get(k)
            if s is not None:
                return s
            if kop and stemmen:
                s = self.stam(k)
                if s in self.stammen:
                    return s
        return None

    def splits(self, woord: str, streng: bool) -> tuple[str, ...] | None:
        """Known parts of a compound ('vergadersfeer' -> vergader, sfeer), or None.

        The head (the last part) must be a known word; the first part may be
        unknown ('bovenbouwdirecteur': a kind of director). With `streng` (for
        queries) a known first part may also be followed by a suffix like
        '-achtig'. In a query the parts count together as one word, so an
        unknown part still counts as not found.
        """
        sleutel = ("s:" if streng else "l:") + woord
        if sleutel in self._split_cache:
            return self._split_cache[sleutel]
        uit: tuple[str, ...] | None = None
        if woord in self.inst.splitsingen:
            uit = tuple(self.stam(d) for d in self.inst.splitsingen[woord])
        else:
            md = self.inst.min_deel
            beste: tuple[int, tuple[str, ...]] | None = None
            for i in range(md, len(woord) - md + 1):
                links, rechts = woord[:i], woord[i:]
                kop = self._deel_stam(rechts, kop=True, stemmen=streng) if rechts not in self.stop else None
                if kop is None:
                    if streng and rechts in self.inst.achtervoegsels:
                        voor = self._deel_stam(links)
                        if voor is not None:
                            kandidaat = (voor,)
                            score = len(links)
                            if beste is None or score > beste[0]:
                                beste = (score, kandidaat)
                    continue
                voor = self._deel_stam(links)
                if voor is None:
                    # three parts: split the first part once more
                    binnen = self.splits(links, streng) if len(links) >= 2 * md else None
                    if binnen:
                        kandidaat = (*binnen, kop)
                    elif len(links) >= md + 1:
                        # an unknown first part before a known head: 'bovenbouw|directeur'
                        kandidaat = (self.stam(links), kop)
                    else:
                        continue
                else:
                    kandidaat = (voor, kop)
                score = min(len(links), len(rechts)) + (10 if voor is not None else 0)
                if beste is None or score > beste[0]:
                    beste = (score, kandidaat)
            uit = beste[1] if beste else None
        self._split_cache[sleutel] = uit
        return uit

    # typing errors ------------------------------------------------------------

    def tikfout(self, woord: str) -> str | None:
        """The known stem closest to `woord` within the allowed typing errors."""
        if woord in self._fuzzy_cache:
            return self._fuzzy_cache[woord]
        toegestaan = 0
        for regel in self.inst.tikfouten:
            if len(woord) >= regel.vanaf:
                toegestaan = regel.fouten
        uit = None
        if toegestaan:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            if self._fuzzy_lijst is None:
                self._fuzzy_lijst = sorted(set(self.vormen) | self.stammen)
            treffers = process.extract(
                woord, self._fuzzy_lijst, scorer=OSA.distance, score_cutoff=toegestaan, limit=5
            )
            # a typing error seldom hits the first letter ('morgen' is not 'borgen')
            treffers = [t for t in treffers if t[0][:1] == woord[:1]]
            if treffers:
                # fewest errors first, then the longest (most specific) word
                beste = min(treffers, key=lambda t: (t[1], -len(t[0]), t[0]))[0]
                uit = self.vormen.get(beste) or beste
                if uit not in self.stammen:
                    uit = self.stam(beste)
        self._fuzzy_cache[woord] = uit
        return uit

    # analysing a text ---------------------------------------------------------

    def analyseer(self, tekst: str, vraag: bool) -> _Tekst:
        """Terms of a text: per clause, glued verbs first, then expressions, then words."""
        termen: list[tuple[dict[str, float], ...]] = []
        for zinsdeel in _ZINSDELEN.split(tekst):
            ws = woorden(zinsdeel)
            if not ws:
                continue
            stammen = [self.stam(w) for w in ws]
            bezet = [False] * len(ws)
            # 1. a compound written apart: 'leer cultuur' -> 'leercultuur'
            self._voeg_samen(ws, stammen, bezet)
            # 2. separable verbs: 'zeggen ... af' -> 'afzeggen', 'kom ... toe' -> 'toekomen'
            self._plak_scheidbaar(ws, stammen, bezet)
            # 3. expressions of several words from the synonym groups, the longest
            #    in the clause first, in any order within a short window
            #    ('komen niet opdagen', 'een veel te groot thema')
            kandidaten = [
                (len(lid), i, lid, concept)
                for i, stam in enumerate(stammen)
                for lid, concept in self._met_stam.get(stam, ())
            ]
            kandidaten.sort(key=lambda k: (-k[0], k[1]))
            for _, i, lid, concept in kandidaten:
                if bezet[i]:
                    continue
                plekken = self._vind_lid(lid, stammen, bezet, i)
                if plekken is not None:
                    for p in plekken:
                        bezet[p] = True
                    termen.append(({concept: 1.0},))
            # 4. the remaining words
            for i, w in enumerate(ws):
                if bezet[i] or w in self.stop or stammen[i] in self.stop or w.isdigit():
                    continue
                termen.extend(self._termen(w, stammen[i], vraag))
        # the same word twice counts once
        uniek: list[tuple[dict[str, float], ...]] = []
        for t in termen:
            if t not in uniek:
                uniek.append(t)
        return _Tekst(uniek)

    @staticmethod
    def _vind_lid(lid: tuple[str, ...], stammen: list[str], bezet: list[bool], i: int) -> list[int] | None:
        """Where the words of a multi-word expression stand around position i, or None."""
        venster = len(lid) + 2
        begin, eind = max(0, i - venster), min(len(stammen), i + venster + 1)
        plekken: list[int] = []
        for s in lid:
            gevonden = next(
                (j for j in range(begin, eind) if stammen[j] == s and not bezet[j] and j not in plekken), None
            )
            if gevonden is None:
                return None
            plekken.append(gevonden)
        if max(plekken) - min(plekken) >= venster:
            return None
        return plekken

    def _voeg_samen(self, ws: list[str], stammen: list[str], bezet: list[bool]) -> None:
        """Join two neighbours that together are a known word, in place ('netwerk houding')."""
        for i in range(len(ws) - 1):
            a, b = ws[i], ws[i + 1]
            if bezet[i] or bezet[i + 1] or a in self.stop or b in self.stop:
                continue
            for tussen in ("", *self.inst.tussenklanken):
                geheel = a + tussen + b
                if geheel in self._bekende_vormen:
                    ws[i + 1] = geheel
                    stammen[i + 1] = self.stam(geheel)
                    bezet[i] = True
                    break

    def _plak_scheidbaar(self, ws: list[str], stammen: list[str], bezet: list[bool]) -> None:
        """Glue a separated verb part onto its verb, in place, when the whole is a known word.

        Only a part that ends its clause ('ze zeggen steeds af'), or that is
        followed by a stop word ('ze melden zich af voor ...') or by 'te' ('om
        af te zeggen'), and only onto a content word or a verb from
        `stopwerkwoorden`: 'uit' in 'de kat uit de boom' stays a preposition.
        A part followed by an article or a possessive ('in de klas', 'uit de
        boom') is a preposition. The nearest candidate before the part wins.
        """
        delen = self.inst.scheidbare_delen
        n = len(ws)
        geplakt: set[int] = set()
        for i in range(n - 1, -1, -1):  # the part at the end of the clause first
            if bezet[i] or ws[i] not in delen:
                continue
            volgend = ws[i + 1] if i + 1 < n else None
            if volgend is not None and (volgend not in self.stop or volgend in self.inst.lidwoorden):
                continue  # 'uit de boom', 'in de klas': a preposition
            if volgend == "te" and i + 2 < n:
                kandidaten = [i + 2]  # 'om af te zeggen'
            else:
                kandidaten = list(range(i - 1, -1, -1))  # 'ze zeggen steeds af'
            # a preposition is followed by what it governs; a verb part ends the clause
            for j in kandidaten:
                w = ws[j]
                if bezet[j] or j in geplakt or w in delen:
                    continue
                if w in self.stop and w not in self.inst.stopwerkwoorden:
                    continue
                geheel = self._geplakt.get((ws[i], stammen[j]))
                if geheel is not None:
                    ws[j] = geheel
                    stammen[j] = self.stam(geheel)
                    bezet[i] = True
                    geplakt.add(j)
                    break

    def _leer_scheidbaar(self, vormen: list[str]) -> None:
        """(part, stem of the rest) -> the whole verb, for every known infinitive that starts with a part.

        Only infinitives ('-en'): a separated part belongs to a verb, and 'komst'
        stems like 'komen', so 'toekomst' must not be what 'kom ... toe' means.
        """
        self._geplakt: dict[tuple[str, str], str] = {}
        md = self.inst.min_deel
        for w in vormen:
            if not w.endswith("en"):
                continue
            for deel in self.inst.scheidbare_delen:
                if w.startswith(deel) and len(w) - len(deel) >= md:
                    sleutel = (deel, self.stam(w[len(deel):]))
                    eerder = self._geplakt.get(sleutel)
                    if eerder is None or len(w) < len(eerder):
                        self._geplakt[sleutel] = w

    def _termen(self, woord: str, stam: str, vraag: bool) -> list[tuple[dict[str, float], ...]]:
        """The term(s) for one word: its stem with its alternatives.

        A word the documents know gets its compound parts as alternatives, so
        'netwerkhouding' also matches 'houding in het netwerk'. An unknown word
        in a query is split into known parts that count together as one word
        (so that 'wachtwoord' is only half found through 'woord'), or else
        matched to a known word within the allowed typing errors.
        """
        inst = self.inst
        term: dict[str, float] = {stam: 1.0}
        if stam in self.concept_van:
            term[self.concept_van[stam]] = 1.0
        bekend = stam in self.stammen
        # a word with a meaning of its own in the synonyms is not split: 'intervisie' is no 'visie'
        kan_splitsen = (len(woord) >= 2 * inst.min_deel and stam not in self.concept_van) or woord in inst.splitsingen
        if bekend or not vraag:
            if kan_splitsen:
                for deel in self.splits(woord, streng=vraag) or ():
                    term.setdefault(deel, inst.samenstellingsdeel)
                    if deel in self.concept_van:
                        term.setdefault(self.concept_van[deel], inst.samenstellingsdeel)
            return [(term,)]
        delen = self.splits(woord, streng=True) if kan_splitsen else None
        if delen:
            uit = []
            for deel in delen:
                deelterm = {deel: inst.samenstellingsdeel}
                if deel in self.concept_van:
                    deelterm[self.concept_van[deel]] = inst.samenstellingsdeel
                uit.append(deelterm)
            return [tuple(uit)]
        dichtbij = self.tikfout(woord)
        if dichtbij is None and stam != woord:
            dichtbij = self.tikfout(stam)
        if dichtbij is not None:
            term[dichtbij] = inst.tikfout
            if dichtbij in self.concept_van:
                term[self.concept_van[dichtbij]] = inst.tikfout
        return [(term,)]


# --- the index and the ranking -------------------------------------------------


@dataclass(frozen=True)
class Resultaat:
    """One entry the search stands behind (or one picked from the list)."""

    id: str
    soort: str  # valkuil | tip | randvoorwaarde | werkvorm
    titel: str
    score: float | None
    aanpak: str
    werkvormen: tuple[str, ...]
    bron: tuple[str, ...]
    fasen: tuple[str, ...]
    zo_merk_je_het: tuple[str, ...]
    voor: str = "netwerk"  # netwerk | kartrekker
    aanpak_eigen: bool = False
    aanpak_stappen: tuple[str, ...] = ()

    def als_json(self) -> dict:
        """The result for other programs. `bron` is one string (or null), like `ln werkvorm --json`;
        a work form lists what it helps with under `helpt_bij`, the others how the problem shows
        under `zo_merk_je_het`."""
        uit = {
            "id": self.id,
            "titel": self.titel,
            "soort": self.soort,
            "score": None if self.score is None else round(self.score, 3),
            "aanpak": self.aanpak,
            "werkvormen": list(self.werkvormen),
            "bron": "; ".join(self.bron) or None,
            "fasen": list(self.fasen),
        }
        if self.soort == "werkvorm":
            uit["helpt_bij"] = list(self.zo_merk_je_het)
        else:
            uit["zo_merk_je_het"] = list(self.zo_merk_je_het)
            uit["voor"] = self.voor
        if self.soort == "randvoorwaarde":
            uit["aanpak_eigen"] = self.aanpak_eigen
        return uit


@dataclass
class _Document:
    resultaat: Resultaat
    zinnen: list[tuple[float, _Tekst, list[float]]]  # (field weight, phrase, idf of its terms)
    alles: set[str] = field(default_factory=set)  # every token of the document


def _documenten(kb: Kennisbank, inst: ZoekInstellingen) -> list[tuple[Resultaat, list[tuple[str, str]]]]:
    """Every entry as a result, with its texts tagged by field kind."""
    uit = []
    for k in kb.valkuilen.values():
        r = Resultaat(
            id=k.id, soort=k.soort, titel=k.titel, score=None, aanpak=k.aanpak, werkvormen=k.werkvormen,
            bron=k.bron, fasen=k.fasen, zo_merk_je_het=k.zo_merk_je_het, voor=k.voor,
        )
        velden = [("titel", k.titel)] + [("formulering", z) for z in k.zo_merk_je_het] + [("tekst", k.aanpak)]
        uit.append((r, velden))
    for rv in kb.randvoorwaarden:
        r = Resultaat(
            id=rv.id, soort="randvoorwaarde", titel=rv.naam, score=None, aanpak=" ".join(rv.aanpak),
            werkvormen=rv.werkvormen, bron=rv.bron, fasen=inst.randvoorwaarden_fasen,
            zo_merk_je_het=rv.zo_merk_je_het, aanpak_eigen=rv.aanpak_eigen, aanpak_stappen=rv.aanpak,
        )
        velden = [("titel", rv.naam)] + [("formulering", z) for z in rv.zo_merk_je_het]
        velden += [("tekst", rv.betekenis)] + [("tekst", a) for a in rv.aanpak]
        uit.append((r, velden))
    for w in kb.werkvormen.values():
        r = Resultaat(
            id=w.id, soort="werkvorm", titel=w.naam, score=None, aanpak=w.beschrijving, werkvormen=(w.id,),
            bron=w.bronnen, fasen=w.fasen, zo_merk_je_het=w.helpt_bij,
        )
        koppen = list(dict.fromkeys([w.naam] + [m.kop for m in w.vermeldingen]))
        velden = [("titel", kop) for kop in koppen] + [("formulering", h) for h in w.helpt_bij]
        velden += [("tekst", w.beschrijving)]
        uit.append((r, velden))
    return uit


class Zoeker:
    """The search over one knowledge base; building it takes a few milliseconds."""

    def __init__(self, kennisbank: Kennisbank, instellingen: ZoekInstellingen | None = None) -> None:
        self.kennisbank = kennisbank
        self.inst = instellingen or laad_instellingen()
        self.analyse = _Analyse(self.inst)
        bronnen = _documenten(kennisbank, self.inst)
        self.analyse.leer_woorden([tekst for _, velden in bronnen for _, tekst in velden])
        self.documenten: list[_Document] = []
        df: dict[str, int] = {}
        for resultaat, velden in bronnen:
            doc = _Document(resultaat, [])
            for soort, tekst in velden:
                analyse = self.analyse.analyseer(tekst, vraag=False)
                if soort != "tekst" and analyse.termen:
                    doc.zinnen.append((self.inst.veldgewichten[soort], analyse, []))
                for term in analyse.termen:
                    doc.alles.update(term)
            for token in doc.alles:
                df[token] = df.get(token, 0) + 1
            self.documenten.append(doc)
        n = len(self.documenten)
        # BM25's idf: rare words weigh much, words in half the documents little
        self.idf = {t: math.log((n - d + 0.5) / (d + 0.5) + 1.0) for t, d in df.items()}
        self.idf_max = math.log((n - 1 + 0.5) / 1.5 + 1.0) if n else 1.0
        for doc in self.documenten:
            doc.zinnen = [(g, zin, [self._gewicht(t) for t in zin.termen]) for g, zin, _ in doc.zinnen]

    def _gewicht(self, term: dict[str, float]) -> float:
        """How much a word says: the idf of its concept if it has one (synonyms weigh
        the same), else of its rarest alternative; an unknown word weighs `onbekend`."""
        concepten = [self.idf[t] for t in term if t.startswith(_CONCEPT) and t in self.idf]
        if concepten:
            return max(concepten)
        bekend = [self.idf[t] for t in term if t in self.idf]
        if bekend:
            return max(bekend)
        return self.inst.onbekend * self.idf_max

    @staticmethod
    def _match(a: dict[str, float], b: dict[str, float]) -> float:
        beste = 0.0
        for token, kwaliteit in a.items():
            ander = b.get(token)
            if ander is not None and kwaliteit * ander > beste:
                beste = kwaliteit * ander
        return beste

    def _score(self, vraag: list[tuple[dict[str, float], ...]], gewichten: list[float], doc: _Document) -> tuple[float, float]:
        """The score (0..1), and the sum over all phrases as a tie-breaker.

        Per phrase: the F-measure of how much of the query the phrase covers
        and how much of the phrase the query covers, words weighted by idf.
        The best phrase counts for `zinsdeel`, the coverage of the query by
        the whole document for the rest.
        """
        inst = self.inst
        totaal_v = sum(gewichten)
        if totaal_v <= 0:
            return 0.0, 0.0
        b2 = inst.beta * inst.beta
        beste_zin = 0.0
        alle_zinnen = 0.0
        for veldgewicht, zin, zgew in doc.zinnen:
            gedekt_v = 0.0
            gedekt_z = [0.0] * len(zin.termen)
            for groep, wq in zip(vraag, gewichten):
                totaal_groep = 0.0
                for deel in groep:
                    m_deel = 0.0
                    for j, d in enumerate(zin.termen):
                        m = self._match(deel, d)
                        if m > m_deel:
                            m_deel = m
                        if m > gedekt_z[j]:
                            gedekt_z[j] = m
                    totaal_groep += m_deel
                gedekt_v += wq * totaal_groep / len(groep)
            qcov = gedekt_v / totaal_v
            pcov = sum(g * m for g, m in zip(zgew, gedekt_z)) / sum(zgew)
            if qcov <= 0 or pcov <= 0:
                continue
            f = (1 + b2) * qcov * pcov / (b2 * pcov + qcov)
            beste_zin = max(beste_zin, f * veldgewicht)
            alle_zinnen += f * veldgewicht
        gedekt = 0.0
        for groep, wq in zip(vraag, gewichten):
            gevonden = sum(max((kw for t, kw in deel.items() if t in doc.alles), default=0.0) for deel in groep)
            gedekt += wq * gevonden / len(groep)
        dekking = gedekt / totaal_v
        score = inst.zinsdeel * beste_zin + (1 - inst.zinsdeel) * dekking
        return score * inst.soortgewichten[doc.resultaat.soort], alle_zinnen

    def alle_scores(self, vraag: str, fase: str | None = None) -> list[Resultaat]:
        """Every document with a score above zero, best first (no threshold)."""
        termen = self.analyse.analyseer(vraag, vraag=True).groepen
        gewichten = [sum(self._gewicht(deel) for deel in groep) / len(groep) for groep in termen]
        gescoord = []
        for doc in self.documenten:
            if fase is not None and fase not in doc.resultaat.fasen:
                continue
            score, steun = self._score(termen, gewichten, doc)
            if score > 0:
                gescoord.append((round(min(1.0, score), 6), steun, doc.resultaat))
        # equal scores: the entry with more matching phrasings first
        gescoord.sort(key=lambda x: (-x[0], -x[1], x[2].id))
        return [_met_score(r, score) for score, _, r in gescoord]

    def zoek(self, vraag: str, fase: str | None = None) -> list[Resultaat]:
        """The results the search stands behind: above the threshold, best first, at most a few."""
        alles = self.alle_scores(vraag, fase)
        if not alles or alles[0].score < self.inst.drempel:
            return []
        ondergrens = max(self.inst.drempel, self.inst.marge * alles[0].score)
        return [r for r in alles if r.score >= ondergrens][: self.inst.max_resultaten]

    def uitleg(self, vraag: str) -> list[tuple[dict[str, float], ...]]:
        """How a query is understood: its words with their alternatives (for docs and debugging)."""
        return self.analyse.analyseer(vraag, vraag=True).groepen


def _met_score(r: Resultaat, score: float) -> Resultaat:
    return replace(r, score=score)


def resultaat_van(kennisbank: Kennisbank, entry_id: str, instellingen: ZoekInstellingen | None = None) -> Resultaat:
    """The entry with this id as a result without a score (for a pick from the list)."""
    inst = instellingen or laad_instellingen()
    for r, _ in _documenten(kennisbank, inst):
        if r.id == entry_id:
            return r
    raise LnFout(
        f"'{entry_id}' staat niet in de kennisbank",
        advies="'ln valkuil --alle' toont alle valkuilen, tips en randvoorwaarden met hun id.",
    )


def alle_valkuilen(kennisbank: Kennisbank, instellingen: ZoekInstellingen | None = None) -> list[Resultaat]:
    """Every precondition, pitfall and tip as a result without a score, in the order of the data."""
    inst = instellingen or laad_instellingen()
    return [r for r, _ in _documenten(kennisbank, inst) if r.soort != "werkvorm"]


# --- a baseline, for the benchmark -------------------------------------------------


class WoordOverlap:
    """A plain word-overlap search over the same documents: the baseline.

    Lowercase words, stop words removed (the same list), nothing else: no
    stems, no synonyms, no compounds, no typing errors. A document's score is
    the share of the query's words it contains; anything above zero is shown.
    """

    def __init__(self, kennisbank: Kennisbank, instellingen: ZoekInstellingen | None = None) -> None:
        self.inst = instellingen or laad_instellingen()
        self.documenten = []
        for resultaat, velden in _documenten(kennisbank, self.inst):
            ws = {w for _, tekst in velden for w in tekst.lower().split()}
            self.documenten.append((resultaat, {_kaal(w) for w in ws} - {""}))

    def zoek(self, vraag: str, fase: str | None = None) -> list[Resultaat]:
        q = {_kaal(w) for w in vraag.lower().split()} - {""} - self.inst.stopwoorden
        if not q:
            return []
        uit = []
        for r, ws in self.documenten:
            if fase is not None and fase not in r.fasen:
                continue
            score = len(q & ws) / len(q)
            if score > 0:
                uit.append(_met_score(r, score))
        uit.sort(key=lambda r: -r.score)  # stable: ties keep the order of the data
        return uit[: self.inst.max_resultaten]


def _kaal(woord: str) -> str:
    return woord.strip(".,;:!?()[]\"'“”‘’")
