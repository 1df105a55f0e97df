"""How `ln valkuil` shows its results: one in full, the others short, the choices when
unsure, nothing with a pointer. Rendering only; `cli/valkuil.py` decides what to show."""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

_WIT_ACHTERAAN = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$")
SOORT_LABEL = {
    "valkuil": "valkuil",
    "tip": "tip",
    "randvoorwaarde": "randvoorwaarde",
    "werkvorm": "werkvorm",
    "doel": "doel van de fase",
}


# --- rendering -------------------------------------------------------------------


@contextmanager
def uitvoer():
    """Render to the console, then write it without the spaces rich pads lines with."""
    from lerend_netwerk.cli.weergave import console

    uit = console()
    with uit.capture() as vangst:
        yield uit
    sys.stdout.write("\n".join(_WIT_ACHTERAAN.sub(r"\1", regel) for regel in vangst.get().split("\n")))


def _fasen_tekst(kb, fasen: tuple[str, ...], soort: str) -> str:
    if soort == "randvoorwaarde":
        return "vóór de start"
    if len(fasen) == len(kb.fasen):
        return "elke fase"
    namen = [f"{kb.fase(f).nummer} {kb.fase(f).naam}" for f in fasen]
    return ("fase " if len(namen) == 1 else "fasen ") + ", ".join(namen)


def _score(score: float | None) -> str:
    return "" if score is None else f" · score {score:.2f}".replace(".", ",")


def _kop(kb, r) -> str:
    from rich.markup import escape

    soort = "tip voor jou als kartrekker" if r.voor == "kartrekker" else SOORT_LABEL[r.soort]
    return (
        f"[bold]{escape(r.titel)}[/]\n"
        f"[dim]{soort} · {_fasen_tekst(kb, r.fasen, r.soort)}{_score(r.score)}[/]"
    )


def _alinea(uit, markup: str, inspring: int = 2) -> None:
    """A paragraph whose wrapped lines keep their indentation."""
    from rich.padding import Padding

    uit.print(Padding(markup, (0, 0, 0, inspring)))


def _opsomming(uit, regels: list[str], teken: str = "•", inspring: int = 2) -> None:
    """Bullets with a hanging indent: each item wrapped to the width beside its bullet.

    Not a `Table.grid` per list: measuring a table cost more than the search itself."""
    from rich.text import Text

    kop = " " * inspring + teken + " "
    breedte = max(1, uit.width - len(kop))
    uit_tekst = Text()
    for regel in regels:
        for nummer, lijn in enumerate(uit.render_str(regel).wrap(uit, breedte, justify="left", overflow="ellipsis")):
            uit_tekst.append(kop if nummer == 0 else " " * len(kop))
            uit_tekst.append_text(lijn)
            uit_tekst.append("\n")
    uit_tekst.rstrip()
    uit.print(uit_tekst, soft_wrap=True)


def _werkvormen_regels(kb, ids: tuple[str, ...]) -> list[str]:
    from rich.markup import escape

    regels = []
    for wid in ids:
        w = kb.werkvormen.get(wid)
        if w is None:
            continue
        bron = f": {escape(w.bron)}" if w.bron else ""
        regels.append(f"{escape(w.naam)} [dim]({w.id})[/]{bron}")
    return regels


def toon_volledig(kb, r) -> None:
    """The best match in full: how it shows, the approach, the work forms that help, where to read on."""
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console, eigen_label

    uit = console()
    uit.print(_kop(kb, r))
    noot = getattr(kb.valkuilen.get(r.id), "noot", None) if r.soort in ("valkuil", "tip") else None
    if noot:
        _alinea(uit, f"[dim italic](onze noot: {escape(noot)})[/]", 0)
    if r.soort == "doel":
        _toon_doel(kb, r)
        return
    if r.soort == "werkvorm":
        w = kb.werkvorm(r.id)
        uit.print(f"\n[bold]Helpt bij[/] {eigen_label()}")
        _opsomming(uit, [escape(zin) for zin in w.helpt_bij[:4]])
        uit.print("\n[bold]Wat het is[/]")
        _alinea(uit, escape(w.beschrijving))
        if w.bron:
            uit.print(f"\n[bold]Lees verder:[/] {escape(w.bron)}")
        uit.print(f"\n[dim]Hoe je hem uitvoert: ln werkvorm {w.id}[/]")
        return
    if r.soort == "randvoorwaarde":
        uit.print("\n[bold]Wat het betekent[/]")
        _alinea(uit, escape(kb.randvoorwaarde(r.id).betekenis))
    # how it shows and the work forms are ours; the approach (unless marked) and the reference are the Handreiking's
    uit.print(f"\n[bold]Zo merk je het[/] {eigen_label()}")
    _opsomming(uit, [escape(zin) for zin in r.zo_merk_je_het[:3]])
    uit.print("\n[bold]Aanpak[/]" + (" " + eigen_label("eigen aanpak") if r.aanpak_eigen else ""))
    if r.aanpak_stappen:
        _opsomming(uit, [escape(stap) for stap in r.aanpak_stappen])
    else:
        _alinea(uit, escape(r.aanpak))
    regels = _werkvormen_regels(kb, r.werkvormen)
    if regels:
        uit.print(f"\n[bold]Werkvormen die helpen[/] {eigen_label('eigen koppeling')}")
        _opsomming(uit, regels)
    if r.bron:
        uit.print(f"\n[bold]Lees verder:[/] {escape('; '.join(r.bron))}")
    if r.soort == "randvoorwaarde":
        uit.print("\n[dim]Check al je randvoorwaarden met: ln start[/]")


def _toon_doel(kb, r) -> None:
    """An aim of a phase, found by its problem text: what it is, its key questions, how you see it is met."""
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    doel = next(d for d in kb.fase(r.fasen[0]).doelen if d.id == r.id)
    uit.print("\n[bold]Wat de Handreiking zegt[/]")
    _alinea(uit, escape(doel.beschrijving))
    if doel.kernvragen:
        uit.print("\n[bold]Kernvraag[/]")
        _opsomming(uit, [escape(v) for v in doel.kernvragen])
    if doel.signalen:
        uit.print("\n[bold]Zo zie je dat het lukt[/]")
        _opsomming(uit, [escape(s.tekst) for s in doel.signalen])
    regels = _werkvormen_regels(kb, r.werkvormen)
    if regels:
        uit.print("\n[bold]Werkvormen die helpen[/]")
        _opsomming(uit, regels)


def _eerste_zin(tekst: str, lengte: int = 110) -> str:
    zin = tekst.split(". ")[0].rstrip(".") + "."
    return zin if len(zin) <= lengte else zin[: lengte - 1].rsplit(" ", 1)[0] + "…"


def toon_resultaten(kb, resultaten) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    beste = resultaten[0]
    toon_volledig(kb, beste)
    uit = console()
    # a work form already listed under the best match is not shown twice
    anderen = [r for r in resultaten[1:] if not (r.soort == "werkvorm" and r.id in beste.werkvormen)]
    if anderen:
        uit.print("\n[bold]Past misschien ook[/]")
        for nummer, r in enumerate(anderen, start=2):
            _kort(kb, uit, r, nummer, titel=escape(r.titel))
    uit.print("\n[dim]Niet wat je zocht? Probeer andere woorden, of kies uit de lijst: ln valkuil --alle[/]")


def _kort(kb, uit, r, nummer: int, titel: str, id_erbij: bool = False) -> None:
    """One result in two lines, numbered: title, kind, phase, score; the approach's first sentence."""
    from rich.markup import escape

    soort = "tip voor jou" if r.voor == "kartrekker" else SOORT_LABEL[r.soort]
    details = f"{soort}, {_fasen_tekst(kb, r.fasen, r.soort)}{_score(r.score).replace(' · ', ', ')}"
    if id_erbij:
        details = f"{r.id}; {details}"
    _opsomming(uit, [f"{titel} [dim]({details})[/]\n{escape(_eerste_zin(r.aanpak))}"], teken=f"{nummer}.")


def toon_keuzes(kb, resultaten) -> None:
    """Unsure, without a terminal: the choices, each with its id to look it up."""
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    uit.print("Ik weet niet zeker wat je bedoelt. Deze passen er ongeveer even goed bij:")
    for nummer, r in enumerate(resultaten, start=1):
        _kort(kb, uit, r, nummer, titel=f"[bold]{escape(r.titel)}[/]", id_erbij=True)
    uit.print("\n[dim]Beschrijf het wat preciezer, of kies in stappen: ln valkuil (zonder vraag, in een terminal)[/]")


def toon_geen_van_deze() -> None:
    from lerend_netwerk.cli.weergave import console

    console().print(
        "Beschrijf het in andere woorden, of kies in stappen: [bold]ln valkuil[/] (zonder vraag). "
        "Alles op een rij: [bold]ln valkuil --alle[/]."
    )


def toon_niets(tekst: str, fase) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    waar = f" in fase {fase.nummer} {fase.naam}" if fase else ""
    uit.print(f"Er staat niets in de Handreiking dat past bij '{escape(tekst)}'{waar}.")
    uit.print(
        "Gaat het over je lerend netwerk? Beschrijf wat er misgaat in andere woorden, of kies in een paar "
        "stappen: [bold]ln valkuil[/] (zonder vraag). Alles op een rij: [bold]ln valkuil --alle[/]."
    )
