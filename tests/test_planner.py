"""The planner's choices, checked on hand-written network states (no terminal, no files)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.netwerk import Bijeenkomst, Deelnemer, Netwerk, Thema
from lerend_netwerk.planner import (
    AFSLUITING,
    BIJEENKOMST_SOORTEN,
    MAALTIJD,
    MAALTIJD_VANAF,
    OPENING,
    PAUZE,
    STANDAARD_START,
    AgendaOpties,
    bron_in_fase,
    minimale_duur,
    plan_agenda,
    standaard_seed,
    volgende_datum,
)

THEMA = Thema(speerpunt="Speerpunt 9: Voorlezen", ukk_hoofdstuk=1, gezamenlijk_leerdoel="Samen interactief voorlezen.")
DEELNEMERS = (
    Deelnemer("Fatima", "KDV De Kanaalboot", "kinderdagverblijf", "Voorlezen aan baby's."),
    Deelnemer("Ruud", "Basisschool De Vaart", "basisschool", "Aansluiten in groep 1."),
)


def bijeenkomst(dag: str, *werkvormen: str, fase: str = "ontwikkeling", status: str = "gehouden") -> Bijeenkomst:
    return Bijeenkomst(date.fromisoformat(dag), fase, tuple(werkvormen), status=status)


def netwerk(fase: str, *bijeenkomsten: Bijeenkomst, **velden) -> Netwerk:
    return Netwerk("Testnetwerk", fase, bijeenkomsten=tuple(bijeenkomsten), **velden)


def werkvormen(agenda) -> list[str]:
    return [o.werkvorm for o in agenda.onderdelen if o.werkvorm]


# --- the phase and what is open in it --------------------------------------------


@pytest.mark.parametrize("seed", range(8))
def test_eerste_bijeenkomst_in_verkenning_is_kennismaken(kennisbank, seed):
    agenda = plan_agenda(kennisbank, netwerk("verkenning"), AgendaOpties(seed=seed))
    assert agenda.fase == "verkenning"
    gekozen = werkvormen(agenda)
    assert gekozen
    for wid in gekozen:
        assert "kennismaken" in kennisbank.werkvorm(wid).doelen
    assert agenda.onderdelen[0].titel == "Opening: welkom en doel van vandaag"  # nothing to look back on
    assert all("Kennismaken" in o.waarom for o in agenda.onderdelen if o.werkvorm)


@pytest.mark.parametrize("duur", [60, 90, 120, 150])
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_ontwikkeling_zonder_thema_kiest_eerst_het_thema(kennisbank, duur, seed):
    agenda = plan_agenda(kennisbank, netwerk("ontwikkeling", contract=date(2026, 1, 1)), AgendaOpties(duur=duur, seed=seed))
    assert werkvormen(agenda)[:2] == ["diverse-bronnen-benutten", "gewichten-plakken"]
    assert agenda.onderdelen[1].werkvorm == "diverse-bronnen-benutten"  # right after the opening
    assert "nog geen gezamenlijk thema" in agenda.onderdelen[1].waarom


def test_themakeuze_gaat_zelfs_voor_het_contract(kennisbank):
    agenda = plan_agenda(kennisbank, netwerk("ontwikkeling"), AgendaOpties(duur=90))
    assert werkvormen(agenda)[:2] == ["diverse-bronnen-benutten", "gewichten-plakken"]


def test_bronnen_al_verzameld_dan_de_keuze_met_stickers(kennisbank):
    staat = netwerk("ontwikkeling", bijeenkomst("2026-09-17", "diverse-bronnen-benutten"))
    agenda = plan_agenda(kennisbank, staat)
    assert werkvormen(agenda)[0] == "gewichten-plakken"
    assert "diverse-bronnen-benutten" not in werkvormen(agenda)


def test_themakeuze_gedaan_maar_geen_speerpunt_wordt_gemeld(kennisbank):
    staat = netwerk(
        "ontwikkeling",
        bijeenkomst("2026-09-17", "diverse-bronnen-benutten"),
        bijeenkomst("2026-10-15", "gewichten-plakken"),
    )
    agenda = plan_agenda(kennisbank, staat)
    assert "gewichten-plakken" not in werkvormen(agenda)
    assert any("ln thema" in m for m in agenda.meldingen)


@pytest.mark.parametrize("seed", range(6))
def test_thema_zonder_contract_dan_het_contract(kennisbank, seed):
    staat = netwerk("ontwikkeling", bijeenkomst("2026-09-17", "gewichten-plakken"), thema=THEMA, deelnemers=DEELNEMERS)
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed))
    assert werkvormen(agenda)[0] == "contract"
    assert "nog geen contract" in agenda.onderdelen[1].waarom
    # the theme is chosen: the work forms for choosing it are done with
    assert not {"diverse-bronnen-benutten", "gewichten-plakken"} & set(werkvormen(agenda))
    assert not agenda.meldingen


def test_contract_gedaan_maar_niet_vastgelegd_wordt_gemeld(kennisbank):
    staat = netwerk("ontwikkeling", bijeenkomst("2026-10-15", "contract"), thema=THEMA, deelnemers=DEELNEMERS)
    agenda = plan_agenda(kennisbank, staat)
    assert "contract" not in werkvormen(agenda)
    assert any("ln bijeenkomst --datum DATUM --contract" in m for m in agenda.meldingen)


def test_thema_zonder_leerdoelen_wordt_gemeld(kennisbank):
    staat = netwerk(
        "ontwikkeling",
        thema=Thema(speerpunt="Voorlezen"),
        deelnemers=(Deelnemer("Noor"), Deelnemer("Ruud", leerdoel="iets")),
    )
    meldingen = " ".join(plan_agenda(kennisbank, staat).meldingen)
    assert "gezamenlijk leerdoel" in meldingen
    assert "Noor" in meldingen and "Ruud" not in meldingen


@pytest.mark.parametrize("seed", range(6))
def test_thema_en_contract_dan_de_open_doelen_in_volgorde(kennisbank, seed):
    staat = netwerk(
        "ontwikkeling",
        bijeenkomst("2026-09-17", "gewichten-plakken", "levend-domino"),
        bijeenkomst("2026-10-15", "contract", "talking-stick"),
        thema=THEMA,
        contract=date(2026, 10, 15),
        deelnemers=DEELNEMERS,
    )
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed))
    gekozen = werkvormen(agenda)
    assert not {"contract", "gewichten-plakken", "diverse-bronnen-benutten"} & set(gekozen)
    for wid in gekozen:
        assert "ontwikkeling" in kennisbank.werkvorm(wid).fasen
        assert "Open doel van Ontwikkeling" in next(o.waarom for o in agenda.onderdelen if o.werkvorm == wid)
    # in the Handreiking's order of the aims
    doel_plek = {d.id: i for i, d in enumerate(kennisbank.fase("ontwikkeling").doelen)}
    plekken = [min(doel_plek[d] for d in kennisbank.werkvorm(w).doelen if d in doel_plek) for w in gekozen]
    assert plekken == sorted(plekken)


@pytest.mark.parametrize("seed", range(6))
def test_verankering_kennisoverdracht_en_vooruitkijken(kennisbank, seed):
    agenda = plan_agenda(kennisbank, netwerk("verankering"), AgendaOpties(seed=seed))
    assert werkvormen(agenda)[:2] == ["leeropbrengst-delen", "kijk-vooruit"]
    assert "Kennisoverdracht" in agenda.onderdelen[1].waarom
    assert "Kijk vooruit" in agenda.onderdelen[2].waarom


def test_verankering_na_vooruitkijken_geen_herhaling(kennisbank):
    staat = netwerk(
        "verankering",
        bijeenkomst("2026-01-10", "kijk-vooruit", fase="verankering"),
        bijeenkomst("2026-02-10", "kritische-reflectie", fase="verankering"),
        bijeenkomst("2026-03-10", "wensen-deelnemers", fase="verankering"),
    )
    agenda = plan_agenda(kennisbank, staat)
    assert werkvormen(agenda)[0] == "leeropbrengst-delen"
    assert "kijk-vooruit" not in werkvormen(agenda)  # its signal is met; not a priority any more


def test_activiteiten_en_afspraken_alleen_voor_een_open_doel(kennisbank):
    alles = (
        "overdracht-collegas-weten", "borging-professionaliseringsplan", "borging-waarde-erkend",
        "transfer-afgestemd-management", "transfer-platform",
    )
    staat = netwerk(
        "verankering",
        bijeenkomst("2025-09-10", "leeropbrengst-delen", "kritische-reflectie", fase="verankering"),
        bijeenkomst("2025-10-10", "kijk-vooruit", "leerwinst-zichtbaar", fase="verankering"),
        bijeenkomst("2025-11-10", "netwerkbarometer", fase="inbedding"),
        bijeenkomst("2025-12-10", "leerdagboek", fase="inbedding"),
        behaald=alles,
    )
    from lerend_netwerk.voortgang import open_doelen

    assert open_doelen(kennisbank, staat) == []
    for seed in range(10):
        for duur in (60, 90, 180):
            agenda = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed, duur=duur))
            for wid in werkvormen(agenda):
                assert kennisbank.werkvorm(wid).soort in BIJEENKOMST_SOORTEN, wid
    # forced in, an agreement is fine
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(werkvormen=("duurzaamheid",)))
    assert "duurzaamheid" in werkvormen(agenda)


def test_inbedding_heeft_weinig_werkvormen_en_zegt_dat(kennisbank):
    staat = netwerk("inbedding", bijeenkomst("2026-03-01", "netwerkbarometer", "leerdagboek", fase="inbedding"))
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(duur=120))
    assert agenda.totaal == 120
    assert any("zijn op" in m or "vullen de tijd niet" in m for m in agenda.meldingen)


# --- opening, closing, break -------------------------------------------------------


def test_opening_kijkt_terug_op_de_vorige_bijeenkomst(kennisbank):
    staat = netwerk("ontwikkeling", bijeenkomst("2026-11-12", "leerdagboek"), thema=THEMA)
    agenda = plan_agenda(kennisbank, staat)
    opening = agenda.onderdelen[0]
    assert opening.soort == "opening" and opening.werkvorm is None and opening.bron is None
    assert "12 november 2026" in opening.waarom
    assert any("12 november 2026" in v for v in agenda.voorbereiding)


def test_afsluiting_met_leerdagboek_vanaf_ontwikkeling(kennisbank):
    agenda = plan_agenda(kennisbank, netwerk("ontwikkeling", thema=THEMA, contract=date(2026, 1, 1)))
    sluiting = agenda.onderdelen[-1]
    assert sluiting.soort == "afsluiting" and sluiting.werkvorm is None
    assert "leerdagboek" in sluiting.titel and "afspraken" in sluiting.titel
    assert sluiting.bron == bron_in_fase(kennisbank.werkvorm("leerdagboek"), "ontwikkeling")


def test_afsluiting_in_verkenning_is_een_rondje(kennisbank):
    sluiting = plan_agenda(kennisbank, netwerk("verkenning")).onderdelen[-1]
    assert sluiting.titel == "Afsluiting: reflectie en afspraken"
    assert sluiting.bron is None and "volgende keer" in sluiting.waarom


def test_afsluiting_zonder_leerdagboek_als_het_al_op_de_agenda_staat(kennisbank):
    agenda = plan_agenda(kennisbank, netwerk("inbedding"), AgendaOpties(werkvormen=("leerdagboek",)))
    assert "leerdagboek" in werkvormen(agenda)
    assert agenda.onderdelen[-1].titel == "Afsluiting: reflectie en afspraken"


@pytest.mark.parametrize("duur", [121, 150, 180, 240])
def test_pauze_bij_meer_dan_twee_uur(kennisbank, duur):
    agenda = plan_agenda(kennisbank, netwerk("ontwikkeling", thema=THEMA, contract=date(2026, 1, 1)), AgendaOpties(duur=duur))
    pauzes = [i for i, o in enumerate(agenda.onderdelen) if o.soort == "pauze"]
    assert len(pauzes) == 1
    i = pauzes[0]
    pauze = agenda.onderdelen[i]
    # from three and a half hours on, a longer break to eat together
    assert (pauze.duur, pauze.titel) == ((MAALTIJD, "Pauze met maaltijd") if duur >= MAALTIJD_VANAF else (PAUZE, "Pauze"))
    assert agenda.onderdelen[i - 1].soort == "werkvorm" and agenda.onderdelen[i + 1].soort == "werkvorm"
    # roughly in the middle
    begin = sum(o.duur for o in agenda.onderdelen[:i])
    assert abs(begin - (duur - pauze.duur) / 2) <= 35


@pytest.mark.parametrize("duur", [60, 90, 120])
def test_geen_pauze_tot_twee_uur(kennisbank, duur):
    agenda = plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(duur=duur))
    assert all(o.soort != "pauze" for o in agenda.onderdelen)


# --- time ---------------------------------------------------------------------------


@pytest.mark.parametrize("fase", ["verkenning", "ontwikkeling", "verdieping", "inbedding", "verankering"])
@pytest.mark.parametrize("duur", [30, 45, 60, 75, 90, 105, 120, 135, 180, 240])
def test_tijd_past_precies(kennisbank, fase, duur):
    agenda = plan_agenda(kennisbank, netwerk(fase), AgendaOpties(duur=duur))
    assert agenda.totaal == duur
    assert agenda.duur == duur
    for o in agenda.onderdelen:
        if o.werkvorm:
            laag, hoog = kennisbank.werkvorm(o.werkvorm).duur
            assert laag <= o.duur <= hoog
    assert OPENING[0] <= agenda.onderdelen[0].duur <= OPENING[2]
    assert AFSLUITING[0] <= agenda.onderdelen[-1].duur <= AFSLUITING[2]


def test_te_kort_noemt_het_minimum(kennisbank):
    staat = netwerk("verkenning")
    minimum = minimale_duur(kennisbank, staat, AgendaOpties())
    # opening, the shortest kennismaken work form, closing
    kortste = min(kennisbank.werkvorm(w).duur[0] for w in ("kennismakingsoefening", "teletijdmachine", "quiz-netwerkleerder"))
    assert minimum == OPENING[0] + kortste + AFSLUITING[0]
    with pytest.raises(LnFout) as fout:
        plan_agenda(kennisbank, staat, AgendaOpties(duur=minimum - 1))
    assert fout.value.exit_code == 2
    assert f"vanaf {minimum} minuten" in fout.value.bericht
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(duur=minimum))
    assert agenda.totaal == minimum and len(werkvormen(agenda)) == 1


def test_te_lang_wordt_geweigerd(kennisbank):
    with pytest.raises(LnFout) as fout:
        plan_agenda(kennisbank, netwerk("verkenning"), AgendaOpties(duur=241))
    assert fout.value.exit_code == 2 and "240" in fout.value.bericht


def test_voorrang_die_niet_past_wordt_gemeld(kennisbank):
    staat = netwerk("ontwikkeling")  # theme choice: gather sources, then weigh the themes
    bronnen = kennisbank.werkvorm("diverse-bronnen-benutten").duur[0]
    gewichten = kennisbank.werkvorm("gewichten-plakken").duur[0]
    duur = OPENING[0] + bronnen + gewichten + AFSLUITING[0] - 1  # one minute short for both
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(duur=duur))
    assert werkvormen(agenda) == ["diverse-bronnen-benutten"]
    assert any("Gewichten plakken" in m and "past er" in m for m in agenda.meldingen)
    assert werkvormen(plan_agenda(kennisbank, staat, AgendaOpties(duur=duur + 1)))[:2] == [
        "diverse-bronnen-benutten", "gewichten-plakken"]


def test_gedwongen_werkvormen_die_niet_passen(kennisbank):
    def som(*ids: str) -> int:
        return sum(kennisbank.werkvorm(i).duur[0] for i in ids)

    twee = ("worldcafe", "casusbespreking")
    nodig = OPENING[0] + som(*twee) + AFSLUITING[0]
    with pytest.raises(LnFout) as fout:
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(duur=nodig - 1, werkvormen=twee))
    assert "deze werkvormen" in fout.value.bericht
    assert f"--duur {nodig}" in fout.value.advies
    assert plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(duur=nodig, werkvormen=twee)).totaal == nodig
    # a length just over two hours gets a break, which can leave too little room: both ways out are named
    drie = ("worldcafe", "casusbespreking", "kijk-vooruit")
    zonder_pauze = OPENING[0] + som(*drie) + AFSLUITING[0]
    assert zonder_pauze <= 120 < zonder_pauze + PAUZE
    opties = AgendaOpties(duur=121, werkvormen=drie)
    with pytest.raises(LnFout) as fout:
        plan_agenda(kennisbank, netwerk("verdieping"), opties)
    assert "pauze" in fout.value.bericht
    assert "--duur 120 (zonder pauze)" in fout.value.advies and f"--duur {zonder_pauze + PAUZE}" in fout.value.advies
    assert plan_agenda(kennisbank, netwerk("verdieping"), opties._replace(duur=120)).totaal == 120
    met_pauze = opties._replace(duur=zonder_pauze + PAUZE)
    assert plan_agenda(kennisbank, netwerk("verdieping"), met_pauze).totaal == zonder_pauze + PAUZE


def test_tijden(kennisbank):
    staat = netwerk("verdieping")
    assert plan_agenda(kennisbank, staat).start == STANDAARD_START
    assert plan_agenda(kennisbank, staat).start_bron == "standaard"
    eigen = staat._replace(starttijd="19:15")
    agenda = plan_agenda(kennisbank, eigen, AgendaOpties(duur=90))
    assert (agenda.start, agenda.eind, agenda.start_bron) == ("19:15", "20:45", "statusbestand")
    agenda = plan_agenda(kennisbank, eigen, AgendaOpties(start="9.05"))
    assert (agenda.start, agenda.onderdelen[0].start, agenda.start_bron) == ("09:05", "09:05", "optie")
    klok = [o.start for o in agenda.onderdelen]
    assert klok == sorted(klok)


@pytest.mark.parametrize("tijd", ["25:00", "12:60", "1230", "", "kwart over", "24:00", "-1:00"])
def test_onmogelijke_tijd(kennisbank, tijd):
    with pytest.raises(LnFout) as fout:
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(start=tijd))
    assert fout.value.exit_code == 2
    assert "geen tijd" in fout.value.bericht and "UU:MM" in fout.value.advies


def test_over_middernacht_wordt_geweigerd(kennisbank):
    with pytest.raises(LnFout, match="middernacht"):
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(start="23:00", duur=90))
    assert plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(start="22:30", duur=90)).eind == "24:00"


# --- variation ------------------------------------------------------------------------


def test_recent_gebruikte_werkvormen_komen_niet_terug(kennisbank):
    oud = ("context-in-beeld", "ideeenmuur")
    recent = ("verhalen-en-metaforen", "kwaliteiten-benoemen", "maatjesleren", "casusbespreking")
    staat = netwerk(
        "ontwikkeling",
        bijeenkomst("2026-08-01", *oud),
        bijeenkomst("2026-09-01", *recent[:2]),
        bijeenkomst("2026-10-01", *recent[2:]),
        thema=THEMA,
        contract=date(2026, 6, 1),
        deelnemers=DEELNEMERS,
    )
    for seed in range(20):
        for duur in (60, 90, 150, 240):
            agenda = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed, duur=duur))
            assert not set(recent) & set(werkvormen(agenda)), (seed, duur)
            assert not any("zijn op" in m for m in agenda.meldingen)


def test_uitgeputte_bibliotheek_herhaalt_en_zegt_het(kennisbank):
    staat = netwerk(
        "verkenning",
        bijeenkomst("2026-04-01", "kennismakingsoefening", "teletijdmachine", fase="verkenning"),
        bijeenkomst("2026-05-01", "quiz-netwerkleerder", fase="verkenning"),
    )
    agenda = plan_agenda(kennisbank, staat)
    gekozen = werkvormen(agenda)
    assert gekozen and set(gekozen) <= {"kennismakingsoefening", "teletijdmachine", "quiz-netwerkleerder"}
    assert any("zijn op" in m for m in agenda.meldingen)
    # the oldest comes back first
    assert gekozen[0] in ("kennismakingsoefening", "teletijdmachine")
    assert all("Al gedaan of gepland op" in o.waarom for o in agenda.onderdelen if o.werkvorm)

    # all three really were done lately: the reason says so too
    assert all("zijn op" in o.waarom for o in agenda.onderdelen if o.werkvorm)
    assert not any("past" in o.waarom for o in agenda.onderdelen if o.werkvorm)


def _kort_met_genoeg_nieuws():
    """Ontwikkeling with most of its library unused, and a short work form done lately."""
    return netwerk(
        "ontwikkeling",
        bijeenkomst("2026-10-15", "contract", "levend-domino"),
        bijeenkomst("2026-11-12", "ukk-speerpunten-bestuderen", "leerdagboek"),
        thema=THEMA,
        contract=date(2026, 10, 15),
        deelnemers=DEELNEMERS,
    )


def test_te_kort_voor_iets_nieuws_zegt_niet_dat_de_werkvormen_op_zijn(kennisbank):
    """25 minutes leave 10 for a work form: only the recently done levend-domino fits, while
    Ontwikkeling has many unused ones. The reason must say that, not that the library is exhausted."""
    agenda = plan_agenda(kennisbank, _kort_met_genoeg_nieuws(), AgendaOpties(duur=25))
    assert werkvormen(agenda) == ["levend-domino"]
    waarom = agenda.onderdelen[1].waarom
    assert "Al gedaan of gepland op 15 oktober 2026" in waarom
    assert "zijn op" not in waarom
    assert "passen er in 25 minuten niet bij" in waarom
    meldingen = " ".join(agenda.meldingen)
    assert "zijn op" not in meldingen
    # the note names the shortest unused one and how to get it: a longer meeting
    assert "minstens 15 minuten" in meldingen and "--duur" in meldingen
    # and with the time for it, something new comes instead
    langer = plan_agenda(kennisbank, _kort_met_genoeg_nieuws(), AgendaOpties(duur=30))
    assert "levend-domino" not in werkvormen(langer)
    assert not any("Al gedaan" in o.waarom for o in langer.onderdelen)


def test_op_of_weggelaten_met_zonder(kennisbank):
    staat = netwerk("verkenning", bijeenkomst("2026-05-01", "kennismakingsoefening", fase="verkenning"))
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(zonder=("quiz-netwerkleerder", "teletijdmachine")))
    assert "kennismakingsoefening" in werkvormen(agenda)
    waarom = next(o.waarom for o in agenda.onderdelen if o.werkvorm == "kennismakingsoefening")
    assert "zijn op of door jou weggelaten" in waarom


def test_geplande_bijeenkomst_telt_mee(kennisbank):
    staat = netwerk("verankering")
    eerste = plan_agenda(kennisbank, staat)
    gepland = Bijeenkomst(date(2026, 12, 10), "verankering", eerste.werkvormen, status="gepland")
    tweede = plan_agenda(kennisbank, staat._replace(bijeenkomsten=(gepland,)))
    assert not set(eerste.werkvormen) & set(tweede.werkvormen)
    assert "10 december 2026 (de geplande bijeenkomst)" in tweede.onderdelen[0].waarom
    assert any("geplande bijeenkomst" in m for m in tweede.meldingen)
    assert standaard_seed(staat) != tweede.seed


def test_opeenvolgende_bijeenkomsten_verschillen(kennisbank):
    staat = netwerk("ontwikkeling", thema=THEMA, contract=date(2026, 6, 1), deelnemers=DEELNEMERS)
    vorige: list[str] = []
    for week in range(6):
        agenda = plan_agenda(kennisbank, staat)
        assert agenda.werkvormen != tuple(vorige)
        assert not set(vorige) & set(agenda.werkvormen)
        vorige = list(agenda.werkvormen)
        b = Bijeenkomst(date(2026, 9, 1) + timedelta(weeks=week), "ontwikkeling", agenda.werkvormen)
        staat = staat._replace(bijeenkomsten=staat.bijeenkomsten + (b,))


# --- options --------------------------------------------------------------------------


def test_seed_geeft_dezelfde_agenda(kennisbank):
    staat = netwerk("ontwikkeling", bijeenkomst("2026-09-01", "contract"), thema=THEMA, contract=date(2026, 9, 1))
    for seed in range(10):
        assert plan_agenda(kennisbank, staat, AgendaOpties(seed=seed)) == plan_agenda(kennisbank, staat, AgendaOpties(seed=seed))
    # without a seed: the number of meetings, so the same state gives the same agenda
    assert plan_agenda(kennisbank, staat).seed == 1
    assert plan_agenda(kennisbank, staat) == plan_agenda(kennisbank, staat, AgendaOpties(seed=1))


def test_seeds_geven_verschillende_agendas(kennisbank):
    staat = netwerk("ontwikkeling", thema=THEMA, contract=date(2026, 9, 1), deelnemers=DEELNEMERS)
    varianten = {plan_agenda(kennisbank, staat, AgendaOpties(seed=seed)).werkvormen for seed in range(20)}
    assert len(varianten) >= 4


def test_werkvorm_afdwingen(kennisbank):
    staat = netwerk("ontwikkeling")  # theme choice would come first
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(werkvormen=("Worldcafe ",), duur=120))
    assert "worldcafe" in werkvormen(agenda)
    waarom = next(o.waarom for o in agenda.onderdelen if o.werkvorm == "worldcafe")
    assert "Door jou gekozen" in waarom and "Verdieping" in waarom
    assert "diverse-bronnen-benutten" in werkvormen(agenda)  # the priority still goes in
    assert agenda.totaal == 120


def test_werkvorm_afdwingen_ook_als_recent_gedaan(kennisbank):
    staat = netwerk("verkenning", bijeenkomst("2026-04-01", "teletijdmachine", fase="verkenning"))
    assert "teletijdmachine" in werkvormen(plan_agenda(kennisbank, staat, AgendaOpties(werkvormen=("teletijdmachine",))))


def test_zonder_houdt_eruit(kennisbank):
    staat = netwerk("ontwikkeling")
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(zonder=("diverse-bronnen-benutten",)))
    assert "diverse-bronnen-benutten" not in werkvormen(agenda)
    assert werkvormen(agenda)[0] == "gewichten-plakken"
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(zonder=("leerdagboek",)))
    assert "leerdagboek" not in agenda.onderdelen[-1].titel


def test_onbekende_of_tegenstrijdige_ids(kennisbank):
    with pytest.raises(LnFout) as fout:
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(werkvormen=("wereldcafe",)))
    assert fout.value.exit_code == 2 and "geen bekende werkvorm" in fout.value.bericht
    with pytest.raises(LnFout, match="talking-stick"):
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(zonder=("talkingstick",)))
    with pytest.raises(LnFout, match="zowel"):
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(werkvormen=("worldcafe",), zonder=("worldcafe",)))
    with pytest.raises(LnFout, match="geen fase"):
        plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(fase="verdiepen"))


@pytest.mark.parametrize("seed", range(5))
def test_wissel_vervangt_een_onderdeel(kennisbank, seed):
    staat = netwerk("ontwikkeling", thema=THEMA, contract=date(2026, 9, 1), deelnemers=DEELNEMERS)
    basis = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed))
    gewisseld = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed, wissel=(2,)))
    oud = basis.onderdelen[1].werkvorm
    nieuw = gewisseld.onderdelen[1]
    assert oud and nieuw.werkvorm and nieuw.werkvorm != oud
    assert oud not in gewisseld.werkvormen
    assert "In plaats van" in nieuw.waarom and "--wissel 2" in nieuw.waarom
    # the other work forms stay
    assert set(basis.werkvormen) - {oud} <= set(gewisseld.werkvormen)
    assert gewisseld.totaal == basis.totaal


def test_wissel_kiest_het_beste_alternatief(kennisbank):
    staat = netwerk("ontwikkeling", contract=date(2026, 9, 1))
    agenda = plan_agenda(kennisbank, staat, AgendaOpties(wissel=(2,)))
    # diverse bronnen swapped: the other theme-choice form is already there, so the
    # first open aim's work form (a safe atmosphere) takes its place, in the same spot
    assert kennisbank.werkvorm(agenda.onderdelen[1].werkvorm).doelen == ("veilige-sfeer",)
    assert "gewichten-plakken" in agenda.werkvormen
    assert "diverse-bronnen-benutten" not in agenda.werkvormen


def test_wissel_alleen_werkvormen(kennisbank):
    staat = netwerk("verankering", starttijd="13:00")
    basis = plan_agenda(kennisbank, staat, AgendaOpties(duur=150))
    nummers = [i for i, o in enumerate(basis.onderdelen, 1) if o.werkvorm]
    soorten = {o.soort: i for i, o in enumerate(basis.onderdelen, 1)}
    for nummer, fout in ((1, "de opening"), (soorten["pauze"], "de pauze"), (len(basis.onderdelen), "de afsluiting"),
                         (len(basis.onderdelen) + 1, "bestaat niet"), (0, "bestaat niet")):
        with pytest.raises(LnFout) as e:
            plan_agenda(kennisbank, staat, AgendaOpties(duur=150, wissel=(nummer,)))
        assert fout in e.value.bericht
        assert e.value.advies == "wissel een werkvorm: " + ", ".join(map(str, nummers)) + "."


def test_wissel_niet_een_gekozen_werkvorm(kennisbank):
    opties = AgendaOpties(werkvormen=("worldcafe",))
    agenda = plan_agenda(kennisbank, netwerk("verdieping"), opties)
    nummer = 1 + [o.werkvorm for o in agenda.onderdelen].index("worldcafe")
    with pytest.raises(LnFout, match="zelf gekozen"):
        plan_agenda(kennisbank, netwerk("verdieping"), opties._replace(wissel=(nummer,)))


def test_andere_fase_plannen(kennisbank):
    agenda = plan_agenda(kennisbank, netwerk("ontwikkeling"), AgendaOpties(fase="3"))
    assert agenda.fase == "verdieping" and agenda.fase_naam == "Verdieping"
    assert all("verdieping" in kennisbank.werkvorm(w).fasen for w in agenda.werkvormen)


def test_datum_laat_latere_bijeenkomsten_weg(kennisbank):
    gepland = bijeenkomst("2026-12-10", "ideeenmuur", status="gepland")
    staat = netwerk("ontwikkeling", bijeenkomst("2026-11-12", "leerdagboek"), gepland, thema=THEMA, contract=date(2026, 1, 1))
    op_de_dag = plan_agenda(kennisbank, staat, AgendaOpties(datum=date(2026, 12, 10)))
    zonder_gepland = plan_agenda(kennisbank, staat._replace(bijeenkomsten=staat.bijeenkomsten[:1]))
    assert op_de_dag.werkvormen == zonder_gepland.werkvormen
    assert op_de_dag.datum == date(2026, 12, 10)
    assert not any("geplande bijeenkomst" in m for m in op_de_dag.meldingen)


def test_volgende_datum_uit_het_ritme():
    assert volgende_datum(netwerk("verkenning")) is None
    assert volgende_datum(netwerk("verkenning", bijeenkomst("2026-01-05"))) == date(2026, 2, 2)
    staat = netwerk("ontwikkeling", bijeenkomst("2026-01-05"), bijeenkomst("2026-01-19"), bijeenkomst("2026-02-16"),
                    bijeenkomst("2026-03-02", status="gepland"))
    assert volgende_datum(staat) == date(2026, 3, 16)  # median of 14, 28, 14 days


def test_materialen_en_voorbereiding(kennisbank):
    agenda = plan_agenda(kennisbank, netwerk("ontwikkeling"), AgendaOpties(duur=150))
    for wid in agenda.werkvormen:
        w = kennisbank.werkvorm(wid)
        assert set(w.uitwerking.materialen) <= set(agenda.materialen)
        assert set(w.uitwerking.voorbereiding) <= set(agenda.voorbereiding)
    assert len(agenda.materialen) == len(set(agenda.materialen))
    assert any("pauze" in m for m in agenda.materialen)


def test_json_vorm(kennisbank):
    agenda = plan_agenda(kennisbank, netwerk("verdieping"), AgendaOpties(start="19:00"))
    data = agenda.als_json()
    assert data["fase"] == "verdieping" and data["duur"] == 90 and data["start"] == "19:00"
    for item, o in zip(data["onderdelen"], agenda.onderdelen):
        assert set(item) == {"start", "duur", "titel", "werkvorm", "bron", "waarom"}
        assert item["werkvorm"] == o.werkvorm


@pytest.mark.parametrize("seed", range(6))
def test_wissel_zoekt_eerst_een_werkvorm_voor_hetzelfde_doel(kennisbank, seed):
    staat = netwerk(
        "ontwikkeling", bijeenkomst("2026-10-01", "ukk-speerpunten-bestuderen"),
        thema=THEMA, contract=date(2026, 9, 1), deelnemers=DEELNEMERS,
    )
    basis = plan_agenda(kennisbank, staat, AgendaOpties(seed=seed))
    oud = kennisbank.werkvorm(basis.onderdelen[1].werkvorm)
    nieuw = kennisbank.werkvorm(plan_agenda(kennisbank, staat, AgendaOpties(seed=seed, wissel=(2,))).onderdelen[1].werkvorm)
    assert nieuw.id != oud.id
    assert set(nieuw.doelen) & set(oud.doelen)


def test_wissel_haalt_liever_iets_nieuws_dan_iets_van_de_vorige_keer(kennisbank):
    """Swapping is choosing again: a work form of the last meetings only comes back when
    nothing new fits in its place (before, 'contract' came back here, saying nothing else fit)."""
    recent = ("leerwensen-onderzoeken", "leerdagboek", "contract", "maatjesleren", "kwaliteiten-benoemen", "ideeenmuur",
              "gewichten-plakken", "casusbespreking", "leerstijl", "filmpjes-nuvoorlaterutrecht",
              "ukk-speerpunten-bestuderen", "context-in-beeld")
    staat = netwerk("ontwikkeling", bijeenkomst("2026-01-01", *recent[:6]), bijeenkomst("2026-02-01", *recent[6:]),
                    thema=THEMA, contract=date(2025, 1, 1))
    opties = AgendaOpties(duur=118, seed=3)
    basis = plan_agenda(kennisbank, staat, opties)
    oud = basis.onderdelen[1]
    assert oud.werkvorm is not None and oud.werkvorm not in recent
    gewisseld = plan_agenda(kennisbank, staat, opties._replace(wissel=(2,)))
    nieuw = gewisseld.onderdelen[1]
    assert nieuw.werkvorm not in recent and "Al gedaan" not in nieuw.waarom
    assert f"In plaats van '{oud.titel}' (--wissel 2)." in nieuw.waarom
