"""Fixtures shared by the whole suite."""

import pytest

from consultant_app.i18n import set_language
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE


@pytest.fixture(autouse=True)
def _danish():
    set_language("da")
    yield
    set_language("da")


@pytest.fixture
def vault_path(tmp_path):
    return tmp_path / "vault.db"


@pytest.fixture
def vault(vault_path):
    v = Vault.create(vault_path, PASSPHRASE, name="Test Konsulent", team="aarhus")
    yield v
    v.lock()
