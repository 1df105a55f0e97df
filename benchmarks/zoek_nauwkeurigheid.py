"""How well does `ln valkuil` find the right entry? Ours next to a plain word-overlap search.

    .venv/bin/python benchmarks/zoek_nauwkeurigheid.py            # the figures
    .venv/bin/python benchmarks/zoek_nauwkeurigheid.py --fouten   # and every miss
    .venv/bin/python benchmarks/zoek_nauwkeurigheid.py --ronde PAD.yaml   # a new blind round:
        figures only, never its queries, so it can be measured before anyone looks at it

Reads tests/data/zoekvragen.yaml (problem descriptions as kartrekkers type
them, with the entry each should find, and queries about other things that
should find nothing; plus later rounds: `nagekomen`, written before the
tuning; `derde_ronde`, written later and never tuned on) and
tests/data/zoekvragen_vers.yaml (the fresh set: 60 queries and 20 unrelated
ones by someone who never saw the data; measured once, then used for general
fixes, see docs/zoeken.md), and the blind rounds tests/data/zoekvragen_ronde4.yaml
to -9 (the same form, written by others from the Handreiking only; each
measured before it was looked at, see docs/zoeken.md), and prints, for both searches:
- top-1: the expected entry is the first result;
- top-3: it is among the results shown (at most three);
- leeg bij onzin: the share of unrelated queries that show nothing;
- the time to build the index and the time per query.

The baseline (`zoeken.WoordOverlap`) uses the same documents and stop words,
but no stems, synonyms, compounds or typo tolerance; it shows any entry that
shares a word with the query.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

HIER = Path(__file__).resolve().parent
VRAGEN = HIER.parent / "tests" / "data" / "zoekvragen.yaml"
VERS = HIER.parent / "tests" / "data" / "zoekvragen_vers.yaml"
BLIND = {
    "ronde4": "vierde ronde, blind: vóór het kijken gemeten, daarna op afgesteld",
    "ronde5": "vijfde ronde, blind: vóór het kijken gemeten, daarna op afgesteld",
    "ronde6": "zesde ronde, blind: vóór het kijken gemeten (53,3 / 71,7 / 85,0), daarna op afgesteld",
    "ronde7": "zevende ronde, blind: vóór het kijken gemeten (68,3 / 81,7 / 85,0 zonder voorbeelden; "
    "75,0 / 88,3 / 85,0 met), daarna op afgesteld",
    "ronde8": "achtste ronde, blind: één keer gemeten en nooit bekeken (66,7 / 80,0 / 85,0 met de code "
    "van vóór de voorbeelden; 90,0 / 95,0 / 90,0 met alles)",
    "ronde9": "negende ronde, blind: één keer gemeten en nooit bekeken (78,3 / 88,3 / 80,0 met de code "
    "van vóór de voorbeelden; 91,7 / 95,0 / 95,0 met de laatste code)",
}


RONDES = {
    "nagekomen": "tweede ronde, vóór het afstellen geschreven, daarna gebruikt om te verbeteren",
    "derde_ronde": "derde ronde, niet op afgesteld; alleen op regressies bekeken, zie docs/zoeken.md",
}


def lees_vragen(pad: Path = VRAGEN) -> tuple[list[dict], list[str], dict[str, list[dict]]]:
    """The main set, the unrelated queries, and the later rounds (by name)."""
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    return data["vragen"], data["onzin"], {naam: data.get(naam, []) for naam in RONDES}


def lees_vers(pad: Path = VERS) -> tuple[list[dict], list[str]]:
    """The fresh set: its queries and its own unrelated queries."""
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    return data["vragen"], data["onzin"]


def meet(zoek, vragen: list[dict], onzin: list[str]) -> dict:
    """Top-1, top-3 and the share of empty answers to unrelated queries, plus the misses."""
    top1 = top3 = 0
    missers = []
    begin = time.perf_counter()
    for v in vragen:
        ids = [r.id for r in zoek(v["vraag"])]
        if ids[:1] == [v["verwacht"]]:
            top1 += 1
        if v["verwacht"] in ids[:3]:
            top3 += 1
        if ids[:1] != [v["verwacht"]]:
            missers.append((v["vraag"], v["verwacht"], ids[:3]))
    ten_onrechte = []
    for q in onzin:
        gevonden = zoek(q)
        if gevonden:
            ten_onrechte.append((q, [(r.id, round(r.score, 2)) for r in gevonden]))
    duur = time.perf_counter() - begin
    return {
        "top1": top1 / len(vragen),
        "top3": top3 / len(vragen),
        "leeg": (len(onzin) - len(ten_onrechte)) / len(onzin) if onzin else 1.0,
        "missers": missers,
        "ten_onrechte": ten_onrechte,
        "ms_per_vraag": 1000 * duur / max(1, len(vragen) + len(onzin)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fouten", action="store_true", help="toon elke misser")
    parser.add_argument(
        "--ronde", type=Path, action="append", default=[],
        help="meet alleen deze blinde ronde(n): cijfers, geen vragen (meet vóór je kijkt)",
    )
    args = parser.parse_args(argv)
    if args.ronde:
        return meet_blind(args.ronde)

    from lerend_netwerk.kennisbank import laad_kennisbank
    from lerend_netwerk.zoeken import WoordOverlap, Zoeker

    kb = laad_kennisbank()
    vragen, onzin, rondes = lees_vragen()
    vers, vers_onzin = lees_vers()
    begin = time.perf_counter()
    ons = Zoeker(kb)
    bouw_ms = 1000 * (time.perf_counter() - begin)
    basis = WoordOverlap(kb)

    print(
        f"{len(vragen)} probleemvragen, {len(onzin)} vragen over iets anders, "
        + ", ".join(f"{len(v)} in {naam}" for naam, v in rondes.items())
        + f"; {len(ons.documenten)} documenten"
    )
    print(f"index bouwen: {bouw_ms:.0f} ms (eerste keer in dit proces, met het laden van de stemmer)")
    print()
    print(f"{'zoekfunctie':<22}{'top-1':>8}{'top-3':>8}{'leeg bij onzin':>16}{'ms/vraag':>10}")
    uitkomsten = {}
    for naam, zoeker in (("ln valkuil", ons), ("woordoverlap (basis)", basis)):
        u = uitkomsten[naam] = meet(zoeker.zoek, vragen, onzin)
        print(f"{naam:<22}{u['top1']:>8.1%}{u['top3']:>8.1%}{u['leeg']:>16.1%}{u['ms_per_vraag']:>10.1f}")
    for naam, ronde in rondes.items():
        if not ronde:
            continue
        print(f"\n{naam} ({len(ronde)} vragen; {RONDES[naam]}):")
        print(f"{'zoekfunctie':<22}{'top-1':>8}{'top-3':>8}")
        for zoeknaam, zoeker in (("ln valkuil", ons), ("woordoverlap (basis)", basis)):
            u = uitkomsten[f"{zoeknaam} ({naam})"] = meet(zoeker.zoek, ronde, [])
            print(f"{zoeknaam:<22}{u['top1']:>8.1%}{u['top3']:>8.1%}")
    print(
        f"\nvers ({len(vers)} vragen, {len(vers_onzin)} over iets anders; geschreven zonder de data te zien, "
        "één keer gemeten, daarna gebruikt om te verbeteren):"
    )
    print(f"{'zoekfunctie':<22}{'top-1':>8}{'top-3':>8}{'leeg bij onzin':>16}")
    for zoeknaam, zoeker in (("ln valkuil", ons), ("woordoverlap (basis)", basis)):
        u = uitkomsten[f"{zoeknaam} (vers)"] = meet(zoeker.zoek, vers, vers_onzin)
        print(f"{zoeknaam:<22}{u['top1']:>8.1%}{u['top3']:>8.1%}{u['leeg']:>16.1%}")
    for ronde, uitleg in BLIND.items():
        pad = HIER.parent / "tests" / "data" / f"zoekvragen_{ronde}.yaml"
        if not pad.exists():
            continue
        blind, blind_onzin = lees_vers(pad)
        print(f"\n{ronde} ({len(blind)} vragen, {len(blind_onzin)} over iets anders; {uitleg}):")
        print(f"{'zoekfunctie':<22}{'top-1':>8}{'top-3':>8}{'leeg bij onzin':>16}")
        for zoeknaam, zoeker in (("ln valkuil", ons), ("woordoverlap (basis)", basis)):
            u = uitkomsten[f"{zoeknaam} ({ronde})"] = meet(zoeker.zoek, blind, blind_onzin)
            print(f"{zoeknaam:<22}{u['top1']:>8.1%}{u['top3']:>8.1%}{u['leeg']:>16.1%}")
    if args.fouten:
        for naam, u in uitkomsten.items():
            print(f"\n== {naam}: niet op plaats 1 ({len(u['missers'])})")
            for vraag, verwacht, ids in u["missers"]:
                print(f"  {vraag!r}: verwacht {verwacht}, kreeg {ids}")
            print(f"== {naam}: onzin met resultaat ({len(u['ten_onrechte'])})")
            for vraag, gevonden in u["ten_onrechte"]:
                print(f"  {vraag!r}: {gevonden}")
    return 0


def meet_blind(paden: list[Path]) -> int:
    """Only the figures of new blind rounds: no query is printed, so measuring is not looking."""
    from lerend_netwerk.kennisbank import laad_kennisbank
    from lerend_netwerk.zoeken import Zoeker

    ons = Zoeker(laad_kennisbank())
    for pad in paden:
        vragen, onzin = lees_vers(pad)
        u = meet(ons.zoek, vragen, onzin)
        print(
            f"{pad.name}: {len(vragen)} vragen, {len(onzin)} over iets anders: "
            f"top-1 {u['top1']:.1%}, top-3 {u['top3']:.1%}, leeg bij onzin {u['leeg']:.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
