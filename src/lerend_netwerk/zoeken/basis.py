"""A baseline for the benchmark: plain word overlap over the same documents."""

from __future__ import annotations

from lerend_netwerk.kennisbank import Kennisbank
from lerend_netwerk.zoeken.documenten import Resultaat, documenten
from lerend_netwerk.zoeken.instellingen import ZoekInstellingen, laad_instellingen


class WoordOverlap:
    """Lowercase words, stop words removed (the same list), nothing else: no
    stems, no synonyms, no compounds, no typing errors. A document's score is
    the share of the query's words it contains; anything above zero is shown.
    """

    def __init__(self, kennisbank: Kennisbank, instellingen: ZoekInstellingen | None = None) -> None:
        self.inst = instellingen or laad_instellingen()
        self.documenten = []
        for resultaat, velden in documenten(kennisbank, self.inst):
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
                uit.append(r._replace(score=score))
        uit.sort(key=lambda r: -r.score)  # stable: ties keep the order of the data
        return uit[: self.inst.max_resultaten]


def _kaal(woord: str) -> str:
    return woord.strip(".,;:!?()[]\"'“”‘’")
