"""Typed reading of one YAML mapping, with errors that name file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.tekst import suggestie
from lerend_netwerk.yamlbron import LineDict, LineList, regel_van


class Velden:
    """The fields of one mapping (an entry in a data file, or the state file)."""

    def __init__(self, data: Any, bestand: str, wat: str, advies: str, regel: int | None = None) -> None:
        self.bestand = bestand
        self.wat = wat
        self.advies = advies
        if not isinstance(data, dict):
            raise LnFout(
                f"{wat} moet een blok met velden zijn (naam: waarde), maar hier staat {beschrijf_type(data)}",
                bestand=bestand,
                regel=regel_van(data, standaard=regel),
                advies=advies,
            )
        self.data = data

    @property
    def regel(self) -> int | None:
        return regel_van(self.data)

    def regel_van(self, sleutel: str) -> int | None:
        return regel_van(self.data, sleutel)

    def fout(self, sleutel: str | None, bericht: str, regel: int | None = None) -> LnFout:
        waar = f"{self.wat}, veld '{sleutel}'" if sleutel else self.wat
        return LnFout(
            f"{waar}: {bericht}",
            bestand=self.bestand,
            regel=regel or (self.regel_van(sleutel) if sleutel else self.regel),
            advies=self.advies,
        )

    def heeft(self, sleutel: str) -> bool:
        return self.data.get(sleutel) is not None

    def alleen(self, toegestaan: Iterable[str]) -> None:
        """Refuse keys we do not know: in our own data they are typos."""
        toegestaan = list(toegestaan)
        for sleutel in self.data:
            if sleutel not in toegestaan:
                raise self.fout(str(sleutel), "dit veld bestaat niet." + suggestie(str(sleutel), toegestaan))

    def _nodig(self, sleutel: str) -> Any:
        if sleutel not in self.data or self.data[sleutel] is None:
            raise self.fout(sleutel, "dit veld ontbreekt", regel=self.regel)
        return self.data[sleutel]

    def tekst(self, sleutel: str, *, verplicht: bool = True, max_lengte: int | None = None) -> str | None:
        if not verplicht and self.data.get(sleutel) is None:
            return None
        waarde = self._nodig(sleutel)
        if isinstance(waarde, bool) or not isinstance(waarde, (str, int, float)):
            raise self.fout(sleutel, f"hier hoort tekst, maar er staat {beschrijf_type(waarde)}")
        tekst = str(waarde).strip()
        if not tekst:
            raise self.fout(sleutel, "dit veld is leeg")
        if max_lengte is not None and len(tekst) > max_lengte:
            raise self.fout(
                sleutel, f"dit is {len(tekst)} tekens lang; het moet op één regel passen: hoogstens {max_lengte} tekens"
            )
        return tekst

    def teksten(self, sleutel: str, *, verplicht: bool = False) -> tuple[str, ...]:
        """A list of texts; a single text counts as a list of one."""
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht:
                raise self.fout(sleutel, "dit veld ontbreekt", regel=self.regel)
            return ()
        if isinstance(waarde, str):
            waarde = [waarde]
        if not isinstance(waarde, list):
            raise self.fout(sleutel, f"hier hoort een lijst, maar er staat {beschrijf_type(waarde)}")
        uit = []
        for index, item in enumerate(waarde):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise self.fout(
                    sleutel,
                    f"item {index + 1} moet tekst zijn, maar is {beschrijf_type(item)}",
                    regel=regel_van(waarde, index),
                )
            uit.append(str(item).strip())
        if verplicht and not uit:
            raise self.fout(sleutel, "deze lijst is leeg")
        return tuple(uit)

    def geheel(self, sleutel: str, *, verplicht: bool = True, minimum: int | None = None,
               maximum: int | None = None) -> int | None:
        if not verplicht and self.data.get(sleutel) is None:
            return None
        waarde = self._nodig(sleutel)
        if isinstance(waarde, bool) or not isinstance(waarde, int):
            raise self.fout(sleutel, f"hier hoort een heel getal, maar er staat {beschrijf_type(waarde)}")
        if minimum is not None and waarde < minimum:
            raise self.fout(sleutel, f"{waarde} is te klein (minstens {minimum})")
        if maximum is not None and waarde > maximum:
            raise self.fout(sleutel, f"{waarde} is te groot (hoogstens {maximum})")
        return waarde

    def ja_nee(self, sleutel: str) -> bool:
        """A flag written as true/false; missing means false."""
        waarde = self.data.get(sleutel, False)
        if not isinstance(waarde, bool):
            raise self.fout(sleutel, "hier hoort ja of nee (true/false)")
        return waarde

    def keuze(self, sleutel: str, mogelijk: Iterable[str], *, verplicht: bool = True) -> str | None:
        mogelijk = list(mogelijk)
        waarde = self.tekst(sleutel, verplicht=verplicht)
        if waarde is None:
            return None
        if waarde not in mogelijk:
            raise self.fout(
                sleutel,
                f"'{waarde}' kan hier niet; kies uit: {', '.join(mogelijk)}." + suggestie(waarde, mogelijk),
            )
        return waarde

    def blok(self, sleutel: str, wat: str, *, verplicht: bool = True) -> Velden | None:
        if not verplicht and self.data.get(sleutel) is None:
            return None
        waarde = self._nodig(sleutel)
        return Velden(waarde, self.bestand, f"{self.wat}, {wat}", self.advies, regel=self.regel_van(sleutel))

    def blokken(self, sleutel: str, wat: str, *, verplicht: bool = False) -> list[Velden]:
        """A list of mappings, each as Velden named after `wat` and its position."""
        waarde = self.data.get(sleutel)
        if waarde is None:
            if verplicht:
                raise self.fout(sleutel, "dit veld ontbreekt", regel=self.regel)
            return []
        if not isinstance(waarde, list):
            raise self.fout(sleutel, f"hier hoort een lijst, maar er staat {beschrijf_type(waarde)}")
        return [
            Velden(item, self.bestand, f"{wat} {index + 1}", self.advies, regel=regel_van(waarde, index))
            for index, item in enumerate(waarde)
        ]


def beschrijf_type(waarde: Any) -> str:
    if waarde is None:
        return "niets"
    if isinstance(waarde, bool):
        return f"ja/nee ({str(waarde).lower()})"
    if isinstance(waarde, (dict, LineDict)):
        return "een blok met velden"
    if isinstance(waarde, (list, LineList)):
        return "een lijst"
    if isinstance(waarde, (int, float)):
        return f"het getal {waarde}"
    if isinstance(waarde, bytes):
        return "binaire gegevens"
    if isinstance(waarde, str):
        kort = waarde if len(waarde) <= 40 else waarde[:37] + "..."
        return f"de tekst '{kort}'"
    return f"een {type(waarde).__name__}"
