"""No state, duration, seed or option may make the planner break its own rules."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerend_netwerk.fouten import LnFout
from lerend_netwerk.kennisbank import FASE_IDS, laad_kennisbank
from lerend_netwerk.netwerk import Bijeenkomst, Deelnemer, Netwerk, Thema
from lerend_netwerk.planner import (
    AFSLUITING,
    BIJEENKOMST_SOORTEN,
    MAALTIJD,
    MAXIMALE_DUUR,
    OPENING,
    PAUZE_VANAF,
    RECENT,
    Agenda,
    AgendaOpties,
    bron_in_fase,
    lees_tijd,
    maaltijd_vooraf,
    minimale_duur,
    pauze_minuten,
    plan_agenda,
)

KB = laad_kennisbank()
IDS = sorted(KB.werkvormen)
SIGNALEN = sorted(s.id for f in KB.fasen for d in f.doelen for s in d.signalen)


@st.composite
def netwerken(draw) -> Netwerk:
    begin = date(2025, 9, 1)
    dagen = sorted(draw(st.sets(st.integers(0, 400), max_size=7)))
    bijeenkomsten = tuple(
        Bijeenkomst(
            begin + timedelta(days=dag),
            draw(st.sampled_from(FASE_IDS)),
            tuple(draw(st.lists(st.sampled_from(IDS), max_size=4, unique=True))),
            status=draw(st.sampled_from(("gehouden", "gehouden", "gepland"))),
        )
        for dag in dagen
    )
    deelnemers = tuple(
        Deelnemer(f"Deelnemer {i}", leerdoel=draw(st.sampled_from((None, "een leerdoel"))))
        for i in range(draw(st.integers(0, 4)))
    )
    return Netwerk(
        naam=draw(st.text(min_size=1, max_size=30)),
        fase=draw(st.sampled_from(FASE_IDS)),
        thema=Thema(
            speerpunt=draw(st.sampled_from((None, "Speerpunt 8: Spel"))),
            gezamenlijk_leerdoel=draw(st.sampled_from((None, "Samen spelen."))),
        ),
        contract=draw(st.sampled_from((None, date(2025, 10, 1)))),
        deelnemers=deelnemers,
        bijeenkomsten=bijeenkomsten,
        starttijd=draw(st.sampled_from((None, "08:30", "15:30", "19:00"))),
        behaald=tuple(draw(st.lists(st.sampled_from(SIGNALEN), max_size=12, unique=True))),
    )


@st.composite
def opties(draw) -> AgendaOpties:
    gekozen = draw(st.lists(st.sampled_from(IDS), max_size=2, unique=True))
    zonder = draw(st.lists(st.sampled_from([i for i in IDS if i not in gekozen]), max_size=3, unique=True))
    return AgendaOpties(
        duur=draw(st.integers(15, MAXIMALE_DUUR)),
        start=draw(st.one_of(st.none(), st.sampled_from(("07:00", "09:15", "13:00", "19:30")))),
        seed=draw(st.one_of(st.none(), st.integers(0, 2**32))),
        werkvormen=tuple(gekozen),
        zonder=tuple(zonder),
        fase=draw(st.one_of(st.none(), st.sampled_from(FASE_IDS))),
    )


def _recent(netwerk: Netwerk) -> set[str]:
    alle = sorted(netwerk.bijeenkomsten, key=lambda b: (b.datum, b.gehouden is False))
    return {w for b in alle[-RECENT:] for w in b.werkvormen}


def _reden_van_herhaling_klopt(netwerk: Netwerk, opties: AgendaOpties, agenda: Agenda, gewisseld=frozenset()):
    """A recently used work form that comes back says why, truthfully: either the phase's
    other work forms are used up (done lately, on the agenda, or kept out), or those
    that are not cannot take its place in the time."""
    from lerend_netwerk.voortgang import open_doelen

    fase = agenda.fase
    open_ids = {s.doel.id for s in open_doelen(KB, netwerk, fase)}
    recent, op_agenda = _recent(netwerk), set(agenda.werkvormen)
    themakeuze_klaar = {w.id for w in KB.werkvormen.values()
                        if netwerk.thema.speerpunt and w.doelen and set(w.doelen) <= {"keuze-thema"}}
    ongebruikt = [
        w for w in KB.werkvormen_in_fase(fase)
        if (w.soort in BIJEENKOMST_SOORTEN or any(v.fase == fase and v.doel in open_ids for v in w.vermeldingen))
        and w.id not in recent | op_agenda | set(opties.zonder) | themakeuze_klaar | set(gewisseld)
    ]
    werk = [o for o in agenda.onderdelen if o.werkvorm]
    for o in werk:
        if "zijn op" in o.waarom:
            assert not ongebruikt, (o.werkvorm, [w.id for w in ongebruikt])
        if "passen er in" in o.waarom:
            assert ongebruikt, o.werkvorm
            binnen = agenda.duur - (MAALTIJD if maaltijd_vooraf(agenda.duur, lees_tijd(agenda.start)) else 0)
            vast = OPENING[0] + AFSLUITING[0] + pauze_minuten(binnen)
            ruimte = binnen - vast - sum(KB.werkvorm(x.werkvorm).duur[0] for x in werk if x is not o)
            assert all(w.duur[0] > ruimte for w in ongebruikt), (o.werkvorm, ruimte)
            assert any(f"minstens {min(w.duur[0] for w in ongebruikt)} minuten" in m for m in agenda.meldingen)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(netwerk=netwerken(), opties=opties())
def test_de_agenda_houdt_zich_aan_de_regels(netwerk, opties):
    minimum = minimale_duur(KB, netwerk, opties)
    try:
        agenda = plan_agenda(KB, netwerk, opties)
    except LnFout as fout:
        # the only refusals for these options: too short, or a break that does not fit
        assert fout.exit_code == 2
        assert opties.duur < minimum or "pauze" in fout.bericht, fout.bericht
        return
    assert opties.duur >= minimum
    onderdelen = agenda.onderdelen
    duur = opties.duur

    # time: never over, not far below (docs/planner.md: at least 90%, and in practice exact)
    assert agenda.totaal <= duur
    assert agenda.totaal >= duur - max(5, duur // 10)
    if agenda.totaal < duur:
        assert any("minuten over" in m for m in agenda.meldingen)

    # the clock: consecutive from the start
    klok = lees_tijd(agenda.start)
    for o in onderdelen:
        assert o.start == f"{klok // 60:02d}:{klok % 60:02d}"
        klok += o.duur
    assert lees_tijd(agenda.eind) == lees_tijd(agenda.start) + duur

    # shape: opening first (after the meal on a long evening), closing last, a break only over two hours
    if maaltijd_vooraf(duur, lees_tijd(agenda.start)):
        assert onderdelen[0].soort == "pauze" and onderdelen[0].duur == MAALTIJD
        onderdelen, duur = onderdelen[1:], duur - MAALTIJD
    assert onderdelen[0].soort == "opening" and OPENING[0] <= onderdelen[0].duur <= OPENING[2]
    assert onderdelen[-1].soort == "afsluiting" and AFSLUITING[0] <= onderdelen[-1].duur <= AFSLUITING[2]
    pauzes = [o for o in onderdelen if o.soort == "pauze"]
    assert len(pauzes) == (1 if duur >= PAUZE_VANAF else 0)
    assert all(p.duur == pauze_minuten(duur) for p in pauzes)
    assert [o.soort for o in onderdelen[1:-1]].count("werkvorm") >= 1

    # work forms: known, once, inside their range, cited, as asked
    gekozen = [o.werkvorm for o in onderdelen if o.soort == "werkvorm"]
    assert all(gekozen) and len(gekozen) == len(set(gekozen))
    assert all(o.werkvorm is None for o in onderdelen if o.soort != "werkvorm")
    for o in onderdelen:
        if o.werkvorm:
            w = KB.werkvorm(o.werkvorm)
            assert w.duur[0] <= o.duur <= w.duur[1]
            # the reference printed at one of its places in this phase (else all of them)
            hier = {v.bron for v in w.vermeldingen if v.fase == agenda.fase and v.bron}
            assert o.bron in hier if hier else o.bron == bron_in_fase(w, agenda.fase)
            if w.bron:
                assert o.bron
            # a work form the network already uses may come back with its later purpose (planner.yaml)
            later = KB.planregels.al_in_gebruik.get(w.id)
            assert o.titel in (w.naam, *((later.titel,) if later else ())) and o.waarom
    assert set(opties.werkvormen) <= set(gekozen)
    assert not set(opties.zonder) & set(gekozen)

    # variation: recent work forms come back only when forced or when the library is exhausted
    herhaald = (set(gekozen) & _recent(netwerk)) - set(opties.werkvormen)
    if herhaald and opties.datum is None:
        assert any("zijn op" in m or "vullen de tijd niet" in m or "passen er in" in m for m in agenda.meldingen)
    _reden_van_herhaling_klopt(netwerk, opties, agenda)

    # activities and agreements only when forced or serving an open aim of the phase
    from lerend_netwerk.voortgang import open_doelen

    open_ids = {s.doel.id for s in open_doelen(KB, netwerk, agenda.fase)}
    for wid in gekozen:
        w = KB.werkvorm(wid)
        if w.soort not in BIJEENKOMST_SOORTEN and wid not in opties.werkvormen:
            assert any(v.fase == agenda.fase and v.doel in open_ids for v in w.vermeldingen), wid

    # reproducible
    assert plan_agenda(KB, netwerk, opties) == agenda


@settings(max_examples=150, deadline=None)
@given(netwerk=netwerken(), seed=st.integers(0, 10**6), nummer=st.integers(-2, 9))
def test_wisselen_breekt_niets(netwerk, seed, nummer):
    basis_opties = AgendaOpties(seed=seed, duur=90)
    basis = plan_agenda(KB, netwerk, basis_opties)
    try:
        gewisseld = plan_agenda(KB, netwerk, AgendaOpties(seed=seed, duur=90, wissel=(nummer,)))
    except LnFout as fout:
        assert fout.exit_code == 2
        ok = 1 <= nummer <= len(basis.onderdelen)
        assert not ok or basis.onderdelen[nummer - 1].werkvorm is None or "geen andere werkvorm" in fout.bericht
        return
    oud = basis.onderdelen[nummer - 1].werkvorm
    assert oud and oud not in gewisseld.werkvormen
    _reden_van_herhaling_klopt(netwerk, basis_opties, basis)
    _reden_van_herhaling_klopt(netwerk, basis_opties, gewisseld, gewisseld={oud})
    assert gewisseld.totaal <= 90 and gewisseld.onderdelen[0].soort == "opening"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(netwerk=netwerken(), opties=opties(), extra=st.integers(0, 20), nummer=st.one_of(st.none(), st.integers(2, 4)))
def test_korte_bijeenkomst_zegt_eerlijk_waarom_iets_terugkomt(netwerk, opties, extra, nummer):
    """Just above the minimum a recently used work form often is the only one that fits: the
    reason must not claim the library is used up when it is not (and with --wissel neither)."""
    opties = opties._replace(werkvormen=(), duur=min(MAXIMALE_DUUR, minimale_duur(KB, netwerk, opties) + extra))
    try:
        agenda = plan_agenda(KB, netwerk, opties)
    except LnFout:
        return  # a break that does not fit: not what this test is about
    _reden_van_herhaling_klopt(netwerk, opties, agenda)
    if nummer is not None and nummer < len(agenda.onderdelen) and agenda.onderdelen[nummer - 1].werkvorm:
        try:
            gewisseld = plan_agenda(KB, netwerk, opties._replace(wissel=(nummer,)))
        except LnFout:
            return  # nothing else fits its place
        _reden_van_herhaling_klopt(netwerk, opties, gewisseld, gewisseld={agenda.onderdelen[nummer - 1].werkvorm})
