"""The one error type of the tool: raised by the core, rendered once by the CLI."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_NEE = 1  # checked, and the answer is no (e.g. preconditions not met)
EXIT_INVOER = 2  # bad input or usage


class LnFout(Exception):
    """An expected failure, with a Dutch message for the user.

    `plek` names the file (and line) the problem is in, `advies` says what to do.
    """

    def __init__(
        self,
        bericht: str,
        *,
        bestand: str | Path | None = None,
        regel: int | None = None,
        advies: str | None = None,
        exit_code: int = EXIT_INVOER,
    ) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.bestand = str(bestand) if bestand is not None else None
        self.regel = regel
        self.advies = advies
        self.exit_code = exit_code

    @property
    def plek(self) -> str | None:
        if self.bestand is None:
            return None
        if self.regel is None:
            return self.bestand
        return f"{self.bestand}, regel {self.regel}"

    def tekst(self) -> str:
        """The whole message as plain lines: where, what, and what to do."""
        delen = []
        if self.plek:
            delen.append(f"{self.plek}: {self.bericht}")
        else:
            delen.append(self.bericht)
        if self.advies:
            delen.append(f"Wat te doen: {self.advies}")
        return "\n".join(delen)

    def __str__(self) -> str:
        return self.tekst()
