"""Where the shipped data lives: code lists, translations, instruments, migrations.

A source checkout and the PyInstaller bundle keep `resources/` and `db/` beside the
`consultant_app` package; an installed wheel carries them inside it (pyproject.toml).
"""

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _locate(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The application's '{name}' folder is missing: the installation is incomplete.")


def resources_dir() -> Path:
    return _locate("resources")


def migrations_dir() -> Path:
    return _locate("db")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
