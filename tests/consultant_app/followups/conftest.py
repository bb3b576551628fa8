"""Fixtures for the follow-up tests: a fresh vault (copied from one made once) and cases."""

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from consultant_app.domain import Citizen, Inquiry, Note, Professional
from consultant_app.storage.vault import Vault
from tests.support import copy_vault

PASSPHRASE = "korrekt hest batteri hæfteklamme"


@pytest.fixture
def vault_path(tmp_path: Path, vault_template) -> Path:
    return copy_vault(vault_template(PASSPHRASE, "Karen Konsulent", "odense"), tmp_path)


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    with Vault.open(vault_path, PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def make_case(vault):
    """An inquiry with the kind of identifying content a calendar must never carry."""

    def make(
        *,
        pseudonym: str = "Fatima Al-Sayed",
        professional: str = "Åse Østergaard",
        notes: str = "Pigen frygter at blive sendt til Irak",
        received: date = date(2025, 3, 3),
    ) -> int:
        with vault.session() as s:
            inquiry = Inquiry(
                received_at=datetime.combine(received, time(9)),
                consultant="Karen Konsulent",
                region="syddanmark",
                inquirer_type="skole",
                channel="telefon",
                citizen_age_group="barn",
                trip_concern="trussel_dk",
                kind="forloeb",
                notes=notes,
                citizen=Citizen(pseudonym=pseudonym, full_name=pseudonym + " Hansen"),
                professional=Professional(name=professional, email="aase@odense.dk"),
            )
            s.add(inquiry)
            s.flush()
            s.add(Note(inquiry_id=inquiry.id, text=notes))
            return inquiry.id

    return make
