"""Loading the knowledge base: read, validate, cross-check, cache.

The content lives in `data/*.yaml` (see docs/kennisbank.md for the format).
A user's own library (`--bibliotheek DIR` or `LN_BIBLIOTHEEK`) is loaded on
top: an entry with an existing id replaces the bundled one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lerend_netwerk.context import BIBLIOTHEEK_OMGEVING
from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank.model import (
    BEWIJS_VELDEN,
    FASE_IDS,
    GROEPSVORMEN,
    VALKUIL_SOORTEN,
    VOORRANG_WANNEER,
    WERKVORM_SOORTEN,
    Bron,
    Doel,
    Fase,
    InGebruik,
    Kennisbank,
    Onderdeel,
    Planregels,
    Randvoorwaarde,
    Rol,
    Signaal,
    Stap,
    Uitwerking,
    Valkuil,
    Vereiste,
    Vermelding,
    Voorrang,
    Werkvorm,
)
from lerend_netwerk.tekst import suggestie

if TYPE_CHECKING:
    from lerend_netwerk.velden import Velden

_ADVIES_DATA = "dit is een fout in de meegeleverde kennisbank; meld het aan de makers van lerend-netwerk."
_ADVIES_EIGEN = "verbeter dit bestand in je eigen bibliotheek (zie de README, 'Eigen werkvormen')."



_DATA_BESTANDEN = (
    "bronnen.yaml", "fasen.yaml", "randvoorwaarden.yaml", "werkvormen.yaml", "valkuilen.yaml", "planner.yaml",
)


def _lees_databytes(naam: str) -> tuple[bytes, str]:
    weergave = f"data/{naam}"
    try:
        from lerend_netwerk import pakketbytes

        return pakketbytes("data", naam), weergave
    except OSError:
        raise LnFout("het bestand van de kennisbank ontbreekt", bestand=weergave, advies=_ADVIES_DATA) from None


def _lees_eigen_bytes(pad: Path) -> bytes:
    from lerend_netwerk.bestanden import lees_begrensd

    try:
        return lees_begrensd(pad)
    except OSError as fout:
        raise LnFout(f"dit bestand kan niet gelezen worden ({fout.strerror})", bestand=pad, advies=_ADVIES_EIGEN) from None


_ENKELVOUD = {"bronnen": "bron", "fasen": "fase", "randvoorwaarden": "randvoorwaarde"}


def _top_lijst(data: object, sleutel: str, bestand: str, advies: str) -> list[Velden]:
    from lerend_netwerk.velden import Velden

    top = Velden(data, bestand, "het bestand", advies, regel=1)
    top.alleen((sleutel,))
    return top.blokken(sleutel, _ENKELVOUD[sleutel], verplicht=True)


def _lees_bron(v: Velden) -> Bron:
    v.alleen(("id", "titel", "citeernamen", "soort", "beschrijving", "aanvulling", "gegevens_aangevuld",
              "auteurs", "jaar", "uitgever", "adres", "onderdelen"))
    onderdelen = []
    for o in v.blokken("onderdelen", "onderdeel"):
        o.alleen(("label", "tekst", "aangevuld"))
        onderdelen.append(Onderdeel(o.tekst("label"), o.tekst("tekst"), o.ja_nee("aangevuld")))
    return Bron(
        id=v.tekst("id"),
        titel=v.tekst("titel"),
        citeernamen=v.teksten("citeernamen", verplicht=True),
        soort=v.tekst("soort"),
        beschrijving=v.tekst("beschrijving"),
        auteurs=v.tekst("auteurs", verplicht=False),
        jaar=v.geheel("jaar", verplicht=False, minimum=1900, maximum=2100),
        uitgever=v.tekst("uitgever", verplicht=False),
        adres=v.tekst("adres", verplicht=False),
        onderdelen=tuple(onderdelen),
        aanvulling=v.tekst("aanvulling", verplicht=False),
        gegevens_aangevuld=v.ja_nee("gegevens_aangevuld"),
    )


def _lees_signaal(v: Velden) -> Signaal:
    v.alleen(("id", "tekst", "eigen_lezing", "veld", "werkvormen"))
    return Signaal(
        id=v.tekst("id"),
        tekst=v.tekst("tekst"),
        eigen_lezing=v.ja_nee("eigen_lezing"),
        veld=v.keuze("veld", BEWIJS_VELDEN, verplicht=False),
        werkvormen=v.teksten("werkvormen"),
    )


def _lees_fase(v: Velden) -> Fase:
    v.alleen(("id", "nummer", "naam", "kernvragen", "samenvatting", "kartrekker", "kartrekker_eigen", "doelen"))
    fase_id = v.keuze("id", FASE_IDS)
    doelen = []
    for d in v.blokken("doelen", "doel", verplicht=True):
        d.alleen(("id", "titel", "beschrijving", "kernvragen", "signalen"))
        doelen.append(
            Doel(
                id=d.tekst("id"),
                titel=d.tekst("titel"),
                fase=fase_id,
                beschrijving=d.tekst("beschrijving"),
                kernvragen=d.teksten("kernvragen"),
                signalen=tuple(_lees_signaal(s) for s in d.blokken("signalen", "signaal", verplicht=True)),
            )
        )
    return Fase(
        id=fase_id,
        nummer=v.geheel("nummer", minimum=1, maximum=5),
        naam=v.tekst("naam"),
        kernvragen=v.teksten("kernvragen"),
        samenvatting=v.tekst("samenvatting"),
        kartrekker=v.tekst("kartrekker"),
        kartrekker_eigen=v.tekst("kartrekker_eigen"),
        doelen=tuple(doelen),
    )


def _lees_randvoorwaarde(v: Velden) -> Randvoorwaarde:
    v.alleen(("id", "naam", "betekenis", "aanpak", "aanpak_eigen", "bron", "zo_merk_je_het", "werkvormen"))
    return Randvoorwaarde(
        id=v.tekst("id"),
        naam=v.tekst("naam"),
        betekenis=v.tekst("betekenis"),
        aanpak=v.teksten("aanpak", verplicht=True),
        aanpak_eigen=v.ja_nee("aanpak_eigen"),
        bron=v.teksten("bron"),
        zo_merk_je_het=v.teksten("zo_merk_je_het"),
        werkvormen=v.teksten("werkvormen"),
    )


MAXIMALE_DUUR = 240  # minutes; the longest meeting the planner accepts


def _lees_duur(v: Velden) -> tuple[int, int]:
    waarde = v.data.get("duur")
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        waarde = [waarde, waarde]
    if not (
        isinstance(waarde, list)
        and len(waarde) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in waarde)
        and waarde[0] <= waarde[1]
    ):
        raise v.fout("duur", "schrijf de duur in minuten, als één getal (20) of als [minimum, maximum], zoals [15, 30]")
    if not 1 <= waarde[0] <= waarde[1] <= MAXIMALE_DUUR:
        raise v.fout("duur", f"een werkvorm duurt minstens 1 en hoogstens {MAXIMALE_DUUR} minuten")
    return waarde[0], waarde[1]


def _lees_uitwerking(v: Velden) -> Uitwerking:
    v.alleen(("duur", "toelichting", "uitnodiging", "materialen", "deelname", "groepsvorm", "stappen", "voorbereiding"))
    duur_min, duur_max = _lees_duur(v)
    stappen = []
    for s in v.blokken("stappen", "stap"):
        s.alleen(("tekst", "minuten"))
        stappen.append(Stap(s.tekst("tekst"), s.geheel("minuten", minimum=1, maximum=480)))
    groepsvorm = v.teksten("groepsvorm")
    for vorm in groepsvorm:
        if vorm not in GROEPSVORMEN:
            raise v.fout("groepsvorm", f"'{vorm}' kan hier niet; kies uit: {', '.join(GROEPSVORMEN)}." + suggestie(vorm, GROEPSVORMEN))
    if stappen:
        totaal = sum(s.minuten for s in stappen)
        if not duur_min <= totaal <= duur_max:
            raise v.fout("stappen", f"de stappen duren samen {totaal} minuten, buiten de duur {duur_min}-{duur_max}")
    return Uitwerking(
        duur_min=duur_min,
        duur_max=duur_max,
        toelichting=v.tekst("toelichting", verplicht=False),
        uitnodiging=v.tekst("uitnodiging", verplicht=False),
        materialen=v.teksten("materialen"),
        deelname=v.tekst("deelname", verplicht=False),
        groepsvorm=groepsvorm,
        stappen=tuple(stappen),
        voorbereiding=v.teksten("voorbereiding"),
    )


def _lees_vereiste(v: Velden | None) -> Vereiste | None:
    if v is None:
        return None
    v.alleen(("uitleg", "gedaan", "thema", "contract", "randvoorwaarden", "bron"))
    return Vereiste(
        uitleg=v.tekst("uitleg"),
        gedaan=v.teksten("gedaan"),
        thema=v.ja_nee("thema"),
        contract=v.ja_nee("contract"),
        randvoorwaarden=v.teksten("randvoorwaarden"),
        bron=v.tekst("bron", verplicht=False),
    )


def _lees_werkvorm(v: Velden, eigen: bool) -> Werkvorm:
    v.alleen(("id", "naam", "soort", "beschrijving", "helpt_bij", "vermeldingen", "uitwerking", "vereist"))
    vermeldingen = []
    for m in v.blokken("vermeldingen", "vermelding", verplicht=True):
        m.alleen(("fase", "doel", "kop", "bron", "noot", "na"))
        vermeldingen.append(
            Vermelding(
                fase=m.keuze("fase", FASE_IDS),
                doel=m.tekst("doel", verplicht=False),
                kop=m.tekst("kop", verplicht=not eigen) or v.tekst("naam"),
                bron=m.tekst("bron", verplicht=False),
                noot=m.tekst("noot", verplicht=False),
                na=m.tekst("na", verplicht=False),
            )
        )
    return Werkvorm(
        id=_lees_id(v),
        naam=v.tekst("naam"),
        soort=v.keuze("soort", WERKVORM_SOORTEN),
        beschrijving=v.tekst("beschrijving"),
        helpt_bij=v.teksten("helpt_bij"),
        vermeldingen=tuple(vermeldingen),
        uitwerking=_lees_uitwerking(v.blok("uitwerking", "uitwerking")),
        eigen=eigen,
        vereist=_lees_vereiste(v.blok("vereist", "vereist", verplicht=False)),
    )


def _lees_valkuil(v: Velden, eigen: bool) -> Valkuil:
    v.alleen(("id", "titel", "soort", "voor", "fasen", "zo_merk_je_het", "aanpak", "werkvormen", "bron", "noot"))
    fasen = v.teksten("fasen", verplicht=True)
    for fase in fasen:
        if fase not in FASE_IDS:
            raise v.fout("fasen", f"'{fase}' is geen fase; kies uit: {', '.join(FASE_IDS)}." + suggestie(fase, FASE_IDS))
    return Valkuil(
        id=_lees_id(v),
        titel=v.tekst("titel"),
        soort=v.keuze("soort", VALKUIL_SOORTEN),
        voor=v.keuze("voor", ("netwerk", "kartrekker"), verplicht=False) or "netwerk",
        fasen=tuple(f for f in FASE_IDS if f in fasen),
        zo_merk_je_het=v.teksten("zo_merk_je_het", verplicht=True),
        aanpak=v.tekst("aanpak"),
        werkvormen=v.teksten("werkvormen"),
        bron=v.teksten("bron"),
        eigen=eigen,
        noot=v.tekst("noot", verplicht=False),
    )


def _lees_planregels(data: object, bestand: str) -> Planregels:
    from lerend_netwerk.velden import Velden

    top = Velden(data, bestand, "het bestand", _ADVIES_DATA, regel=1)
    top.alleen(("procesvormen", "afspraak_woorden", "opkomst", "rollen", "doel_van_vandaag",
                "al_in_gebruik", "voorrang", "afspraak_werkvormen", "taak_woorden",
                "niet_meteen_weer"))
    proces = top.blok("procesvormen", "procesvormen")
    opkomst = top.blok("opkomst", "opkomst")
    deel, laag = opkomst.data.get("deel"), opkomst.data.get("laag", 0.6)
    for sleutel, waarde in (("deel", deel), ("laag", laag)):
        if not isinstance(waarde, (int, float)) or isinstance(waarde, bool) or not 0 < waarde <= 1:
            raise opkomst.fout(sleutel, "geef een getal tussen 0 en 1, zoals 0.75")
    rollen = []
    for r in top.blokken("rollen", "rol", verplicht=True):
        r.alleen(("id", "rol", "vanaf"))
        rollen.append(Rol(_lees_id(r), r.tekst("rol"), r.keuze("vanaf", FASE_IDS)))
    doelen = top.blok("doel_van_vandaag", "doel_van_vandaag")
    in_gebruik = top.blok("al_in_gebruik", "al_in_gebruik")
    gebruik = {}
    for wid in in_gebruik.data:
        g = Velden(in_gebruik.data[wid], bestand, f"al_in_gebruik '{wid}'", _ADVIES_DATA, regel=in_gebruik.regel_van(wid))
        g.alleen(("titel", "uitleg", "neem_mee"))
        gebruik[str(wid)] = InGebruik(g.tekst("titel"), g.tekst("uitleg"), g.tekst("neem_mee", verplicht=False))
    return Planregels(
        procesvormen=proces.teksten("ids", verplicht=True),
        hoogstens_proces=proces.geheel("hoogstens", minimum=0, maximum=10),
        afspraak_woorden=top.teksten("afspraak_woorden", verplicht=True),
        opkomst_bijeenkomsten=opkomst.geheel("bijeenkomsten", minimum=2, maximum=20),
        opkomst_deel=float(deel),
        opkomst_laag=float(laag),
        opkomst_valkuil=opkomst.tekst("valkuil", verplicht=False),
        rollen=tuple(rollen),
        doel_van_vandaag={str(k): doelen.tekst(k) for k in doelen.data},
        al_in_gebruik=gebruik,
        voorrang=tuple(_lees_voorrang(v) for v in top.blokken("voorrang", "voorrang")),
        afspraak_werkvormen=_lees_afspraak_werkvormen(top),
        taak_woorden=top.teksten("taak_woorden"),
        niet_meteen_weer=top.teksten("niet_meteen_weer"),
    )


def _lees_afspraak_werkvormen(top: Velden) -> dict[str, str]:
    from lerend_netwerk.tekst import vouw

    blok = top.blok("afspraak_werkvormen", "afspraak_werkvormen", verplicht=False)
    return {vouw(str(woord)).strip(): blok.tekst(woord) for woord in blok.data} if blok else {}


def _lees_voorrang(v: Velden) -> Voorrang:

    v.alleen(("fase", "wanneer", "werkvormen", "al_gedaan"))
    wanneer, over = v.data.get("wanneer"), None
    if isinstance(wanneer, dict) and len(wanneer) == 1:
        wanneer, over = next(iter(wanneer.items()))
        over = str(over)
    if wanneer not in VOORRANG_WANNEER or (over is None) != (wanneer in ("geen_thema", "geen_contract")):
        raise v.fout("wanneer", "schrijf geen_thema, geen_contract, 'doel_open: ID' of 'signaal_open: ID'")
    werkvormen = []
    for w in v.blokken("werkvormen", "werkvorm", verplicht=True):
        w.alleen(("id", "waarom"))
        werkvormen.append((w.tekst("id"), w.tekst("waarom")))
    return Voorrang(v.keuze("fase", FASE_IDS), str(wanneer), over, tuple(werkvormen), v.tekst("al_gedaan", verplicht=False))


def _lees_id(v: Velden) -> str:
    waarde = v.tekst("id")
    if not all(teken.isascii() and (teken.islower() or teken.isdigit() or teken == "-") for teken in waarde):
        raise v.fout("id", f"'{waarde}' is geen goed id: gebruik kleine letters, cijfers en streepjes, zoals 'talking-stick'")
    return waarde


def _bibliotheek_bestanden(map_: Path) -> list[Path]:
    if not map_.exists():
        raise LnFout(
            "deze bibliotheekmap bestaat niet",
            bestand=map_,
            advies=f"wijs met --bibliotheek of {BIBLIOTHEEK_OMGEVING} een bestaande map aan.",
        )
    if map_.is_file():
        return [map_]
    if not map_.is_dir():
        raise LnFout(
            "dit is geen map en geen gewoon bestand (maar bijvoorbeeld een apparaat), dus geen bibliotheek",
            bestand=map_,
            advies=f"wijs met --bibliotheek of {BIBLIOTHEEK_OMGEVING} een map met YAML-bestanden aan (of één YAML-bestand).",
        )
    try:
        return sorted(p for p in map_.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError as fout:
        raise LnFout(
            f"deze bibliotheekmap kan niet gelezen worden ({fout.strerror})", bestand=map_,
            advies="kijk of je deze map mag lezen, of wijs een andere aan.",
        ) from None


def laad_kennisbank(bibliotheek: Path | None = None) -> Kennisbank:
    """Load, validate and cross-check the bundled data and the user's library.

    A validated result is kept in the cache (cache.py), keyed by the bytes of
    every file read, so an unchanged knowledge base is not parsed again.
    """
    from lerend_netwerk import cache

    gebundeld = {naam: _lees_databytes(naam) for naam in _DATA_BESTANDEN}
    eigen = [(str(pad), _lees_eigen_bytes(pad)) for pad in _bibliotheek_bestanden(bibliotheek)] if bibliotheek else []
    sleutel = cache.sleutel([inhoud for inhoud, _ in gebundeld.values()] + [naam.encode() + inhoud for naam, inhoud in eigen])
    naam_cache = "kennisbank-" + cache.bestandsnaam(naam.encode() for naam, _ in eigen)
    bewaard = cache.lees(naam_cache, sleutel)
    if isinstance(bewaard, Kennisbank):
        return bewaard
    kennisbank = _bouw_kennisbank(gebundeld, eigen)
    kennisbank.sleutel = sleutel
    kennisbank.inhoud = cache.inhoudssleutel([inhoud for inhoud, _ in gebundeld.values()] + [inhoud for _, inhoud in eigen])
    cache.schrijf(naam_cache, sleutel, kennisbank)
    return kennisbank


def _bouw_kennisbank(gebundeld: dict[str, tuple[bytes, str]], eigen: list[tuple[str, bytes]]) -> Kennisbank:
    from lerend_netwerk.velden import Velden
    from lerend_netwerk.yamlbron import lees_yaml_bytes

    def data(naam: str) -> tuple[object, str]:
        inhoud, weergave = gebundeld[naam]
        return lees_yaml_bytes(inhoud, weergave, _ADVIES_DATA), weergave

    bronnen_data, bronnen_bestand = data("bronnen.yaml")
    bronnen: list[Bron] = []
    for v in _top_lijst(bronnen_data, "bronnen", bronnen_bestand, _ADVIES_DATA):
        bron = _lees_bron(v)
        if any(b.id == bron.id for b in bronnen):  # a dict would silently keep only the last one
            raise v.fout("id", f"het bron-id '{bron.id}' staat al eerder in dit bestand")
        bronnen.append(bron)
    fasen_data, fasen_bestand = data("fasen.yaml")
    fasen = [_lees_fase(v) for v in _top_lijst(fasen_data, "fasen", fasen_bestand, _ADVIES_DATA)]
    rv_data, rv_bestand = data("randvoorwaarden.yaml")
    randvoorwaarden = [
        _lees_randvoorwaarde(v) for v in _top_lijst(rv_data, "randvoorwaarden", rv_bestand, _ADVIES_DATA)
    ]

    werkvormen: dict[str, Werkvorm] = {}
    valkuilen: dict[str, Valkuil] = {}
    plekken: dict[str, tuple[str, int | None, str]] = {}  # "w:id"/"v:id" -> file, line, advice

    def voeg_toe(inhoud: object, bestand: str, advies: str, is_eigen: bool) -> None:
        top = Velden(inhoud, bestand, "het bestand", advies, regel=1)
        if is_eigen:
            top.alleen(("werkvormen", "valkuilen"))
        for sleutel, enkelvoud, lees, doel in (
            ("werkvormen", "werkvorm", _lees_werkvorm, werkvormen),
            ("valkuilen", "valkuil", _lees_valkuil, valkuilen),
        ):
            nieuw: dict[str, object] = {}
            for v in top.blokken(sleutel, enkelvoud):
                item = lees(v, is_eigen)
                if item.id in nieuw:
                    raise v.fout("id", f"het id '{item.id}' staat al eerder in dit bestand")
                eerder = plekken.get(enkelvoud[0] + ":" + item.id)
                if is_eigen and eerder and eerder[2] == _ADVIES_EIGEN:
                    raise v.fout("id", f"het id '{item.id}' staat ook al in {eerder[0]}, regel {eerder[1]}; kies één van de twee")
                nieuw[item.id] = item
                plekken[enkelvoud[0] + ":" + item.id] = (bestand, v.regel, advies)
            doel.update(nieuw)

    for naam in ("werkvormen.yaml", "valkuilen.yaml"):
        inhoud, bestand = data(naam)
        voeg_toe(inhoud, bestand, _ADVIES_DATA, is_eigen=False)
    for bestand, inhoud in eigen:
        voeg_toe(lees_yaml_bytes(inhoud, bestand, _ADVIES_EIGEN), bestand, _ADVIES_EIGEN, is_eigen=True)

    plan_data, plan_bestand = data("planner.yaml")
    kennisbank = Kennisbank(
        fasen=tuple(fasen),
        randvoorwaarden=tuple(randvoorwaarden),
        werkvormen=werkvormen,
        valkuilen=valkuilen,
        bronnen={b.id: b for b in bronnen},
        planregels=_lees_planregels(plan_data, plan_bestand),
    )
    _controleer(kennisbank, plekken, fasen_bestand, rv_bestand, bronnen_bestand)
    _controleer_planregels(kennisbank, plan_bestand)
    return kennisbank


def _controleer(kb: Kennisbank, plekken: dict, fasen_bestand: str, rv_bestand: str, bronnen_bestand: str) -> None:
    """Check every reference between entries; the first broken one is an error."""

    def fout(bestand: str, regel: int | None, bericht: str, advies: str = _ADVIES_DATA) -> LnFout:
        return LnFout(bericht, bestand=bestand, regel=regel, advies=advies)

    if tuple(f.id for f in kb.fasen) != FASE_IDS:
        raise fout(fasen_bestand, 1, f"de fasen moeten precies deze vijf zijn, in deze volgorde: {', '.join(FASE_IDS)}")
    alle_doelen = [d.id for f in kb.fasen for d in f.doelen]
    if len(alle_doelen) != len(set(alle_doelen)):
        dubbel = next(d for d in alle_doelen if alle_doelen.count(d) > 1)
        raise fout(fasen_bestand, None, f"het doel-id '{dubbel}' komt twee keer voor")
    for fase in kb.fasen:
        for doel in fase.doelen:
            for signaal in doel.signalen:
                for wid in signaal.werkvormen:
                    if wid not in kb.werkvormen:
                        raise fout(fasen_bestand, None, f"signaal '{signaal.id}' noemt de onbekende werkvorm '{wid}'." + suggestie(wid, kb.werkvormen))

    citeernamen = sorted(
        ((naam.lower(), b.id) for b in kb.bronnen.values() for naam in b.citeernamen), key=lambda x: -len(x[0])
    )

    def check_bron(tekst: str, bestand: str, regel: int | None, advies: str, eigen: bool) -> None:
        if eigen:
            return  # a user's own entry may cite anything
        if not any(naam in tekst.lower() for naam, _ in citeernamen):
            raise fout(bestand, regel, f"de verwijzing '{tekst}' noemt geen bron uit data/bronnen.yaml", advies)

    for rv in kb.randvoorwaarden:
        for tekst in rv.bron:
            check_bron(tekst, rv_bestand, None, _ADVIES_DATA, False)
        for wid in rv.werkvormen:
            if wid not in kb.werkvormen:
                raise fout(rv_bestand, None, f"randvoorwaarde '{rv.id}' noemt de onbekende werkvorm '{wid}'." + suggestie(wid, kb.werkvormen))
    rv_ids = {rv.id for rv in kb.randvoorwaarden}
    if rv_ids != {"commitment", "motivatie", "tijd", "budget"}:
        raise fout(rv_bestand, 1, "de randvoorwaarden moeten de ids commitment, motivatie, tijd en budget hebben")

    for w in kb.werkvormen.values():
        bestand, regel, advies = plekken["w:" + w.id]
        for m in w.vermeldingen:
            if m.doel is not None and (m.doel not in kb.doelen or kb.doelen[m.doel].fase != m.fase):
                mogelijk = [d.id for d in kb.fase(m.fase).doelen]
                raise fout(bestand, regel, f"werkvorm '{w.id}': '{m.doel}' is geen doel van de fase {m.fase}." + suggestie(m.doel, mogelijk), advies)
            if m.bron:
                check_bron(m.bron, bestand, regel, advies, w.eigen)
            if m.na is not None and not any(
                v.doel == m.doel for v in getattr(kb.werkvormen.get(m.na), "vermeldingen", ())
            ):
                raise fout(bestand, regel, f"werkvorm '{w.id}': 'na: {m.na}' noemt geen werkvorm bij hetzelfde doel", advies)
    for k in kb.valkuilen.values():
        bestand, regel, advies = plekken["v:" + k.id]
        for wid in k.werkvormen:
            if wid not in kb.werkvormen:
                raise fout(bestand, regel, f"valkuil '{k.id}' noemt de onbekende werkvorm '{wid}'." + suggestie(wid, kb.werkvormen), advies)
        for tekst in k.bron:
            check_bron(tekst, bestand, regel, advies, k.eigen)


def _controleer_planregels(kb: Kennisbank, bestand: str) -> None:
    """The planner's rules name only work forms, aims and pitfalls the knowledge base has."""
    regels = kb.planregels

    def fout(bericht: str) -> LnFout:
        return LnFout(bericht, bestand=bestand, advies=_ADVIES_DATA)

    for wid in (*regels.procesvormen, *regels.al_in_gebruik, *regels.niet_meteen_weer):
        if wid not in kb.werkvormen:
            raise fout(f"de werkvorm '{wid}' bestaat niet." + suggestie(wid, kb.werkvormen))
    signalen = {s.id for d in kb.doelen.values() for s in d.signalen}
    for regel in regels.voorrang:
        for wid, _ in regel.werkvormen:
            if wid not in kb.werkvormen:
                raise fout(f"voorrang: de werkvorm '{wid}' bestaat niet." + suggestie(wid, kb.werkvormen))
        bekend = kb.doelen if regel.wanneer == "doel_open" else signalen if regel.wanneer == "signaal_open" else None
        if bekend is not None and regel.over not in bekend:
            raise fout(f"voorrang: '{regel.over}' bestaat niet." + suggestie(regel.over, bekend))
    for woord, wid in regels.afspraak_werkvormen.items():
        if wid not in kb.werkvormen:
            raise fout(f"afspraak_werkvormen '{woord}': de werkvorm '{wid}' bestaat niet." + suggestie(wid, kb.werkvormen))
    for doel in regels.doel_van_vandaag:
        if doel not in kb.doelen:
            raise fout(f"het doel '{doel}' bestaat niet." + suggestie(doel, kb.doelen))
    if regels.opkomst_valkuil and regels.opkomst_valkuil not in kb.valkuilen:
        raise fout(f"de valkuil '{regels.opkomst_valkuil}' bestaat niet." + suggestie(regels.opkomst_valkuil, kb.valkuilen))
    for w in kb.werkvormen.values():
        for rv in w.vereist.randvoorwaarden if w.vereist else ():
            if rv not in {r.id for r in kb.randvoorwaarden}:
                raise fout(f"werkvorm '{w.id}' vereist de onbekende randvoorwaarde '{rv}'.")
        for wid in w.vereist.gedaan if w.vereist else ():
            if wid not in kb.werkvormen:
                raise fout(f"werkvorm '{w.id}' vereist de onbekende werkvorm '{wid}'." + suggestie(wid, kb.werkvormen))
