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
"""

from lerend_netwerk.statusbestand.bijwerken import (
    handmatige_signalen,
    rv_id,
    rv_status,
    verwijder_deelnemer,
    vink_af,
    voeg_deelnemer_toe,
    wijzig_deelnemer,
    zet_contract,
    zet_netwerkvelden,
    zet_randvoorwaarde,
    zet_thema,
    zoek_deelnemer,
)
from lerend_netwerk.statusbestand.controle import (
    controleer_gehouden_datum,
    controleer_tegen_kennisbank,
    gehouden_in_de_toekomst,
    gehouden_op,
    netwerk_uit_data,
    te_lang,
    tijd_uit_tekst,
    weiger_gehouden_in_de_toekomst,
)
from lerend_netwerk.statusbestand.lezen import Statusbestand, lees_netwerk, lees_netwerk_met_tekst, lees_statusbestand
from lerend_netwerk.statusbestand.meldingen import ADVIES, ADVIES_GEEN, weiger_map
from lerend_netwerk.statusbestand.nieuw import nieuw_bestand_tekst, schrijf_nieuw, weiger_bestaand
from lerend_netwerk.statusbestand.schrijven import SLOT_WACHTTIJD, schrijf_atomair, vergrendeld
from lerend_netwerk.statusbestand.wijzigen import (
    Bijgewerkt,
    Vastgelegd,
    leg_bijeenkomst_vast,
    notities_samen,
    voeg_bijeenkomst_toe,
    zet_fase,
)
from lerend_netwerk.statusbestand.yamltekst import BIJEENKOMST_SLEUTELS, yaml_waarde

__all__ = [
    "ADVIES",
    "Bijgewerkt",
    "controleer_gehouden_datum",
    "gehouden_op",
    "handmatige_signalen",
    "rv_id",
    "rv_status",
    "verwijder_deelnemer",
    "vink_af",
    "voeg_deelnemer_toe",
    "wijzig_deelnemer",
    "zet_contract",
    "zet_netwerkvelden",
    "zet_randvoorwaarde",
    "zet_thema",
    "zoek_deelnemer",
    "ADVIES_GEEN",
    "BIJEENKOMST_SLEUTELS",
    "SLOT_WACHTTIJD",
    "Statusbestand",
    "Vastgelegd",
    "controleer_tegen_kennisbank",
    "gehouden_in_de_toekomst",
    "weiger_gehouden_in_de_toekomst",
    "leg_bijeenkomst_vast",
    "lees_netwerk",
    "lees_netwerk_met_tekst",
    "lees_statusbestand",
    "netwerk_uit_data",
    "nieuw_bestand_tekst",
    "notities_samen",
    "schrijf_atomair",
    "te_lang",
    "tijd_uit_tekst",
    "schrijf_nieuw",
    "vergrendeld",
    "voeg_bijeenkomst_toe",
    "weiger_bestaand",
    "weiger_map",
    "yaml_waarde",
    "zet_fase",
]
