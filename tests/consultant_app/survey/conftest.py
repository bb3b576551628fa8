"""Fixtures for the survey tests: a fresh vault (copied from one made once) and a small builder
for professionals, inquiries, contacts and campaigns.

Helpers are fixtures (not imported names) so they work with any pytest import mode.
"""

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from consultant_app.domain import Contact, Inquiry, Professional
from consultant_app.storage.vault import Vault
from consultant_app.survey import create_campaign
from tests.support import copy_vault

PASSPHRASE = "korrekt hest batteri hæfteklamme"


@pytest.fixture
def vault_path(tmp_path: Path, vault_template) -> Path:
    return copy_vault(vault_template(PASSPHRASE, "Karen Konsulent", "aarhus"), tmp_path)


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    with Vault.open(vault_path, PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


class World:
    """Makes the records a test is about, each in its own committed unit of work."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def professional(self, name: str, email: str | None = None, municipality: str | None = None) -> int:
        with self.vault.session() as s:
            p = Professional(name=name, email=email, municipality_code=municipality)
            s.add(p)
            s.flush()
            return p.id

    def inquiry(self, region: str = "midtjylland", received: date = date(2025, 3, 1)) -> int:
        with self.vault.session() as s:
            i = Inquiry(
                received_at=datetime.combine(received, time(9)),
                consultant="Karen Konsulent",
                region=region,
                inquirer_type="kommune",
                channel="telefon",
                citizen_age_group="barn",
                trip_concern="ingen",
            )
            s.add(i)
            s.flush()
            return i.id

    def contact(
        self,
        professional_id: int,
        when: date | datetime,
        channel: str = "telefon",
        inquiry_id: int | None = None,
    ) -> None:
        occurred = when if isinstance(when, datetime) else datetime.combine(when, time(10))
        with self.vault.session() as s:
            s.add(
                Contact(
                    professional_id=professional_id,
                    occurred_at=occurred,
                    channel=channel,
                    inquiry_id=inquiry_id,
                )
            )

    def campaign(
        self,
        period_from: date = date(2025, 3, 1),
        period_to: date = date(2025, 4, 15),
        code: str | None = None,
        **kw,
    ) -> int:
        with self.vault.session() as s:
            return create_campaign(
                s,
                name=kw.pop("name", "Tilfredshed forår 2025"),
                link=kw.pop("link", "https://survey.example.dk/s/abc123"),
                period_from=period_from,
                period_to=period_to,
                code=code,
                **kw,
            ).id


@pytest.fixture
def world(vault: Vault) -> World:
    return World(vault)
