"""How far a network is with the aims of a phase, judged from its state."""

from __future__ import annotations

from typing import NamedTuple

from lerend_netwerk.kennisbank import Doel, Kennisbank, Signaal
from lerend_netwerk.netwerk import Netwerk


class SignaalStatus(NamedTuple):
    signaal: Signaal
    behaald: bool
    hoe: str  # how we know, in Dutch: shown next to the tick

    @property
    def handmatig(self) -> bool:
        """True when only the kartrekker can tick this one off."""
        return self.signaal.veld is None and not self.signaal.werkvormen


class DoelStatus(NamedTuple):
    doel: Doel
    signalen: tuple[SignaalStatus, ...]

    @property
    def behaald(self) -> bool:
        return all(s.behaald for s in self.signalen)

    @property
    def open_signalen(self) -> tuple[SignaalStatus, ...]:
        return tuple(s for s in self.signalen if not s.behaald)


_VELD_UITLEG = {
    "thema.speerpunt": "thema: speerpunt",
    "thema.ukk_hoofdstuk": "thema: ukk_hoofdstuk",
    "thema.gezamenlijk_leerdoel": "thema: gezamenlijk_leerdoel",
    "afspraken.contract": "afspraken: contract",
    "deelnemers.leerdoel": "een leerdoel bij elke deelnemer",
}


def _veld_ingevuld(netwerk: Netwerk, veld: str) -> bool:
    if veld == "thema.speerpunt":
        return bool(netwerk.thema.speerpunt)
    if veld == "thema.ukk_hoofdstuk":
        return netwerk.thema.ukk_hoofdstuk is not None
    if veld == "thema.gezamenlijk_leerdoel":
        return bool(netwerk.thema.gezamenlijk_leerdoel)
    if veld == "afspraken.contract":
        return netwerk.contract is not None
    if veld == "deelnemers.leerdoel":
        return bool(netwerk.deelnemers) and all(d.leerdoel for d in netwerk.deelnemers)
    raise ValueError(f"unknown evidence field {veld!r}")  # the loader only admits BEWIJS_VELDEN


def signaal_status(netwerk: Netwerk, signaal: Signaal) -> SignaalStatus:
    if signaal.id in netwerk.behaald:
        return SignaalStatus(signaal, True, "door jou afgevinkt")
    if signaal.veld is not None:
        uitleg = _VELD_UITLEG[signaal.veld]
        if _veld_ingevuld(netwerk, signaal.veld):
            return SignaalStatus(signaal, True, f"staat in het statusbestand ({uitleg})")
        return SignaalStatus(signaal, False, f"nog niet ingevuld ({uitleg})")
    if signaal.werkvormen:
        for bijeenkomst in reversed(netwerk.gehouden_bijeenkomsten):
            gedaan = [w for w in signaal.werkvormen if w in bijeenkomst.werkvormen]
            if gedaan:
                return SignaalStatus(signaal, True, f"{gedaan[0]} gedaan op {bijeenkomst.datum.isoformat()}")
        return SignaalStatus(signaal, False, "nog niet gedaan: " + ", ".join(signaal.werkvormen))
    return SignaalStatus(signaal, False, f"vink zelf af: ln behaald {signaal.id}")


def doel_status(netwerk: Netwerk, doel: Doel) -> DoelStatus:
    return DoelStatus(doel, tuple(signaal_status(netwerk, s) for s in doel.signalen))


def fase_voortgang(kb: Kennisbank, netwerk: Netwerk, fase_id: str | None = None) -> list[DoelStatus]:
    """The status of every aim of a phase (default: the network's current one)."""
    fase = kb.fase(fase_id or netwerk.fase)
    return [doel_status(netwerk, doel) for doel in fase.doelen]


def open_doelen(kb: Kennisbank, netwerk: Netwerk, fase_id: str | None = None) -> list[DoelStatus]:
    return [status for status in fase_voortgang(kb, netwerk, fase_id) if not status.behaald]
