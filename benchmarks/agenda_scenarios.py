"""Does `ln agenda` give a plan a kartrekker can hand out? Scored on scenarios written blind.

    .venv/bin/python benchmarks/agenda_scenarios.py              # this checkout
    .venv/bin/python benchmarks/agenda_scenarios.py --src DIR    # another checkout's src/ (e.g. before a change)
    .venv/bin/python benchmarks/agenda_scenarios.py --toon ID    # the plan of one scenario, and its checks

tests/data/agenda_scenarios.yaml holds realistic networks, each with the
checks an experienced kartrekker would make, written from the Handreiking by
someone who never saw the planner (see docs/planner.md, "Measured"). Every
scenario runs the real command (`python -m lerend_netwerk agenda --json`, and
the Markdown handout) on its own state file in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HIER = Path(__file__).resolve().parent
SCENARIOS = HIER.parent / "tests" / "data" / "agenda_scenarios.yaml"


def lees_scenarios(pad: Path = SCENARIOS) -> list[dict]:
    return yaml.safe_load(pad.read_text(encoding="utf-8"))["scenarios"]


def plan(scenario: dict, map_: Path, src: Path | None = None) -> tuple[dict, str, str]:
    """(the JSON plan, the Markdown handout, stderr) of one scenario."""
    staat = map_ / "netwerk.yaml"
    staat.write_text(scenario["netwerk"], encoding="utf-8")
    handout = map_ / "agenda.md"
    omgeving = dict(os.environ, LN_CACHE=str(map_ / "cache"), COLUMNS="100", NO_COLOR="1")
    if src is not None:
        omgeving["PYTHONPATH"] = str(src)
    opdracht = [sys.executable, "-m", "lerend_netwerk", "agenda", "--netwerk", str(staat), "--json",
                "--markdown", str(handout), *map(str, scenario.get("opties") or [])]
    klaar = subprocess.run(opdracht, capture_output=True, text=True, env=omgeving, cwd=map_, timeout=120)
    if klaar.returncode != 0:
        return {}, "", klaar.stderr
    return json.loads(klaar.stdout), handout.read_text(encoding="utf-8"), klaar.stderr


def _titel_past(waarde: str, titel: str) -> bool:
    a, b = waarde.casefold().strip(), titel.casefold().strip()
    return a == b or b.startswith(a) or a in b or (len(b) > 8 and b in a)


def controleer(controle: dict, uit: dict, handout: str, netwerk: dict) -> bool:
    soort, waarde = controle["soort"], controle["waarde"]
    if not uit:
        return False
    titels = [o["titel"] for o in uit.get("onderdelen", [])]
    meldingen = " ".join(uit.get("meldingen", [])).casefold()
    if soort == "werkvorm_gepland":
        return any(_titel_past(waarde, t) for t in titels)
    if soort == "werkvorm_niet_gepland":
        return not any(_titel_past(waarde, t) for t in titels)
    if soort == "tekst_bevat":
        return str(waarde).casefold() in json.dumps(uit, ensure_ascii=False).casefold()
    if soort == "doel_bevat":
        return str(waarde).casefold() in str(uit.get("doel") or "").casefold()
    if soort == "melding_bevat":
        return str(waarde).casefold() in meldingen
    if soort == "geen_melding_bevat":
        return str(waarde).casefold() not in meldingen
    if soort == "handout_bevat":
        return str(waarde).casefold() in handout.casefold()
    if soort == "pauze_tussen":
        begin = _minuten(uit["start"])
        return any(
            "pauze" in o["titel"].casefold() and waarde[0] <= _minuten(o["start"]) - begin <= waarde[1]
            for o in uit["onderdelen"]
        )
    if soort == "rol_voor_deelnemer":
        namen = {d["naam"] if isinstance(d, dict) else str(d) for d in netwerk.get("deelnemers") or []}
        rollen = uit.get("rollen") or []
        return bool(rollen) and all(r["naam"] in namen and r["naam"] != netwerk.get("kartrekker") for r in rollen)
    if soort == "max_proces_minuten":
        grens, proces = waarde
        return sum(o["duur"] for o in uit["onderdelen"] if any(_titel_past(p, o["titel"]) for p in proces)) <= grens
    raise ValueError(f"onbekende controle {soort!r}")


def _minuten(klok: str) -> int:
    uur, minuut = klok.split(":")
    return int(uur) * 60 + int(minuut)


def score(src: Path | None = None, alleen: str | None = None) -> tuple[int, int, int, int, list[str]]:
    """(scenarios passed, scenarios, checks passed, checks, failures)."""
    scenarios = [s for s in lees_scenarios() if alleen in (None, s["id"])]
    goed_s = goed_c = totaal_c = 0
    missers = []
    with tempfile.TemporaryDirectory() as tmp:
        for s in scenarios:
            map_ = Path(tmp) / s["id"]
            map_.mkdir()
            uit, handout, fout = plan(s, map_, src)
            netwerk = yaml.safe_load(s["netwerk"])
            alles = True
            for c in s["controles"]:
                totaal_c += 1
                if controleer(c, uit, handout, netwerk):
                    goed_c += 1
                else:
                    alles = False
                    missers.append(f"{s['id']}: {c['soort']} {c['waarde']!r}" + (f" (fout: {fout.strip()})" if not uit else ""))
            goed_s += alles
            if alleen:
                print(json.dumps(uit, ensure_ascii=False, indent=1))
                print(handout)
    return goed_s, len(scenarios), goed_c, totaal_c, missers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, help="the src/ folder of another checkout")
    parser.add_argument("--toon", metavar="ID", help="show the plan of one scenario")
    args = parser.parse_args()
    goed_s, n_s, goed_c, n_c, missers = score(args.src, args.toon)
    print(f"scenario's helemaal goed: {goed_s}/{n_s}   controles goed: {goed_c}/{n_c} ({100 * goed_c / max(1, n_c):.1f}%)")
    for m in missers:
        print("  mis:", m)


if __name__ == "__main__":
    main()
