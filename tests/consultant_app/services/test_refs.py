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


def test_the_id_and_ref_of_a_deleted_inquiry_are_never_given_again(vault):
    from datetime import datetime

    from consultant_app.domain import Inquiry
    from consultant_app.services.inquiries import InquiryDraft, create_inquiry

    def draft():
        return InquiryDraft(
            received_at=datetime(2025, 4, 1, 9),
            region="hovedstaden",
            inquirer_type="politi",
            channel="telefon",
            citizen_age_group="voksen",
            trip_concern="ingen",
        )

    with vault.session() as s:
        first = create_inquiry(s, draft(), today=datetime(2025, 5, 1).date())
    first_id, first_ref = first.id, first.external_ref
    with vault.session() as s:
        s.delete(s.get(Inquiry, first_id))
    with vault.session() as s:
        second = create_inquiry(s, draft(), today=datetime(2025, 5, 1).date())
    assert second.id > first_id
    assert second.external_ref != first_ref
