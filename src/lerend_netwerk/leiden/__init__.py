"""`ln leid`: leading the meeting with the agenda as the clock, without a terminal in sight.

  sessie        the state machine: items with planned and real minutes, pause, notes,
                agreements, absent names, the advice when running behind; clock injected
  voorbereiden  the agenda to lead (re-planned from the stored note) and the meeting to log
  journaal      `netwerk.yaml.leid`: what was recorded so far, written as it goes

The terminal layer is `cli/leid.py`, `cli/leid_lus.py`, `cli/leid_scherm.py` and `cli/toetsen.py`;
see docs/leiden.md.
"""
