"""The knowledge base is the whole Handreiking, faithfully, and checked on load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS, laad_kennisbank

HANDREIKING = (Path(__file__).parent / "data" / "handreiking.txt").read_text(encoding="utf-8")


def _plat(tekst: str) -> str:
    """Whitespace and PDF bullets folded, so a heading split over lines still matches."""
    tekst = re.sub(r"[\ufffd\uf0b7\u2022]", " ", tekst)
    return re.sub(r"\s+", " ", tekst).strip().lower()


HANDREIKING_PLAT = _plat(HANDREIKING)
CATALOGUS = (Path(__file__).parents[1] / "docs" / "kennisbank.md").read_text(encoding="utf-8")


def _catalogus_ids(kop: str) -> list[str]:
    deel = CATALOGUS.split(kop, 1)[1].split("\n\n", 2)[1]
    return re.findall(r"^\| `([a-z0-9-]+)` \|", deel, flags=re.M)


def test_vijf_fasen_in_volgorde(kennisbank) -> None:
    assert [f.id for f in kennisbank.fasen] == list(FASE_IDS)
    assert [f.naam for f in kennisbank.fasen] == ["Verkenning", "Ontwikkeling", "Verdieping", "Inbedding", "Verankering"]


def test_doelen_dragen_de_koppen_van_de_handreiking(kennisbank) -> None:
    koppen = {d.id: d.titel for d in kennisbank.doelen.values()}
    assert koppen["give-and-take"] == "Give and take"
    assert koppen["borging"] == "Borging en voortgang"
    assert koppen["transfer"] == "Transfer"
    assert koppen["evalueren"] == "Evalueren en zichtbaar maken"
    assert koppen["kennisoverdracht"] == "Kennisoverdracht"
    assert koppen["veilige-sfeer"].startswith("Een veilige sfeer creëren met vrijheid van spreken")
    for doel in kennisbank.doelen.values():
        assert _plat(doel.titel).rstrip(".") in HANDREIKING_PLAT, doel.titel


def test_kernvragen_staan_letterlijk_in_de_handreiking(kennisbank) -> None:
    for fase in kennisbank.fasen:
        for vraag in fase.kernvragen + tuple(v for d in fase.doelen for v in d.kernvragen):
            assert _plat(vraag).rstrip("?") in HANDREIKING_PLAT, (fase.id, vraag)


def test_vier_randvoorwaarden_met_vaste_ids(kennisbank) -> None:
    rv = {r.id: r for r in kennisbank.randvoorwaarden}
    assert set(rv) == {"commitment", "motivatie", "tijd", "budget"}
    assert rv["commitment"].naam == "Commitment van management en directie"
    assert rv["budget"].naam == "Facilitering in budget en Expert"
    assert rv["commitment"].bron == ("Toolkit Netwerkleren: informatiekaart Rood",)
    assert not rv["commitment"].aanpak_eigen
    assert all(rv[i].aanpak_eigen for i in ("motivatie", "tijd", "budget"))  # the Handreiking gives no approach


def test_een_valkuil_zonder_aanpak_in_de_handreiking_krijgt_er_geen(kennisbank) -> None:
    """The Handreiking only warns against leaning on an expert; the entry says no more, and says so."""
    aanpak = kennisbank.valkuilen["expert-afhankelijkheid"].aanpak
    assert "cursus of college" in aanpak and "een aanpak geeft zij niet" in aanpak
    assert "collega-organisaties" not in aanpak


def test_elke_werkvorm_uit_de_catalogus_is_er(kennisbank) -> None:
    ids = _catalogus_ids("Work forms (`data/werkvormen.yaml`)")
    assert len(ids) >= 35
    assert list(kennisbank.werkvormen) == ids


def test_elke_valkuil_uit_de_catalogus_is_er(kennisbank) -> None:
    ids = _catalogus_ids("Pitfalls and tips (`data/valkuilen.yaml`)")
    assert len(ids) >= 15
    assert list(kennisbank.valkuilen) == ids


def test_koppen_en_titels_staan_letterlijk_in_de_handreiking(kennisbank) -> None:
    for w in kennisbank.werkvormen.values():
        for v in w.vermeldingen:
            assert _plat(v.kop).rstrip(".?") in HANDREIKING_PLAT, (w.id, v.kop)
    for k in kennisbank.valkuilen.values():
        titel = _plat(k.titel).replace("expert", "expertrt") if k.id == "expert-afhankelijkheid" else _plat(k.titel)
        assert titel.rstrip(".?") in HANDREIKING_PLAT, (k.id, k.titel)


# --- our own words: no run of eight words copied from the Handreiking -----------------------

DATA = Path(__file__).parents[1] / "data"
ACHT = 8
# exact by design: titles, headings, the Handreiking's questions, references, names
LETTERLIJK = {"titel", "naam", "kop", "kernvragen", "label", "bron", "citeernamen", "adres", "auteurs"}


def _woorden(tekst: str) -> list[str]:
    """Lowercase words without punctuation (curly and straight apostrophes alike)."""
    return re.findall(r"[^\W_]+", tekst.lower().replace("’", "'").replace("‘", "'"))


def _reeksen(woorden: list[str], n: int = ACHT) -> set[tuple[str, ...]]:
    return {tuple(woorden[i : i + n]) for i in range(len(woorden) - n + 1)}


HANDREIKING_REEKSEN = _reeksen(_woorden(HANDREIKING))


def _teksten(knoop, waar: str, sleutel: str | None = None):
    """Every text in a data file that is meant to be in our own words, with where it is."""
    if isinstance(knoop, dict):
        waar = f"{waar}/{knoop['id']}" if isinstance(knoop.get("id"), str) else waar
        for k, v in knoop.items():
            if k not in LETTERLIJK:
                yield from _teksten(v, waar, k)
    elif isinstance(knoop, list):
        for v in knoop:
            yield from _teksten(v, waar, sleutel)
    elif isinstance(knoop, str) and sleutel is not None:
        yield f"{waar}:{sleutel}", knoop


def _gekopieerd(tekst: str) -> list[str]:
    """The runs of eight or more words this text shares with the Handreiking."""
    woorden = _woorden(tekst)
    treffers = [i for i in range(len(woorden) - ACHT + 1) if tuple(woorden[i : i + ACHT]) in HANDREIKING_REEKSEN]
    runs: list[list[int]] = []
    for i in treffers:
        if runs and i <= runs[-1][1] - ACHT + 1:
            runs[-1][1] = i + ACHT
        else:
            runs.append([i, i + ACHT])
    return [" ".join(woorden[a:b]) for a, b in runs]


def test_de_controle_op_kopieren_werkt() -> None:
    assert _gekopieerd("Sommige deelnemers kijken eerst de kat uit de boom, en worden pas later actief.")
    assert _gekopieerd("Ook: met wie vorm jij een Lerend Netwerk, met wie deel jij je kennis?")
    assert not _gekopieerd("Het komt voor dat deelnemers eerst de kat uit de boom kijken en pas later meedoen.")


@pytest.mark.parametrize("bestand", sorted(p.name for p in DATA.glob("*.yaml")))
def test_beschrijvingen_zijn_eigen_woorden(bestand: str) -> None:
    """No description, approach, meaning, summary, kartrekker text, signal, step or search phrasing
    shares a run of eight words with the Handreiking; titles, headings and references are exempt."""
    import yaml

    data = yaml.safe_load((DATA / bestand).read_text(encoding="utf-8"))
    kopieen = [(waar, run) for waar, tekst in _teksten(data, bestand) for run in _gekopieerd(tekst)]
    assert not kopieen, "\n".join(f"{waar}: '{run}'" for waar, run in kopieen)


def _bronnen(kennisbank) -> list[tuple[str, str]]:
    uit = [(w.id, v.bron) for w in kennisbank.werkvormen.values() for v in w.vermeldingen if v.bron]
    uit += [(k.id, b) for k in kennisbank.valkuilen.values() for b in k.bron]
    uit += [(r.id, b) for r in kennisbank.randvoorwaarden for b in r.bron]
    return uit


def test_elke_verwijzing_staat_letterlijk_in_de_handreiking(kennisbank) -> None:
    for eigenaar, bron in _bronnen(kennisbank):
        for deel in bron.split("; "):
            assert _plat(deel) in HANDREIKING_PLAT, (eigenaar, deel)


def test_geen_verzonnen_paginanummers(kennisbank) -> None:
    in_handreiking = set(re.findall(r"\d+", " ".join(re.findall(r"p\.\s*[\d ,en.v]+", HANDREIKING))))
    for eigenaar, bron in _bronnen(kennisbank):
        for pagina in re.findall(r"\d+", bron):
            assert pagina in in_handreiking or f"hoofdstuk {pagina}" in bron, (eigenaar, bron)


def test_kaartkleuren_zoals_de_handreiking_ze_geeft(kennisbank) -> None:
    bronnen = {w.id: w.bron for w in kennisbank.werkvormen.values()}
    assert "werkvormkaart Geel" in bronnen["ideeenmuur"]
    assert "werkvormkaart Geel" in bronnen["leerestafette"]
    assert "werkvormkaart Geel" in bronnen["verbeelding"]
    assert "instrumentkaart Oranje" in bronnen["quiz-netwerkleerder"]
    assert "instrumentenkaart Oranje" in bronnen["netwerkbarometer"]


def test_bekende_paginas(kennisbank) -> None:
    bronnen = {w.id: w.bron for w in kennisbank.werkvormen.values()}
    assert bronnen["kennismakingsoefening"] == "LN in perspectief, p. 51, op een meer verdiepende manier: p. 82"
    assert bronnen["contract"] == "Permanent leren als team, p. 151 en 202"
    assert bronnen["talking-stick"] == "LN in perspectief, p. 101"
    assert bronnen["worldcafe"] == "LN in perspectief, p. 64"
    assert bronnen["op-bezoek"] is None  # the Handreiking gives no reference: none invented


def test_werkvormen_van_meerdere_plekken(kennisbank) -> None:
    leerdagboek = kennisbank.werkvorm("leerdagboek")
    assert leerdagboek.fasen == ("ontwikkeling", "inbedding")
    maatjes = kennisbank.werkvorm("maatjesleren")
    assert maatjes.fasen == ("ontwikkeling", "verdieping")
    assert "p. 142" in maatjes.bron and "p. 151 en 202" in maatjes.bron


def test_elke_werkvorm_is_volledig_uitgewerkt(kennisbank) -> None:
    for w in kennisbank.werkvormen.values():
        u = w.uitwerking
        assert u.stappen and u.uitnodiging and u.groepsvorm and u.deelname, w.id
        assert u.duur_min <= sum(s.minuten for s in u.stappen) <= u.duur_max, w.id
        assert w.helpt_bij, w.id


def test_materialen_zijn_losse_dingen(kennisbank) -> None:
    """One thing per item ('flip-over', 'stiften'), so an agenda's list never names 'stiften' twice."""
    alle = {m for w in kennisbank.werkvormen.values() for m in w.uitwerking.materialen}
    for m in alle:
        delen = [d.strip() for d in re.split(r",| en ", m)]
        assert len(delen) == 1 or not any(d in alle for d in delen), m


def test_elk_doel_heeft_werkvormen_en_signalen(kennisbank) -> None:
    for doel in kennisbank.doelen.values():
        assert doel.signalen, doel.id
        if doel.id == "give-and-take":
            continue  # the Handreiking gives only a tip here ("Take.... and give"), no work form
        assert any(doel.id in w.doelen for w in kennisbank.werkvormen.values()), doel.id


def test_ontwikkeling_is_aan_de_staat_te_toetsen(kennisbank) -> None:
    velden = {s.veld for d in kennisbank.fase("ontwikkeling").doelen for s in d.signalen}
    assert {"thema.speerpunt", "thema.gezamenlijk_leerdoel", "deelnemers.leerdoel", "afspraken.contract"} <= velden


def test_bronnen_met_wat_we_weten(kennisbank) -> None:
    mertens = kennisbank.bronnen["mertens-2012"]
    assert mertens.jaar == 2012 and "Vragen om meer" in mertens.titel
    ukk = kennisbank.bronnen["ukk"]
    labels = " ".join(o.label for o in ukk.onderdelen)
    for hoofdstuk in ("1", "2", "3", "4"):
        assert f"oofdstuk {hoofdstuk}" in labels
    assert "Toolkit Netwerkleren" in kennisbank.bronnen["toolkit-netwerkleren"].titel
    # shared/BRONNEN.md names Bureau MUTANT as the maker of the method, not as a publisher
    plat = kennisbank.bronnen["permanent-leren-als-team"]
    assert plat.uitgever is None and "Bureau MUTANT" in plat.aanvulling and "MUTANT" not in plat.beschrijving


# --- a user's own library -----------------------------------------------------

EIGEN = """\
werkvormen:
  - id: talking-stick
    naam: Praatstok (onze versie)
    soort: werkvorm
    beschrijving: Onze eigen variant met een knuffel in plaats van een stok.
    vermeldingen:
      - fase: verdieping
    uitwerking:
      duur: 15
  - id: wandeling
    naam: Wandelend leren
    soort: werkvorm
    beschrijving: In tweetallen een rondje om de school lopen en een vraag bespreken.
    vermeldingen:
      - fase: verdieping
        bron: Eigen ervaring
    uitwerking:
      duur: [15, 25]
valkuilen:
  - id: koffie-op
    titel: De koffie is op
    soort: tip
    fasen: [verkenning]
    zo_merk_je_het: [er is geen koffie]
    aanpak: Neem zelf een thermoskan mee.
    werkvormen: [wandeling]
"""


def test_eigen_bibliotheek_vult_aan_en_vervangt(tmp_path: Path) -> None:
    (tmp_path / "mijn.yaml").write_text(EIGEN, encoding="utf-8")
    kb = laad_kennisbank(tmp_path)
    assert kb.werkvorm("talking-stick").naam == "Praatstok (onze versie)"
    assert kb.werkvorm("talking-stick").eigen
    assert kb.werkvorm("wandeling").fasen == ("verdieping",)
    assert kb.valkuil("koffie-op").werkvormen == ("wandeling",)
    assert len(kb.werkvormen) == len(laad_kennisbank().werkvormen) + 1


@pytest.mark.parametrize(
    ("vervang", "door", "regel", "stukje"),
    [
        ("    naam: Wandelend leren\n", "", 10, "'naam': dit veld ontbreekt"),
        ("      duur: [15, 25]", "      duur: lang", 18, "schrijf de duur in minuten"),
        ("      - fase: verdieping\n        bron", "      - fase: zomer\n        bron", 15, "'zomer' kan hier niet"),
        ("    werkvormen: [wandeling]", "    werkvormen: [wandelen]", 20, "onbekende werkvorm 'wandelen'"),
        ("    beschrijving: In tweetallen", "    beschrijvng: In tweetallen", 13, "Bedoelde je: beschrijving"),
        ("  - id: wandeling", "  - id: Wandeling 2", 10, "geen goed id"),
    ],
)
def test_fout_in_eigen_bibliotheek_noemt_bestand_regel_en_veld(tmp_path: Path, vervang, door, regel, stukje) -> None:
    assert vervang in EIGEN
    (tmp_path / "mijn.yaml").write_text(EIGEN.replace(vervang, door), encoding="utf-8")
    with pytest.raises(LnFout) as fout:
        laad_kennisbank(tmp_path)
    assert fout.value.bestand == str(tmp_path / "mijn.yaml")
    assert fout.value.regel == regel
    assert stukje in fout.value.bericht
    assert fout.value.advies


def test_ontbrekende_bibliotheek(tmp_path: Path) -> None:
    with pytest.raises(LnFout, match="bestaat niet"):
        laad_kennisbank(tmp_path / "nergens")


def test_hetzelfde_id_in_twee_eigen_bestanden_is_een_fout(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(EIGEN, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(EIGEN.split("valkuilen:")[0], encoding="utf-8")
    with pytest.raises(LnFout) as fout:
        laad_kennisbank(tmp_path)
    assert fout.value.bestand == str(tmp_path / "b.yaml")
    assert f"staat ook al in {tmp_path / 'a.yaml'}, regel 2" in fout.value.bericht


def test_een_onmogelijk_lange_werkvorm_wordt_geweigerd(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(EIGEN.replace("duur: [15, 25]", "duur: 99999999999999999999"), encoding="utf-8")
    with pytest.raises(LnFout, match="hoogstens 240 minuten"):
        laad_kennisbank(tmp_path)
