"""The README's examples, run for real, so the manual cannot drift from what `ln` prints.

An example is a ```console or ```text block with lines that start with `$ ln `: each
such line is a command, the lines up to the next command are what it prints
(stdout, then stderr). `tests/test_readme.py` runs every example and compares;
this script rewrites the shown output from the real commands after a change:

    .venv/bin/python tests/readme_bijwerken.py            # rewrite README.md
    .venv/bin/python tests/readme_bijwerken.py --check    # only show the differences (exit 1)

How an example runs (the same in the test and the script):
- in a fresh folder that is also HOME (so `~` works), with `voorbeelden/` copied in
  and `voorbeelden/netwerk.yaml` as `netwerk.yaml`, unless the block starts with `ln init`;
- a ```yaml block of the README whose first line is `# ~/PATH` is written to that path;
- terminal output (tables, not tab-separated lines) at COLUMNS=92, without colour,
  with no one to answer questions, and with today fixed at VANDAAG;
- an HTML comment on the line before the block can say (several separated by `;`):
  `<!-- readme-test: vervolg -->`: go on in the folder of the example before, so a section
  can tell one story (`ln init`, then `ln start`, then `ln bijeenkomst` ...);
  `<!-- readme-test: kopieer BRON DOEL -->`: copy a repository file into the folder first;
  `<!-- readme-test: overslaan -->`: run it, but do not compare (say why in the comment).

Comparing ignores trailing spaces and blank lines at the end. `...` stands for anything:
a line `...` for any lines, `text ...` for the rest of a line and what follows. When an
output ending in a `...` line no longer matches, the script writes as many head lines as
before and the `...`; with `...` elsewhere it writes the full output (it says so): shorten
it again by hand if you like.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
BREEDTE = 92
VANDAAG = date(2026, 12, 1)
WEGGELATEN = "..."

_BLOK = re.compile(r"(?:<!-- readme-test: (?P<richtlijn>.*?) -->\n)?```(?P<taal>\w*)\n(?P<inhoud>.*?)```", re.S)


@dataclass
class Opdracht:
    regel: str  # the command as shown, without "$ "
    getoond: list[str]  # the output lines the README shows under it


@dataclass
class Blok:
    begin: int  # offset of the block's first content line in README
    eind: int  # offset of the closing fence
    regelnummer: int  # line of the opening fence, for messages
    opdrachten: list[Opdracht]
    overslaan: bool = False
    kopieer: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Voorbeeld:
    """One or more blocks run in one folder, one after the other (`vervolg`)."""

    blokken: list[Blok]

    @property
    def opdrachten(self) -> list[Opdracht]:
        return [o for b in self.blokken for o in b.opdrachten]

    @property
    def naam(self) -> str:
        return f"README.md:{self.blokken[0].regelnummer} {self.opdrachten[0].regel}"[:90]


def voorbeelden(tekst: str) -> list[Voorbeeld]:
    uit: list[Voorbeeld] = []
    for m in _BLOK.finditer(tekst):
        if m.group("taal") not in ("console", "text"):
            continue
        opdrachten: list[Opdracht] = []
        for regel in m.group("inhoud").splitlines():
            if regel.startswith("$ ln "):
                opdrachten.append(Opdracht(regel[2:].strip(), []))
            elif opdrachten:
                opdrachten[-1].getoond.append(regel)
        if not opdrachten:
            continue
        richtlijnen = [deel.split() for deel in (m.group("richtlijn") or "").split(";") if deel.strip()]
        blok = Blok(
            begin=m.start("inhoud"),
            eind=m.end("inhoud"),
            regelnummer=tekst.count("\n", 0, m.start("taal")) + 1,
            opdrachten=opdrachten,
            overslaan=any(r[0] == "overslaan" for r in richtlijnen),
            kopieer=[(r[1], r[2]) for r in richtlijnen if r[0] == "kopieer" and len(r) >= 3],
        )
        if uit and any(r[0] == "vervolg" for r in richtlijnen):
            uit[-1].blokken.append(blok)
        else:
            uit.append(Voorbeeld([blok]))
    return uit


def _yaml_bestanden(tekst: str) -> list[tuple[str, str]]:
    """README yaml blocks that start with `# ~/PATH`: (PATH, content)."""
    uit = []
    for m in _BLOK.finditer(tekst):
        eerste = m.group("inhoud").split("\n", 1)[0]
        if m.group("taal") == "yaml" and eerste.startswith("# ~/"):
            uit.append((eerste[4:].strip(), m.group("inhoud")))
    return uit


def normaal(regels: list[str]) -> list[str]:
    regels = [r.rstrip() for r in regels]
    while regels and not regels[-1]:
        regels.pop()
    return regels


def past(getoond: list[str], echt: list[str]) -> bool:
    """True when the shown lines are the real ones, with `...` standing for anything."""
    getoond, echt = normaal(getoond), normaal(echt)
    verwacht = "\n".join(getoond)
    if WEGGELATEN not in verwacht:
        return getoond == echt
    patroon = ".*?".join(re.escape(deel) for deel in verwacht.split(WEGGELATEN))
    return re.fullmatch(patroon, "\n".join(echt), flags=re.S) is not None


def bijgewerkt(getoond: list[str], echt: list[str]) -> list[str]:
    """What to show after a change: unchanged if it still fits; otherwise the real output,
    keeping a final `...` line (only the head of a long output is shown)."""
    if past(getoond, echt):
        return getoond
    getoond, echt = normaal(getoond), normaal(echt)
    if getoond and getoond[-1] == WEGGELATEN and WEGGELATEN not in "\n".join(getoond[:-1]):
        kop = len(getoond) - 1
        return echt[:kop] + [WEGGELATEN] if len(echt) > kop else echt
    return echt


@contextlib.contextmanager
def _omgeving(map_: Path):
    """A terminal-like, fixed environment: width, no colour, no questions, today, HOME."""
    oud_env = dict(os.environ)
    oud_cwd = Path.cwd()
    oud_stdin = sys.stdin
    os.environ.update(
        COLUMNS=str(BREEDTE), LINES="50", NO_COLOR="1", TTY_COMPATIBLE="1", TERM="xterm", HOME=str(map_),
        LN_CACHE=str(map_ / ".cache"),
    )
    for naam in ("LN_NETWERK", "LN_BIBLIOTHEEK", "FORCE_COLOR"):  # netwerk.yaml in the folder, as a user has it
        os.environ.pop(naam, None)
    os.chdir(map_)
    sys.stdin = io.StringIO("")
    herstel = _zet_vandaag()
    try:
        yield
    finally:
        herstel()
        sys.stdin = oud_stdin
        os.chdir(oud_cwd)
        os.environ.clear()
        os.environ.update(oud_env)


def _zet_vandaag():
    """Fix date.today() in every module of the tool that calls it; returns the undo.

    Only there: elsewhere `date` must stay the real class (isinstance checks)."""
    from lerend_netwerk.cli import laad_opdrachten

    laad_opdrachten(None)

    class VasteDatum(date):
        def __new__(cls, *args, **kwargs):  # dates made through it stay plain dates
            return date(*args, **kwargs)

        @classmethod
        def today(cls):
            return VANDAAG

    gezet = []
    for naam, module in list(sys.modules.items()):
        if (
            naam.startswith("lerend_netwerk")
            and getattr(module, "date", None) is date
            and "date.today()" in Path(module.__file__).read_text(encoding="utf-8")
        ):
            module.date = VasteDatum
            gezet.append(module)

    def herstel() -> None:
        for module in gezet:
            module.date = date

    return herstel


def voer_uit(voorbeeld: Voorbeeld, tekst: str | None = None) -> list[tuple[int, list[str]]]:
    """Run the example's commands in a fresh folder; per command its exit code and output lines."""
    tekst = README.read_text(encoding="utf-8") if tekst is None else tekst
    uitkomsten = []
    with tempfile.TemporaryDirectory(prefix="ln-readme-") as tijdelijk:
        map_ = Path(tijdelijk)
        shutil.copytree(REPO / "voorbeelden", map_ / "voorbeelden")
        if not voorbeeld.opdrachten[0].regel.startswith("ln init"):
            shutil.copy(REPO / "voorbeelden" / "netwerk.yaml", map_ / "netwerk.yaml")
        for pad, inhoud in _yaml_bestanden(tekst):
            doel = map_ / pad
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(inhoud, encoding="utf-8")
        with _omgeving(map_):
            for blok in voorbeeld.blokken:
                for bron, doel in blok.kopieer:
                    shutil.copy(REPO / bron, map_ / doel)
                for opdracht in blok.opdrachten:
                    uitkomsten.append(_voer_uit(opdracht, map_))
    return uitkomsten


def _voer_uit(opdracht: Opdracht, map_: Path) -> tuple[int, list[str]]:
    from lerend_netwerk.cli import run

    args = [a.replace("~", str(map_)) for a in shlex.split(opdracht.regel)[1:]]
    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        code = run(args, prog_name="ln")
    return code, (uit.getvalue() + fout.getvalue()).replace(str(map_), "~").splitlines()


def verschil(opdracht: Opdracht, echt: list[str]) -> str:
    return "\n".join(
        difflib.unified_diff(
            normaal(opdracht.getoond), normaal(echt), "README (getoond)", f"$ {opdracht.regel} (echt)", lineterm=""
        )
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    alleen_kijken = "--check" in argv
    tekst = README.read_text(encoding="utf-8")
    nieuw = tekst
    verschillen = 0
    vervangingen = []
    for voorbeeld in voorbeelden(tekst):
        uitkomsten = iter(voer_uit(voorbeeld, tekst))
        for blok in voorbeeld.blokken:
            regels: list[str] = []
            for opdracht in blok.opdrachten:
                _, echt = next(uitkomsten)
                if blok.overslaan:
                    regels += [f"$ {opdracht.regel}", *normaal(opdracht.getoond)]
                elif not past(opdracht.getoond, echt):
                    verschillen += 1
                    print(verschil(opdracht, echt) + "\n")
                    if WEGGELATEN in "\n".join(opdracht.getoond[:-1]):
                        print(f"let op: README.md:{blok.regelnummer}: '...' in het midden; nu volledig geschreven.\n")
                    regels += [f"$ {opdracht.regel}", *bijgewerkt(opdracht.getoond, echt)]
                else:
                    regels += [f"$ {opdracht.regel}", *normaal(opdracht.getoond)]
                if opdracht is not blok.opdrachten[-1]:
                    regels.append("")
            vervangingen.append((blok, "\n".join(regels) + "\n"))
    for blok, inhoud in reversed(vervangingen):  # from the end, so offsets stay valid
        nieuw = nieuw[: blok.begin] + inhoud + nieuw[blok.eind :]
    if alleen_kijken:
        print(f"{verschillen} voorbeeld(en) wijken af." if verschillen else "De README klopt.")
        return 1 if verschillen else 0
    if nieuw != tekst:
        README.write_text(nieuw, encoding="utf-8")
    print(f"README.md bijgewerkt: {verschillen} voorbeeld(en) aangepast." if verschillen else "De README klopt al.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
