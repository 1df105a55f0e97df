"""Pages for the management and the network's page: the barometer's result and the yield report.

Pure functions to a string (Markdown or one self-contained HTML page: CSS
inline, charts as inline SVG from `grafiek`, no scripts, nothing from
elsewhere). Everything from the user or the state file is escaped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.grafiek import lijnen_svg, staven_svg

if TYPE_CHECKING:
    from lerend_netwerk.barometer import Meting, Uitslag, Vragenlijst
    from lerend_netwerk.kennisbank import Kennisbank
    from lerend_netwerk.netwerk import Netwerk
    from lerend_netwerk.opbrengst import Verhaal, Vooruit

_CSS = """
body { font-family: system-ui, sans-serif; color: #111; max-width: 760px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; border-bottom: 4px solid #c8102e; padding-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid #ddd; vertical-align: top; }
td.getal { text-align: right; white-space: nowrap; }
.klein { color: #555; font-size: .9em; }
.verhaal { border-left: 4px solid #1f5fa8; padding: .2em .8em; margin: .6em 0; }
svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 15mm; }
"""


def _pagina(titel: str, inhoud: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>{escape(titel)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>'
            f"<body>\n<h1>{escape(titel)}</h1>\n{inhoud}\n</body></html>\n")


def _getal(x: float | None, plus: bool = False) -> str:
    if x is None:
        return "–"
    return (f"{x:+.2f}" if plus else f"{x:.2f}").replace(".", ",")


def _trend_svg(metingen: list[Meting], vragenlijst: Vragenlijst) -> str:
    from lerend_netwerk.barometer import trend

    reeksen = trend(metingen)
    namen = {d.id: d.naam for d in vragenlijst.dimensies}
    x = [m.datum.strftime("%d-%m-%Y") for m in metingen]
    return lijnen_svg({namen.get(d, d): [(p.strftime("%d-%m-%Y"), w) for p, w in punten] for d, punten in reeksen.items()},
                      x, laag=1, hoog=5, titel="Verloop van de netwerkbarometer")


def _barometer_deel(u: Uitslag, metingen: list[Meting], vragenlijst: Vragenlijst, kb: Kennisbank | None) -> str:
    delen = [f'<p>{u.deelnemers} deelnemer{"s" if u.deelnemers != 1 else ""}, anoniem ingevuld op {escape(datum_tekst(u.datum))}'
             + (f"; vergeleken met {escape(datum_tekst(u.vorige))}" if u.vorige else "") + ". Score 1 (helemaal oneens) "
             "tot 5 (helemaal eens); de streep is de spreiding.</p>"]
    delen.append(staven_svg([(d.naam, d.gemiddelde, d.spreiding, d.verschil) for d in u.dimensies],
                            titel="Gemiddelde per dimensie"))
    delen.append("<table><tr><th>Dimensie</th><th>Gemiddelde</th><th>Spreiding</th><th>Verschil</th></tr>"
                 + "".join(f'<tr><td>{escape(d.naam)}</td><td class="getal">{_getal(d.gemiddelde)}</td>'
                           f'<td class="getal">{_getal(d.spreiding)}</td><td class="getal">{_getal(d.verschil, True)}</td></tr>'
                           for d in u.dimensies) + "</table>")
    if len(metingen) > 1:
        delen.append("<h2>Verloop</h2>" + _trend_svg(metingen, vragenlijst))
    zwak = u.zwakste
    dim = vragenlijst.dimensie(zwak.id) if zwak else None
    if zwak and dim:
        delen.append(f"<h2>Het zwakst: {escape(zwak.naam)}</h2>" + (f"<p>{escape(dim.vraag)}</p>" if dim.vraag else ""))
        if kb is not None:
            valkuilen = [kb.valkuilen[v].titel for v in dim.valkuilen if v in kb.valkuilen]
            werkvormen = [kb.werkvormen[w].naam for w in dim.werkvormen if w in kb.werkvormen]
            if valkuilen:
                delen.append("<p>Valkuilen die hierbij horen:</p><ul>" + "".join(f"<li>{escape(v)}</li>" for v in valkuilen) + "</ul>")
            if werkvormen:
                delen.append("<p>Werkvormen die helpen:</p><ul>" + "".join(f"<li>{escape(w)}</li>" for w in werkvormen) + "</ul>")
    delen.append("<h2>Per stelling</h2><table><tr><th>Stelling</th><th>Gemiddelde</th><th>Antwoorden</th></tr>"
                 + "".join(f'<tr><td>{escape(s.tekst)}</td><td class="getal">{_getal(s.gemiddelde)}</td>'
                           f'<td class="getal">{s.aantal}</td></tr>' for s in u.stellingen) + "</table>")
    delen.append(f'<p class="klein">{escape(vragenlijst.bron or "Eigen vragenlijst van lerend-netwerk.")} '
                 "Dit is niet de Netwerkbarometer uit de Toolkit Netwerkleren.</p>")
    return "\n".join(delen)


def barometer_html(netwerk: Netwerk, u: Uitslag, metingen: list[Meting], vragenlijst: Vragenlijst,
                   kb: Kennisbank | None = None) -> str:
    """The barometer's result as one page: bars per dimension, the trend, the weakest dimension, per statement."""
    return _pagina(f"Netwerkbarometer: {netwerk.naam}", _barometer_deel(u, metingen, vragenlijst, kb))


# --- the yield report ----------------------------------------------------------------------


@dataclass(frozen=True)
class Verslag:
    """What the report shows, gathered from the state file."""

    netwerk: Netwerk
    verhalen: list[Verhaal]
    vooruit: list[Vooruit]
    metingen: list[Meting] = field(default_factory=list)
    werkvorm_namen: dict[str, str] = field(default_factory=dict)

    @property
    def werkvormen(self) -> list[tuple[str, int]]:
        """Work forms used at held meetings, most used first: (name, times)."""
        teller = Counter(w for b in self.netwerk.gehouden_bijeenkomsten for w in b.werkvormen)
        return [(self.werkvorm_namen.get(w, w), n) for w, n in teller.most_common()]


def _md(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return "".join("\\" + t if t in "\\`*_{}[]<>#|!" else t for t in tekst)


def verslag_markdown(v: Verslag, vragenlijst: Vragenlijst) -> str:
    from lerend_netwerk.opbrengst import CYCLI

    n = v.netwerk
    regels = [f"# Opbrengst: {_md(n.naam)}", ""]
    if n.wijk or n.kartrekker:
        regels += [", ".join(_md(x) for x in (f"wijk {n.wijk}" if n.wijk else "", f"kartrekker {n.kartrekker}" if n.kartrekker else "") if x), ""]
    regels += ["## Thema", ""]
    regels.append(f"- Speerpunt: {_md(n.thema.speerpunt)}" if n.thema.speerpunt else "- Nog geen speerpunt gekozen.")
    if n.thema.gezamenlijk_leerdoel:
        regels.append(f"- Gezamenlijk leerdoel: {_md(n.thema.gezamenlijk_leerdoel)}")
    gehouden = n.gehouden_bijeenkomsten
    regels += ["", f"## Bijeenkomsten ({len(gehouden)} gehouden)", ""]
    for b in gehouden:
        aanwezig = f", {b.aanwezig} aanwezig" if b.aanwezig is not None else ""
        regels.append(f"- {datum_tekst(b.datum)}{aanwezig}")
    if v.werkvormen:
        regels += ["", "## Werkvormen", ""] + [f"- {_md(naam)} ({keer}×)" for naam, keer in v.werkvormen]
    if v.metingen:
        from lerend_netwerk.barometer import trend

        namen = {d.id: d.naam for d in vragenlijst.dimensies}
        regels += ["", "## Netwerkbarometer", "", "| Dimensie | " + " | ".join(m.datum.isoformat() for m in v.metingen) + " |",
                   "| --- |" + " --- |" * len(v.metingen)]
        for dim, punten in trend(v.metingen).items():
            per_datum = dict(punten)
            regels.append(f"| {_md(namen.get(dim, dim))} | "
                          + " | ".join(_getal(per_datum.get(m.datum)) for m in v.metingen) + " |")
    regels += ["", "## Wat het netwerk heeft opgeleverd", ""]
    if not v.verhalen:
        regels.append("Nog geen verhalen verzameld.")
    for cid, naam, uitleg in CYCLI:
        verhalen = [x for x in v.verhalen if x.cyclus == cid]
        if verhalen:
            regels += [f"### {naam}", "", f"*{uitleg}*", ""]
            for x in verhalen:
                regels += [f"- **{datum_tekst(x.datum)}.** {_md(x.gebeurd)} *Betekenis:* {_md(x.betekenis)}"]
            regels.append("")
    if v.vooruit:
        regels += ["## Kijk vooruit", ""] + [f"- {datum_tekst(x.datum)}: {_md(x.tekst)}" for x in v.vooruit] + [""]
    regels += ["", "*De cycli van waarde zijn een toevoeging van lerend-netwerk, naar Wenger, Trayner & De Laat (2011).*", ""]
    return "\n".join(regels)


def verslag_html(v: Verslag, vragenlijst: Vragenlijst, kb: Kennisbank | None = None) -> str:
    from lerend_netwerk.opbrengst import CYCLI

    n = v.netwerk
    delen = []
    kop = ", ".join(x for x in (f"wijk {n.wijk}" if n.wijk else "", f"kartrekker {n.kartrekker}" if n.kartrekker else "") if x)
    if kop:
        delen.append(f'<p class="klein">{escape(kop)}</p>')
    delen.append("<h2>Thema</h2><p>" + (f"Speerpunt: {escape(n.thema.speerpunt)}" if n.thema.speerpunt else "Nog geen speerpunt gekozen.")
                 + (f"<br>Gezamenlijk leerdoel: {escape(n.thema.gezamenlijk_leerdoel)}" if n.thema.gezamenlijk_leerdoel else "") + "</p>")
    gehouden = n.gehouden_bijeenkomsten
    delen.append(f"<h2>Bijeenkomsten: {len(gehouden)} gehouden</h2>")
    met_aantal = [b for b in gehouden if b.aanwezig is not None]
    if met_aantal:
        hoogste = max(b.aanwezig for b in met_aantal) or 1  # type: ignore[type-var]
        x = [b.datum.strftime("%d-%m-%y") for b in met_aantal]
        delen.append("<p>Aanwezigen per bijeenkomst:</p>" + lijnen_svg(
            {"aanwezig": [(b.datum.strftime("%d-%m-%y"), float(b.aanwezig)) for b in met_aantal]},  # type: ignore[arg-type]
            x, laag=0, hoog=float(max(5, hoogste)), titel="Aanwezigen per bijeenkomst"))
    if gehouden:
        delen.append("<ul>" + "".join(f"<li>{escape(datum_tekst(b.datum))}" + (f", {b.aanwezig} aanwezig" if b.aanwezig is not None else "")
                                      + "</li>" for b in gehouden) + "</ul>")
    if v.werkvormen:
        delen.append("<h2>Werkvormen</h2><ul>" + "".join(f"<li>{escape(naam)} ({keer}×)</li>" for naam, keer in v.werkvormen) + "</ul>")
    if v.metingen:
        from lerend_netwerk.barometer import uitslag

        delen.append("<h2>Netwerkbarometer</h2>" + _barometer_deel(uitslag(v.metingen, vragenlijst), v.metingen, vragenlijst, kb)
                     .replace("<h2>", "<h3>").replace("</h2>", "</h3>"))
    delen.append("<h2>Wat het netwerk heeft opgeleverd</h2>")
    if not v.verhalen:
        delen.append("<p>Nog geen verhalen verzameld.</p>")
    for cid, naam, uitleg in CYCLI:
        verhalen = [x for x in v.verhalen if x.cyclus == cid]
        if verhalen:
            delen.append(f"<h3>{escape(naam)}</h3><p class=\"klein\">{escape(uitleg)}</p>")
            delen.extend(f'<div class="verhaal"><p><strong>{escape(datum_tekst(x.datum))}.</strong> {escape(x.gebeurd)}</p>'
                         f"<p><em>Betekenis:</em> {escape(x.betekenis)}</p></div>" for x in verhalen)
    if v.vooruit:
        delen.append("<h2>Kijk vooruit</h2><ul>" + "".join(f"<li>{escape(datum_tekst(x.datum))}: {escape(x.tekst)}</li>" for x in v.vooruit) + "</ul>")
    delen.append('<p class="klein">De cycli van waarde zijn een toevoeging van lerend-netwerk, naar Wenger, Trayner &amp; '
                 "De Laat (2011), <em>Promoting and assessing value creation in communities and networks</em>.</p>")
    return _pagina(f"Opbrengst: {n.naam}", "\n".join(delen))
