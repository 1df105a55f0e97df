"""Rendering the knowledge base: tables, full entries, and their JSON."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.markup import escape
from rich.table import Table

from lerend_netwerk.cli.weergave import console, eigen_label, minuten, print_json
from lerend_netwerk.kennisbank import Bron, Fase, Kennisbank, Vermelding, Werkvorm

GEEN_KERNVRAAG = "geen kernvraag in de Handreiking"


def noot_label(noot: str | None) -> str:
    """Our remark on what is printed at a place (a likely misprint), marked as ours."""
    return f" [dim italic](onze noot: {escape(noot)})[/]" if noot else ""


def vermelding_als_dict(v: Vermelding) -> dict[str, Any]:
    return {"fase": v.fase, "doel": v.doel, "kop": v.kop, "bron": v.bron, "noot": v.noot}


def typische_duur(w: Werkvorm) -> int:
    """The minutes a work form takes when run as its steps describe (within its range)."""
    stappen = sum(s.minuten for s in w.uitwerking.stappen)
    return stappen or round((w.uitwerking.duur_min + w.uitwerking.duur_max) / 2)


def werkvorm_als_dict(kb: Kennisbank, w: Werkvorm) -> dict[str, Any]:
    u = w.uitwerking
    return {
        "id": w.id,
        "naam": w.naam,
        "soort": w.soort,
        "fasen": list(w.fasen),
        "doelen": list(w.doelen),
        "duur": typische_duur(w),
        "duur_min": u.duur_min,
        "duur_max": u.duur_max,
        "bron": w.bron,
        "beschrijving": w.beschrijving,
        "helpt_bij": list(w.helpt_bij),
        "vermeldingen": [vermelding_als_dict(v) for v in w.vermeldingen],
        "uitwerking": {
            "eigen_uitwerking": True,
            "toelichting": u.toelichting,
            "uitnodiging": u.uitnodiging,
            "materialen": list(u.materialen),
            "deelname": u.deelname,
            "groepsvorm": list(u.groepsvorm),
            "stappen": [{"tekst": s.tekst, "minuten": s.minuten} for s in u.stappen],
            "voorbereiding": list(u.voorbereiding),
        },
        "eigen": w.eigen,
    }


def fase_als_dict(kb: Kennisbank, fase: Fase) -> dict[str, Any]:
    return {
        "id": fase.id,
        "nummer": fase.nummer,
        "naam": fase.naam,
        "kernvragen": list(fase.kernvragen),
        "samenvatting": fase.samenvatting,
        "kartrekker": fase.kartrekker,
        "kartrekker_eigen_lezing": fase.kartrekker_eigen,
        "doelen": [
            {
                "id": d.id,
                "titel": d.titel,
                "beschrijving": d.beschrijving,
                "kernvragen": list(d.kernvragen),
                "signalen": [{"id": s.id, "tekst": s.tekst, "eigen_lezing": s.eigen_lezing} for s in d.signalen],
                "werkvormen": [w.id for w in kb.werkvormen.values() if d.id in w.doelen],
                "vermeldingen": [
                    {"werkvorm": w.id, **vermelding_als_dict(v)} for w, v in kb.vermeldingen_bij_doel(d.id)
                ],
            }
            for d in fase.doelen
        ],
    }


def bron_als_dict(b: Bron) -> dict[str, Any]:
    return {
        "id": b.id,
        "titel": b.titel,
        "soort": b.soort,
        "auteurs": b.auteurs,
        "jaar": b.jaar,
        "uitgever": b.uitgever,
        "adres": b.adres,
        "gegevens_aangevuld": b.gegevens_aangevuld,
        "beschrijving": b.beschrijving,
        "aanvulling": b.aanvulling,
        "onderdelen": [{"label": o.label, "tekst": o.tekst, "aangevuld": o.aangevuld} for o in b.onderdelen],
    }


def toon_fasen(kb: Kennisbank, json_uit: bool) -> None:
    if json_uit:
        print_json([fase_als_dict(kb, f) for f in kb.fasen])
        return
    tabel = Table(title="De vijf fasen van een Lerend Netwerk (Mertens, 2012)", box=box.SIMPLE_HEAVY, show_lines=True)
    tabel.add_column("Fase", style="bold", no_wrap=True)
    tabel.add_column("Kernvraag")
    tabel.add_column("Doelen")
    tabel.add_column("Werkvormen", justify="right")
    for fase in kb.fasen:
        tabel.add_row(
            f"{fase.nummer}. {fase.naam}",
            escape(fase.kernvragen[0]) if fase.kernvragen else f"[dim italic]({GEEN_KERNVRAAG})[/]",
            "\n".join(f"• {escape(d.titel)}" for d in fase.doelen),
            str(len(kb.werkvormen_in_fase(fase.id))),
        )
    uit = console()
    uit.print(tabel)
    uit.print("Meer over één fase: [bold]ln fasen ontwikkeling[/] (of een nummer, zoals [bold]ln fasen 2[/]).")


def _regel(tekst: str, inspringen: int = 0) -> None:
    """Print markup indented, so that wrapped lines stay under their first line."""
    from rich.padding import Padding

    console().print(Padding(tekst, (0, 0, 0, inspringen), expand=False))


def toon_fase(kb: Kennisbank, fase: Fase, json_uit: bool) -> None:
    if json_uit:
        print_json(fase_als_dict(kb, fase))
        return
    uit = console()
    uit.rule(f"[bold]Fase {fase.nummer}: {escape(fase.naam)}[/]")
    uit.print(escape(fase.samenvatting))
    if fase.kernvragen:
        uit.print("\n[bold]Kernvragen[/]")
        for vraag in fase.kernvragen:
            uit.print(f"  • {escape(vraag)}")
    uit.print("\n[bold]Wat doe jij als kartrekker?[/]")
    _regel(escape(fase.kartrekker), 2)
    _regel(f"{escape(fase.kartrekker_eigen)} {eigen_label('eigen lezing')}", 2)
    for doel in fase.doelen:
        uit.print(f"\n[bold underline]{escape(doel.titel)}[/]")
        _regel(escape(doel.beschrijving), 2)
        for vraag in doel.kernvragen:
            _regel(f"[italic]? {escape(vraag)}[/]", 2)
        uit.print("  [bold]Zo merk je dat dit doel bereikt is:[/]")
        for s in doel.signalen:
            merk = " " + eigen_label("eigen lezing") if s.eigen_lezing else ""
            _regel(f"• {escape(s.tekst)}{merk}", 4)
        bijbehorend = kb.vermeldingen_bij_doel(doel.id)
        if bijbehorend:
            uit.print("  [bold]Werkvormen[/] [dim](kop en bron zoals de Handreiking ze hier geeft)[/][bold]:[/]")
            for w, v in bijbehorend:
                bron = f" [dim]({escape(v.bron)})[/]" if v.bron else ""
                _regel(f"- {escape(v.kop)} [cyan]({w.id})[/]{bron}{noot_label(v.noot)}", 4)


def toon_werkvormen(kb: Kennisbank, lijst: list[Werkvorm], json_uit: bool, fase: str | None, zoek: str | None) -> None:
    if json_uit:
        print_json([werkvorm_als_dict(kb, w) for w in lijst])
        return
    uit = console()
    if not lijst:
        filter_tekst = " en ".join(t for t in (f"fase {fase}" if fase else "", f"'{zoek}'" if zoek else "") if t)
        uit.print(f"Geen werkvormen gevonden voor {escape(filter_tekst)}. Probeer het met minder woorden, of [bold]ln valkuil[/] voor een probleem.")
        return
    if not uit.is_terminal:
        _werkvormen_als_regels(lijst)
        return
    tabel = Table(box=box.SIMPLE_HEAVY, title=f"{len(lijst)} werkvorm" + ("" if len(lijst) == 1 else "en"), show_lines=False)
    tabel.add_column("Werkvorm (id)", ratio=3)
    tabel.add_column("Fasen", ratio=2)
    tabel.add_column("Duur*", no_wrap=True)
    tabel.add_column("Bron", ratio=3)
    for w in lijst:
        naam = escape(w.naam) + (" [dim](eigen)[/]" if w.eigen else "") + f"\n[cyan]{w.id}[/]"
        tabel.add_row(naam, ", ".join(w.fasen), minuten(w.duur), escape(w.bron or "—"))
    uit.print(tabel)
    uit.print("[dim]* indicatieve duur: eigen uitwerking, niet uit de Handreiking.[/]")
    uit.print("Eén werkvorm volledig: [bold]ln werkvorm ID[/], bijvoorbeeld [bold]ln werkvorm " + lijst[0].id + "[/].")


def _werkvormen_als_regels(lijst: list[Werkvorm]) -> None:
    """Piped output: one tab-separated line per work form, for grep, cut or a spreadsheet."""
    import sys

    regels = ["id\tnaam\tfasen\tduur (indicatief)\tbron"]
    for w in lijst:
        naam = w.naam + (" (eigen)" if w.eigen else "")
        regels.append("\t".join((w.id, naam, ",".join(w.fasen), minuten(w.duur), w.bron or "")))
    sys.stdout.write("\n".join(regels) + "\n")


def toon_werkvorm(kb: Kennisbank, w: Werkvorm, json_uit: bool) -> None:
    if json_uit:
        print_json(werkvorm_als_dict(kb, w))
        return
    uit = console()
    uit.rule(f"[bold]{escape(w.naam)}[/]  [cyan]{w.id}[/]")
    uit.print(f"[bold]Soort:[/] {w.soort}    [bold]Fase(n):[/] {', '.join(kb.fase(f).naam for f in w.fasen)}")
    uit.print(f"\n{escape(w.beschrijving)}")
    uit.print("\n[bold]Waar de Handreiking deze werkvorm noemt[/]" if not w.eigen else "\n[bold]Waar[/] [dim](uit je eigen bibliotheek)[/]")
    for v in w.vermeldingen:
        doel = kb.doelen[v.doel].titel if v.doel in kb.doelen else None
        waar = f"{kb.fase(v.fase).naam}" + (f" – {doel}" if doel else "")
        bron = escape(v.bron) if v.bron else "[dim]geen bron genoemd[/]"
        _regel(f"• {escape(waar)}: “{escape(v.kop)}” — {bron}{noot_label(v.noot)}", 2)
    if w.helpt_bij:
        uit.print(f"\n[bold]Helpt bij[/] {eigen_label()}")
        for probleem in w.helpt_bij:
            _regel(f"• {escape(probleem)}", 2)
    u = w.uitwerking
    uit.print(f"\n[bold]Zo voer je het uit[/] {eigen_label()}")
    if u.toelichting:
        _regel(escape(u.toelichting), 2)
    if u.uitnodiging:
        _regel(f"[bold]Uitnodiging:[/] {escape(u.uitnodiging)}", 2)
    if u.groepsvorm:
        uit.print(f"  [bold]Groepsvorm:[/] {', '.join(u.groepsvorm)}")
    if u.deelname:
        _regel(f"[bold]Deelname:[/] {escape(u.deelname)}", 2)
    if u.materialen:
        _regel(f"[bold]Materialen:[/] {escape(', '.join(u.materialen))}", 2)
    uit.print(f"  [bold]Duur:[/] {minuten(w.duur)}")
    for nummer, stap in enumerate(u.stappen, start=1):
        _regel(f"{nummer}. {escape(stap.tekst)} [dim]({stap.minuten} min)[/]", 3)
    if u.voorbereiding:
        uit.print("  [bold]Voorbereiding:[/]")
        for punt in u.voorbereiding:
            _regel(f"- {escape(punt)}", 3)


def toon_bronnen(kb: Kennisbank, json_uit: bool) -> None:
    steun = [k for k in kb.valkuilen.values() if k.voor == "kartrekker"]
    if json_uit:
        print_json(
            {
                "bronnen": [bron_als_dict(b) for b in kb.bronnen.values()],
                "steun_voor_kartrekkers": [
                    {"id": k.id, "titel": k.titel, "aanpak": k.aanpak, "bron": "; ".join(k.bron) or None} for k in steun
                ],
            }
        )
        return
    uit = console()
    uit.rule("[bold]Literatuur en bronnen[/]")
    uit.print(
        "[dim]Wat niet uit de Handreiking komt maar uit andere gegevens over de bron (auteurs, jaren, "
        "edities, speerpunten), staat erbij als aangevuld.[/]"
    )
    for b in kb.bronnen.values():
        kop = escape(b.titel)
        details = ", ".join(str(x) for x in (b.auteurs, b.jaar, b.uitgever) if x)
        if details and b.gegevens_aangevuld:
            details = f"{escape(details)} {eigen_label('aangevuld')}"
        else:
            details = escape(details)
        uit.print(f"\n[bold]{kop}[/]" + (f" — {details}" if details else ""))
        if b.adres:
            uit.print(f"  {escape(b.adres)}")
        _regel(escape(b.beschrijving), 2)
        for o in b.onderdelen:
            if not o.aangevuld:
                _regel(f"• [bold]{escape(o.label)}[/]: {escape(o.tekst)}", 3)
        aangevuld = [o for o in b.onderdelen if o.aangevuld]
        if b.aanvulling or aangevuld:
            uit.print("  [bold]Aangevuld[/] [dim italic](niet uit de Handreiking)[/]")
            if b.aanvulling:
                _regel(escape(b.aanvulling), 3)
            for o in aangevuld:
                _regel(f"• [bold]{escape(o.label)}[/]: {escape(o.tekst)}", 3)
    if steun:
        uit.rule("[bold]Steun voor jezelf als kartrekker[/]")
        for k in steun:
            uit.print(f"\n[bold]{escape(k.titel)}[/]")
            _regel(escape(k.aanpak), 2)
