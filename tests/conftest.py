"""Fixtures shared by the whole suite."""

import os
from pathlib import Path

import pytest

from consultant_app.i18n import set_language
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE

# The command line follows an English locale (consultant_app/cli/language.py); the suite expects
# the Danish default whatever the machine's locale, and tests of English ask for it themselves.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


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


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory):
    """`vault_template(passphrase, name, team)`: a vault made once per session for those values.
    Tests copy it (`copy_vault`), since each creation costs a key derivation."""
    made: dict[tuple[str, str, str], Path] = {}

    def template(passphrase: str, name: str, team: str) -> Path:
        key = (passphrase, name, team)
        if key not in made:
            path = tmp_path_factory.mktemp("template") / "vault.db"
            Vault.create(path, passphrase, name=name, team=team).lock()
            made[key] = path
        return made[key]

    return template
