"""Properties (hypothesis, few examples, in-process):
1. Under any schedule of faults, with late registrations in between, what the receiver holds is
   exactly what the outbox says was sent, with no duplicates, and the latest version of every
   month says what the vault's records say now.
2. A vault whose every free-text field holds a canary: the canary is in no package, no request
   body and no row of the receiver."""

import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, Text, delete, func, select, text

from consultant_app.counts.blocks import category_codes, regions
from consultant_app.counts.package import Package, build_package
from consultant_app.domain import (
    Base,
    Citizen,
    Contact,
    FollowUp,
    Inquiry,
    Note,
    OutboxPackage,
    Professional,
    SurveyCampaign,
    SurveyDispatch,
)
from consultant_app.receiver.db import StoredPackage, make_engine
from consultant_app.receiver.schema import migrate
from consultant_app.storage.vault import Vault
from consultant_app.sync.client import RetryPolicy
from consultant_app.sync.settings import save_sync_settings
from tests.consultant_app.counts.records import Record, add_records
from tests.consultant_app.receiver.support import LAPTOP_TOKEN, Faults, bridge, dump_tables, make_app
from tests.consultant_app.sync.helpers import MONTHS, run
from tests.support import PASSPHRASE

FAULTS = ["ok", "down", "500", "429", "timeout", "lost"]
POLICY = RetryPolicy(attempts=3, first_wait=0, max_wait=0, max_retry_after=30)
FEW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def base_vault(tmp_path_factory):
    path = tmp_path_factory.mktemp("prop") / "v.db"
    with Vault.create(path, PASSPHRASE, name="P", team="odense") as vault, vault.session() as session:
        add_records(session, [Record(datetime(2026, m, 3, 10), "hovedstaden") for m in (1, 2, 3)])
        save_sync_settings(session, endpoint="http://127.0.0.1:9", token=LAPTOP_TOKEN)
    vault = Vault.open(path, PASSPHRASE)
    yield vault
    vault.lock()


rounds = st.lists(
    st.tuples(
        st.lists(st.sampled_from(FAULTS), max_size=6),  # the faults of this round
        st.lists(st.sampled_from(MONTHS), max_size=2),  # late registrations before it
    ),
    min_size=1,
    max_size=4,
)


@FEW
@given(rounds=rounds)
def test_the_receiver_holds_exactly_what_the_outbox_sent(base_vault, rounds):
    with base_vault.session() as session:  # a fresh start: the base records only, no outbox
        session.execute(delete(OutboxPackage))
        session.execute(delete(Inquiry).where(Inquiry.id > 3))
    engine = make_engine("sqlite://")
    migrate(engine)
    with bridge(make_app(engine)) as transport:
        for faults, late in rounds:
            with base_vault.session() as session:
                add_records(session, [Record(datetime(2026, int(m[5:]), 20, 9), "sjaelland") for m in late])
            run(base_vault, Faults(transport, list(faults)), policy=POLICY)
        run(base_vault, transport, policy=POLICY)  # the network is good again
    with base_vault.session() as session:
        sent = sorted(
            (r.month, r.version)
            for r in session.scalars(select(OutboxPackage).where(OutboxPackage.state == "sent"))
        )
        assert session.scalar(select(func.count()).where(OutboxPackage.state == "pending")) == 0
        now = {m: build_package(session, m) for m in MONTHS}
    with engine.connect() as conn:
        held = [
            (r.month, r.version) for r in conn.execute(select(StoredPackage.month, StoredPackage.version))
        ]
        assert sorted(held) == sent and len(set(held)) == len(held)
        for month in MONTHS:
            latest = conn.scalar(
                select(StoredPackage.payload)
                .where(StoredPackage.month == month)
                .order_by(StoredPackage.version.desc())
                .limit(1)
            )
            assert Package.model_validate_json(latest).same_counts(now[month])
    engine.dispose()


# --- canaries ----------------------------------------------------------------------------

NOT_FREE_TEXT = {  # codes, identifiers and what the sync itself needs
    ("survey_campaign", "code"),
    ("profile", "submitter_id"),
    ("profile", "ref_prefix"),
    ("profile", "language"),
    ("survey_dispatch", "status"),
    ("survey_dispatch", "method"),
    ("inquiry", "municipality_code"),
    ("professional", "municipality_code"),
}
SKIP_TABLES = {"outbox_package", "audit_event", "sync_settings", "alembic_version"}
canaries = st.text(alphabet="ÆØÅæøåQXZ🐤", min_size=3, max_size=8).map(lambda s: "ZQ" + s)
inquiries = st.lists(
    st.tuples(
        st.sampled_from(MONTHS),
        st.sampled_from(regions()),
        st.sampled_from(category_codes("by_kind")),
        st.lists(st.sampled_from(category_codes("by_reason")), max_size=2, unique=True),
    ),
    min_size=1,
    max_size=12,
)


def fill_free_text(session, canary: str) -> None:
    """Every text column that is not a code: the canary (and the row id, where it must be unique)."""
    for table in Base.metadata.sorted_tables:
        if table.name in SKIP_TABLES:
            continue
        for column in table.columns:
            is_code = (
                isinstance(column.type, String)
                and not isinstance(column.type, Text)
                and column.type.length == 32
            )
            if (
                not isinstance(column.type, String | Text)
                or is_code
                or (table.name, column.name) in NOT_FREE_TEXT
            ):
                continue
            value = f"'{canary}' || id" if "id" in table.columns else f"'{canary}'"
            session.execute(text(f'UPDATE "{table.name}" SET "{column.name}" = {value}'))


@settings(
    max_examples=4, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate]
)  # a vault each: no shrinking
@given(canary=canaries, rows=inquiries)
def test_no_free_text_leaves_the_laptop(canary, rows):
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.create(Path(folder) / "v.db", PASSPHRASE, name=canary, team="aalborg")
        with vault.session() as session:
            people = [
                Professional(name="x", email="x@x.example", phone="1", organisation_name="x")
                for _ in range(3)
            ]
            session.add_all([*people, Citizen(pseudonym="x", full_name="x", cpr="x", note="x")])
            session.flush()
            add_records(
                session,
                [Record(datetime(2026, int(m[5:]), 9, 10), r, kind=k, reasons=tuple(rs), extra={"professional_id": people[0].id, "notes": "x", "inquirer_other_note": "x"}) for m, r, k, rs in rows],
            )  # fmt: skip
            first = session.scalar(select(func.min(Inquiry.id)))
            session.add_all(
                [
                    Note(inquiry_id=first, text="x"),
                    FollowUp(inquiry_id=first, type="opkald", due_on=date(2026, 3, 1), note="x"),
                ]
            )
            session.add(
                Contact(
                    professional_id=people[0].id,
                    inquiry_id=first,
                    occurred_at=datetime(2026, 2, 1),
                    channel="mail",
                    summary="x",
                )
            )
            campaign = SurveyCampaign(
                code="siri-1",
                name="x",
                link="x",
                period_from=date(2026, 2, 1),
                period_to=date(2026, 3, 15),
                email_text="x",
            )
            session.add(campaign)
            session.flush()
            session.add(
                SurveyDispatch(
                    campaign_id=campaign.id,
                    professional_id=people[1].id,
                    status="sent",
                    region="hovedstaden",
                    recorded_at=datetime(2026, 2, 10, 12),
                )
            )
            fill_free_text(session, canary)
            save_sync_settings(session, endpoint="http://127.0.0.1:9", token=LAPTOP_TOKEN)
        engine = make_engine("sqlite://")
        migrate(engine)
        with bridge(make_app(engine)) as transport:
            faults = Faults(transport)
            report = run(vault, faults)
        assert report.complete and len(report.sent) == len(report.queued) > 0
        with vault.session() as session:
            assert session.scalar(select(Professional.name).limit(1)).startswith(canary)  # it is there
            payloads = session.scalars(select(OutboxPackage.payload)).all()
        vault.lock()
        for haystack in [*payloads, *(b.decode("utf-8") for b in faults.bodies), dump_tables(engine)]:
            assert "ZQ" not in haystack
        engine.dispose()
