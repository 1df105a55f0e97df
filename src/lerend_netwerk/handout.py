"""The agenda as a handout for the participants: Markdown, or one self-contained HTML page.

Pure functions from an `Agenda` to a string; writing the file is the CLI's job.
The HTML has its CSS inline, no scripts, no fonts or images from elsewhere, and
prints on one A4 page for a usual agenda. Everything that comes from the user
or the state file (the network's name, titles, reasons, references) is escaped.
The kartrekker's own lists (materials, preparation, notes) are not on it.
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
    if agenda.datum is None:
        return tijden
    return f"{datum_tekst(agenda.datum, met_dag=True)}, {tijden}"


def _eerste_zin(tekst: str | None) -> str:
    """The first sentence of a description: enough for a handout."""
    if not tekst:
        return ""
    tekst = " ".join(tekst.split())
    for i, teken in enumerate(tekst):
        if teken in ".!?" and (i + 1 == len(tekst) or tekst[i + 1] == " "):
            return tekst[: i + 1]
    return tekst


_MD_SPECIAAL = "\\`*_{}[]<>#|!"


def _md(tekst: str) -> str:
    """Text from the state or the knowledge base as literal Markdown: one line, markup escaped."""
    tekst = " ".join(tekst.split())
    return "".join("\\" + teken if teken in _MD_SPECIAAL else teken for teken in tekst)


def _regelbegin(tekst: str) -> str:
    """No list or heading by accident when a line starts with '-', '+', '=' or '1.'."""
    return "\\" + tekst if re.match(r"^(\d+[.)]|[-+=])", tekst) else tekst


def markdown(agenda: Agenda) -> str:
    """The agenda as Markdown: a heading per item, readable as plain text too."""
    regels = [
        f"# Agenda: {_md(agenda.netwerk)}",
        "",
        f"**{_md(_wanneer(agenda))}** · fase {_md(agenda.fase_naam)}",
    ]
    for o in agenda.onderdelen:
        regels += ["", f"## {o.start} · {_md(o.titel)} ({o.duur} min)", ""]
        uitleg = _eerste_zin(o.toelichting)
        if uitleg:
            regels.append(_regelbegin(_md(uitleg)) + "  ")
        regels.append(f"*Waarom:* {_md(o.waarom)}" + ("  " if o.bron else ""))
        if o.bron:
            regels.append(f"*Bron:* {_md(o.bron)}")
    regels += ["", "---", "", _md(VOETNOOT), ""]
    return "\n".join(regels)


_CSS = """
@page { size: A4; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body {
  margin: 0 auto; max-width: 180mm; padding: 12mm 0;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.35; color: #1d1d1b;
}
header { border-bottom: 3pt solid #c8102e; padding-bottom: 3mm; margin-bottom: 5mm; }
h1 { font-size: 20pt; margin: 0 0 1.5mm 0; line-height: 1.15; }
.wanneer { font-size: 12pt; font-weight: 600; margin: 0; }
.fase { display: inline-block; margin-top: 1.5mm; padding: 0.5mm 2.5mm; border-radius: 2mm;
        background: #f3e3e6; color: #7a0a1c; font-size: 9.5pt; font-weight: 600; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em;
     color: #555; border-bottom: 1.5pt solid #1d1d1b; padding: 1.5mm 2mm; }
td { vertical-align: top; padding: 2.2mm 2mm; border-bottom: 0.5pt solid #cfcfcf; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.tijd { width: 15mm; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.min { width: 13mm; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.min { text-align: right; }
td.onderdeel { width: 50%; }
td.waarom { width: 35%; }
.titel { font-weight: 700; display: block; }
.uitleg { display: block; margin-top: 0.8mm; }
.bron { display: block; margin-top: 0.8mm; font-size: 8.5pt; color: #555; font-style: italic; }
.waarom { font-size: 9.5pt; color: #333; }
tr.pauze td { background: #f4f4f2; color: #444; }
tr.opening td, tr.afsluiting td { background: #fbf7f7; }
footer { margin-top: 5mm; font-size: 8.5pt; color: #666; }
@media print { body { padding: 0; max-width: none; } }
"""


def _rij(o: Onderdeel) -> str:
    uitleg = _eerste_zin(o.toelichting)
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
        f'<td class="waarom">{escape(o.waarom)}</td>'
        "</tr>"
    )


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
<table>
<thead><tr><th>Tijd</th><th>Onderdeel</th><th class="min">Min.</th><th>Waarom</th></tr></thead>
<tbody>
{rijen}
</tbody>
</table>
<footer>{escape(VOETNOOT)}</footer>
</body>
</html>
"""
