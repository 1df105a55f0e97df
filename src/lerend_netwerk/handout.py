"""The agenda as a handout for the participants: Markdown, or one self-contained HTML page.

Pure functions from an `Agenda` to a string; writing the file is the CLI's job.
The HTML has its CSS inline, no scripts, no fonts or images from elsewhere, and
prints on one A4 page for a usual agenda. Everything that comes from the user
or the state file (the network's name, titles, reasons, references) is escaped.
It is for the participants: the theme, the joint learning goal, the goal of the meeting,
the items with what each is for, who does what, what to bring, the next date and room
for notes. The kartrekker's reasons, materials, preparation and warnings stay in the
terminal.
"""

from __future__ import annotations

import re
from html import escape

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.planner import Agenda, Onderdeel

VOETNOOT = (
    "De werkvormen en bronnen komen uit de Handreiking Lerende Netwerken Doorgaande Lijn Utrecht; "
    "de minuten zijn een indicatie."
)


def _wanneer(agenda: Agenda) -> str:
    tijden = f"{agenda.start}–{agenda.eind} uur"
    plaats = f", {agenda.plaats}" if agenda.plaats else ""
    if agenda.datum is None:
        return tijden + plaats
    return f"{datum_tekst(agenda.datum, met_dag=True)}, {tijden}{plaats}"


_MD_SPECIAAL = "\\`*_{}[]<>#|!"


def _md(tekst: str) -> str:
    """Text from the state or the knowledge base as literal Markdown: one line, markup escaped."""
    tekst = " ".join(tekst.split())
    return "".join("\\" + teken if teken in _MD_SPECIAAL else teken for teken in tekst)


def _regelbegin(tekst: str) -> str:
    """No list or heading by accident when a line starts with '-', '+', '=' or '1.'."""
    return "\\" + tekst if re.match(r"^(\d+[.)]|[-+=])", tekst) else tekst


def _blokken(agenda: Agenda) -> list[tuple[str, list[str]]]:
    """The participants' sections besides the items, each (heading, lines), in the order shown."""
    blokken: list[tuple[str, list[str]]] = []
    if agenda.rollen or agenda.kartrekker:
        kartrekker = [f"{agenda.kartrekker}: kartrekker, leidt de bijeenkomst"] if agenda.kartrekker else []
        rollen = [f"{naam}: {rol[:1].lower() + rol[1:]}" for rol, naam in agenda.rollen]
        blokken.append(("Wie doet wat", kartrekker + rollen))
    if agenda.neem_mee:
        blokken.append(("Neem mee", list(agenda.neem_mee)))
    if agenda.volgende is not None:
        blokken.append(("Volgende bijeenkomst", [datum_tekst(agenda.volgende, met_dag=True)]))
    return blokken


def _thema_regels(agenda: Agenda) -> list[tuple[str, str]]:
    """(label, text) for the theme, the joint learning goal and today's goal (its first sentence:
    the joint goal has its own line here)."""
    regels = []
    if agenda.thema:
        regels.append(("Thema", agenda.thema))
    if agenda.gezamenlijk_leerdoel:
        regels.append(("Ons leerdoel", agenda.gezamenlijk_leerdoel))
    if agenda.doel:
        doel = agenda.doel.split(" Zo komen we dichter bij", 1)[0] if agenda.gezamenlijk_leerdoel else agenda.doel
        regels.append(("Doel van vandaag", doel))
    return regels


def _waarvoor(o: Onderdeel) -> str:
    """What the item is for, in the participants' words (never the kartrekker's reasoning)."""
    return " ".join((o.toelichting or "").split())


def markdown(agenda: Agenda) -> str:
    """The handout as Markdown: the same content as the HTML page, readable as plain text too."""
    regels = [
        f"# Agenda: {_md(agenda.netwerk)}",
        "",
        f"**{_md(_wanneer(agenda))}** · fase {_md(agenda.fase_naam)}",
    ]
    for label, tekst in _thema_regels(agenda):
        regels += ["", f"**{label}:** {_md(tekst)}"]
    for o in agenda.onderdelen:
        regels += ["", f"## {o.start} · {_md(o.titel)} ({o.duur} min)", ""]
        uitleg = _waarvoor(o)
        if uitleg:
            regels.append(_regelbegin(_md(uitleg)) + ("  " if o.bron else ""))
        if o.bron:
            regels.append(f"*Bron:* {_md(o.bron)}")
    for kop, lijst in _blokken(agenda):
        regels += ["", f"## {kop}", ""] + [f"- {_md(r)}" for r in lijst]
    regels += ["", "## Aantekeningen", "", *(["\\_" * 40, ""] * 4)]
    regels += ["---", "", _md(VOETNOOT), ""]
    return "\n".join(regels)


_CSS = """
@page { size: A4; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body {
  margin: 0 auto; max-width: 180mm; padding: 12mm 0;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 10pt; line-height: 1.3; color: #1d1d1b;
}
header { border-bottom: 3pt solid #c8102e; padding-bottom: 2.5mm; margin-bottom: 3.5mm; }
h1 { font-size: 20pt; margin: 0 0 1.5mm 0; line-height: 1.15; }
.wanneer { font-size: 12pt; font-weight: 600; margin: 0; }
.fase { display: inline-block; margin-top: 1.5mm; padding: 0.5mm 2.5mm; border-radius: 2mm;
        background: #f3e3e6; color: #7a0a1c; font-size: 9.5pt; font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em;
     color: #555; border-bottom: 1.5pt solid #1d1d1b; padding: 1.5mm 2mm; }
td { vertical-align: top; padding: 1.5mm 2mm; border-bottom: 0.5pt solid #cfcfcf; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.tijd { width: 15mm; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.min { width: 13mm; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.min { text-align: right; }
td.onderdeel { width: auto; }
.titel { font-weight: 700; display: block; }
.uitleg { display: block; margin-top: 0.5mm; }
.bron { display: block; margin-top: 0.5mm; font-size: 8.5pt; color: #555; font-style: italic; }
.thema { margin: 0 0 3mm 0; padding: 2mm 3mm; background: #f7f4ee; border-left: 2pt solid #c8102e; }
.thema p { margin: 0.8mm 0; overflow-wrap: anywhere; }
.label { font-weight: 700; }
h2 { font-size: 11pt; margin: 0 0 1.5mm 0; }
.blokken { display: flex; gap: 6mm; margin-top: 3mm; }
.blok { flex: 1; break-inside: avoid; }
.blok ul { margin: 0; padding-left: 4.5mm; }
.notities { margin-top: 3mm; break-inside: avoid; }
.lijnen { height: 15mm; background: repeating-linear-gradient(#fff 0, #fff 7mm, #bbb 7mm, #bbb 7.3mm); }
h1, .wanneer, .titel, .uitleg { overflow-wrap: anywhere; }
tr.pauze td { background: #f4f4f2; color: #444; }
tr.opening td, tr.afsluiting td { background: #fbf7f7; }
footer { margin-top: 3mm; font-size: 8.5pt; color: #666; }
@media print { body { padding: 0; max-width: none; } }
"""


def _rij(o: Onderdeel) -> str:
    uitleg = _waarvoor(o)
    delen = [f'<span class="titel">{escape(o.titel)}</span>']
    if uitleg:
        delen.append(f'<span class="uitleg">{escape(uitleg)}</span>')
    if o.bron:
        delen.append(f'<span class="bron">Bron: {escape(o.bron)}</span>')
    return (
        f'<tr class="{escape(o.soort)}">'
        f'<td class="tijd">{escape(o.start)}</td>'
        f'<td class="onderdeel">{"".join(delen)}</td>'
        f'<td class="min">{o.duur}&nbsp;min</td>'
        "</tr>"
    )


def _html_thema(agenda: Agenda) -> str:
    regels = "".join(
        f'<p><span class="label">{escape(label)}</span> {escape(tekst)}</p>' for label, tekst in _thema_regels(agenda)
    )
    return f'<section class="thema">{regels}</section>' if regels else ""


def _html_blokken(agenda: Agenda) -> str:
    delen = [
        f'<section class="blok"><h2>{escape(kop)}</h2><ul>{"".join(f"<li>{escape(r)}</li>" for r in lijst)}</ul></section>'
        for kop, lijst in _blokken(agenda)
    ]
    return f'<div class="blokken">{"".join(delen)}</div>' if delen else ""


def html(agenda: Agenda) -> str:
    rijen = "\n".join(_rij(o) for o in agenda.onderdelen)
    titel = escape(f"Agenda: {agenda.netwerk}")
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{titel}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{titel}</h1>
<p class="wanneer">{escape(_wanneer(agenda))}</p>
<span class="fase">Fase {escape(agenda.fase_naam)}</span>
</header>
{_html_thema(agenda)}
<table>
<thead><tr><th>Tijd</th><th>Onderdeel</th><th class="min">Min.</th></tr></thead>
<tbody>
{rijen}
</tbody>
</table>
{_html_blokken(agenda)}
<section class="notities"><h2>Aantekeningen</h2><div class="lijnen"></div></section>
<footer>{escape(VOETNOOT)}</footer>
</body>
</html>
"""
