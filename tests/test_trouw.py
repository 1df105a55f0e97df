"""Faithful in every view: what the commands show at a place is what the Handreiking prints there,
and what is ours is marked as ours (issue 13). Each test compares the output with the Handreiking's text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

HANDREIKING = (Path(__file__).parent / "data" / "handreiking.txt").read_text(encoding="utf-8")


def _plat(tekst: str) -> str:
    tekst = re.sub(r"[\ufffd\uf0b7\u2022]", " ", tekst)
    return re.sub(r"\s+", " ", tekst).strip().lower()


PLAT = _plat(HANDREIKING)
EIGEN = "niet uit de Handreiking"


def _plek_in_handreiking(doel_titel: str, kop: str) -> int:
    """Where a heading is printed under an aim: its first occurrence after the aim's heading."""
    begin = PLAT.index(_plat(doel_titel).rstrip("."))
    plek = PLAT.find(_plat(kop).rstrip(".?"), begin)
    assert plek != -1, (doel_titel, kop)
    return plek


def _werkvorm_regels(uit: str, doel_titel: str) -> list[str]:
    """The work-form lines under one aim in `ln fasen N`, each joined onto one line."""
    deel = uit.split("\n" + doel_titel + "\n", 1)[1] if ("\n" + doel_titel + "\n") in uit else uit.split(doel_titel, 1)[1]
    deel = deel.split("Werkvormen (kop en bron", 1)[1].split("\n\n", 1)[0]
    regels: list[str] = []
    for regel in deel.splitlines()[1:]:
        if regel.startswith("    - "):
            regels.append(regel[6:].rstrip())
        elif regels:
            regels[-1] += " " + regel.strip()
    return regels


def test_elke_fase_toont_per_doel_de_kop_en_bron_van_die_plek(ln, kennisbank) -> None:
    """Under each aim: the heading and reference printed at that place, in the printed order,
    and never a reference printed elsewhere."""
    for fase in kennisbank.fasen:
        uit = ln("fasen", fase.id).out
        for doel in fase.doelen:
            paren = kennisbank.vermeldingen_bij_doel(doel.id)
            if not paren:
                continue
            regels = _werkvorm_regels(uit, doel.titel)
            assert len(regels) == len(paren), (doel.id, regels)
            plekken = [_plek_in_handreiking(doel.titel, v.kop) for _, v in paren]
            assert plekken == sorted(plekken), (doel.id, [v.kop for _, v in paren])  # printed order
            for (w, v), regel, plek in zip(paren, regels, plekken):
                assert regel.startswith(f"{v.kop} ({w.id})"), (regel, v.kop)
                if v.bron:
                    assert f"({v.bron})" in regel, (regel, v.bron)
                    # the reference is the one printed right after this heading, before the next one
                    volgende = min((p for p in plekken if p > plek), default=len(PLAT))
                    for deel in v.bron.split("; "):
                        na_kop = plek + len(_plat(v.kop))
                        assert na_kop <= PLAT.find(_plat(deel), na_kop) < volgende + 200, (w.id, deel)
                for ander in w.bronnen:
                    if ander != v.bron:
                        assert ander not in regel.replace(v.bron or "\0", ""), (regel, ander)


def test_verankering_persoonlijke_uitdaging_alleen_wat_daar_staat(ln) -> None:
    uit = ln("fasen", "5").out
    regel = next(r for r in _werkvorm_regels(uit, "Borging en voortgang") if "persoonlijke-uitdaging" in r)
    assert "(Permanent leren als team, p. 102 en 193)" in regel
    assert "p. 133;" not in regel and "(Permanent leren als team, p. 133)" not in regel
    assert "onze noot: zo gedrukt; elders p. 133" in regel
    # the Handreiking: p. 133 in Ontwikkeling and at Stokpaardjes, p. 102 en 193 under Verankering
    assert "persoonlijke uitdaging worden de eigen leervragen en eigen leeropbrengsten helder. permanent leren als team, p. 102 en 193" in PLAT
    assert PLAT.count("(permanent leren als team, p. 133)") == 1


def test_verdieping_maatjesleren_versterken_met_p_142(ln) -> None:
    uit = ln("fasen", "verdieping").out
    regels = _werkvorm_regels(uit, "Hoe kunnen we onze samenwerking versterken?")
    assert regels[0].startswith("Worldcafé") and regels[1].startswith("Maatjesleren versterken (maatjesleren)")
    assert regels[1].endswith("(Permanent leren als team, p. 142)")
    assert "151" not in regels[1]


def test_leerdagboek_per_plek(ln) -> None:
    ontwikkeling = ln("fasen", "2").out
    houding = _werkvorm_regels(ontwikkeling, "Lerende en onderzoekende houding ontwikkelen; stimuleren van een reflectieve, onderzoekende cultuur en van out of the box denken.")
    samen = _werkvorm_regels(ontwikkeling, "Gezamenlijk leren bevorderen")
    assert "Leerdagboek bijhouden (leerdagboek) (Permanent leren als team, p. 102 en 193)" in houding
    assert "Benut een leerdagboek (leerdagboek) (Permanent leren als team, p. 102, e.v.)" in samen
    inbedding = _werkvorm_regels(ln("fasen", "4").out, "Evalueren en zichtbaar maken")
    assert inbedding[0] == "Een leerdagboek bijhouden (leerdagboek) (Permanent leren als team, p. 102 en 193)"


@pytest.mark.parametrize(
    ("werkvorm", "fase", "noot", "gedrukt"),
    [
        ("persoonlijke-uitdaging", "verankering", "zo gedrukt; elders p. 133",
         "het instrument persoonlijke uitdaging de opbrengsten"),
        ("contract", "ontwikkeling", "zo gedrukt; dezelfde pagina's staan bij Maatjes leren",
         "welke regels vinden we belangrijk? permanent leren als team, p. 151 en 202"),
        ("kritische-reflectie", "verankering", "ontbreekt de naam van het instrument",
         "kan via het instrument permanent leren als team, p. 191"),
    ],
)
def test_waarschijnlijke_drukfouten_krijgen_een_noot(ln, kennisbank, werkvorm, fase, noot, gedrukt) -> None:
    assert gedrukt in PLAT  # printed like this
    v = next(v for v in kennisbank.werkvorm(werkvorm).vermeldingen if v.fase == fase)
    assert v.bron and _plat(v.bron) in PLAT  # the reference stays as printed
    assert noot in (v.noot or "")
    assert f"onze noot: {v.noot}" in " ".join(ln("werkvorm", werkvorm).out.split())
    assert f"onze noot: {v.noot}" in " ".join(ln("fasen", fase).out.split())
    vermelding = json.loads(ln("werkvorm", werkvorm, "--json").out)["vermeldingen"]
    assert {"fase": fase, "noot": v.noot}.items() <= next(x for x in vermelding if x["fase"] == fase).items()


def test_de_context_oefening_heet_zoals_gedrukt(ln, kennisbank) -> None:
    w = kennisbank.werkvorm("context-in-beeld")
    assert "oefening ‘de context van de school of kindercentrum’" in PLAT
    # the heading, then the exercise's printed name, both as printed
    assert w.naam == f"{w.vermeldingen[0].kop} – Oefening ‘De context van de school of kindercentrum’"
    assert w.vermeldingen[0].kop == "Breng de groep ouders en kinderen in de wijk in beeld"
    uit = ln("werkvorm", "context-in-beeld").out
    assert "Oefening ‘De context van de school of kindercentrum’" in " ".join(uit.split())
    assert "“Breng de groep ouders en kinderen in de wijk in beeld” — Permanent leren als team p. 118 en 124" in uit


def test_de_drie_valkuilen_bij_inbedding_krijgen_een_noot(ln, kennisbank) -> None:
    # printed after the Inbedding work forms, before the heading "Fase 4": maybe still Verdieping's
    assert PLAT.index("de netwerkbarometer") < PLAT.index("onvoldoende netwerkhouding") < PLAT.index("fase 4 inbedding")
    for vid in ("netwerkhouding", "rode-draad", "expert-afhankelijkheid"):
        noot = kennisbank.valkuil(vid).noot
        assert noot and "Verdieping" in noot, vid
    uit = " ".join(ln("valkuil", "de rode draad is onduidelijk").out.split())
    assert "onze noot: De Handreiking drukt deze valkuil" in uit


def test_verkenning_heeft_geen_kernvraag(ln, kennisbank) -> None:
    """The Handreiking gives phase 1 no key question; the table must not show our sentence as one."""
    fase = kennisbank.fase("verkenning")
    assert fase.kernvragen == ()
    uit = ln("fasen").out
    rij = uit.split("1. Verkenning", 1)[1].split("2. Ontwikkeling", 1)[0]
    assert "geen kernvraag in de Handreiking" in " ".join(rij.split())
    assert "onderzoekt" not in rij
    for andere in kennisbank.fasen[1:]:
        assert _plat(andere.kernvragen[0]).rstrip("?") in PLAT  # the others are printed questions


def test_de_rol_van_de_kartrekker_scheidt_handreiking_en_eigen_lezing(ln, kennisbank) -> None:
    # what the Handreiking says about the role: process facilitator, needed most in phases 1 and 2
    assert "de kartrekker is de procesbegeleider van een lerend netwerk, hij/zij is met name nodig in de fasen verkenning en ontwikkeling" in PLAT
    for fase in kennisbank.fasen:
        assert fase.kartrekker and fase.kartrekker_eigen
        if fase.nummer >= 3:
            assert "niets apart" in fase.kartrekker
        uit = " ".join(ln("fasen", fase.id).out.split())
        deel = uit.split("Wat doe jij als kartrekker?", 1)[1]
        assert deel.index(" ".join(fase.kartrekker.split())) < deel.index(f"{' '.join(fase.kartrekker_eigen.split())} (eigen lezing, {EIGEN})")
    json_fase = json.loads(ln("fasen", "3", "--json").out)
    assert json_fase["kartrekker_eigen_lezing"] == kennisbank.fase("verdieping").kartrekker_eigen


def test_bronnen_markeren_wat_is_aangevuld(ln, kennisbank) -> None:
    uit = ln("bronnen").out
    plat = " ".join(uit.split())
    # UKK: the authors and year are not in the Handreiking, so they are marked as added
    assert "van keulen" not in PLAT and "2015" not in PLAT
    assert f"Van Keulen, A., Leseman, P., Wanningen, K. & Kool, C., 2015, Gemeente Utrecht (aangevuld, {EIGEN})" in plat
    # Mertens: the Handreiking itself gives author, year and publisher
    assert "mertens, n. (2012) vragen om meer. aps" in PLAT
    assert "Vragen om meer — Mertens, N., 2012, APS\n" in uit
    ukk = uit.split("Utrechts kwaliteitskader", 1)[1].split("\nVragen om meer", 1)[0]
    eigen_deel = ukk.split(f"Aangevuld ({EIGEN})", 1)
    assert len(eigen_deel) == 2, ukk
    # the Handreiking names no speerpunten and no thirteen; they sit in the added part only
    assert "speerpunt 1" not in PLAT and "13 speerpunten" not in PLAT and "warme relaties" not in PLAT
    assert "Speerpunt 1" not in eigen_deel[0] and "Speerpunt 1: Warme relaties" in eigen_deel[1]
    assert "13 speerpunten" not in " ".join(eigen_deel[0].split()) and "13 speerpunten" in " ".join(eigen_deel[1].split())
    # which edition a chapter number belongs to
    assert "Welke editie ze bedoelt, zegt ze niet" in " ".join(eigen_deel[0].split())
    assert "Editie 2017, hoofdstuk 1" in eigen_deel[1]
    for hoofdstuk in ("1", "2", "3", "4"):
        assert f"hoofdstuk {hoofdstuk} ukk" in PLAT or f"hoofdstuk {hoofdstuk} van het utrechts" in PLAT
        assert f"Hoofdstuk {hoofdstuk}:" in eigen_deel[0]
    # Bureau MUTANT and the book are ours, marked
    plat_team = uit.split("Permanent leren als team", 1)[1].split("Toolkit Netwerkleren", 1)[0]
    assert "MUTANT" not in plat_team.split("Aangevuld", 1)[0] and "MUTANT" in plat_team.split("Aangevuld", 1)[1]
    data = json.loads(ln("bronnen", "--json").out)["bronnen"]
    ukk_json = next(b for b in data if b["id"] == "ukk")
    assert ukk_json["gegevens_aangevuld"] and "2017" in ukk_json["aanvulling"]
    assert all(o["aangevuld"] for o in ukk_json["onderdelen"] if o["label"].startswith("Speerpunt"))


def test_niet_aangevulde_gegevens_staan_in_de_handreiking(kennisbank) -> None:
    for b in kennisbank.bronnen.values():
        if not b.gegevens_aangevuld:
            for gegeven in (b.auteurs, b.jaar, b.uitgever):
                if gegeven is not None:
                    assert _plat(str(gegeven)) in PLAT, (b.id, gegeven)


# (work form, a phrase that is ours, moved out of the description into the marked own elaboration)
VERPLAATST = [
    ("leerwensen-onderzoeken", "stel je het thema of de aanpak bij"),
    ("leerestafette", "stokje door"),
    ("levend-domino", "dominostenen"),
    ("leerstijl", "door te doen, te kijken"),
    ("verhalen-en-metaforen", "onze peutergroep is als"),
    ("kennismakingsoefening", "kijk op jonge kinderen"),
    ("externe-kennis", "geen cursus wordt"),
    ("duurzaamheid", "enthousiaste kartrekker"),
    ("waarde-erkennen", "het bestuur"),
    ("platform-deelnemers", "verzoek aan de leidinggevende"),
    ("afstemmen-management", "bereid je die gesprekken samen voor"),
    ("maatjesleren", "andere organisatie"),
    ("contract", "kort op papier"),
    ("persoonlijke-uitdaging", "een eerste stap"),
    ("context-in-beeld", "gezinssituaties"),
]


@pytest.mark.parametrize(("werkvorm", "zin"), VERPLAATST, ids=[w for w, _ in VERPLAATST])
def test_wat_we_toevoegen_staat_in_de_eigen_uitwerking(ln, kennisbank, werkvorm, zin) -> None:
    assert _plat(zin) not in PLAT  # the Handreiking does not say it: it is ours
    w = kennisbank.werkvorm(werkvorm)
    assert zin not in w.beschrijving and zin in (w.uitwerking.toelichting or "")
    uit = " ".join(ln("werkvorm", werkvorm).out.split())
    eigen_deel = uit.split(f"Zo voer je het uit (eigen uitwerking, {EIGEN})", 1)
    assert len(eigen_deel) == 2 and zin in eigen_deel[1] and zin not in eigen_deel[0]


def test_leerwensen_beschrijving_stelt_de_vraag_niet_als_feit(kennisbank) -> None:
    """The Handreiking asks whether the topic is perhaps not engaging enough, or too broad."""
    assert "misschien is het onderwerp niet boeiend genoeg of te breed?" in PLAT
    tekst = kennisbank.werkvorm("leerwensen-onderzoeken").beschrijving
    assert "misschien" in tekst and "te breed" in tekst
    assert "Vaak" not in tekst and "dagelijkse werk" not in tekst
