"""The package: counts.md's shape, counts only by construction, versions from the outbox."""

import json
import time
from datetime import UTC, date, datetime

import pytest

from consultant_app.counts.blocks import regions
from consultant_app.counts.package import Package, PackageError, build_package
from consultant_app.domain import OutboxPackage, Professional, Profile, SurveyCampaign, SurveyDispatch
from tests.consultant_app.counts.records import Record, add_records

AT = datetime(2025, 4, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def march(vault):
    with vault.session() as session:
        add_records(
            session,
            [
                Record(datetime(2025, 3, 3, 10), "hovedstaden", reasons=("pres",)),
                Record(datetime(2025, 3, 20, 10), "nordjylland", kind="forloeb", age="barn"),
                Record(datetime(2025, 2, 20, 10), "nordjylland"),
            ],
        )
    return vault


def _campaign(session, code, start, end):
    campaign = SurveyCampaign(
        code=code, name="Tilfredshed", link="https://example.org/s", period_from=start, period_to=end
    )
    session.add(campaign)
    session.flush()
    return campaign


def _dispatch(session, campaign, region, at, status="sent"):
    professional = Professional(name="Fagperson")
    session.add(professional)
    session.flush()
    session.add(
        SurveyDispatch(
            campaign_id=campaign.id,
            professional_id=professional.id,
            status=status,
            region=region,
            recorded_at=at,
        )
    )


def test_the_package_has_the_shape_of_counts_md(march):
    with march.session() as session:
        package = build_package(session, "2025-03", generated_at=AT)
        submitter = session.get(Profile, 1).submitter_id
    data = json.loads(package.to_json())
    assert list(data) == [
        "schema",
        "submitter",
        "team",
        "month",
        "version",
        "generated_at",
        "regions",
        "survey",
    ]
    assert data["schema"] == 1 and data["version"] == 1
    assert (data["submitter"], data["team"], data["month"]) == (submitter, "aarhus", "2025-03")
    assert data["generated_at"] == "2025-04-02T00:00:00Z"  # to the day, no finer
    assert list(data["regions"]) == list(regions())
    assert data["regions"]["hovedstaden"]["inquiries"] == 1
    assert data["regions"]["hovedstaden"]["by_reason"]["pres"] == 1
    assert data["regions"]["nordjylland"]["active_courses_end"] == 1
    assert data["regions"]["sjaelland"]["inquiries"] == 0  # present, with zeros
    assert data["survey"] == []
    assert Package.from_json(package.to_json()) == package


def test_survey_links_sent_in_the_local_month_by_stored_region(march, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    try:
        with march.session() as session:
            spring = _campaign(session, "siri-2025-h1", date(2025, 3, 1), date(2025, 4, 15))
            _dispatch(session, spring, "midtjylland", datetime(2025, 3, 10, 9))
            _dispatch(session, spring, "midtjylland", datetime(2025, 3, 11, 9))
            _dispatch(session, spring, "sjaelland", datetime(2025, 3, 12, 9))
            _dispatch(session, spring, "sjaelland", datetime(2025, 3, 12, 10), status="not_relevant")
            # 23:30 UTC on 28 February is 00:30 on 1 March in Denmark: a March link.
            _dispatch(session, spring, "nordjylland", datetime(2025, 2, 28, 23, 30))
            # 23:30 UTC on 31 March is 01:30 on 1 April in Denmark (summer time): not March.
            _dispatch(session, spring, "nordjylland", datetime(2025, 3, 31, 23, 30))
            _campaign(session, "quiet", date(2025, 2, 1), date(2025, 3, 5))  # ran, nothing sent
            _campaign(session, "later", date(2025, 5, 1), date(2025, 5, 30))
            package = build_package(session, "2025-03", generated_at=AT)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    zero = dict.fromkeys(regions(), 0)
    assert [s.model_dump() for s in package.survey] == [
        {"campaign": "quiet", "links_sent": zero},
        {
            "campaign": "siri-2025-h1",
            "links_sent": {**zero, "midtjylland": 2, "sjaelland": 1, "nordjylland": 1},
        },
    ]


def test_version_follows_the_outbox(march):
    with march.session() as session:
        first = build_package(session, "2025-03", generated_at=AT)
        assert first.version == 1
        session.add(OutboxPackage(month="2025-03", version=1, idempotency_key="k1", payload=first.to_json()))
        session.flush()
        assert build_package(session, "2025-03", generated_at=AT).version == 1  # unchanged counts
    with march.session() as session:
        add_records(session, [Record(datetime(2025, 3, 25, 10), "sjaelland")])
    with march.session() as session:
        corrected = build_package(session, "2025-03", generated_at=AT)
        assert corrected.version == 2
        session.add(
            OutboxPackage(month="2025-03", version=2, idempotency_key="k2", payload=corrected.to_json())
        )
        session.flush()
        assert build_package(session, "2025-03", generated_at=AT).version == 2
        assert build_package(session, "2025-02", generated_at=AT).version == 1  # other months stand alone


def _valid() -> dict:
    return json.loads(
        Package(
            submitter="ab" * 16,
            team="odense",
            month="2025-03",
            version=1,
            generated_at=AT,
            regions={r: _zero_block() for r in regions()},
            survey=[],
        ).to_json()
    )


def _zero_block():
    from consultant_app.counts.blocks import zero_block

    return zero_block()


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.update(notes="Fatima ringede"), "an extra field"),
        (lambda d: d["regions"]["hovedstaden"].update(name="Ali"), "an extra field in a block"),
        (lambda d: d.update(submitter="Aya Jensen"), "a name as submitter"),
        (lambda d: d.update(month="2025-03-14"), "a date finer than the month"),
        (lambda d: d.update(month="2025-13"), "no such month"),
        (lambda d: d.update(version=0), "version 0"),
        (lambda d: d.update(schema=2), "another schema"),
        (lambda d: d.update(team="vejle"), "an unknown team"),
        (lambda d: d["regions"].pop("sjaelland"), "a region missing"),
        (lambda d: d["regions"].update(bornholm=d["regions"]["sjaelland"]), "an unknown region"),
        (lambda d: d["regions"]["sjaelland"]["by_channel"].pop("mail"), "a code missing"),
        (lambda d: d["regions"]["sjaelland"].update(inquiries="0"), "a count as text"),
        (lambda d: d["regions"]["sjaelland"].update(active_courses_end=-1), "a negative count"),
        (lambda d: d["regions"]["sjaelland"].update(inquiries=1.5), "a fraction"),
        (lambda d: d["survey"].append({"campaign": "Ring til Fatima", "links_sent": {}}), "free text"),
        (
            lambda d: d["survey"].append({"campaign": "c1", "links_sent": {"hovedstaden": 1}}),
            "regions missing",
        ),
        (
            lambda d: d["survey"].append(
                {"campaign": "c1", "links_sent": dict.fromkeys(regions(), 0), "id": 7}
            ),
            "an id",
        ),
        (lambda d: d.update(inquiry_ids=[1, 2]), "record ids"),
    ],
)
def test_validation_refuses_anything_but_counts(change, why):
    data = _valid()
    Package.from_json(json.dumps(data))
    change(data)
    with pytest.raises(PackageError):
        Package.from_json(json.dumps(data))
