"""What the state says about the group: the theme, the goal of the meeting, attendance,
absences and learning goals. Everything here is derived from the state, never asked."""

from __future__ import annotations

import re

from lerend_netwerk.kennisbank import FASE_IDS, Kennisbank
from lerend_netwerk.netwerk import Netwerk

_SPEERPUNT_NUMMER = re.compile(r"^\s*speerpunt\s*\d+\s*[:.\-–]\s*", re.IGNORECASE)


def thema_kort(netwerk: Netwerk) -> str | None:
    """'Speerpunt 9: Voorlezen' -> 'Voorlezen'."""
    speerpunt = netwerk.thema.speerpunt
    if not speerpunt:
        return None
    return _SPEERPUNT_NUMMER.sub("", speerpunt).strip() or speerpunt


def doel_van_bijeenkomst(kb: Kennisbank, netwerk: Netwerk, fase_id: str, doel_ids: list[str]) -> str:
    """One or two plain sentences: what the meeting is for, tied to the theme and the joint goal."""
    zinnen = kb.planregels.doel_van_vandaag
    if netwerk.thema.speerpunt:  # the theme is chosen: choosing it is no longer today's goal
        doel_ids = [d for d in doel_ids if d != "keuze-thema"]
    delen = [zinnen[d] for d in dict.fromkeys(doel_ids) if d in zinnen][:2]
    gekozen_thema = {"keuze-thema"} if netwerk.thema.speerpunt else set()
    if not delen:
        open_doelen = _open_doel_ids(kb, netwerk, fase_id)
        delen = [zinnen[d] for d in open_doelen if d in zinnen and d not in gekozen_thema][:1]
    if not delen:
        delen = [zinnen[d.id] for d in kb.fase(fase_id).doelen if d.id in zinnen and d.id not in gekozen_thema][:1]
    wat = " en ".join(delen)
    thema = thema_kort(netwerk)
    if thema:
        eerste = f"Vandaag werken we aan ons thema {thema}: we willen {wat}."
    else:
        eerste = f"Vandaag willen we {wat}."
    leerdoel = netwerk.thema.gezamenlijk_leerdoel
    if thema and leerdoel:
        return f"{eerste} Zo komen we dichter bij ons gezamenlijke leerdoel: {_zin(leerdoel)}"
    if not thema and FASE_IDS.index(fase_id) <= FASE_IDS.index("ontwikkeling") and "keuze-thema" not in doel_ids:
        return f"{eerste} Een gezamenlijk thema kiezen we later samen."
    return eerste


def _zin(tekst: str) -> str:
    """A text from the state as the end of our sentence: 'We lezen' -> 'we lezen', with a full stop."""
    tekst = " ".join(tekst.split())
    if len(tekst) > 1 and tekst[0].isupper() and not tekst[1].isupper():
        tekst = tekst[0].lower() + tekst[1:]
    return tekst if tekst.endswith((".", "!", "?")) else tekst + "."


def _open_doel_ids(kb: Kennisbank, netwerk: Netwerk, fase_id: str) -> list[str]:
    from lerend_netwerk.voortgang import open_doelen

    return [s.doel.id for s in open_doelen(kb, netwerk, fase_id)]


def opkomst_melding(kb: Kennisbank, netwerk: Netwerk) -> str | None:
    """Falling attendance over the last meetings, with the Handreiking's advice on people cancelling."""
    regels = kb.planregels
    tellingen = [(b.datum, b.aanwezig) for b in netwerk.gehouden_bijeenkomsten if b.aanwezig is not None]
    reeks = tellingen[-regels.opkomst_bijeenkomsten:]
    aantallen = [a for _, a in reeks]
    dalend = len(reeks) >= regels.opkomst_bijeenkomsten and all(
        later < eerder for eerder, later in zip(aantallen, aantallen[1:])
    ) and aantallen[-1] <= regels.opkomst_deel * aantallen[0]
    # or few came last time, measured against the participants in the state
    laag = bool(aantallen) and bool(netwerk.deelnemers) and aantallen[-1] <= regels.opkomst_laag * len(netwerk.deelnemers)
    if not (dalend or laag):
        return None
    getoond = [a for _, a in tellingen[-max(4, len(reeks)):]]  # a little more history than the trigger needs
    if dalend:
        melding = (f"De opkomst daalt: {', '.join(str(a) for a in getoond)} aanwezigen bij de laatste "
                   f"{len(getoond)} bijeenkomsten.")
    else:
        melding = f"Vorige keer waren er {aantallen[-1]} van de {len(netwerk.deelnemers)} deelnemers."
    valkuil = kb.valkuilen.get(regels.opkomst_valkuil or "")
    if valkuil is not None:
        melding += f" De Handreiking bij '{valkuil.titel}': {' '.join(valkuil.aanpak.split())}"
    return melding + " Daarom helpen deelnemers bij de voorbereiding van de volgende bijeenkomst (zie de rollen)."


def afwezig_melding(netwerk: Netwerk) -> str | None:
    """Participants absent at the last two meetings held or more: worth a call before the next one."""
    gehouden = netwerk.gehouden_bijeenkomsten
    if len(gehouden) < 2:
        return None
    reeksen = {}
    for d in netwerk.deelnemers:
        reeks = 0
        for b in reversed(gehouden):
            if d.naam not in b.afwezig:
                break
            reeks += 1
        if reeks >= 2:
            reeksen[d.naam] = reeks
    if not reeksen:
        return None
    delen = [f"{naam} ({reeks} keer op rij)" for naam, reeks in reeksen.items()]
    wie = "haar of hem" if len(reeksen) == 1 else "hen"
    return (
        f"Afwezig bij de laatste bijeenkomsten: {', '.join(delen)}. Bel of mail even: wat houdt {wie} tegen, "
        "en wat wil je volgende keer inbrengen?"
    )


def zonder_leerdoel(netwerk: Netwerk) -> list[str]:
    return [d.naam for d in netwerk.deelnemers if not d.leerdoel]


def randvoorwaarde_meldingen(kb: Kennisbank, netwerk: Netwerk, fase_id: str) -> list[str]:
    """Preconditions that are not in order: in Verkenning every one that is not 'ja' (the network
    should not start without them), later only a 'nee'; each with what helps."""
    meldingen = []
    for rv in kb.randvoorwaarden:
        status = netwerk.rv(rv.id)
        if status.in_orde or (fase_id != "verkenning" and status.status != "nee"):
            continue
        toelichting = f" ({' '.join(status.toelichting.split())})" if status.toelichting else ""
        herkomst = "eigen uitwerking" if rv.aanpak_eigen else "de Handreiking"
        meldingen.append(
            f"Randvoorwaarde '{rv.naam}' staat op {status.status}{toelichting}. Wat helpt ({herkomst}): "
            f"{' '.join(rv.aanpak)} Zie ook 'ln start'."
        )
    return meldingen
