"""`ln valkuil`: the Handreiking's answer to a problem, found in the kartrekker's own words.

Thin: parse, ask the search (`lerend_netwerk.zoeken`) or the knowledge base,
render. Nothing here knows how the search works. questionary is loaded only
when something is asked (no query, or an unsure answer, in a terminal),
through `lerend_netwerk.vragen`.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from lerend_netwerk.cli import app
from lerend_netwerk.cli import valkuil_weergave as weergave
from lerend_netwerk.cli.opties import Bibliotheek, Json, vul_fase_aan
from lerend_netwerk.fouten import EXIT_INVOER, EXIT_NEE, LnFout

_VOORBEELD = "ln valkuil er zeggen steeds mensen af"
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
    aanpak, de werkvormen die helpen en waar je meer leest. Twijfelt de
    zoekfunctie, dan kies je uit de drie die het best passen. Zonder vraag kies
    je in een terminal in twee stappen (eerst het onderwerp), anders zie je
    alle valkuilen.
    """
    from lerend_netwerk.cli.opties import context, kennisbank

    tekst = " ".join(vraag or []).strip()
    if alle and tekst:
        raise LnFout(
            "geef óf een vraag, óf --alle, niet allebei",
            advies=f"zoek met '{_VOORBEELD}', of bekijk alles met 'ln valkuil --alle'.",
            exit_code=EXIT_INVOER,
        )
    kb = kennisbank(context(bibliotheek=bibliotheek))
    fase_id = kb.fase(fase).id if fase else None

    if not tekst:  # no query, or only spaces: no search, but the list (as JSON without scores)
        from lerend_netwerk import vragen

        if alle or json_uit or not vragen.heeft_terminal():
            with weergave.uitvoer():
                _toon_lijst(kb, fase_id, json_uit)
            return
        from lerend_netwerk.zoeken import resultaat_van

        keuze = _kies_in_stappen(kb, fase_id)
        with weergave.uitvoer():
            weergave.toon_volledig(kb, resultaat_van(kb, keuze))
        return

    from lerend_netwerk.zoeken import laad_zoeker

    resultaten = laad_zoeker(kb).zoek(tekst, fase_id)
    if json_uit:
        from lerend_netwerk.cli.weergave import print_json

        print_json([r.als_json() for r in resultaten])
    elif resultaten and resultaten[0].twijfel:
        _toon_twijfel(kb, resultaten)
    else:
        with weergave.uitvoer():
            if resultaten:
                weergave.toon_resultaten(kb, resultaten)
            else:
                weergave.toon_niets(tekst, kb.fase(fase_id) if fase_id else None)
    if not resultaten:
        raise typer.Exit(EXIT_NEE)


def _kies_in_stappen(kb, fase_id: str | None) -> str:
    """No words for it: first the subject, then the entry (`onderwerpen` in zoeken.yaml);
    'Iets anders' gives the whole list to type in."""
    from lerend_netwerk import vragen
    from lerend_netwerk.zoeken import laad_instellingen

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
    soort = "tip voor jou" if r.voor == "kartrekker" else weergave.SOORT_LABEL[r.soort]
    return f"{r.titel}  ({soort})"


def _toon_twijfel(kb, resultaten) -> None:
    """Unsure: the first few to choose from, not a guess presented as the answer. In a
    terminal the kartrekker picks one and sees it in full."""
    from lerend_netwerk import vragen

    if vragen.heeft_terminal():
        keuzes = [(_keuze_label(r), r.id) for r in resultaten] + [("Geen van deze", _IETS_ANDERS)]
        gekozen = vragen.vraag_keuze("Ik weet niet zeker wat je bedoelt. Welke past het best?", keuzes)
        with weergave.uitvoer():
            if gekozen == _IETS_ANDERS:
                weergave.toon_geen_van_deze()
            else:
                weergave.toon_volledig(kb, next(r for r in resultaten if r.id == gekozen))
        return
    with weergave.uitvoer():
        weergave.toon_keuzes(kb, resultaten)


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
