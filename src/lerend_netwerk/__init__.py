"""lerend-netwerk: facilitatie-assistent voor kartrekkers van Lerende Netwerken."""

__version__ = "0.1.0"


def pakketbytes(*delen: str) -> bytes:
    """The bytes of a file of the package (`pakketbytes("data", "zoeken.yaml")`), from a folder,
    a wheel or a zip alike; OSError when it is missing.

    Read by the package's own loader, as `pkgutil.get_data` does: `importlib.resources`
    imports zipfile and tempfile, ~4 ms of every start."""
    import os

    lees = getattr(__spec__.loader, "get_data", None)
    if lees is None:  # pragma: no cover - a loader without get_data
        from importlib import resources

        return resources.files(__name__).joinpath(*delen).read_bytes()
    return lees(os.path.join(os.path.dirname(__file__), *delen))
