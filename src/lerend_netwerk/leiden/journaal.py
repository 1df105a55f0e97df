"""The journal of a meeting being led: `netwerk.yaml.leid`, next to the state file.

Written after every key that changes something, atomically
(`bestanden.vervang_atomair`) and under the state file's own lock, so a crash,
Ctrl-C or a closed laptop loses nothing that was recorded; a restarted
`ln leid` resumes from it. It is JSON (no YAML parse on the way), and it is
removed once the meeting is logged in the state file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lerend_netwerk.fouten import LnFout

ACHTERVOEGSEL = ".leid"


def journaal_pad(statuspad: Path) -> Path:
    """Next to the real state file (a link is followed, like the lock and the backup)."""
    from lerend_netwerk.statusbestand.schrijven import echt_pad

    echt = echt_pad(statuspad)
    return echt.with_name(echt.name + ACHTERVOEGSEL)


def schrijf(statuspad: Path, data: dict[str, Any]) -> None:
    from lerend_netwerk.bestanden import vervang_atomair
    from lerend_netwerk.statusbestand import vergrendeld
    from lerend_netwerk.statusbestand.schrijven import echt_pad

    pad = journaal_pad(statuspad)
    inhoud = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        with vergrendeld(echt_pad(statuspad)):
            vervang_atomair(pad, inhoud)
    except OSError as fout:
        raise LnFout(f"kan het journaal van de bijeenkomst niet schrijven ({fout.strerror or fout})", bestand=pad,
                     advies="kijk of je in deze map mag schrijven.") from None


def lees(statuspad: Path) -> dict[str, Any] | None:
    """The journal, or None when there is none. A journal that cannot be read is an error
    (never silently replaced: it holds what was recorded)."""
    pad = journaal_pad(statuspad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as fout:
        raise _onleesbaar(pad, str(fout)) from None
    try:
        data = json.loads(tekst)
    except ValueError as fout:
        raise _onleesbaar(pad, str(fout)) from None
    if not isinstance(data, dict):
        raise _onleesbaar(pad, "geen JSON-object")
    return data


def weg(statuspad: Path) -> None:
    try:
        journaal_pad(statuspad).unlink()
    except FileNotFoundError:
        pass


def _onleesbaar(pad: Path, reden: str) -> LnFout:
    return LnFout(
        f"het journaal van een eerdere bijeenkomst is niet te lezen ({reden})",
        bestand=pad,
        advies="kijk erin met een teksteditor en neem over wat je wilt bewaren; begin opnieuw met 'ln leid --opnieuw' "
        "(dat gooit het journaal weg).",
    )
