"""The handout in a real browser: headless Chromium renders it, prints it on A4, and
the picture is checked for what a person would see (not blank, the red rule, text).

Needs Debian's `chromium` package (`apt-get install -y chromium`); without it the
test fails, it never skips.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from lerend_netwerk import handout
from lerend_netwerk.planner import AgendaOpties, plan_agenda
from lerend_netwerk.statusbestand import lees_netwerk

VOORBEELD = Path(__file__).resolve().parent.parent / "voorbeelden" / "netwerk.yaml"
VIJANDIG = '<img src=x onerror="alert(1)"> Netwerk & </title><script>alert(2)</script>'
A4 = (794, 1123)  # CSS pixels at 96 dpi


def chromium() -> str:
    for naam in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        gevonden = shutil.which(naam)
        if gevonden:
            return gevonden
    pytest.fail("Chromium ontbreekt; installeer het met: apt-get update && apt-get install -y chromium")


def _draai(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profiel = tmp_path / "profiel"
    opdracht = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profiel}", *args,
    ]
    return subprocess.run(opdracht, capture_output=True, timeout=180, check=False)


def _png_pixels(pad: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into rows of RGB."""
    data = pad.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, kop = 8, b"", None
    while pos < len(data):
        lengte, soort = struct.unpack(">I4s", data[pos : pos + 8])
        inhoud = data[pos + 8 : pos + 8 + lengte]
        if soort == b"IHDR":
            kop = struct.unpack(">IIBBBBB", inhoud)
        elif soort == b"IDAT":
            idat += inhoud
        pos += 12 + lengte
    breedte, hoogte, diepte, kleur, _, _, interlace = kop
    assert diepte == 8 and kleur in (2, 6) and interlace == 0, kop
    bpp = 3 if kleur == 2 else 4
    ruw = zlib.decompress(idat)
    stride = breedte * bpp
    rijen, vorige = [], bytearray(stride)
    for y in range(hoogte):
        filter_, rij = ruw[y * (stride + 1)], bytearray(ruw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = rij[x - bpp] if x >= bpp else 0
            b = vorige[x]
            c = vorige[x - bpp] if x >= bpp else 0
            if filter_ == 1:
                rij[x] = (rij[x] + a) & 0xFF
            elif filter_ == 2:
                rij[x] = (rij[x] + b) & 0xFF
            elif filter_ == 3:
                rij[x] = (rij[x] + (a + b) // 2) & 0xFF
            elif filter_ == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                rij[x] = (rij[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        vorige = rij
        rgb = bytes(rij) if bpp == 3 else bytes(v for i, v in enumerate(rij) if i % 4 != 3)
        rijen.append(rgb)
    return breedte, hoogte, rijen


def _agenda(duur: int = 90, naam: str | None = None):
    from lerend_netwerk.kennisbank import laad_kennisbank

    netwerk = lees_netwerk(VOORBEELD)
    if naam is not None:
        netwerk = netwerk._replace(naam=naam)
    from datetime import date

    return plan_agenda(laad_kennisbank(), netwerk, AgendaOpties(duur=duur, datum=date(2026, 12, 10)))


def _pdf_paginas(pad: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pad.read_bytes()))


# --- without a browser: the page itself -----------------------------------------------


def test_html_is_zelfstandig_en_ontsnapt_alles():
    pagina = handout.html(_agenda(naam=VIJANDIG))
    assert "<script" not in pagina and "<img" not in pagina
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in pagina
    assert "&lt;/title&gt;&lt;script&gt;" in pagina
    assert pagina.count("<style>") == 1 and "<link" not in pagina and "src=" not in pagina.replace("src=x", "")
    assert "size: A4" in pagina and 'lang="nl"' in pagina
    assert "donderdag 10 december 2026" in pagina


def test_markdown_ontsnapt_opmaak():
    tekst = handout.markdown(_agenda(naam="*vet* _schuin_ [link](x) <b>"))
    assert tekst.splitlines()[0] == "# Agenda: \\*vet\\* \\_schuin\\_ \\[link\\](x) \\<b\\>"
    assert "## 15:45 · Opening: welkom en terugblik" in tekst
    # every item's reference stands under its own heading, and only there
    agenda = _agenda()
    tekst = handout.markdown(agenda)
    delen = [d for d in tekst.split("\n## ")[1:] if d[:1].isdigit()]
    assert len(delen) == len(agenda.onderdelen)
    for o, deel in zip(agenda.onderdelen, delen):
        assert deel.startswith(f"{o.start} · ")
        if o.bron:
            assert not set(o.bron) & set("\\`*_{}[]<>#|!")  # nothing to escape: the line is literal
            assert f"\n*Bron:* {o.bron}" in deel, (o.titel, deel)
        else:
            assert "*Bron:*" not in deel, o.titel
    assert any(o.werkvorm and o.bron for o in agenda.onderdelen)  # a work form's reference is among them


# --- in Chromium ----------------------------------------------------------------------------


def test_uitdeelblad_in_chromium_schermafdruk(tmp_path):
    pagina = tmp_path / "agenda.html"
    pagina.write_text(handout.html(_agenda(naam=VIJANDIG)), encoding="utf-8")
    png = tmp_path / "agenda.png"
    uit = _draai(tmp_path, f"--screenshot={png}", f"--window-size={A4[0]},{A4[1]}", pagina.as_uri())
    assert png.exists(), uit.stderr.decode(errors="replace")[-2000:]
    breedte, hoogte, rijen = _png_pixels(png)
    assert (breedte, hoogte) == A4

    def pixels(y0: int, y1: int):
        for rij in rijen[y0:y1]:
            for i in range(0, len(rij), 3):
                yield rij[i], rij[i + 1], rij[i + 2]

    alle = list(pixels(0, hoogte))
    niet_wit = sum(1 for r, g, b in alle if min(r, g, b) < 235)
    assert 0.01 < niet_wit / len(alle) < 0.5, niet_wit / len(alle)  # text on a white page
    donker_boven = sum(1 for r, g, b in pixels(30, 90) if max(r, g, b) < 80)
    assert donker_boven > 500  # the title in black
    rood = sum(1 for r, g, b in alle if r > 170 and g < 60 and b < 80)
    assert rood > 300  # the red rule under the header: the CSS was applied
    # the page is laid out to its width, not cut off: text in the right half too
    rechts = sum(1 for rij in rijen[150:900] for i in range(len(rij) * 2 // 3 // 3 * 3, len(rij) - 60 * 3, 3)
                 if max(rij[i : i + 3]) < 90)
    assert rechts > 100


def test_uitdeelblad_in_chromium_dom_zonder_ingevoegde_elementen(tmp_path):
    pagina = tmp_path / "agenda.html"
    pagina.write_text(handout.html(_agenda(naam=VIJANDIG)), encoding="utf-8")
    uit = _draai(tmp_path, "--dump-dom", pagina.as_uri())
    dom = uit.stdout.decode("utf-8", errors="replace")
    assert "<table>" in dom, uit.stderr.decode(errors="replace")[-2000:]
    assert "<img" not in dom and "<script" not in dom
    assert "Agenda: &lt;img src=x" in dom


@pytest.mark.parametrize("duur,maximum", [(90, 1), (180, 1), (240, 2)])  # README: one A4 up to three hours
def test_uitdeelblad_print_op_a4(tmp_path, duur, maximum):
    pagina = tmp_path / "agenda.html"
    pagina.write_text(handout.html(_agenda(duur=duur)), encoding="utf-8")
    pdf = tmp_path / "agenda.pdf"
    uit = _draai(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", pagina.as_uri())
    assert pdf.exists(), uit.stderr.decode(errors="replace")[-2000:]
    inhoud = pdf.read_bytes()
    assert inhoud.startswith(b"%PDF")
    assert 1 <= _pdf_paginas(pdf) <= maximum
    # A4 is 595 x 842 points
    maten = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", inhoud)
    assert maten and all(abs(float(b) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for b, h in maten), maten
