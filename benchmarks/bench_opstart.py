"""Start-up cost of `ln werkvormen` against the floor of any Typer+Rich program.

Runs, alternating, in the same interpreter/venv:
  - `python -c pass`
  - the smallest Typer+Rich program that prints a table (the floor)
  - `ln werkvormen` (our imports + loading and validating the knowledge base)
  - `ln werkvormen --bibliotheek DIR` with 1,000 generated work forms
and prints the median wall time of each and the ratios to the floor.
Targets (issue 3): ours <= 1.30 x floor; with 1,000 work forms <= 1.30 x ours.

Usage: python benchmarks/bench_opstart.py [--rondes 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VLOER = '''
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main() -> None:
    tabel = Table("id", "naam")
    tabel.add_row("x", "y")
    Console().print(tabel)


app()
'''


def schrijf_bibliotheek(map_: Path, aantal: int) -> None:
    regels = ["werkvormen:"]
    fasen = ["verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering"]
    for i in range(aantal):
        regels += [
            f"  - id: eigen-werkvorm-{i}",
            f"    naam: Eigen werkvorm {i}",
            "    soort: werkvorm",
            f"    beschrijving: Een zelfbedachte werkvorm nummer {i} om mee te meten.",
            "    helpt_bij: [meten, vergelijken]",
            "    vermeldingen:",
            f"      - fase: {fasen[i % 5]}",
            "    uitwerking:",
            "      duur: [10, 20]",
            "      stappen:",
            "        - {tekst: Uitleggen, minuten: 5}",
            "        - {tekst: Doen, minuten: 10}",
        ]
    (map_ / "veel.yaml").write_text("\n".join(regels) + "\n", encoding="utf-8")


VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "netwerk.yaml"


def tijd(cmd: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=21)
    args = parser.parse_args()
    python = sys.executable
    ln = str(Path(python).with_name("ln"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp_pad = Path(tmp)
        (tmp_pad / "vloer.py").write_text(VLOER, encoding="utf-8")
        bieb = tmp_pad / "bieb"
        bieb.mkdir()
        schrijf_bibliotheek(bieb, 1000)
        # Like a user's Python: bytecode is written once and reused (pip compiles it at install).
        env = {k: v for k, v in os.environ.items() if not k.startswith("LN_") and k != "PYTHONDONTWRITEBYTECODE"}
        metingen = {
            "python -c pass": [python, "-c", "pass"],
            "Typer+Rich-vloer": [python, str(tmp_pad / "vloer.py")],
            "ln werkvormen": [ln, "werkvormen"],
            "ln werkvormen + 1000 eigen": [ln, "werkvormen", "--bibliotheek", str(bieb)],
            # the example's last note holds an agreement, so the search runs too
            "ln agenda (voorbeeld)": [ln, "agenda", "--netwerk", str(VOORBEELD)],
        }
        tijden: dict[str, list[float]] = {naam: [] for naam in metingen}
        for cmd in metingen.values():  # warm the file cache once
            tijd(cmd, env)
        for _ in range(args.rondes):
            for naam, cmd in metingen.items():
                tijden[naam].append(tijd(cmd, env))
    mediaan = {naam: statistics.median(t) * 1000 for naam, t in tijden.items()}
    for naam, ms in mediaan.items():
        print(f"{naam:30s} {ms:7.1f} ms")
    vloer = mediaan["Typer+Rich-vloer"]
    ons = mediaan["ln werkvormen"]
    veel = mediaan["ln werkvormen + 1000 eigen"]
    print(f"ln werkvormen / vloer:          {ons / vloer:.2f}  (doel <= 1.30)")
    print(f"met 1000 eigen / ln werkvormen: {veel / ons:.2f}  (doel <= 1.30)")
    print(f"ln agenda / vloer:              {mediaan['ln agenda (voorbeeld)'] / vloer:.2f}  (doel <= 1.30)")


if __name__ == "__main__":
    main()
