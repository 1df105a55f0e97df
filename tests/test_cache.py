"""The cache only ever saves time: same answers warm or cold, and a change is never missed."""

from __future__ import annotations

import os
from pathlib import Path

from lerend_netwerk import cache
from lerend_netwerk.kennisbank import laad_kennisbank

EIGEN = """\
werkvormen:
  - id: wandeling
    naam: {naam}
    soort: werkvorm
    beschrijving: Samen lopen en praten.
    vermeldingen:
      - fase: verdieping
    uitwerking:
      duur: 20
"""


def test_warm_geeft_hetzelfde_als_koud(tmp_path: Path) -> None:
    koud = laad_kennisbank()
    assert list(Path(tmp_path / ".cache").glob("kennisbank-*.pickle"))
    warm = laad_kennisbank()
    assert list(warm.werkvormen) == list(koud.werkvormen)
    assert warm.werkvormen["talking-stick"] == koud.werkvormen["talking-stick"]
    assert warm.sleutel == koud.sleutel


def test_een_gewijzigde_bibliotheek_wordt_opnieuw_gelezen(tmp_path: Path) -> None:
    bieb = tmp_path / "bieb"
    bieb.mkdir()
    (bieb / "eigen.yaml").write_text(EIGEN.format(naam="Wandelen"), encoding="utf-8")
    assert laad_kennisbank(bieb).werkvorm("wandeling").naam == "Wandelen"
    (bieb / "eigen.yaml").write_text(EIGEN.format(naam="Wandelend leren"), encoding="utf-8")
    assert laad_kennisbank(bieb).werkvorm("wandeling").naam == "Wandelend leren"


def test_kapotte_of_uitgezette_cache_kost_alleen_tijd(tmp_path: Path, monkeypatch) -> None:
    laad_kennisbank()
    for bestand in Path(tmp_path / ".cache").glob("*.pickle"):
        bestand.write_bytes(b"geen pickle")
    assert "talking-stick" in laad_kennisbank().werkvormen
    monkeypatch.setenv("LN_CACHE", "uit")
    assert cache.lees("kennisbank-x", "sleutel") is None
    assert "talking-stick" in laad_kennisbank().werkvormen


def test_andere_sleutel_is_een_misser(tmp_path: Path) -> None:
    cache.schrijf("proef", "sleutel-1", {"a": 1})
    assert cache.lees("proef", "sleutel-1") == {"a": 1}
    assert cache.lees("proef", "sleutel-2") is None


def test_elke_module_van_het_pakket_telt_mee_in_de_sleutel(tmp_path: Path) -> None:
    pakket = tmp_path / "pakket"
    (pakket / "sub" / "__pycache__").mkdir(parents=True)
    (pakket / "a.py").write_text("A = 1\n", encoding="utf-8")
    (pakket / "sub" / "b.py").write_text("B = 1\n", encoding="utf-8")
    (pakket / "sub" / "__pycache__" / "b.cpython-311.pyc").write_bytes(b"\0")
    (pakket / "notities.txt").write_text("geen code\n", encoding="utf-8")
    voor = cache._modules(str(pakket))
    assert [regel.split(":")[0] for regel in voor] == [os.path.join(".", "a.py"), os.path.join("sub", "b.py")]
    assert cache._modules(str(pakket)) == voor
    (pakket / "sub" / "b.py").write_text("B = 22\n", encoding="utf-8")
    assert cache._modules(str(pakket)) != voor
