"""`ln valkuil`: the Handreiking's answer to a problem, found in the kartrekker's own words.

Thin: parse, ask the search (`lerend_netwerk.zoeken`) or the knowledge base,
render. Nothing here knows how the search works. questionary is loaded only
when something is asked (no query, or an unsure answer, in a terminal),
through `lerend_netwerk.vragen`.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from typing import Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli.opties import Bibliotheek, Json, vul_fase_aan
from lerend_netwerk.fouten import EXIT_INVOER, EXIT_NEE, LnFout

_VOORBEELD = "ln valkuil er zeggen steeds mensen af"
_WIT_ACHTERAAN = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$")
_SOORT_LABEL = {
    "valkuil": "valkuil",
    "tip": "tip",
    "randvoorwaarde": "randvoorwaarde",
    "werkvorm": "werkvorm",
    "doel": "doel van de fase",
}
_IETS_ANDERS = "*"  # the guided choice's last option: the whole list


@app.command("valkuil")
def valkuil(
    vraag: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Wat er misgaat, in je eigen woorden. Aanhalingstekens zijn niet nodig.",
            metavar="[VRAAG]...",
            show_default=False,
        ),
    ] = None,
    fase: Annotated[
        Optional[str],
        typer.Option(
            "--fase",
            help="Zoek alleen in deze fase, bv. 'verdieping' of '3'.",
            metavar="FASE",
            autocompletion=vul_fase_aan,
        ),
    ] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Toon alle valkuilen, tips en randvoorwaarden, per fase.")] = False,
    json_uit: Json = False,
    bibliotheek: Bibliotheek = None,
) -> None:
    """Vind de aanpak voor een probleem in je netwerk: beschrijf in je eigen woorden wat er misgaat.

    Bijvoorbeeld: ln valkuil er zeggen steeds mensen af

    Je krijgt de valkuil uit de Handreiking die er het best bij past, met de
    aanpak, de werkvormen die helpen en waar je meer leest. Zonder vraag kies
    je zelf uit de lijst (in een terminal) of zie je alle valkuilen.
    """
    from lerend_netwerk.cli.opties import kennisbank

    tekst = " ".join(vraag or []).strip()
    if alle and tekst:
        raise LnFout(
            "geef óf een vraag, óf --alle, niet allebei",
            advies=f"zoek met '{_VOORBEELD}', of bekijk alles met 'ln valkuil --alle'.",
            exit_code=EXIT_INVOER,
        )
    kb = kennisbank(bibliotheek)
    fase_id = kb.fase(fase).id if fase else None

    if not tekst:  # no query, or only spaces: no search, but the list (as JSON without scores)
        from lerend_netwerk import vragen

        if alle or json_uit or not vragen.heeft_terminal():
            with _uitvoer():
                _toon_lijst(kb, fase_id, json_uit)
            return
        from lerend_netwerk.zoeken import resultaat_van

        keuze = _kies_in_stappen(kb, fase_id)
        with _uitvoer():
            _toon_volledig(kb, resultaat_van(kb, keuze))
        return

    from lerend_netwerk.zoeken import laad_zoeker

    resultaten = laad_zoeker(kb).zoek(tekst, fase_id)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json([r.als_json() for r in resultaten])
    elif resultaten and resultaten[0].twijfel:
        _toon_twijfel(kb, resultaten)
    else:
        with _uitvoer():
            if resultaten:
                _toon_resultaten(kb, resultaten)
            else:
                _toon_niets(tekst, kb.fase(fase_id) if fase_id else None)
    if not resultaten:
        raise typer.Exit(EXIT_NEE)


def _kies_in_stappen(kb, fase_id: str | None) -> str:
    """No words for it: first the subject, then the entry (`onderwerpen` in zoeken.yaml);
    'Iets anders' gives the whole list to type in."""
    from lerend_netwerk import vragen
    from lerend_netwerk.zoeken import laad_instellingen, resultaat_van

    onderwerpen = []
    for naam, ids in laad_instellingen().onderwerpen:
        items = [r for r in (_resultaat_of_niets(kb, i) for i in ids) if r and (fase_id is None or fase_id in r.fasen)]
        if items:
            onderwerpen.append((naam, items))
    keuzes = [(naam, nummer) for nummer, (naam, _) in enumerate(onderwerpen)]
    gekozen = vragen.vraag_keuze("Waar gaat het over?", [*keuzes, ("Iets anders: de hele lijst", _IETS_ANDERS)])
    if gekozen == _IETS_ANDERS:
        return vragen.vraag_zoek("Waar loop je tegenaan?", _keuzes(kb, fase_id))
    items = onderwerpen[gekozen][1]
    return vragen.vraag_keuze("Wat past het best?", [(_keuze_label(r), r.id) for r in items])


def _resultaat_of_niets(kb, entry_id: str):
    from lerend_netwerk.fouten import LnFout
    from lerend_netwerk.zoeken import resultaat_van

    try:
        return resultaat_van(kb, entry_id)
    except LnFout:  # an id the knowledge base no longer has: the subject simply lacks it
        return None


def _keuze_label(r) -> str:
    soort = "tip voor jou" if r.voor == "kartrekker" else _SOORT_LABEL[r.soort]
    return f"{r.titel}  ({soort})"


def _toon_twijfel(kb, resultaten) -> None:
    """Unsure: the first few to choose from, not a guess presented as the answer. In a
    terminal the kartrekker picks one and sees it in full."""
    from lerend_netwerk import vragen

    if vragen.heeft_terminal():
        keuzes = [(_keuze_label(r), r.id) for r in resultaten] + [("Geen van deze", _IETS_ANDERS)]
        gekozen = vragen.vraag_keuze("Ik weet niet zeker wat je bedoelt. Welke past het best?", keuzes)
        with _uitvoer():
            if gekozen == _IETS_ANDERS:
                _toon_geen_van_deze()
            else:
                _toon_volledig(kb, next(r for r in resultaten if r.id == gekozen))
        return
    with _uitvoer():
        _toon_keuzes(kb, resultaten)


@contextmanager
def _uitvoer():
    """Render to the console, then write it without the spaces rich pads lines with."""
    from lerend_netwerk.cli.weergave import console

    uit = console()
    with uit.capture() as vangst:
        yield uit
    sys.stdout.write("\n".join(_WIT_ACHTERAAN.sub(r"\1", regel) for regel in vangst.get().split("\n")))


# --- rendering -------------------------------------------------------------------


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

    soort = "tip voor jou als kartrekker" if r.voor == "kartrekker" else _SOORT_LABEL[r.soort]
    return (
        f"[bold]{escape(r.titel)}[/]\n"
        f"[dim]{soort} · {_fasen_tekst(kb, r.fasen, r.soort)}{_score(r.score)}[/]"
    )


def _alinea(uit, markup: str, inspring: int = 2) -> None:
    """A paragraph whose wrapped lines keep their indentation."""
    from rich.padding import Padding

    uit.print(Padding(markup, (0, 0, 0, inspring)))


def _opsomming(uit, regels: list[str], teken: str = "•", inspring: int = 2) -> None:
    """Bullets with a hanging indent."""
    from rich.table import Table

    tabel = Table.grid(padding=(0, 1))
    tabel.add_column(no_wrap=True)
    tabel.add_column()
    for regel in regels:
        tabel.add_row(" " * inspring + teken, regel)
    uit.print(tabel)


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


def _toon_volledig(kb, r) -> None:
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


def _toon_resultaten(kb, resultaten) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    beste = resultaten[0]
    _toon_volledig(kb, beste)
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

    soort = "tip voor jou" if r.voor == "kartrekker" else _SOORT_LABEL[r.soort]
    details = f"{soort}, {_fasen_tekst(kb, r.fasen, r.soort)}{_score(r.score).replace(' · ', ', ')}"
    if id_erbij:
        details = f"{r.id}; {details}"
    _opsomming(uit, [f"{titel} [dim]({details})[/]\n{escape(_eerste_zin(r.aanpak))}"], teken=f"{nummer}.")


def _toon_keuzes(kb, resultaten) -> None:
    """Unsure, without a terminal: the choices, each with its id to look it up."""
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    uit.print("Ik weet niet zeker wat je bedoelt. Deze passen er ongeveer even goed bij:")
    for nummer, r in enumerate(resultaten, start=1):
        _kort(kb, uit, r, nummer, titel=f"[bold]{escape(r.titel)}[/]", id_erbij=True)
    uit.print("\n[dim]Beschrijf het wat preciezer, of kies in stappen: ln valkuil (zonder vraag, in een terminal)[/]")


def _toon_geen_van_deze() -> None:
    from lerend_netwerk.cli.weergave import console

    console().print(
        "Beschrijf het in andere woorden, of kies in stappen: [bold]ln valkuil[/] (zonder vraag). "
        "Alles op een rij: [bold]ln valkuil --alle[/]."
    )


def _toon_niets(tekst: str, fase) -> None:
    from rich.markup import escape

    from lerend_netwerk.cli.weergave import console

    uit = console()
    waar = f" in fase {fase.nummer} {fase.naam}" if fase else ""
    uit.print(f"Er staat niets in de Handreiking dat past bij '{escape(tekst)}'{waar}.")
    uit.print(
        "Gaat het over je lerend netwerk? Beschrijf wat er misgaat in andere woorden, of kies in een paar "
        "stappen: [bold]ln valkuil[/] (zonder vraag). Alles op een rij: [bold]ln valkuil --alle[/]."
    )


def _groepen(kb, fase_id: str | None):
    """The entries by phase: preconditions first, the kartrekker's own support last."""
    from lerend_netwerk.zoeken import alle_valkuilen

    items = alle_valkuilen(kb)
    groepen = []
    rv = [r for r in items if r.soort == "randvoorwaarde" and (fase_id is None or fase_id in r.fasen)]
    if rv:
        groepen.append(("Vóór de start: de randvoorwaarden", rv))
    for fase in kb.fasen:
        if fase_id is not None and fase.id != fase_id:
            continue
        inhoud = [r for r in items if r.soort != "randvoorwaarde" and r.voor != "kartrekker" and fase.id in r.fasen]
        if inhoud:
            groepen.append((f"Fase {fase.nummer} {fase.naam}", inhoud))
    eigen = [r for r in items if r.voor == "kartrekker" and (fase_id is None or fase_id in r.fasen)]
    if eigen:
        groepen.append(("Voor jou als kartrekker, in elke fase", eigen))
    return groepen


def _toon_lijst(kb, fase_id: str | None, json_uit: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    from lerend_netwerk.cli.weergave import console, print_json

    groepen = _groepen(kb, fase_id)
    if json_uit:
        print_json([_zonder_score(r.als_json()) for _, inhoud in groepen for r in inhoud])
        return
    uit = console()
    uit.print("[bold]Valkuilen, tips en randvoorwaarden uit de Handreiking[/]")
    breedte = 2 + max((len(r.id) for _, inhoud in groepen for r in inhoud), default=0)
    for kop, inhoud in groepen:
        uit.print(f"\n[bold]{escape(kop)}[/]")
        tabel = Table.grid(padding=(0, 2))
        tabel.add_column(no_wrap=True, min_width=breedte)
        tabel.add_column()
        for r in inhoud:
            soort = f" [dim]({r.soort})[/]" if r.soort == "tip" else ""
            tabel.add_row(f"  [dim]{r.id}[/]", escape(r.titel) + soort)
        uit.print(tabel)
    uit.print(f"\n[dim]Beschrijf je probleem in je eigen woorden, bijvoorbeeld: {_VOORBEELD}[/]")


def _zonder_score(item: dict) -> dict:
    """A list entry as JSON: not a search result, so no `score` (a result's is 0 to 1)."""
    return {k: v for k, v in item.items() if k not in ("score", "twijfel")}


def _keuzes(kb, fase_id: str | None) -> list[tuple[str, str]]:
    keuzes = []
    for kop, inhoud in _groepen(kb, fase_id):
        for r in inhoud:
            keuzes.append((f"{r.titel}  ({kop.split(':')[0].lower()})", r.id))
    return keuzes
