"""`ln bijeenkomst` on a network with 500 logged meetings against an empty one.

Each round runs, alternating, the installed `ln` as a subprocess:
  - `ln bijeenkomst ...` on a fresh network without meetings
  - `ln bijeenkomst ...` on the same network with 500 meetings
in two ways:
  - koud: before every run the file is put back to its starting bytes (not
    timed), so every run parses and checks the whole file, edits it, parses
    the result again to check the edit, and writes it. This is the cost after
    a hand edit, and the figure the target is about.
  - warm: the file stays as the previous run left it (one meeting longer each
    time), as when a kartrekker logs meeting after meeting; the state of the
    last write comes from the cache (docs/statusbestand.md).
Prints the median wall time of each and the ratios. Target (issue 4): <= 1.5.

Usage: python benchmarks/bench_bijeenkomst.py [--rondes 21] [--aantal 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from lerend_netwerk.netwerk import Bijeenkomst, Deelnemer, Netwerk, RvStatus
from lerend_netwerk.statusbestand import nieuw_bestand_tekst

WERKVORMEN = ("teletijdmachine", "kennismakingsoefening", "contract", "talking-stick", "leerdagboek", "worldcafe")
NOTITIES = (
    "Goede sfeer; iedereen bracht een voorbeeld uit de eigen praktijk mee.",
    "Thema aangescherpt: warme overdracht van peuterspeelzaal naar groep 1.",
    "Twee afmeldingen; volgende keer eerder uitnodigen.",
)


def netwerk(aantal: int) -> Netwerk:
    begin = date(2020, 1, 6)
    return Netwerk(
        naam="LN Doorgaande Lijn Kanaleneiland",
        fase="ontwikkeling",
        wijk="Kanaleneiland",
        kartrekker="Samira Bouzid",
        randvoorwaarden={rv: RvStatus("ja") for rv in ("commitment", "motivatie", "tijd", "budget")},
        deelnemers=tuple(Deelnemer(f"Deelnemer {i}", "Kdv De Boomhut", "kinderdagverblijf") for i in range(8)),
        bijeenkomsten=tuple(
            Bijeenkomst(
                datum=begin + timedelta(days=3 * i),
                fase="ontwikkeling",
                werkvormen=(WERKVORMEN[i % 6], WERKVORMEN[(i + 2) % 6]),
                aanwezig=4 + i % 5,
                notities=NOTITIES[i % 3],
            )
            for i in range(aantal)
        ),
    )


def ln_opdracht() -> list[str]:
    ln = Path(sys.executable).parent / ("ln.exe" if os.name == "nt" else "ln")
    if ln.exists():
        return [str(ln)]
    print(f"Let op: {ln} is niet geïnstalleerd; ik meet 'python -m lerend_netwerk'.", file=sys.stderr)
    return [sys.executable, "-m", "lerend_netwerk"]


def meet(opdracht: list[str], pad: Path, begin: bytes | None, omgeving: dict[str, str]) -> float:
    if begin is not None:
        pad.write_bytes(begin)
    start = time.perf_counter()
    klaar = subprocess.run(opdracht + ["--netwerk", str(pad)], env=omgeving, capture_output=True, text=True)
    duur = time.perf_counter() - start
    if klaar.returncode != 0:
        raise SystemExit(f"ln gaf exitcode {klaar.returncode}:\n{klaar.stdout}\n{klaar.stderr}")
    return duur


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rondes", type=int, default=21)
    parser.add_argument("--aantal", type=int, default=500)
    args = parser.parse_args()

    map_ = Path(tempfile.mkdtemp(prefix="ln-bench-"))
    try:
        omgeving = dict(os.environ, LN_CACHE=str(map_ / "cache"), NO_COLOR="1")
        omgeving.pop("LN_BIBLIOTHEEK", None)
        leeg, vol = map_ / "leeg.yaml", map_ / "vol.yaml"
        leeg_bytes = nieuw_bestand_tekst(netwerk(0)).encode()
        vol_bytes = nieuw_bestand_tekst(netwerk(args.aantal)).encode()
        opdracht = ln_opdracht() + [
            "bijeenkomst", "--datum", "2026-09-18", "--werkvorm", "teletijdmachine",
            "--werkvorm", "kennismakingsoefening", "--aanwezig", "6", "--notitie", "Gemeten",
        ]
        for pad, begin in ((leeg, leeg_bytes), (vol, vol_bytes)):  # warm up: page cache, knowledge-base cache
            meet(opdracht, pad, begin, omgeving)
        print(f"ln bijeenkomst, mediaan van {args.rondes} rondes (afwisselend), {args.aantal} bijeenkomsten "
              f"= {len(vol_bytes) // 1024} KB:")
        for soort in ("koud", "warm"):
            tijden: dict[str, list[float]] = {"leeg": [], "vol": []}
            leeg.write_bytes(leeg_bytes)
            vol.write_bytes(vol_bytes)
            for _ in range(args.rondes):
                tijden["leeg"].append(meet(opdracht, leeg, leeg_bytes if soort == "koud" else None, omgeving))
                tijden["vol"].append(meet(opdracht, vol, vol_bytes if soort == "koud" else None, omgeving))
            leeg_ms = statistics.median(tijden["leeg"]) * 1000
            vol_ms = statistics.median(tijden["vol"]) * 1000
            doel = " (doel: hoogstens 1.50)" if soort == "koud" else ""
            print(f"  {soort}: leeg {leeg_ms:6.1f} ms, {args.aantal} bijeenkomsten {vol_ms:6.1f} ms, "
                  f"verhouding {vol_ms / leeg_ms:.2f}{doel}")
    finally:
        shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    main()
