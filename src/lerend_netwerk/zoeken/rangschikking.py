"""Ranking: how well each document answers a query, and which results the search stands behind.

A document's score (0..1) is

    soortgewicht x (zinsdeel x best phrase + (1 - zinsdeel) x share of the query found anywhere in it)

where a phrase's match is the F-measure (query side weighed `beta` times) of
how much of the query it covers and how much of it the query covers, every
word weighted by its idf. Equal scores go to the document with more matching
phrasings.

Which results the search stands behind (`kies`): the best if it reaches the
threshold, or if it holds `bewijs_woorden` different words of the query and
reaches `bewijs_drempel` (a long question rarely covers one phrasing, but the
right entry holds several of its words); never one in which only context words
('directeur', 'kind') are found. A query that names something of another subject
('de printer', 'koorts', 'een cadeautje') needs both: a higher threshold
(`anders_drempel`) and the words. When the second comes within `twijfel` of the
first, the search is unsure and offers the first `max_resultaten` that count.
"""

from __future__ import annotations

from typing import NamedTuple

from lerend_netwerk.zoeken.analyse import Groep, Term
from lerend_netwerk.zoeken.documenten import Resultaat
from lerend_netwerk.zoeken.index import Document, Index, Zin
from lerend_netwerk.zoeken.instellingen import ZoekInstellingen


class Gescoord(NamedTuple):
    score: float
    steun: float  # the sum over all phrases: the tie-breaker
    bewijs: int  # how many words of the query (context words not counted) the document holds
    resultaat: Resultaat


class Uitslag(NamedTuple):
    gescoord: list[Gescoord]  # every entry with a score above zero, best first (no threshold)
    onzin: float  # how much the query looks like the questions about something else


def gescoord(index: Index, vraag: str, fase: str | None = None) -> Uitslag:
    """Every document with a score above zero, best first (no threshold), and the score of 'something else'."""
    inst = index.inst
    groepen = index.analyse.analyseer(vraag, vraag=True).groepen
    gewichten = [sum(index.gewicht(deel) for deel in groep) / len(groep) for groep in groepen]
    context = [all(index.is_context(deel) for deel in groep) for groep in groepen]
    vraagtokens = {t for groep in groepen for deel in groep for t in deel}
    gelijkenis = index.ngrammen.scores(vraag, index.onzin + 1)
    voorbeelden = index.voorbeelden.per_document(groepen, gewichten, inst.beta, inst.voorbeeld_buren)
    uit = []
    for nummer, (doc, letters) in enumerate(zip(index.documenten, gelijkenis)):
        if fase is not None and fase not in doc.resultaat.fasen:
            continue
        voorbeeld, uit_voorbeelden = voorbeelden.get(nummer, (0.0, set()))
        voorbeeld *= inst.veldgewichten["voorbeeld"]
        woorden, steun, gevonden = _score(inst, groepen, gewichten, vraagtokens, voorbeeld, doc)
        # how many words of the query (context words not counted) the entry or its nearest examples hold
        bewijs = len({i for i in gevonden | uit_voorbeelden if not context[i]})
        if woorden <= 0:
            continue
        score = _gemengd(inst, woorden, letters * inst.soortgewichten[doc.resultaat.soort])
        uit.append(Gescoord(round(min(1.0, score), 6), steun, bewijs, doc.resultaat))
    # equal scores: the entry with more matching phrasings first
    uit.sort(key=lambda x: (-x.score, -x.steun, x.resultaat.id))
    # 'something else' has only examples: its words are its nearest examples, counted as a best phrase
    onzin_woorden = inst.zinsdeel * voorbeelden.get(index.onzin, (0.0, set()))[0]
    return Uitslag(uit, _gemengd(inst, onzin_woorden, gelijkenis[index.onzin]))


def _gemengd(inst: ZoekInstellingen, woorden: float, letters: float) -> float:
    """The two opinions in one score: the words' and the letters' (`ngrammen.gewicht`)."""
    n = inst.ngrammen.gewicht
    return (1 - n) * woorden + n * letters


def alle_scores(index: Index, vraag: str, fase: str | None = None) -> list[Resultaat]:
    """Every document with a score above zero, best first (no threshold)."""
    return [g.resultaat._replace(score=g.score) for g in gescoord(index, vraag, fase).gescoord]


def kies(alles: list[Gescoord], inst: ZoekInstellingen, iets_anders: bool = False) -> list[Resultaat]:
    """The results the search stands behind, best first (see the module's docstring).

    Sure: the best, and the others that reach `marge` of it. Unsure (`twijfel`
    set on each): the first `max_resultaten` that count, to choose from. A
    document in which only context words are found never counts, but does not
    hide the others ('de ouders van de kinderen zeggen steeds af').
    """
    def telt(g: Gescoord) -> bool:
        if g.bewijs == 0:  # only context words: 'mijn kind heeft koorts'
            return False
        if iets_anders:
            return g.score >= inst.anders_drempel and g.bewijs >= inst.bewijs_woorden
        return g.score >= inst.drempel or (g.bewijs >= inst.bewijs_woorden and g.score >= inst.bewijs_drempel)

    kandidaten = [g for g in alles if telt(g)]
    if not kandidaten:
        return []
    eerste = kandidaten[0].resultaat
    beste = kandidaten[0].score
    # a work form the first already lists is no rival ('De rode draad' and its 'Doelen op een A-4')
    rivalen = [g for g in kandidaten[1:] if not (g.resultaat.soort == "werkvorm" and g.resultaat.id in eerste.werkvormen)]
    twijfel = bool(rivalen) and rivalen[0].score >= (1 - inst.twijfel) * beste
    if not twijfel:
        kandidaten = [g for g in kandidaten if g.score >= inst.marge * beste]
    return [
        g.resultaat._replace(score=g.score, twijfel=twijfel) for g in kandidaten[: inst.max_resultaten]
    ]


def _score(
    inst: ZoekInstellingen, vraag: list[Groep], gewichten: list[float],
    vraagtokens: set[str], voorbeeld: float, doc: Document,
) -> tuple[float, float, set[int]]:
    """The score (0..1), the sum over all phrases as a tie-breaker, and the words found (their positions)."""
    totaal = sum(gewichten)
    if totaal <= 0:
        return 0.0, 0.0, set()
    beste_zin = voorbeeld  # the entry's example complaints count as one phrasing
    alle_zinnen = voorbeeld
    # a query that shares no token with the entry's own words matches none of its phrasings
    for zin in () if doc.alles.isdisjoint(vraagtokens) else doc.zinnen:
        f = _zin_f(inst.beta, vraag, gewichten, totaal, zin)
        if f is None:
            continue
        alle_zinnen += f * zin.veldgewicht
        beste_zin = max(beste_zin, f * zin.veldgewicht)
    gedekt = 0.0
    bewijs = set()
    for i, (groep, wq) in enumerate(zip(vraag, gewichten)):
        gevonden = sum(max((kw for t, kw in deel.items() if t in doc.alles), default=0.0) for deel in groep)
        gedekt += wq * gevonden / len(groep)
        if gevonden > 0:
            bewijs.add(i)
    dekking = gedekt / totaal
    score = inst.zinsdeel * beste_zin + (1 - inst.zinsdeel) * dekking
    return score * inst.soortgewichten[doc.resultaat.soort], alle_zinnen, bewijs


def _zin_f(beta: float, vraag: list[Groep], gewichten: list[float], totaal: float, zin: Zin) -> float | None:
    """The F-measure of how much of the query the phrase covers and how much of the
    phrase the query covers, or None if either is nothing."""
    termen = zin.termen
    gedekt_v = 0.0
    gedekt_z = [0.0] * len(termen)
    for groep, wq in zip(vraag, gewichten):
        totaal_groep = 0.0
        for deel in groep:
            m_deel = 0.0
            for j, d in enumerate(termen):
                m = _match(deel, d)
                if m > m_deel:
                    m_deel = m
                if m > gedekt_z[j]:
                    gedekt_z[j] = m
            totaal_groep += m_deel
        gedekt_v += wq * totaal_groep / len(groep)
    qcov = gedekt_v / totaal
    pcov = sum(g * m for g, m in zip(zin.gewichten, gedekt_z)) / sum(zin.gewichten)
    if qcov <= 0 or pcov <= 0:
        return None
    b2 = beta * beta
    return (1 + b2) * qcov * pcov / (b2 * pcov + qcov)


def _match(a: Term, b: Term) -> float:
    """The best quality with which two terms share a token (0 if they share none)."""
    beste = 0.0
    for token, kwaliteit in a.items():
        ander = b.get(token)
        if ander is not None and kwaliteit * ander > beste:
            beste = kwaliteit * ander
    return beste
