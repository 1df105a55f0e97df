"""The Wijkoverzicht page in headless Chromium: it renders, our own script sorts it (allowed by the
page's CSP), and a hostile network name stays text. Needs Chromium, like test_handout_browser."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from lerend_netwerk.overzicht import maak_overzicht
from lerend_netwerk.overzicht_html import html
from test_handout_browser import _draai, _png_pixels

VIJANDIG = '<img src=x onerror="alert(1)"> Netwerk & </title><script>alert(2)</script>'


def _pagina(tmp_path: Path, kennisbank) -> Path:
    m = tmp_path / "map"
    m.mkdir()
    netwerken = [("Aa", 1, "2026-03-01"), ("Bb", 5, "2026-01-01"), ("Cc", 3, "2026-02-01"), (VIJANDIG, 2, "2026-04-01")]
    for i, (naam, aantal, eerste) in enumerate(netwerken):
        jaar, maand, dag = (int(x) for x in eerste.split("-"))
        regels = [f"naam: '{naam}'", "wijk: Noord", "fase: ontwikkeling", "bijeenkomsten:"]
        regels += [f"  - {{datum: {date(jaar, maand, dag + k).isoformat()}, aanwezig: 8}}" for k in range(aantal)]
        (m / f"n{i}.yaml").write_text("\n".join(regels) + "\n", encoding="utf-8")
    (m / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    pagina = tmp_path / "overzicht.html"
    pagina.write_text(html(maak_overzicht(kennisbank, m, date(2026, 12, 1)), gemaakt=date(2026, 12, 1)), encoding="utf-8")
    return pagina


def _namen(dom: str) -> list[str]:
    return re.findall(r'<span class="naam">(.*?)</span>', dom)


def test_overzicht_sorts_in_chromium_with_our_script_only(tmp_path, kennisbank):
    pagina = _pagina(tmp_path, kennisbank)
    zonder = _draai(tmp_path, "--dump-dom", pagina.as_uri()).stdout.decode("utf-8", errors="replace")
    vijand = _namen(zonder)[0]
    assert vijand.startswith("&lt;img src=x") and _namen(zonder)[1:] == ["Aa", "Bb", "Cc"]  # by name, as written
    uit = _draai(tmp_path, "--dump-dom", pagina.as_uri() + "#sorteer=-bijeenkomsten")
    dom = uit.stdout.decode("utf-8", errors="replace")
    assert "<table" in dom, uit.stderr.decode(errors="replace")[-2000:]
    namen = _namen(dom)
    assert namen == ["Bb", "Cc", vijand, "Aa"], namen  # 5, 3, 2, 1 meetings: the script ran
    assert 'aria-sort="descending"' in dom
    assert "<img" not in dom and dom.count("<script") == 1  # our own script; the name stayed text
    oplopend = _namen(_draai(tmp_path, "--dump-dom", pagina.as_uri() + "#sorteer=laatste").stdout.decode())
    assert oplopend == ["Bb", "Cc", "Aa", vijand], oplopend  # by last meeting, oldest first


def test_overzicht_screenshot(tmp_path, kennisbank):
    pagina = _pagina(tmp_path, kennisbank)
    png = tmp_path / "overzicht.png"
    uit = _draai(tmp_path, f"--screenshot={png}", "--window-size=1280,800", pagina.as_uri())
    assert png.exists(), uit.stderr.decode(errors="replace")[-2000:]
    breedte, hoogte, rijen = _png_pixels(png)
    assert (breedte, hoogte) == (1280, 800)
    alle = [(rij[i], rij[i + 1], rij[i + 2]) for rij in rijen for i in range(0, len(rij), 3)]
    niet_wit = sum(1 for r, g, b in alle if min(r, g, b) < 235)
    assert 0.01 < niet_wit / len(alle) < 0.5, niet_wit / len(alle)
    rood = sum(1 for r, g, b in alle if r > 170 and g < 60 and b < 80)
    assert rood > 1000  # the red rule under the title and the red marks of rows needing attention: the CSS applied
    donker_rechts = sum(1 for rij in rijen[150:700] for i in range(len(rij) * 3 // 4 // 3 * 3, len(rij) - 3, 3)
                        if max(rij[i:i + 3]) < 90)
    assert donker_rechts > 50  # the warnings column on the right is filled: the table spans the page
