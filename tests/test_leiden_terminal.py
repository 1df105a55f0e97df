"""`ln leid` for real: the installed program in a pseudo-terminal of 80×24, driven by keys and by a
test clock (a file holding the seconds), with the screen and the logged meeting checked."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pexpect
import yaml

from terminal import klaar, start_in_terminal

NETWERK = """\
naam: LN Zuilen
fase: ontwikkeling
starttijd: "15:30"
thema:
  speerpunt: Voorlezen
deelnemers:
  - {naam: Els, organisatie: Kdv De Boomhut, soort: kinderdagverblijf}
  - {naam: Joost, organisatie: Peutercentrum Het Nest, soort: peutercentrum}
  - {naam: Fatima, organisatie: Basisschool De Regenboog, soort: basisschool}
bijeenkomsten:
  - datum: 2026-09-18
    fase: verkenning
    werkvormen: [kennismakingsoefening]
    aanwezig: 3
"""


def _start(tmp_path: Path, *args: str, kleur: bool = False) -> pexpect.spawn:
    zonder_kleur = {} if kleur else {"NO_COLOR": "1"}
    return start_in_terminal(
        tmp_path, *args, kolommen=80, rijen=24, LN_LEID_KLOK=str(tmp_path / "klok"),
        PYTHONFAULTHANDLER="1",  # a hang shows where, when the test sends SIGABRT (_verwacht)
        **zonder_kleur,
    )


def _verwacht(kind: pexpect.spawn, patroon, timeout: float = 20):
    """expect, and on a time-out the child's stacks (faulthandler on SIGABRT) in the failure."""
    try:
        return kind.expect(patroon, timeout=timeout)
    except pexpect.TIMEOUT:
        import signal

        kind.kill(signal.SIGABRT)
        try:
            kind.expect(pexpect.EOF, timeout=10)
        except pexpect.TIMEOUT:
            pass
        raise AssertionError(f"hangt bij {patroon!r}; stapels van het kind:\n{kind.before[-4000:]}") from None


def _klok(tmp_path: Path, minuten: float) -> None:
    (tmp_path / "klok").write_text(str(minuten * 60), encoding="utf-8")


def _plan_voor_vandaag(tmp_path: Path, ln) -> None:
    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    uit = ln("agenda", "--bewaar", "--datum", date.today().isoformat())
    assert uit.code == 0, uit.err


def _agenda_json(ln) -> dict:
    return json.loads(ln("agenda", "--json", "--datum", date.today().isoformat()).out)


def test_a_meeting_led_in_a_real_terminal_is_logged_as_ln_bijeenkomst_would(tmp_path: Path, ln) -> None:
    _plan_voor_vandaag(tmp_path, ln)
    agenda = _agenda_json(ln)
    eerste, tweede = agenda["onderdelen"][0], agenda["onderdelen"][1]
    _klok(tmp_path, 0)
    kind = _start(tmp_path, "leid")
    kind.logfile_read = scherm = io.StringIO()
    kind.expect("Onderdeel 1 van")
    kind.expect(re.escape(f"Nog {eerste['duur']}:00 van dit onderdeel"))
    kind.expect("spatie/→ volgende")  # the keys, in Dutch, on screen
    kind.expect("w afwezig")
    _klok(tmp_path, eerste["duur"] * 0.85)  # 15% left: orange, in words too
    kind.expect("bijna om")
    _klok(tmp_path, eerste["duur"] + 2)  # two minutes over
    kind.expect("Tijd om: 2:00 over")
    kind.expect(r"loopt 2:00 achter")
    kind.expect("Inhalen: kort onderdeel")
    kind.send(" ")
    kind.expect("Onderdeel 2 van")
    kind.expect(re.escape(tweede["titel"][:30]))
    kind.send("n")
    kind.expect("Notitie:")
    kind.send("Ouders willen meer voorlezen\r")
    kind.expect("Notitie bewaard")
    kind.send("w")
    kind.send("Elsje\r")
    kind.expect("'Elsje' is geen deelnemer")
    kind.send("w")
    kind.send("els\r")
    kind.expect("Els is afwezig")
    kind.send("a")
    kind.send("Joost neemt een prentenboek mee\r")
    kind.expect("Afspraak bewaard")
    _klok(tmp_path, eerste["duur"] + 2 + tweede["duur"])
    kind.send("q")
    kind.expect("Vastleggen in het statusbestand\\? j = ja, n = nee")
    kind.send("j")
    kind.expect("Bevestigd: de geplande bijeenkomst")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0, kind.before
    assert not re.search(r"\x1b\[[\d;]*m", scherm.getvalue())  # NO_COLOR: not a single colour or bold

    data = yaml.safe_load((tmp_path / "netwerk.yaml").read_text(encoding="utf-8"))
    b = data["bijeenkomsten"][-1]
    assert b["datum"] == date.today() and b.get("status", "gehouden") == "gehouden"
    assert b["aanwezig"] == 2 and b["afwezig"] == ["Els"]
    assert b["afspraken"] == ["Joost neemt een prentenboek mee"]
    assert b["werkvormen"] == [tweede["werkvorm"]]  # the rest was not done
    assert f"opening {eerste['duur'] + 2} min (gepland {eerste['duur']})" in b["notities"]
    assert b["notities"].endswith("Ouders willen meer voorlezen")
    assert b["notities"].startswith("Gepland met ln agenda")  # the plan's note stays
    assert not (tmp_path / "netwerk.yaml.leid").exists()


def test_killed_halfway_a_restart_resumes_from_the_journal(tmp_path: Path, ln) -> None:
    _plan_voor_vandaag(tmp_path, ln)
    _klok(tmp_path, 0)
    kind = _start(tmp_path, "leid")
    kind.expect("Onderdeel 1 van")
    assert (tmp_path / "netwerk.yaml.leid").exists()  # from the first second on
    kind.send(" ")
    kind.expect("Onderdeel 2 van")
    kind.send("n")
    kind.send("Wat we niet willen kwijtraken\r")
    kind.expect("Notitie bewaard")
    kind.kill(9)  # a crash: no clean-up at all
    kind.close()
    journaal = json.loads((tmp_path / "netwerk.yaml.leid").read_text(encoding="utf-8"))
    assert journaal["sessie"]["notities"] == ["Wat we niet willen kwijtraken"]
    assert "status: gepland" in (tmp_path / "netwerk.yaml").read_text(encoding="utf-8")  # not logged yet

    kind = _start(tmp_path, "leid")
    kind.expect("Verder waar je was")
    kind.expect("Onderdeel 2 van")
    kind.expect("Notities: 1")
    kind.send("p")  # a key the loop answers on screen: it is reading keys before Ctrl-C comes
    _verwacht(kind, "GEPAUZEERD")
    kind.send("\x03")  # Ctrl-C: said, and the journal stays
    _verwacht(kind, pexpect.EOF, timeout=60)  # writing the journal can take a while on a loaded machine
    kind.close()
    assert kind.exitstatus == 130
    assert "ln leid' gaat verder" in kind.before
    assert (tmp_path / "netwerk.yaml.leid").exists()


def test_without_a_plan_it_offers_one_and_q_n_keeps_the_journal(tmp_path: Path) -> None:
    (tmp_path / "netwerk.yaml").write_text(NETWERK, encoding="utf-8")
    _klok(tmp_path, 0)
    kind = _start(tmp_path, "leid", kleur=True)
    kind.expect("geen agenda klaar")
    kind.expect(r"\(j of n")
    kind.send("j\r")
    kind.expect("Onderdeel 1 van")
    _klok(tmp_path, 1)
    kind.expect("\x1b\\[[\\d;]*32m9:00")  # the timer in green, in colour
    kind.send("q")
    kind.expect("j = ja, n = nee")
    kind.send("n")
    kind.expect("Niet vastgelegd")
    assert klaar(kind) == 1
    assert (tmp_path / "netwerk.yaml").read_text(encoding="utf-8") == NETWERK
    assert (tmp_path / "netwerk.yaml.leid").exists()


def test_a_closed_ssh_session_keeps_the_journal_and_the_next_start_resumes(tmp_path: Path, ln) -> None:
    import signal

    _plan_voor_vandaag(tmp_path, ln)
    _klok(tmp_path, 0)
    kind = _start(tmp_path, "leid")
    kind.expect("Onderdeel 1 van")
    kind.send("a")
    kind.send("Volgende keer de wijk in\r")
    kind.expect("Afspraak bewaard")
    kind.kill(signal.SIGHUP)
    kind.expect(pexpect.EOF)
    kind.close()
    assert json.loads((tmp_path / "netwerk.yaml.leid").read_text(encoding="utf-8"))["sessie"]["afspraken"] == [
        "Volgende keer de wijk in"]
    _klok(tmp_path, 3)
    kind = _start(tmp_path, "leid")
    kind.expect("Verder waar je was")
    kind.expect("Nog 7:00 van dit onderdeel")  # the three minutes in between counted
    kind.expect("afspraken: 1")
    kind.send("q")
    kind.send("j")
    kind.expect("Afspraak: Volgende keer de wijk in")
    assert klaar(kind) == 0
