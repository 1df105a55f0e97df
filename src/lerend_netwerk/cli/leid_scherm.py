"""The full-screen view of `ln leid`: one `Stand` of the session as lines that fit the terminal.

Plain `rich.text.Text` lines, each cut to the width; what does not fit in the
height is the middle (invitation and steps), which is cut with "…". Every
colour is backed by words ("bijna om", "tijd om", "loopt achter"), so a
terminal without colours (`NO_COLOR`) says the same. 80×24 is the design size.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from lerend_netwerk.leiden.sessie import Sessie, Stand, mss

KLEUR = {"gewoon": "bold green", "bijna": "bold dark_orange", "om": "bold red"}
WOORD = {"gewoon": "", "bijna": "  bijna om", "om": "  tijd om"}
TOETSEN = (
    "spatie/→ volgende   ← vorige   + 5 min erbij   p pauze   q stoppen",
    "n notitie   a afspraak voor volgende keer   w afwezig",
)
VRAAG = {
    "notitie": "Notitie",
    "afspraak": "Afspraak voor volgende keer",
    "afwezig": "Wie is er afwezig (naam; nog eens: weer aanwezig)",
}


@dataclass(frozen=True)
class Kop:
    """What stays the same during the meeting."""

    netwerk: str
    datum: date
    fase_naam: str
    rollen: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Onderaan:
    """The bottom line: a question being typed, or the last message."""

    invoer_soort: str | None = None  # notitie | afspraak | afwezig | stoppen
    invoer: str = ""
    melding: str = ""
    fout: bool = False
    journaal: str = ""  # the journal's file name, for the quit question


def scherm(sessie: Sessie, stand: Stand, kop: Kop, uitleg: dict[str, tuple[str | None, tuple[str, ...]]],
           onder: Onderaan, breedte: int, hoogte: int) -> Text:
    """The screen. `uitleg` maps a work form id to its invitation and steps."""
    from lerend_netwerk.datum import datum_tekst

    breedte = max(20, breedte)
    punten = sessie.punten
    p = punten[stand.nummer]
    boven: list[Text] = []
    status = "  GEPAUZEERD (p: verder)" if stand.gepauzeerd else ""
    boven.append(Text.assemble((f"{kop.netwerk} · {datum_tekst(kop.datum)} · fase {kop.fase_naam}", "bold"),
                               (status, "bold reverse")))
    boven.append(Text("─" * breedte, "dim"))
    boven.append(Text(f"Onderdeel {stand.nummer + 1} van {len(punten)}", "dim"))
    for regel in textwrap.wrap(p.titel + (f"  ({p.werkvorm})" if p.werkvorm else ""), breedte)[:2]:
        boven.append(Text(regel, "bold"))
    extra = sessie.extra[stand.nummer]
    gepland = f"{p.minuten} min gepland" + (f", +{extra} erbij" if extra else "")
    if stand.over >= 0:
        klok = Text.assemble(("Nog ", ""), (mss(stand.over), KLEUR[stand.niveau]),
                             (f" van dit onderdeel ({gepland})", ""), (WOORD[stand.niveau], KLEUR[stand.niveau]))
    else:
        klok = Text.assemble(("Tijd om: ", KLEUR["om"]), (f"{mss(-stand.over)} over", KLEUR["om"]),
                             (f" ({gepland})", ""))
    boven.append(klok)

    onder_regels: list[Text] = []
    if kop.rollen:
        onder_regels.append(_kort(Text("Rollen: " + " · ".join(f"{naam}: {rol}" for rol, naam in kop.rollen)), breedte))
    bijeenkomst = Text.assemble(("Bijeenkomst: ", "bold"))
    if stand.bijeenkomst_over >= 0:
        bijeenkomst.append(f"nog {mss(stand.bijeenkomst_over)} van {sessie.duur}:00")
    else:
        bijeenkomst.append(f"{mss(-stand.bijeenkomst_over)} over de {sessie.duur} min", "bold red")
    if stand.achter > 0:
        bijeenkomst.append(f" · loopt {mss(stand.achter)} achter", "bold red")
    else:
        bijeenkomst.append(" · op schema", "green")
    onder_regels.append(_kort(bijeenkomst, breedte))
    if stand.advies is not None:
        onder_regels.append(_kort(Text(_advies_tekst(stand.advies), "red"), breedte))
    if stand.nummer + 1 < len(punten):
        volgende = punten[stand.nummer + 1]
        onder_regels.append(_kort(Text(f"Hierna: {stand.nummer + 2}. {volgende.titel} "
                                       f"({volgende.minuten + sessie.extra[stand.nummer + 1]} min)"), breedte))
    else:
        onder_regels.append(Text("Hierna: einde (spatie: de bijeenkomst is klaar en wordt vastgelegd)"))
    afwezig = ", ".join(sessie.afwezig) or "niemand"
    onder_regels.append(_kort(Text(f"Notities: {len(sessie.notities)} · afspraken: {len(sessie.afspraken)} · "
                                   f"afwezig: {afwezig}", "dim"), breedte))
    onder_regels.append(_kort(_onderste(onder), breedte))
    onder_regels += [_kort(Text(t, "dim"), breedte) for t in _toetsen(breedte)]

    ruimte = max(0, hoogte - len(boven) - len(onder_regels) - 1)
    midden = _midden(p, uitleg, breedte, ruimte)
    regels = boven + [Text("")] + midden + [Text("")] * (ruimte - len(midden)) + onder_regels
    return Text("\n").join(regels[:hoogte])


def _midden(p, uitleg, breedte: int, ruimte: int) -> list[Text]:
    uitnodiging, stappen = uitleg.get(p.werkvorm or "", (None, ()))
    regels: list[Text] = []
    if uitnodiging:
        for i, r in enumerate(textwrap.wrap("Uitnodiging: " + uitnodiging, breedte)[:3]):
            regels.append(Text(r, "italic"))
    elif p.toelichting:
        regels += [Text(r) for r in textwrap.wrap(p.toelichting, breedte)[:3]]
    if stappen:
        regels.append(Text("Stappen:", "bold"))
        for nummer, stap in enumerate(stappen, 1):
            regels += [Text(r) for r in textwrap.wrap(f"{nummer:2d}. {stap}", breedte, subsequent_indent="    ")]
    if len(regels) > ruimte:
        regels = regels[: max(0, ruimte - 1)] + ([Text("  …", "dim")] if ruimte else [])
    return regels


def _advies_tekst(advies) -> str:
    if advies.soort == "inkorten":
        tekst = f"Inhalen: onderdeel {advies.nummer} {advies.minuten} min korter (tot {advies.tot} min)"
    else:
        tekst = f"Inhalen: sla onderdeel {advies.nummer} over ({advies.minuten} min)"
    return tekst + ("; niet genoeg" if not advies.genoeg else "") + f": {advies.titel}"


def _onderste(onder: Onderaan) -> Text:
    if onder.invoer_soort == "stoppen":
        return Text("Stoppen. Vastleggen in het statusbestand? j = ja, n = nee, Esc = verder",
                    "bold reverse")
    if onder.invoer_soort:
        return Text.assemble((f"{VRAAG[onder.invoer_soort]}: ", "bold"), onder.invoer + "▏",
                             ("  (Enter: bewaren, Esc: terug)", "dim"))
    return Text(onder.melding, "bold red" if onder.fout else "bold")


def _toetsen(breedte: int) -> list[str]:
    if breedte >= sum(len(t) for t in TOETSEN) + 3:
        return ["   ".join(TOETSEN)]
    return list(TOETSEN)


def _kort(tekst: Text, breedte: int) -> Text:
    tekst.truncate(breedte, overflow="ellipsis")
    return tekst
