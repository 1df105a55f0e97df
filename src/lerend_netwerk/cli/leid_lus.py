"""The full-screen loop of `ln leid`: a Rich Live view, keys from `cli/toetsen.py`, the session's keys.

Redraws when a shown second changes (at most once a second while the clock
runs, every few seconds while paused), on a key or a resized window, and
never more than four times a second. Every key that changes the session
calls `bewaar` (the journal) before the next frame.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from lerend_netwerk.fouten import LnFout

TEKEN_AFSTAND = 0.25  # seconds between two redraws at least: at most four a second
RUST = 5.0  # seconds between redraws while paused (nothing moves)


def _uitleg(kb, sessie) -> dict[str, tuple[str | None, tuple[tuple[str, int], ...]]]:
    uitleg = {}
    for p in sessie.punten:
        w = kb.werkvormen.get(p.werkvorm) if p.werkvorm else None
        if w is not None:
            stappen = tuple((s.tekst, s.minuten) for s in w.uitwerking.stappen)
            uitleg[w.id] = (w.uitwerking.uitnodiging, stappen)
    return uitleg


def leid_op_het_scherm(sessie, kb, meta: dict[str, Any], bewaar, melding: str) -> str:
    """The full-screen loop. Returns "klaar" (after the last item), "vastleggen" or "niet" (q, then j or n)."""
    import signal

    from rich.console import Console
    from rich.live import Live

    from lerend_netwerk.cli.leid_scherm import Kop, Onderaan, scherm
    from lerend_netwerk.cli.toetsen import Toetsenbord
    from lerend_netwerk.cli.weergave import _kleuren

    kop = Kop(meta["netwerk"], date.fromisoformat(meta["datum"]), meta["fase_naam"],
              tuple((rol, naam) for rol, naam in meta["rollen"]))
    uitleg = _uitleg(kb, sessie)
    console = Console(highlight=False, color_system=_kleuren())
    toestand = {"soort": None, "invoer": "", "melding": melding, "fout": False}

    def teken(live) -> None:
        onder = Onderaan(toestand["soort"], toestand["invoer"], toestand["melding"], toestand["fout"])
        breedte, hoogte = console.size
        live.update(scherm(sessie, sessie.stand(), kop, uitleg, onder, breedte, hoogte), refresh=True)

    with Toetsenbord() as toetsen, Live(console=console, screen=True, auto_refresh=False, redirect_stdout=False,
                                        redirect_stderr=False, transient=True) as live:
        vorig = signal.signal(signal.SIGWINCH, lambda *_: toetsen.wek()) if hasattr(signal, "SIGWINCH") else None
        # a closed SSH session (SIGHUP) or a shutdown (SIGTERM) ends like Ctrl-C: journal written, terminal restored
        gestopt = {sig: signal.signal(sig, _als_ctrl_c) for sig in (signal.SIGTERM, signal.SIGHUP)}
        # Ctrl-C must work even when ln was started with SIGINT ignored (a background job of a
        # script, nohup): Python then keeps ignoring it, and the kartrekker could not stop
        gestopt[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            laatst = -TEKEN_AFSTAND
            moet = True
            volgende_tik = 0.0
            while True:
                nu = time.monotonic()
                if (moet or nu >= volgende_tik) and nu - laatst >= TEKEN_AFSTAND:
                    teken(live)
                    laatst = nu
                    moet = False
                    volgende_tik = nu + _tot_volgende_tik(sessie)
                wacht = (laatst + TEKEN_AFSTAND - nu) if moet else (volgende_tik - nu)
                for toets in toetsen.lees(max(0.0, wacht)):
                    moet = True
                    if toets == "venster":  # resized: only redraw
                        continue
                    uitkomst = _toets(sessie, toets, toestand, bewaar)
                    if uitkomst:
                        return uitkomst
        finally:
            if vorig is not None:
                signal.signal(signal.SIGWINCH, vorig)
            for sig, handler in gestopt.items():
                signal.signal(sig, handler)


def _als_ctrl_c(*_: object) -> None:
    raise KeyboardInterrupt


def _tot_volgende_tik(sessie) -> float:
    """Until the shown seconds change: at most a second; while paused nothing moves."""
    if sessie.lopend_sinds is None:
        return RUST
    verstreken = sessie.klok() - sessie.lopend_sinds + sessie.besteed[sessie.huidig]
    return min(1.0, max(0.05, 1.0 - (verstreken % 1.0)))


def _toets(sessie, toets: str, toestand: dict[str, Any], bewaar) -> str | None:
    """One key; returns the loop's result when the meeting ends."""
    soort = toestand["soort"]
    if soort == "stoppen":
        if toets in ("j", "J"):
            return "vastleggen"
        if toets in ("n", "N"):
            return "niet"
        if toets == "esc":
            toestand.update(soort=None, melding="Verder.", fout=False)
        return None
    if soort is not None:
        if toets == "esc":
            toestand.update(soort=None, invoer="", melding="Niets bewaard.", fout=False)
        elif toets == "terug":
            toestand["invoer"] = toestand["invoer"][:-1]
        elif toets == "enter":
            _bewaar_invoer(sessie, soort, toestand)
            bewaar()
        elif len(toets) == 1:
            toestand["invoer"] += toets
        return None
    toestand.update(melding="", fout=False)
    if toets in (" ", "rechts"):
        sessie.volgende()
        bewaar()
        if sessie.klaar:
            return "klaar"
    elif toets == "links":
        sessie.vorige()
        bewaar()
    elif toets == "+":
        sessie.verleng()
        bewaar()
        toestand["melding"] = "5 minuten erbij voor dit onderdeel."
    elif toets in ("p", "P"):
        gepauzeerd = sessie.pauze()
        bewaar()
        toestand["melding"] = "Pauze: de klok staat stil." if gepauzeerd else "De klok loopt weer."
    elif toets in ("n", "a", "w", "N", "A", "W"):
        toestand.update(soort={"n": "notitie", "a": "afspraak", "w": "afwezig"}[toets.lower()], invoer="")
    elif toets in ("q", "Q"):
        toestand["soort"] = "stoppen"
    elif toets != "esc":
        naam = f"De toets '{toets}'" if len(toets) == 1 else "Die toets"
        toestand.update(melding=f"{naam} doet niets; de toetsen staan hieronder.", fout=True)
    return None


def _bewaar_invoer(sessie, soort: str, toestand: dict[str, Any]) -> None:
    tekst = toestand["invoer"]
    toestand.update(soort=None, invoer="", fout=False)
    try:
        if soort == "notitie":
            sessie.noteer(tekst)
            toestand["melding"] = "Notitie bewaard."
        elif soort == "afspraak":
            sessie.spreek_af(tekst)
            toestand["melding"] = "Afspraak bewaard."
        else:
            naam, afwezig = sessie.wissel_afwezig(tekst)
            toestand["melding"] = f"{naam} is afwezig." if afwezig else f"{naam} is er toch."
    except LnFout as fout:
        toestand.update(melding=fout.bericht[:1].upper() + fout.bericht[1:], fout=True)
