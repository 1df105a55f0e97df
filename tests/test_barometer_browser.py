"""The barometer's page and the yield report in a real browser (headless Chromium).

Like the handout (test_handout_browser.py): the page is self-contained and
escaped, Chromium renders it, and the picture shows what a person would see:
the coloured bars and lines of the inline SVG charts, text, and nothing injected.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from lerend_netwerk import barometer as bm
from lerend_netwerk import pagina
from lerend_netwerk.opbrengst import Verhaal, Vooruit
from lerend_netwerk.statusbestand import lees_netwerk
from test_handout_browser import _draai, _png_pixels

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "netwerk.yaml"
VIJANDIG = '<img src=x onerror="alert(1)"> & </title><script>alert(2)</script>'


def _metingen(lijst: bm.Vragenlijst) -> list[bm.Meting]:
    def meting(datum: date, scores: dict[str, int]) -> bm.Meting:
        return bm.tel_antwoorden(lijst, [{s.id: scores[s.id[0]] for s in lijst.stellingen}] * 5, datum)

    return [meting(date(2026, 3, 1), {"o": 3, "s": 4, "p": 2, "r": 2}),
            meting(date(2026, 9, 1), {"o": 4, "s": 4, "p": 3, "r": 2})]


def _verslag(naam: str = VIJANDIG) -> tuple[pagina.Verslag, bm.Vragenlijst]:
    lijst = bm.laad_vragenlijst()
    netwerk = lees_netwerk(VOORBEELD)._replace(naam=naam)
    verhalen = [Verhaal(date(2026, 11, 25), "toegepast", VIJANDIG, "De peuters <b>praatten</b> mee."),
                Verhaal(date(2026, 10, 15), "direct", "Een goed gesprek.", "We kennen elkaar.")]
    return pagina.Verslag(netwerk, verhalen, [Vooruit(date(2026, 11, 25), "Ouders betrekken.")], _metingen(lijst)), lijst


def test_pages_are_self_contained_and_escape_everything() -> None:
    verslag, lijst = _verslag()
    u = bm.uitslag(verslag.metingen, lijst)
    for tekst in (pagina.barometer_html(verslag.netwerk, u, verslag.metingen, lijst), pagina.verslag_html(verslag, lijst)):
        assert "<script" not in tekst and "<img" not in tekst and "src=" not in tekst.replace("src=x", "")
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in tekst and "<link" not in tekst
        assert tekst.count("<svg") >= 2 and 'lang="nl"' in tekst
    html = pagina.verslag_html(verslag, lijst)
    for deel in ("Thema", "Bijeenkomsten: 4 gehouden", "Aanwezigen per bijeenkomst", "Werkvormen", "Netwerkbarometer",
                 "Toegepaste waarde", "Directe waarde", "Kijk vooruit", "De peuters &lt;b&gt;praatten&lt;/b&gt; mee."):
        assert deel in html, deel


def _schermafdruk(tmp_path: Path, tekst: str, hoogte: int = 1400):
    pad = tmp_path / "pagina.html"
    pad.write_text(tekst, encoding="utf-8")
    png = tmp_path / "pagina.png"
    uit = _draai(tmp_path, f"--screenshot={png}", f"--window-size=800,{hoogte}", pad.as_uri())
    assert png.exists(), uit.stderr.decode(errors="replace")[-2000:]
    _, _, rijen = _png_pixels(png)
    return [(r[i], r[i + 1], r[i + 2]) for r in rijen for i in range(0, len(r), 3)]


def _telling(pixels) -> dict[str, int]:
    return {
        "rood": sum(1 for r, g, b in pixels if r > 170 and g < 80 and b < 90),
        "groen": sum(1 for r, g, b in pixels if g > 100 and r < 110 and b < 110),
        "blauw": sum(1 for r, g, b in pixels if b > 130 and r < 80 and g < 130),
        "donker": sum(1 for r, g, b in pixels if max(r, g, b) < 80),
    }


def test_barometer_page_in_chromium_shows_bars_and_trend(tmp_path: Path) -> None:
    verslag, lijst = _verslag("Lerend Netwerk Kanaleneiland")
    u = bm.uitslag(verslag.metingen, lijst)
    telling = _telling(_schermafdruk(tmp_path, pagina.barometer_html(verslag.netwerk, u, verslag.metingen, lijst)))
    assert telling["rood"] > 2000, telling  # the weak dimensions' bars (and the red rule)
    assert telling["groen"] > 2000, telling  # the strong ones
    assert telling["blauw"] > 200, telling  # a line of the trend chart
    assert telling["donker"] > 3000, telling  # text


def test_verslag_in_chromium_and_dom_without_injected_elements(tmp_path: Path) -> None:
    verslag, lijst = _verslag()
    tekst = pagina.verslag_html(verslag, lijst)
    telling = _telling(_schermafdruk(tmp_path, tekst, 2600))
    assert telling["rood"] > 1000 and telling["donker"] > 5000, telling
    pad = tmp_path / "pagina.html"
    dom = _draai(tmp_path, "--dump-dom", pad.as_uri()).stdout.decode("utf-8", errors="replace")
    assert "<svg" in dom and "<polyline" in dom
    assert "<img" not in dom and "<script" not in dom


def test_ln_writes_both_pages(ln, tmp_path: Path) -> None:
    shutil.copy(VOORBEELD, tmp_path / "netwerk.yaml")
    (tmp_path / "a.csv").write_text("o1;o2;o3;s1;s2;s3;p1;p2;p3;r1;r2;r3\n4;4;3;5;4;4;3;2;3;2;2;3\n", encoding="utf-8")
    uit = ln("barometer", "--antwoorden", "a.csv", "--datum", "2026-11-12", "--html", "barometer.html")
    assert uit.code == 0, uit.err
    assert "<svg" in (tmp_path / "barometer.html").read_text(encoding="utf-8")
    uit = ln("opbrengst", "--verslag", "opbrengst.html")
    assert uit.code == 0, uit.err
    assert "Opbrengst: Lerend Netwerk Kanaleneiland" in (tmp_path / "opbrengst.html").read_text(encoding="utf-8")
