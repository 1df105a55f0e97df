"""The knowledge base: the Handreiking as typed, validated objects.

`model` holds the types and the questions they answer; `laden` reads the
YAML, validates it and caches the result.
"""

from lerend_netwerk.kennisbank.laden import laad_kennisbank
from lerend_netwerk.kennisbank.model import (
    BEWIJS_VELDEN,
    FASE_IDS,
    GROEPSVORMEN,
    VALKUIL_SOORTEN,
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
    fase_id,
    filter_werkvormen,
)

__all__ = [
    "BEWIJS_VELDEN", "FASE_IDS", "GROEPSVORMEN", "VALKUIL_SOORTEN", "WERKVORM_SOORTEN",
    "Bron", "Doel", "Fase", "InGebruik", "Kennisbank", "Onderdeel", "Planregels", "Randvoorwaarde", "Rol",
    "Signaal", "Stap", "Uitwerking", "Valkuil", "Vereiste", "Vermelding", "Voorrang", "Werkvorm", "fase_id", "filter_werkvormen",
    "laad_kennisbank",
]
