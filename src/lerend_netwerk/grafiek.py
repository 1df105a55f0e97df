"""Small inline SVG charts for the pages we write (barometer, report): no library, no scripts.

Our own ~100 lines instead of a plotting library: matplotlib would add ~40 MB
to the install and ~400-600 ms to the command that imports it (docs/barometer.md);
these pages need two kinds of chart. Every text is escaped.
"""

from __future__ import annotations

from html import escape

KLEUREN = ("#c8102e", "#1f5fa8", "#2e8540", "#b36b00", "#6a3d9a", "#555555")


def _getal(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def staven_svg(rijen: list[tuple[str, float | None, float | None, float | None]], *, laag: float = 1, hoog: float = 5,
               titel: str = "") -> str:
    """Horizontal bars on the scale laag-hoog: (label, mean, spread, change); the spread as a whisker."""
    label_breedte, breedte, rij_hoogte = 210, 640, 34
    schaal = breedte - label_breedte - 90
    hoogte = 30 + rij_hoogte * len(rijen) + 24

    def x(waarde: float) -> float:
        return label_breedte + (min(max(waarde, laag), hoog) - laag) / (hoog - laag) * schaal

    delen = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
             f'height="{hoogte}" role="img" aria-label="{escape(titel)}" font-family="sans-serif" font-size="13">']
    for waarde in range(int(laag), int(hoog) + 1):
        delen.append(f'<line x1="{x(waarde):.1f}" y1="22" x2="{x(waarde):.1f}" y2="{hoogte - 22}" stroke="#ddd"/>'
                     f'<text x="{x(waarde):.1f}" y="{hoogte - 6}" text-anchor="middle" fill="#555">{waarde}</text>')
    for nummer, (label, midden, spreiding, verschil) in enumerate(rijen):
        y = 26 + nummer * rij_hoogte
        delen.append(f'<text x="{label_breedte - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>')
        if midden is None:
            delen.append(f'<text x="{label_breedte + 4}" y="{y + 17}" fill="#555">geen antwoorden</text>')
            continue
        kleur = KLEUREN[0] if midden < 3 else KLEUREN[3] if midden < 3.5 else KLEUREN[2]
        delen.append(f'<rect x="{label_breedte}" y="{y + 4}" width="{x(midden) - label_breedte:.1f}" height="18" '
                     f'fill="{kleur}" opacity="0.85"/>')
        if spreiding:
            links, rechts = x(midden - spreiding), x(midden + spreiding)
            delen.append(f'<line x1="{links:.1f}" y1="{y + 13}" x2="{rechts:.1f}" y2="{y + 13}" stroke="#222" stroke-width="1.5"/>'
                         f'<line x1="{links:.1f}" y1="{y + 8}" x2="{links:.1f}" y2="{y + 18}" stroke="#222"/>'
                         f'<line x1="{rechts:.1f}" y1="{y + 8}" x2="{rechts:.1f}" y2="{y + 18}" stroke="#222"/>')
        pijl = "" if verschil is None else f" ({'+' if verschil > 0 else ''}{_getal(verschil)})"
        delen.append(f'<text x="{label_breedte + schaal + 8}" y="{y + 17}">{_getal(midden)}{escape(pijl)}</text>')
    delen.append("</svg>")
    return "".join(delen)


def lijnen_svg(reeksen: dict[str, list[tuple[str, float]]], x_labels: list[str], *, laag: float, hoog: float,
               titel: str = "") -> str:
    """Lines over the points `x_labels` (in order): per series (label, points (x_label, value)), with a legend."""
    breedte, hoogte, links, boven, onder = 640, 260, 40, 16, 56
    legenda = 20 * ((len(reeksen) + 2) // 3)
    hoogte += legenda
    plot_h = hoogte - boven - onder - legenda
    stap = (breedte - links - 80) / max(1, len(x_labels) - 1)
    positie = {label: links + 40 + i * stap if len(x_labels) > 1 else links + (breedte - links) / 2
               for i, label in enumerate(x_labels)}

    def y(waarde: float) -> float:
        return boven + (hoog - waarde) / ((hoog - laag) or 1) * plot_h

    delen = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
             f'height="{hoogte}" role="img" aria-label="{escape(titel)}" font-family="sans-serif" font-size="12">']
    for tik in _tikken(laag, hoog):
        delen.append(f'<line x1="{links}" y1="{y(tik):.1f}" x2="{breedte - 10}" y2="{y(tik):.1f}" stroke="#ddd"/>'
                     f'<text x="{links - 6}" y="{y(tik) + 4:.1f}" text-anchor="end" fill="#555">{_getal(tik).removesuffix(",0")}</text>')
    for label, x in positie.items():
        delen.append(f'<text x="{x:.1f}" y="{boven + plot_h + 18}" text-anchor="middle" fill="#555">{escape(label)}</text>')
    for nummer, (naam, punten) in enumerate(reeksen.items()):
        kleur = KLEUREN[nummer % len(KLEUREN)]
        xy = [(positie[p], y(w)) for p, w in punten if p in positie]
        if len(xy) > 1:
            delen.append(f'<polyline fill="none" stroke="{kleur}" stroke-width="2.5" points="'
                         + " ".join(f"{a:.1f},{b:.1f}" for a, b in xy) + '"/>')
        delen.extend(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="4" fill="{kleur}"/>' for a, b in xy)
        lx, ly = links + (nummer % 3) * 200, hoogte - legenda + 8 + (nummer // 3) * 20
        delen.append(f'<rect x="{lx}" y="{ly - 9}" width="12" height="12" fill="{kleur}"/>'
                     f'<text x="{lx + 18}" y="{ly + 1}">{escape(naam)}</text>')
    delen.append("</svg>")
    return "".join(delen)


def _tikken(laag: float, hoog: float) -> list[float]:
    bereik = hoog - laag
    stap = 1 if bereik <= 6 else 2 if bereik <= 12 else 5 if bereik <= 30 else 10
    eerste = int(laag)
    return [float(t) for t in range(eerste, int(hoog) + 1, stap)]
