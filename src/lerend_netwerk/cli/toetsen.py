"""Keys from the terminal, one at a time, without Enter: for `ln leid`.

POSIX only (termios): the terminal is put in cbreak mode (no echo, no line
buffering; Ctrl-C still interrupts) and restored on the way out, whatever
happens. Arrow keys arrive as escape sequences and are named "rechts" and
"links"; Enter, Esc and Backspace as "enter", "esc", "terug"; everything else
as the character typed (UTF-8 decoded, so "ë" is one key). A resized window
(`wek`, from the SIGWINCH handler) comes as the key "venster".
"""

from __future__ import annotations

import codecs
import os
import select
import sys

_REEKSEN = {
    "\x1b[C": "rechts", "\x1bOC": "rechts", "\x1b[D": "links", "\x1bOD": "links",
    "\x1b[A": "omhoog", "\x1bOA": "omhoog", "\x1b[B": "omlaag", "\x1bOB": "omlaag",
}


def splits(tekst: str) -> list[str]:
    """Raw input as keys."""
    toetsen = []
    i = 0
    while i < len(tekst):
        teken = tekst[i]
        if teken == "\x1b":
            reeks = next((r for r in _REEKSEN if tekst.startswith(r, i)), None)
            if reeks:
                toetsen.append(_REEKSEN[reeks])
                i += len(reeks)
                continue
            if tekst.startswith("\x1b[", i):  # another sequence (F-keys, Home): skip it whole
                j = i + 2
                while j < len(tekst) and not (tekst[j].isalpha() or tekst[j] == "~"):
                    j += 1
                i = j + 1
                continue
            toetsen.append("esc")
        elif teken in "\r\n":
            toetsen.append("enter")
        elif teken in "\x7f\x08":
            toetsen.append("terug")
        elif teken == "\t":
            toetsen.append("tab")
        elif teken >= " ":
            toetsen.append(teken)
        i += 1
    return toetsen


class Toetsenbord:
    """`with Toetsenbord() as t: t.lees(0.5)` -> the keys pressed within half a second."""

    def __init__(self, invoer=None) -> None:
        self.fd = (invoer or sys.stdin).fileno()
        self._oud = None
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.wek_r, self.wek_w = os.pipe()  # a signal handler (window size) writes here to wake `lees`

    def __enter__(self) -> Toetsenbord:
        import termios
        import tty

        self._oud = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        return self

    def __exit__(self, *_: object) -> None:
        import termios

        if self._oud is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._oud)
        for fd in (self.wek_r, self.wek_w):
            try:
                os.close(fd)
            except OSError:
                pass

    def wek(self) -> None:
        try:
            os.write(self.wek_w, b".")
        except OSError:
            pass

    def lees(self, wachttijd: float) -> list[str]:
        klaar, _, _ = select.select([self.fd, self.wek_r], [], [], max(0.0, wachttijd))
        gewekt = ["venster"] if self.wek_r in klaar else []
        if gewekt:
            os.read(self.wek_r, 64)
        if self.fd not in klaar:
            return gewekt
        data = os.read(self.fd, 1024)
        if not data:
            raise EOFError
        if data == b"\x1b":  # Esc alone, or the start of a sequence still on its way
            meer, _, _ = select.select([self.fd], [], [], 0.05)
            if meer:
                data += os.read(self.fd, 1024)
        return gewekt + splits(self._decoder.decode(data))
