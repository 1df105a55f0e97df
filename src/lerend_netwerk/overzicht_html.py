"""The Wijkoverzicht as one HTML page the coordinators can publish.

Pure: an `Overzicht` in, a string out; writing the file is the CLI's job.
Self-contained: the CSS and one small script of our own are inline; nothing is
loaded from elsewhere (no fonts, images or external scripts). Everything from
the state files (names, themes, warnings, file names, errors) is escaped. A
Content-Security-Policy in the page allows only that one inline script (by its
hash): even text that slipped past the escaping could run nothing.

Sorting: a click on a column heading (a button, so the keyboard works too)
sorts that district's table; again reverses it. `#sorteer=KOLOM` (or
`#sorteer=-KOLOM`) in the address sorts every table when the page opens, so a
link can point to, say, the networks with the oldest last meeting first. The
kolommen: netwerk, kartrekker, thema, fase, randvoorwaarden, bijeenkomsten,
laatste, barometer, aandacht. Without scripts the page is complete, sorted by
district and name.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from lerend_netwerk.datum import datum_tekst
from lerend_netwerk.overzicht import Onleesbaar, Overzicht, Samenvatting

KOLOMMEN = (
    # (key, heading, numeric)
    ("netwerk", "Netwerk", False),
    ("kartrekker", "Kartrekker", False),
    ("thema", "Thema", False),
    ("fase", "Fase", True),
    ("randvoorwaarden", "Randvoorwaarden", True),
    ("bijeenkomsten", "Gehouden", True),
    ("laatste", "Laatste", False),
    ("barometer", "Barometer", True),
    ("aandacht", "Aandacht", True),
)
_FASEN = ("verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering")

_SCRIPT = """
(function () {
  "use strict";
  function waarde(rij, kolom) {
    var cel = rij.cells[kolom];
    if (!cel) { return ""; }
    var w = cel.getAttribute("data-w");
    return w === null ? cel.textContent.trim() : w;
  }
  function sorteer(tabel, kolom, oplopend) {
    var kop = tabel.tHead.rows[0].cells[kolom];
    var getal = kop.getAttribute("data-soort") === "getal";
    var lichaam = tabel.tBodies[0];
    var rijen = Array.prototype.slice.call(lichaam.rows);
    rijen.sort(function (a, b) {
      var x = waarde(a, kolom), y = waarde(b, kolom);
      if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
      var c = getal ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "nl", {numeric: true, sensitivity: "base"});
      return oplopend ? c : -c;
    });
    rijen.forEach(function (rij) { lichaam.appendChild(rij); });
    Array.prototype.forEach.call(tabel.tHead.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
    kop.setAttribute("aria-sort", oplopend ? "ascending" : "descending");
  }
  function kolomVan(tabel, naam) {
    var cellen = tabel.tHead.rows[0].cells;
    for (var i = 0; i < cellen.length; i++) {
      if (cellen[i].getAttribute("data-kolom") === naam) { return i; }
    }
    return -1;
  }
  var tabellen = document.querySelectorAll("table.sorteerbaar");
  Array.prototype.forEach.call(tabellen, function (tabel) {
    Array.prototype.forEach.call(tabel.tHead.rows[0].cells, function (kop, kolom) {
      var knop = kop.querySelector("button");
      if (!knop) { return; }
      knop.addEventListener("click", function () {
        sorteer(tabel, kolom, kop.getAttribute("aria-sort") !== "ascending");
      });
    });
  });
  var m = /^#sorteer=(-?)([a-z]+)$/.exec(window.location.hash);
  if (m) {
    Array.prototype.forEach.call(tabellen, function (tabel) {
      var kolom = kolomVan(tabel, m[2]);
      if (kolom >= 0) { sorteer(tabel, kolom, m[1] !== "-"); }
    });
  }
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"

_CSS = """
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 24px 20px 40px;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 14px; line-height: 1.35; color: #1d1d1b; background: #fff; }
header { border-bottom: 4px solid #c8102e; padding-bottom: 10px; margin-bottom: 16px; }
h1 { font-size: 26px; margin: 0 0 6px 0; }
.samenvatting { margin: 0; color: #333; }
h2 { font-size: 19px; margin: 26px 0 8px 0; }
table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
th { text-align: left; vertical-align: bottom; border-bottom: 2px solid #1d1d1b; padding: 0; white-space: nowrap; }
th button { font: inherit; font-weight: 700; font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em;
  color: #444; background: none; border: 0; padding: 6px 18px 6px 6px; cursor: pointer; width: 100%; text-align: left;
  position: relative; }
th button::after { content: "\\2195"; position: absolute; right: 4px; color: #aaa; }
th[aria-sort="ascending"] button::after { content: "\\2191"; color: #c8102e; }
th[aria-sort="descending"] button::after { content: "\\2193"; color: #c8102e; }
th button:focus-visible { outline: 2px solid #c8102e; }
td { vertical-align: top; padding: 6px; border-bottom: 1px solid #d6d6d6; overflow-wrap: break-word; hyphens: auto; }
table.sorteerbaar { table-layout: fixed; }
table.sorteerbaar th:nth-child(1) { width: 16%; } table.sorteerbaar th:nth-child(2) { width: 10%; }
table.sorteerbaar th:nth-child(3) { width: 9%; } table.sorteerbaar th:nth-child(4) { width: 8%; }
table.sorteerbaar th:nth-child(5) { width: 13%; } table.sorteerbaar th:nth-child(6) { width: 8%; }
table.sorteerbaar th:nth-child(7) { width: 10%; } table.sorteerbaar th:nth-child(8) { width: 8%; }
table.sorteerbaar th:nth-child(9) { width: 18%; }
td.getal + td, th[data-kolom="fase"] button { text-align: left; }
th { overflow: hidden; text-overflow: ellipsis; }
td.getal { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.datum { white-space: nowrap; }
.bestand { display: block; color: #777; font-size: 12px; }
.naam { font-weight: 700; }
tr.aandacht td:first-child { box-shadow: inset 4px 0 0 #c8102e; }
ul.aandacht { margin: 0; padding-left: 16px; }
ul.aandacht li { margin: 0 0 2px 0; }
.in-orde { color: #1b6e2d; }
.ontbreekt { color: #8a1020; }
.geen { color: #999; }
section.onleesbaar td { background: #fff4f4; }
footer { margin-top: 24px; color: #666; font-size: 12px; }
@media print { body { max-width: none; padding: 0; } th button::after { content: none; } }
"""

_VOETNOOT = (
    "Gemaakt met ln overzicht (lerend-netwerk) uit de statusbestanden van de netwerken. "
    "Aandacht: meer dan 8 weken geen bijeenkomst, een randvoorwaarde die niet op 'ja' staat, "
    "een dalende opkomst, of achter op de eigen planning. Klik op een kolomkop om te sorteren."
)


def html(overzicht: Overzicht, *, titel: str = "Wijkoverzicht Lerende Netwerken", gemaakt: object = None,
         filter_tekst: str | None = None) -> str:
    """The whole page. `gemaakt`: the date of the overview (shown), `filter_tekst`: which filters were used."""
    delen = [_wijk(wijk, lijst) for wijk, lijst in overzicht.per_wijk()]
    if overzicht.onleesbaar:
        delen.append(_onleesbaar(overzicht.onleesbaar))
    if not delen:
        delen.append("<p>Geen netwerken gevonden.</p>")
    datum = f" Stand van {escape(datum_tekst(gemaakt))}." if gemaakt is not None else ""
    filter_ = f" Filter: {escape(filter_tekst)}." if filter_tekst else ""
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(CSP, quote=False)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(titel)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{escape(titel)}</h1>
<p class="samenvatting">{escape(samenvatting_tekst(overzicht))}{datum}{filter_}</p>
</header>
{"".join(delen)}
<footer>{escape(_VOETNOOT)}</footer>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def samenvatting_tekst(overzicht: Overzicht) -> str:
    n = len(overzicht.netwerken)
    wijken = len(overzicht.per_wijk())
    aandacht = sum(1 for s in overzicht.netwerken if s.aandacht)
    tekst = (
        f"{n} {'netwerk' if n == 1 else 'netwerken'} in {wijken} {'wijk' if wijken == 1 else 'wijken'}; "
        f"{aandacht} {'vraagt' if aandacht == 1 else 'vragen'} aandacht."
    )
    if overzicht.onleesbaar:
        k = len(overzicht.onleesbaar)
        tekst += f" {k} {'bestand kon' if k == 1 else 'bestanden konden'} niet gelezen worden."
    return tekst


_GETAL = ' data-soort="getal"'


def _kop() -> str:
    cellen = "".join(
        f'<th scope="col" data-kolom="{sleutel}" aria-sort="none"{_GETAL if getal else ""}>'
        f'<button type="button">{escape(naam)}</button></th>'
        for sleutel, naam, getal in KOLOMMEN
    )
    return f"<thead><tr>{cellen}</tr></thead>"


def _wijk(wijk: str, lijst: list[Samenvatting]) -> str:
    rijen = "\n".join(_rij(s) for s in lijst)
    aantal = f"{len(lijst)} {'netwerk' if len(lijst) == 1 else 'netwerken'}"
    return (
        f'<section class="wijk"><h2>{escape(wijk)} <small>({aantal})</small></h2>'
        f'<table class="sorteerbaar">{_kop()}<tbody>\n{rijen}\n</tbody></table></section>\n'
    )


def _cel(tekst: str, sorteer: object = None, klasse: str = "", *, ruw: bool = False, titel: str | None = None) -> str:
    attr = f' class="{klasse}"' if klasse else ""
    if sorteer is not None:
        attr += f' data-w="{escape(str(sorteer))}"'
    if titel:
        attr += f' title="{escape(titel)}"'
    return f"<td{attr}>{tekst if ruw else escape(tekst)}</td>"


def _rij(s: Samenvatting) -> str:
    ontbrekend = s.ontbrekend
    if ontbrekend:
        rv = f'<span class="ontbreekt">ontbreekt: {escape(", ".join(ontbrekend))}</span>'
    else:
        rv = '<span class="in-orde">in orde</span>'
    if s.barometer is not None:
        b = s.barometer
        barometer = _cel(_komma(b.gemiddelde), f"{b.gemiddelde:.4f}", "getal",
                         titel=f"{datum_tekst(b.datum)}: " + ", ".join(f"{k} {_komma(v)}" for k, v in b.scores.items()))
    else:
        barometer = _cel("", "", "getal geen")
    aandacht = "".join(f"<li>{escape(a)}</li>" for a in s.aandacht)
    cellen = [
        _cel(f'<span class="naam">{escape(s.naam)}</span><span class="bestand">{escape(s.bestand)}</span>',
             s.naam.casefold(), ruw=True),
        _cel(s.kartrekker or "", (s.kartrekker or "").casefold()),
        _cel(s.thema or "", (s.thema or "").casefold()),
        _cel(s.fase.capitalize(), _FASEN.index(s.fase) if s.fase in _FASEN else 0),
        _cel(rv, len(ontbrekend), ruw=True),
        _cel(str(s.bijeenkomsten), s.bijeenkomsten, "getal"),
        _cel(datum_tekst(s.laatste) if s.laatste else "", s.laatste.isoformat() if s.laatste else "", "datum"),
        barometer,
        _cel(f'<ul class="aandacht">{aandacht}</ul>' if aandacht else "", len(s.aandacht), ruw=True),
    ]
    klasse = ' class="aandacht"' if s.aandacht else ""
    return f"<tr{klasse}>{''.join(cellen)}</tr>"


def _komma(getal: float) -> str:
    return f"{getal:.1f}".replace(".", ",")


def _onleesbaar(lijst: tuple[Onleesbaar, ...]) -> str:
    rijen = "\n".join(
        f"<tr><td>{escape(o.bestand)}</td><td>{'' if o.regel is None else o.regel}</td><td>{escape(o.fout)}</td></tr>"
        for o in lijst
    )
    return (
        '<section class="onleesbaar"><h2>Niet te lezen</h2>'
        "<p>Deze bestanden kon ik niet lezen; de kartrekker kan ze verbeteren (elke opdracht van ln noemt dezelfde fout).</p>"
        '<table><thead><tr><th scope="col">Bestand</th><th scope="col">Regel</th><th scope="col">Fout</th></tr></thead>'
        f"<tbody>\n{rijen}\n</tbody></table></section>\n"
    )
