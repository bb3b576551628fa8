"""Fixtures for the interchange tests: a fresh vault, and files written the way users write them.

Helpers are fixtures (not imported names) so they work with any pytest import mode.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from consultant_app.i18n import set_language
from consultant_app.interchange.columns import HEADER
from consultant_app.storage.vault import Vault
from tests.support import copy_vault

PASSPHRASE = "korrekt hest batteri hæfteklamme"

# A valid row of every required column; tests override what they are about.
_MINIMAL = {
    "received_on": "2024-03-05",
    "region": "midtjylland",
    "inquirer_type": "politi",
    "channel": "telefon",
    "citizen_age_group": "voksen",
    "trip_concern": "ingen",
}

# Every column filled, with the characters that break naive CSV: Danish letters, quotes, the
# separator and line breaks inside a cell.
_FULL = {
    "external_ref": "SAG-2024/Ø1",
    "received_on": "2024-03-05",
    "region": "midtjylland",
    "municipality_code": "751",
    "inquirer_type": "kommune",
    "municipal_department": "boern_unge",
    "channel": "mail",
    "citizen_age_group": "barn",
    "citizen_gender": "kvinde",
    "consent": "samtykke",
    "trip_concern": "trussel_dk",
    "reasons": "social_kontrol|tvangsaegteskab|udlandsophold",
    "advice_types": "risikovurdering|sikkerhed|koordinering",
    "kind": "forloeb",
    "closed_on": "2024-05-31",
    "notes": 'Pigen (15) siger "de tager mig til Irak"; far truer.\r\nAftalt møde på skolen.\nÆØÅ æøå',
    "professional_name": "Åse Østergaard-Æbelø",
    "professional_email": "Aase.Ostergaard@Aarhus.dk",
    "professional_phone": "+45 87 13 00 00",
    "professional_organisation": "Børn og Unge, Aarhus; Vest",
}


@pytest.fixture(autouse=True)
def danish() -> Iterator[None]:
    """The CLI sets the language from the environment; leave it Danish for the next test."""
    set_language("da")
    yield
    set_language("da")


@pytest.fixture
def vault_path(tmp_path: Path, vault_template) -> Path:
    """A new, empty vault: a copy of one made once, since making one costs a key derivation."""
    return copy_vault(vault_template(PASSPHRASE, "Karen Konsulent", "aarhus"), tmp_path)


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    with Vault.open(vault_path, PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CONSULTANT_APP_LANG", raising=False)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def minimal() -> dict[str, str]:
    return dict(_MINIMAL)


@pytest.fixture
def full() -> dict[str, str]:
    return dict(_FULL)


@pytest.fixture
def make_csv(tmp_path: Path):
    def make(
        rows: list[dict[str, str]],
        header: list[str] | None = None,
        *,
        name: str = "in.csv",
        delimiter: str = ";",
        bom: bool = True,
    ) -> Path:
        return write_csv(tmp_path / name, rows, header, delimiter=delimiter, bom=bom)

    return make


@pytest.fixture
def load_csv():
    return read_csv


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    header: list[str] | None = None,
    *,
    delimiter: str = ";",
    bom: bool = True,
) -> Path:
    """Rows as dicts; the header is every column the rows use, in interchange order."""
    if header is None:
        used = {key for row in rows for key in row}
        header = [name for name in HEADER if name in used] + sorted(used - set(HEADER))
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in header])
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))
