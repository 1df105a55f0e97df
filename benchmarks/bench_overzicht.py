"""`ln overzicht` on 500 networks with 50 meetings each, against merely parsing those files.

Builds a folder of 500 state files (10 districts, 50 held meetings each, with
attendance, work forms and notes; about 16 KB a file) and measures, on one
core (the process is pinned to CPU 0):

  - parse:     read every file and `yaml.load` it with PyYAML's C loader (CSafeLoader),
               nothing else: the floor the issue compares with;
  - overzicht: `maak_overzicht`, in-process: read, parse with lines, check every
               field, and the warnings (what the command does before printing);
  - ln:        the installed `ln overzicht MAP --json`, a whole process, output to /dev/null.

Each is run `--rondes` times, alternating; prints the medians of CPU time (the
process's own, so other load on the machine counts less) and wall time, and
the ratio overzicht / parse. Targets (issue 16): ratio <= 2, and under 2 s on one core.

Usage: python benchmarks/bench_overzicht.py [--rondes 7] [--aantal 500] [--bijeenkomsten 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

WERKVORMEN = ("teletijdmachine", "contract", "talking-stick", "leerdagboek", "worldcafe", "gewichten-plakken")
NOTITIES = (
    "Goede sfeer; iedereen bracht een voorbeeld uit de eigen praktijk mee.",
    "Thema aangescherpt: warme overdracht van peuterspeelzaal naar groep 1.",
    "Twee afmeldingen; volgende keer eerder uitnodigen.",
)


def maak_map(map_: Path, aantal: int, bijeenkomsten: int) -> None:
    kans = random.Random(16)
    for i in range(aantal):
        pad = map_ / f"wijk-{i % 10}" / f"netwerk-{i:03d}" / "netwerk.yaml"
        pad.parent.mkdir(parents=True)
        begin = date(2024, 9, 5)
        regels = [
            f"# Statusbestand van netwerk {i}",
            f"naam: Lerend netwerk {i}",
            f"wijk: Wijk {i % 10}",
            f"fase: {('verkenning', 'ontwikkeling', 'verdieping', 'inbedding')[i % 4]}",
            "kartrekker: Anna de Vries",
            'starttijd: "15:30"',
            "thema:",
            '  speerpunt: "Speerpunt 9: Voorlezen"',
            "randvoorwaarden:",
            "  commitment: ja",
            "  motivatie: ja",
            f"  tijd: {'ja' if i % 3 else 'deels'}",
            "  budget: ja",
            "deelnemers:",
            *[f"  - {{naam: Deelnemer {k}, organisatie: Kinderopvang {k}, soort: kinderdagverblijf}}" for k in range(8)],
            "bijeenkomsten:",
        ]
        for k in range(bijeenkomsten):
            regels += [
                f"  - datum: {(begin + timedelta(days=14 * k)).isoformat()}",
                "    fase: ontwikkeling",
                f"    werkvormen: [{kans.choice(WERKVORMEN)}, leerdagboek]",
                f"    aanwezig: {kans.randint(5, 12)}",
                f"    notities: {json.dumps(kans.choice(NOTITIES), ensure_ascii=False)}",
            ]
        pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def meet(functie) -> tuple[float, float]:
    cpu, muur = time.process_time(), time.perf_counter()
    functie()
    return time.process_time() - cpu, time.perf_counter() - muur


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=7)
    parser.add_argument("--aantal", type=int, default=500)
    parser.add_argument("--bijeenkomsten", type=int, default=50)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})  # one core, for this process and the `ln` it starts

    import yaml

    from lerend_netwerk.kennisbank import laad_kennisbank
    from lerend_netwerk.overzicht import maak_overzicht, zoek_bestanden

    ln = shutil.which("ln", path=str(Path(sys.executable).parent))
    kb = laad_kennisbank()
    with tempfile.TemporaryDirectory(prefix="ln-overzicht-") as tijdelijk:
        map_ = Path(tijdelijk) / "netwerken"
        maak_map(map_, args.aantal, args.bijeenkomsten)
        bestanden = zoek_bestanden(map_)
        grootte = sum(p.stat().st_size for p in bestanden)
        print(f"{len(bestanden)} bestanden, {grootte / 1e6:.1f} MB, {args.bijeenkomsten} bijeenkomsten elk")

        def parse() -> None:
            for pad in bestanden:
                yaml.load(pad.read_bytes(), Loader=yaml.CSafeLoader)

        def overzicht() -> None:
            o = maak_overzicht(kb, map_, date(2026, 12, 1))
            assert len(o.netwerken) == args.aantal, len(o.netwerken)

        def opdracht() -> None:
            subprocess.run([ln, "overzicht", str(map_), "--json"], stdout=subprocess.DEVNULL, check=True,
                           env={**os.environ, "LN_CACHE": str(Path(tijdelijk) / "cache")})

        uitkomsten: dict[str, list[tuple[float, float]]] = {"parse": [], "overzicht": [], "ln": []}
        overzicht()  # imports and the knowledge base once, like the command has them before it starts
        for _ in range(args.rondes):
            uitkomsten["parse"].append(meet(parse))
            uitkomsten["overzicht"].append(meet(overzicht))
            # a child's CPU time is not this process's: wall time only, on the same pinned core
            uitkomsten["ln"].append((float("nan"), meet(opdracht)[1]))
    medianen = {k: (statistics.median(c for c, _ in v), statistics.median(m for _, m in v)) for k, v in uitkomsten.items()}
    for naam, (cpu, muur) in medianen.items():
        cpu_tekst = "    -   " if cpu != cpu else f"{cpu * 1000:7.0f}"
        print(f"{naam:10s} cpu {cpu_tekst} ms   muur {muur * 1000:7.0f} ms")
    print(f"overzicht / parse: cpu {medianen['overzicht'][0] / medianen['parse'][0]:.2f}, "
          f"muur {medianen['overzicht'][1] / medianen['parse'][1]:.2f}   (doel: <= 2)")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
