"""The vault's own inquiry references (services/refs.py) and the prefix each vault draws."""

import re
from datetime import date, datetime

from sqlalchemy import select

from consultant_app.domain import Profile
from consultant_app.domain.profile import REF_PREFIX_ALPHABET, new_ref_prefix
from consultant_app.services.refs import own_ref
from consultant_app.storage.vault import Vault
from tests.support import PASSPHRASE


def test_own_ref_is_prefix_year_received_and_the_padded_id():
    assert own_ref("K7QH2M", datetime(2024, 3, 5, 9, 15), 42) == "K7QH2M-2024-00042"
    assert own_ref("K7QH2M", date(2019, 1, 1), 123456) == "K7QH2M-2019-123456"


def test_a_prefix_is_six_unambiguous_upper_case_characters():
    assert not set("0O1I") & set(REF_PREFIX_ALPHABET)
    prefixes = {new_ref_prefix() for _ in range(200)}
    assert all(re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", prefix) for prefix in prefixes)
    assert len(prefixes) > 190  # random, not a counter or a constant


def test_every_new_vault_draws_its_own_prefix(tmp_path):
    prefixes = []
    for name in ("a.db", "b.db"):
        with (
            Vault.create(tmp_path / name, PASSPHRASE, name="K", team="aarhus") as vault,
            vault.session() as s,
        ):
            prefixes.append(s.scalar(select(Profile.ref_prefix)))
    assert prefixes[0] != prefixes[1]
