"""Figures behind `ln leid`: which full-screen library, and what the real view costs.

    python benchmarks/bench_leid.py keuze [--python PY] [--seconden 20]
    python benchmarks/bench_leid.py leid [--seconden 30]

`keuze` runs the same minimal full-screen clock ("Nog m:ss", redrawn once a
second, keys read) with each candidate in an 80x24 pseudo-terminal: Rich Live
with a termios key reader, Textual, a prompt_toolkit Application, and curses
(stdlib). Per candidate: the time until the first frame is on the screen, the
memory (RSS) then, the CPU used while idle, and the bytes sent to the terminal
per second (what an SSH connection carries). `--python` picks an interpreter
that has all of them (Textual is not a dependency of this project; install it
in a scratch venv to compare).

`leid` runs the real `ln leid` (installed in this venv) on a plan stored for
today, idle, and reports the same figures plus the redraws per second.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

KANDIDATEN = {
    "rich.live": r'''
import os, select, sys, termios, time, tty
from rich.console import Console
from rich.live import Live
from rich.text import Text
fd = sys.stdin.fileno(); oud = termios.tcgetattr(fd); tty.setcbreak(fd)
begin = time.time()
try:
    with Live(console=Console(), screen=True, auto_refresh=False) as live:
        while True:
            over = 600 - (time.time() - begin)
            live.update(Text(f"Nog {int(over)//60}:{int(over)%60:02d}"), refresh=True)
            if select.select([fd], [], [], 1 - (time.time() - begin) % 1)[0] and os.read(fd, 16) == b"q":
                break
finally:
    termios.tcsetattr(fd, termios.TCSADRAIN, oud)
''',
    "textual": r'''
import time
from textual.app import App
from textual.widgets import Static
begin = time.time()
class Klok(App):
    BINDINGS = [("q", "quit", "stop")]
    def compose(self):
        self.s = Static("Nog 10:00"); yield self.s
    def on_mount(self):
        self.set_interval(1, self.tik)
    def tik(self):
        over = 600 - (time.time() - begin)
        self.s.update(f"Nog {int(over)//60}:{int(over)%60:02d}")
Klok().run()
''',
    "prompt_toolkit": r'''
import time
from prompt_toolkit.application import Application
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
begin = time.time()
def tekst():
    over = 600 - (time.time() - begin)
    return f"Nog {int(over)//60}:{int(over)%60:02d}"
kb = KeyBindings()
@kb.add("q")
def _(e): e.app.exit()
Application(layout=Layout(Window(FormattedTextControl(tekst))), key_bindings=kb, full_screen=True,
            refresh_interval=1).run()
''',
    "curses": r'''
import curses, time
begin = time.time()
def main(scherm):
    scherm.timeout(1000)
    while True:
        over = 600 - (time.time() - begin)
        scherm.erase(); scherm.addstr(0, 0, f"Nog {int(over)//60}:{int(over)%60:02d}"); scherm.refresh()
        if scherm.getch() == ord("q"):
            break
curses.wrapper(main)
''',
}


def _cpu(pid: int) -> float:
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmRSS:"):
            return int(regel.split()[1]) / 1024
    return 0.0


def meet(argv: list[str], env: dict[str, str], teken: str, seconden: float, tel: str | None = None) -> dict:
    import pexpect

    begin = time.perf_counter()
    kind = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", timeout=30, dimensions=(24, 80))
    kind.expect(teken)
    eerste = time.perf_counter() - begin
    time.sleep(1.0)  # settle after start-up
    kind.read_nonblocking(10**7, timeout=0.2) if kind.isalive() else None
    rss = _rss_mb(kind.pid)
    cpu0, t0 = _cpu(kind.pid), time.perf_counter()
    gelezen = ""
    eind = t0 + seconden
    while time.perf_counter() < eind:
        try:
            gelezen += kind.read_nonblocking(10**6, timeout=max(0.05, eind - time.perf_counter()))
        except pexpect.TIMEOUT:
            pass
    duur = time.perf_counter() - t0
    cpu = _cpu(kind.pid) - cpu0
    kind.send("q")
    kind.terminate(force=True)
    uit = {"eerste_beeld_ms": round(eerste * 1000), "rss_mb": round(rss, 1), "cpu_procent": round(100 * cpu / duur, 2),
           "bytes_per_s": round(len(gelezen.encode()) / duur)}
    if tel:
        uit["beelden_per_s"] = round(gelezen.count(tel) / duur, 2)
    return uit


def keuze(python: str, seconden: float) -> None:
    import pexpect

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    for naam, code in KANDIDATEN.items():
        try:
            print(naam, meet([python, "-c", code], env, "Nog ", seconden), flush=True)
        except (pexpect.EOF, pexpect.TIMEOUT, OSError) as fout:  # a candidate missing in this interpreter
            print(naam, "niet gemeten:", type(fout).__name__)


def leid(seconden: float) -> None:
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "netwerk.yaml"
        pad.write_text((Path(__file__).parent.parent / "voorbeelden" / "netwerk.yaml").read_text(encoding="utf-8"),
                       encoding="utf-8")
        ln = str(Path(sys.executable).with_name("ln"))
        env = {**os.environ, "TERM": "xterm-256color", "LN_NETWERK": str(pad), "LN_CACHE": str(Path(map_) / "cache")}
        env.pop("NO_COLOR", None)
        subprocess.run([ln, "agenda", "--bewaar", "--datum", date.today().isoformat()], env=env, check=True,
                       capture_output=True)
        print("ln leid", meet([ln, "leid"], env, "Onderdeel 1 van", seconden, tel="Onderdeel 1 van"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("wat", choices=("keuze", "leid"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--seconden", type=float, default=20)
    args = parser.parse_args()
    if args.wat == "keuze":
        keuze(args.python, args.seconden)
    else:
        leid(args.seconden)


if __name__ == "__main__":
    main()
