"""The desktop's unlock and first-run use cases, without Qt."""

import json
import shutil
from pathlib import Path

import pytest

from consultant_app.errors import VaultUpgradeRequired, WrongPassphraseError
from consultant_app.services.unlock import UPGRADE_QUESTION, create_vault, open_vault
from consultant_app.storage import migrate
from consultant_app.storage.vault import Vault
from consultant_app.wizard import VaultRequest
from tests.support import PASSPHRASE

OLD = Path(__file__).parents[2] / "data" / "vaults" / "rev0003.db"


def test_create_then_open_gives_the_profile(tmp_path):
    path = tmp_path / "ny.db"
    request = VaultRequest(
        path=path, passphrase=PASSPHRASE, name="Aya Jensen", team="aarhus", default_region=None
    )
    created = create_vault(request)
    assert created.profile.name == "Aya Jensen"
    created.vault.lock()
    opened = open_vault(path, PASSPHRASE)
    try:
        assert (opened.profile.name, opened.profile.team) == ("Aya Jensen", "aarhus")
    finally:
        opened.vault.lock()


def test_a_wrong_passphrase_leaves_nothing_open(tmp_path):
    path = tmp_path / "v.db"
    Vault.create(path, PASSPHRASE, name="A", team="aarhus").lock()
    with pytest.raises(WrongPassphraseError):
        open_vault(path, "forkert")
    open_vault(path, PASSPHRASE).vault.lock()  # not left "already open" by the failed try


def test_an_old_vault_needs_consent_and_names_both_schemas(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(OLD, path)
    passphrase = json.loads(OLD.with_suffix(".json").read_text())["passphrase"]
    with pytest.raises(VaultUpgradeRequired) as refused:
        open_vault(path, passphrase)
    assert refused.value.params == {"current": "0003", "head": migrate.head_revision()}
    question = UPGRADE_QUESTION.render(path=path.name, **refused.value.params)
    assert "skema 0003" in question and "kopi" in question
    opened = open_vault(path, passphrase, upgrade=True)
    opened.vault.lock()
