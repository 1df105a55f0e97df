"""The state file `netwerk.yaml`: reading it, checking it, and writing it without losing anything.

Reading goes through `yamlbron` (PyYAML's C loader, with lines), then every
field is checked into a `Netwerk`; a bad file is an `LnFout` (exit code 2)
naming file, line and what to do. Keys the tool does not know are kept and
ignored.

Writing never re-dumps the file. A change is a small text edit at a place
found from PyYAML's node positions (`yaml.compose`): a meeting is appended at
the end of `bijeenkomsten`, a confirmed plan gets only its changed values
edited, a phase replaces the span of the `fase:` value.
Everything outside that span stays byte for byte, comments included. After
each edit the new text is parsed again and must equal the old data plus
exactly the intended change, or nothing is written. Writers hold a lock
(`netwerk.yaml.lock`) across read-modify-write; the write itself is atomic
(temp file, fsync, `os.replace`) and the previous version is kept as
`netwerk.yaml.bak`. A reading (and each write) is kept in the user's cache,
keyed by the file's exact bytes, so the next command need not parse it again.
See docs/statusbestand.md for why (and for the figures).

The modules, by concept:
  lezen      reading: bytes, cache or parse, into a `Statusbestand`
  controle   checking parsed YAML (and a new meeting) field by field
  onthouden  the state cache
  wijzigen   the changes: a meeting logged or confirmed, the phase set
  bijwerken  the other facts: fields, theme, participants, preconditions, ticks
  paden      edits at a path of keys: a value set, a list item added or removed
  bewerken   the minimal text edits at PyYAML's node marks
  yamltekst  values and meetings as YAML text
  schrijven  lock, atomic write, backup
  nieuw      the fresh commented file for `ln init`
  meldingen  advice texts and shared errors

The names below load their module on first use (PEP 562): every command reads
the state, few write it, and importing the writers' modules took 3-4 ms of
every start of ln agenda.
"""

from importlib import import_module

_NAMEN = {
    "bijwerken": (
        "handmatige_signalen", "rv_id", "rv_status", "verwijder_deelnemer", "vink_af", "voeg_deelnemer_toe",
        "wijzig_deelnemer", "zet_contract", "zet_netwerkvelden", "zet_randvoorwaarde", "zet_thema", "zoek_deelnemer",
    ),
    "controle": (
        "controleer_gehouden_datum", "controleer_tegen_kennisbank", "gehouden_in_de_toekomst", "gehouden_op",
        "netwerk_uit_data", "te_lang", "tijd_uit_tekst", "weiger_gehouden_in_de_toekomst",
    ),
    "lezen": ("Statusbestand", "lees_netwerk", "lees_netwerk_met_tekst", "lees_statusbestand"),
    "meldingen": ("ADVIES", "ADVIES_GEEN", "weiger_map"),
    "nieuw": ("nieuw_bestand_tekst", "schrijf_nieuw", "weiger_bestaand"),
    "schrijven": ("SLOT_WACHTTIJD", "schrijf_atomair", "vergrendeld"),
    "wijzigen": ("Bijgewerkt", "Vastgelegd", "leg_bijeenkomst_vast", "notities_samen", "voeg_bijeenkomst_toe", "zet_fase"),
    "yamltekst": ("BIJEENKOMST_SLEUTELS", "yaml_waarde"),
}
_MODULE_VAN = {naam: module for module, namen in _NAMEN.items() for naam in namen}

__all__ = sorted(_MODULE_VAN)


def __getattr__(naam: str) -> object:
    """`statusbestand.lees_netwerk` and `from lerend_netwerk.statusbestand import lees_netwerk`: from its module."""
    module = _MODULE_VAN.get(naam)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    waarde = getattr(import_module(f"{__name__}.{module}"), naam)
    globals()[naam] = waarde  # the next use is a plain lookup
    return waarde
