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
WOORD = {"gewoon": "", "bijna": "bijna om", "om": "tijd om"}
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


# What gives way first when the terminal is low: a higher number (the middle, invitation and
# steps, gives way before all of these).
MOET, BELANGRIJK, HANDIG, EXTRA_RUIMTE = 0, 1, 2, 3


def scherm(sessie: Sessie, stand: Stand, kop: Kop, uitleg: dict[str, tuple[str | None, tuple[tuple[str, int], ...]]],
           onder: Onderaan, breedte: int, hoogte: int) -> Text:
    """The screen. `uitleg` maps a work form id to its invitation and steps (text, minutes).
    Every line is cut to the width; in a low terminal the least needed lines go first."""
    from lerend_netwerk.datum import datum_tekst

    breedte = max(20, breedte)
    punten = sessie.punten
    p = punten[stand.nummer]
    boven: list[tuple[int, Text]] = []
    status = "  GEPAUZEERD (p: verder)" if stand.gepauzeerd else ""
    boven.append((BELANGRIJK, Text.assemble((status.strip() + "  " if status else "", "bold reverse"),
                                            (f"{kop.netwerk} · {datum_tekst(kop.datum)} · fase {kop.fase_naam}",
                                             "bold"))))
    boven.append((EXTRA_RUIMTE, Text("─" * breedte, "dim")))
    boven.append((HANDIG, Text(f"Onderdeel {stand.nummer + 1} van {len(punten)}", "dim")))
    titel = textwrap.wrap(p.titel + (f"  ({p.werkvorm})" if p.werkvorm else ""), breedte, break_on_hyphens=False,
                          max_lines=2, placeholder=" …")
    boven += [(BELANGRIJK if i == 0 else HANDIG, Text(r, "bold")) for i, r in enumerate(titel)]
    extra = sessie.extra[stand.nummer]
    gepland = f"{p.minuten} min gepland" + (f", +{extra} erbij" if extra else "")
    if stand.over >= 0:
        klok = Text.assemble(("Nog ", ""), (mss(stand.over), KLEUR[stand.niveau]),
                             (f" ({WOORD[stand.niveau]})" if WOORD[stand.niveau] else "", KLEUR[stand.niveau]),
                             (f" van dit onderdeel ({gepland})", ""))
    else:
        klok = Text.assemble(("Tijd om: ", KLEUR["om"]), (f"{mss(-stand.over)} over", KLEUR["om"]),
                             (f" ({gepland})", ""))
    boven.append((MOET, klok))
    boven.append((EXTRA_RUIMTE, Text("")))

    onder_regels: list[tuple[int, Text]] = [(EXTRA_RUIMTE, Text(""))]
    if kop.rollen:
        rollen = "Rollen: " + " · ".join(f"{naam}: {rol}" for rol, naam in kop.rollen)
        onder_regels += [(HANDIG, Text(r)) for r in textwrap.wrap(rollen, breedte, placeholder=" …", max_lines=2)]
    bijeenkomst = Text.assemble(("Bijeenkomst: ", "bold"))
    if stand.bijeenkomst_over >= 0:
        bijeenkomst.append(f"nog {mss(stand.bijeenkomst_over)} van {sessie.duur}:00")
    else:
        bijeenkomst.append(f"{mss(-stand.bijeenkomst_over)} over de {sessie.duur} min", "bold red")
    if stand.achter > 0:
        bijeenkomst.append(f" · loopt {mss(stand.achter)} achter", "bold red")
    else:
        bijeenkomst.append(" · op schema", "green")
    onder_regels.append((MOET, bijeenkomst))
    if stand.advies is not None:
        onder_regels.append((BELANGRIJK, Text(_advies_tekst(stand.advies), "red")))
    if stand.nummer + 1 < len(punten):
        volgende = punten[stand.nummer + 1]
        onder_regels.append((BELANGRIJK, Text(f"Hierna: {stand.nummer + 2}. {volgende.titel} "
                                              f"({volgende.minuten + sessie.extra[stand.nummer + 1]} min)")))
    else:
        onder_regels.append((BELANGRIJK, Text("Hierna: einde (spatie: klaar, en vastleggen)")))
    afwezig = ", ".join(sessie.afwezig) or "niemand"
    onder_regels.append((HANDIG, Text(f"Notities: {len(sessie.notities)} · afspraken: {len(sessie.afspraken)} · "
                                      f"afwezig: {afwezig}", "dim")))
    onder_regels.append((MOET, _onderste(onder)))
    onder_regels += [(MOET if i == 0 else BELANGRIJK, Text(t, "dim")) for i, t in enumerate(_toetsen(breedte))]

    vast = boven + onder_regels
    while len(vast) > hoogte:  # a low terminal: the least needed line goes, the last of its kind first
        minst = max(prio for prio, _ in vast)
        del vast[max(i for i, (prio, _) in enumerate(vast) if prio == minst)]
    boven_n = sum(1 for regel in vast if any(regel is b for b in boven))
    ruimte = hoogte - len(vast)
    deel = stand.besteed[stand.nummer] / stand.toegestaan if stand.toegestaan else 1.0
    midden = _midden(p, uitleg, breedte, ruimte, deel) if ruimte > 0 else []
    regels = [t for _, t in vast[:boven_n]] + midden + [Text("")] * (ruimte - len(midden)) + \
        [t for _, t in vast[boven_n:]]
    return Text("\n").join(_kort(regel, breedte) for regel in regels[:hoogte])


def _midden(p, uitleg, breedte: int, ruimte: int, deel: float) -> list[Text]:
    """Invitation and steps; the step the time says you are at is marked, and kept in view."""
    uitnodiging, stappen = uitleg.get(p.werkvorm or "", (None, ()))
    regels: list[Text] = []
    if uitnodiging:
        regels += [Text(r, "italic") for r in textwrap.wrap("Uitnodiging: " + uitnodiging, breedte)[:3]]
    elif p.toelichting:
        regels += [Text(r) for r in textwrap.wrap(p.toelichting, breedte)[:3]]
    if not stappen:
        return _ingekort(regels, ruimte)
    nu = huidige_stap(stappen, deel)
    regels.append(Text("Stappen:", "bold"))
    stap_regels: list[list[Text]] = []
    for nummer, (tekst, minuten) in enumerate(stappen, 1):
        teken = "▶" if nummer - 1 == nu else " "
        stijl = "bold" if nummer - 1 == nu else ""
        stap_regels.append([Text(r, stijl) for r in textwrap.wrap(
            f"{teken}{nummer:2d}. {tekst} ({minuten} min)", breedte, subsequent_indent="     ")])
    over = ruimte - len(regels)
    begin = 0
    while begin < nu and sum(len(s) for s in stap_regels[begin:nu + 1]) + (begin > 0) > over:
        begin += 1  # earlier steps make way for the current one (and a line saying so)
    if begin:
        regels.append(Text(f"  … {begin} stap(pen) eerder", "dim"))
    for stap in stap_regels[begin:]:
        regels += stap
    return _ingekort(regels, ruimte)


def huidige_stap(stappen, deel: float) -> int:
    """The step the item's time has reached: the steps' minutes spread over the item's time."""
    totaal = sum(minuten for _, minuten in stappen) or 1
    verder = max(0.0, deel) * totaal
    for nummer, (_, minuten) in enumerate(stappen):
        verder -= minuten
        if verder < 0:
            return nummer
    return len(stappen) - 1


def _ingekort(regels: list[Text], ruimte: int) -> list[Text]:
    if len(regels) > ruimte:
        return regels[: max(0, ruimte - 1)] + ([Text("  …", "dim")] if ruimte else [])
    return regels


def _advies_tekst(advies) -> str:
    if advies.soort == "inkorten":
        tekst = f"Inhalen: kort onderdeel {advies.nummer} in met {advies.minuten} min (tot {advies.tot} min)"
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
