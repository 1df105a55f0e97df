"""Analysing a text into terms: the same steps for the documents and for a query.

Per clause: join a compound written apart ('leer cultuur'), glue a separated
verb part back on ('zeggen ... af' -> 'afzeggen'), recognise expressions from
the synonym groups ('niet komen opdagen' -> ~afzeggen), drop stop words, and
give every other word its stem with its alternatives: its concept, its
compound parts, or (for an unknown query word) the word it is a typo of.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from lerend_netwerk.zoeken.instellingen import ZoekInstellingen
from lerend_netwerk.zoeken.samenstellingen import Samenstellingen
from lerend_netwerk.zoeken.tikfouten import Tikfouten
from lerend_netwerk.zoeken.vouwen import GETAL, woorden, zinsdelen
from lerend_netwerk.zoeken.woordenschat import Woordenschat

Term = dict[str, float]  # alternative tokens for one word, with their quality (0..1)
Groep = tuple[Term, ...]  # one word or expression: one term, or the parts of an unknown compound


class Tekst(NamedTuple):
    """One analysed text: one group per word or expression (`tekst_van`).

    Only an unknown compound in a query has more than one part ('vergader' +
    'cultuur'): it counts as one word, found as far as its parts are found.
    A NamedTuple: the index holds some 740 of them, read on every search.
    """

    groepen: list[Groep]
    termen: list[Term]  # every part of every group


def tekst_van(groepen: list[Groep]) -> Tekst:
    return Tekst(groepen, [deel for groep in groepen for deel in groep])


class Analyse:
    """The analysis shared by documents and queries, over the documents' vocabulary."""

    def __init__(self, inst: ZoekInstellingen, teksten: Iterable[str]) -> None:
        self.inst = inst
        self.ws = Woordenschat(inst, teksten)
        self.samenstellingen = Samenstellingen(self.ws)
        self.tikfouten = Tikfouten(self.ws)

    def analyseer(self, tekst: str, vraag: bool) -> Tekst:
        """Terms of a text: per clause, glued words first, then expressions, then words."""
        groepen: list[Groep] = []
        for zinsdeel in zinsdelen(tekst):
            ws = [GETAL if w.isdigit() or w in self.inst.getallen else w for w in woorden(zinsdeel)]
            if not ws:
                continue
            stammen = [self.ws.stam(w) for w in ws]
            bezet = [False] * len(ws)
            self._voeg_samen(ws, stammen, bezet)  # 'leer cultuur' -> 'leercultuur'
            self._plak_scheidbaar(ws, stammen, bezet)  # 'zeggen ... af' -> 'afzeggen'
            groepen.extend(({concept: 1.0},) for concept in self._uitdrukkingen(stammen, bezet))
            for i, w in enumerate(ws):
                if bezet[i] or w in self.ws.stop or stammen[i] in self.ws.stop or w.isdigit():
                    continue
                groepen.append(self._groep(w, stammen[i], vraag))
        # the same word twice counts once
        uniek: list[Groep] = []
        for groep in groepen:
            if groep not in uniek:
                uniek.append(groep)
        return tekst_van(uniek)

    # expressions and glued words --------------------------------------------------

    def _uitdrukkingen(self, stammen: list[str], bezet: list[bool]) -> list[str]:
        """The concepts of the synonyms of several words in a clause, marking their words.

        The longest first over the whole clause, in any order within a short
        window ('komen niet opdagen', 'een veel te groot thema').
        """
        kandidaten = [
            (len(lid), i, lid, concept)
            for i, stam in enumerate(stammen)
            for lid, concept in self.ws.met_stam.get(stam, ())
        ]
        kandidaten.sort(key=lambda k: (-k[0], k[1]))
        concepten = []
        for _, i, lid, concept in kandidaten:
            if bezet[i]:
                continue
            plekken = _vind_lid(lid, stammen, bezet, i)
            if plekken is not None:
                for p in plekken:
                    bezet[p] = True
                concepten.append(concept)
        return concepten

    def _voeg_samen(self, ws: list[str], stammen: list[str], bezet: list[bool]) -> None:
        """Join two neighbours that together are a known word, in place ('netwerk houding')."""
        stop = self.ws.stop
        for i in range(len(ws) - 1):
            a, b = ws[i], ws[i + 1]
            if bezet[i] or bezet[i + 1] or a in stop or b in stop:
                continue
            for tussen in ("", *self.inst.tussenklanken):
                geheel = a + tussen + b
                if geheel in self.ws.bekende_vormen:
                    ws[i + 1] = geheel
                    stammen[i + 1] = self.ws.stam(geheel)
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
        delen, stop = self.inst.scheidbare_delen, self.ws.stop
        n = len(ws)
        geplakt: set[int] = set()
        for i in range(n - 1, -1, -1):  # the part at the end of the clause first
            if bezet[i] or ws[i] not in delen:
                continue
            volgend = ws[i + 1] if i + 1 < n else None
            if volgend is not None and (volgend not in stop or volgend in self.inst.lidwoorden):
                continue  # 'uit de boom', 'in de klas': a preposition
            # 'om af te zeggen', else the nearest word before: 'ze zeggen steeds af'
            kandidaten = [i + 2] if volgend == "te" and i + 2 < n else range(i - 1, -1, -1)
            for j in kandidaten:
                w = ws[j]
                if bezet[j] or j in geplakt or w in delen or (w in stop and w not in self.inst.stopwerkwoorden):
                    continue
                geheel = self.ws.geplakt.get((ws[i], stammen[j]))
                if geheel is None and w.endswith("t") and len(w) > 3:  # 'zegt ... af': Snowball keeps the -t
                    geheel = self.ws.geplakt.get((ws[i], self.ws.ruw(w[:-1])))
                if geheel is not None:
                    ws[j] = geheel
                    stammen[j] = self.ws.stam(geheel)
                    bezet[i] = True
                    geplakt.add(j)
                    break

    # one word ---------------------------------------------------------------------

    def _groep(self, woord: str, stam: str, vraag: bool) -> Groep:
        """One word: its stem with its alternatives.

        A word the documents know gets its compound parts as alternatives, so
        'netwerkhouding' also matches 'houding in het netwerk'. An unknown word
        in a query is split into known parts that count together as one word
        (so that 'wachtwoord' is only half found through 'woord'), or else
        matched to a known word within the allowed typing errors.
        """
        inst = self.inst
        term = self._met_concept({}, stam, 1.0)
        # a word with a meaning of its own in the synonyms is not split: 'intervisie' is no 'visie'
        kan_splitsen = (len(woord) >= 2 * inst.min_deel and stam not in self.ws.concept_van) or woord in inst.splitsingen
        if stam in self.ws.stammen or not vraag:
            delen = self.samenstellingen.splits(woord, streng=vraag) if kan_splitsen else None
            for deel in delen or ():
                self._met_concept(term, deel, inst.samenstellingsdeel)
            return (term,)
        delen = self.samenstellingen.splits(woord, streng=True) if kan_splitsen else None
        if delen:
            return tuple(self._met_concept({}, deel, inst.samenstellingsdeel) for deel in delen)
        dichtbij = self.tikfouten.dichtstbij(woord)
        if dichtbij is None and stam != woord:
            dichtbij = self.tikfouten.dichtstbij(stam)
        if dichtbij is not None:
            self._met_concept(term, dichtbij, inst.tikfout)
        return (term,)

    def _met_concept(self, term: Term, token: str, kwaliteit: float) -> Term:
        """Add a token, and its concept if it is a synonym, to a term (unless it is there already)."""
        term.setdefault(token, kwaliteit)
        concept = self.ws.concept_van.get(token)
        if concept is not None:
            term.setdefault(concept, kwaliteit)
        return term


def _vind_lid(lid: tuple[str, ...], stammen: list[str], bezet: list[bool], i: int) -> list[int] | None:
    """Where the words of a multi-word expression stand around position i, or None."""
    venster = len(lid) + 2
    begin, eind = max(0, i - venster), min(len(stammen), i + venster + 1)
    plekken: list[int] = []
    for s in lid:
        gevonden = next((j for j in range(begin, eind) if stammen[j] == s and not bezet[j] and j not in plekken), None)
        if gevonden is None:
            return None
        plekken.append(gevonden)
    if max(plekken) - min(plekken) >= venster:
        return None
    return plekken

