"""Start-up cost of `ln valkuil` against the floor of any Typer+Rich program (issue 11).

Runs, alternating, in this interpreter/venv, each a whole process:
  - the smallest Typer+Rich program that prints a table (the floor, from bench_opstart.py)
  - `ln valkuil er zeggen steeds mensen af`, piped (stdout not a terminal), index cache warm
  - the same in a pseudo-terminal (what a kartrekker sees: colours, a terminal width)
  - the same with a cold index cache (zoekindex.pickle removed before every run; the
    knowledge base and the search settings stay cached)
and prints the median wall time of each and the ratios to the floor.
Targets: warm, piped and in a terminal, <= 1.30 x floor; a cold cache <= 2 x floor.

Usage: python benchmarks/bench_valkuil.py [--rondes 21] [--src DIR]
(--src: run the lerend_netwerk package from another source folder, to compare versions)
"""

from __future__ import annotations

import argparse
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_opstart import VLOER  # noqa: E402

VRAAG = ["er", "zeggen", "steeds", "mensen", "af"]


def tijd(cmd: list[str], env: dict[str, str]) -> float:
    begin = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - begin


def tijd_in_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time with stdin and stdout a pseudo-terminal, reading all output."""
    begin = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.execvpe(cmd[0], cmd, env)
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO: the child closed the terminal
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rondes", type=int, default=21)
    parser.add_argument("--src", type=Path, default=None)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp_pad = Path(tmp)
        (tmp_pad / "vloer.py").write_text(VLOER, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("LN_") and k != "PYTHONDONTWRITEBYTECODE"}
        env |= {"LN_CACHE": str(tmp_pad / "cache"), "TERM": "xterm-256color", "COLUMNS": "100"}
        env.pop("NO_COLOR", None)
        if args.src is not None:
            env["PYTHONPATH"] = str(args.src.resolve())
        ln = [python, "-m", "lerend_netwerk", "valkuil", *VRAAG]
        index = tmp_pad / "cache" / "zoekindex.pickle"

        def koud() -> float:
            index.unlink(missing_ok=True)
            return tijd(ln, env)

        metingen = {
            "Typer+Rich-vloer": lambda: tijd([python, str(tmp_pad / "vloer.py")], env),
            "ln valkuil, gepijpt": lambda: tijd(ln, env),
            "ln valkuil, in een terminal": lambda: tijd_in_terminal(ln, env),
            "ln valkuil, koude index": koud,
        }
        tijden: dict[str, list[float]] = {naam: [] for naam in metingen}
        for meet in metingen.values():  # warm the file cache and the index cache once
            meet()
        for _ in range(args.rondes):
            for naam, meet in metingen.items():
                tijden[naam].append(meet())
    mediaan = {naam: statistics.median(t) * 1000 for naam, t in tijden.items()}
    vloer = mediaan["Typer+Rich-vloer"]
    for naam, ms in mediaan.items():
        print(f"{naam:30s} {ms:7.1f} ms  {ms / vloer:5.2f} x vloer  (min {min(tijden[naam]) * 1000:.1f})")
    print("doel: warm <= 1.30 x vloer (gepijpt en in een terminal), koude index <= 2 x vloer")


if __name__ == "__main__":
    main()
