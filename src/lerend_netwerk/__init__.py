"""lerend-netwerk: facilitatie-assistent voor kartrekkers van Lerende Netwerken."""

__version__ = "0.1.0"
