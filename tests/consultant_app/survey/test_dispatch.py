"""Recording dispatches: once per campaign (the database says so), the region fixed at dispatch."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from consultant_app.domain import AuditEvent, Professional, SurveyDispatch
from consultant_app.errors import ValidationError
from consultant_app.i18n import set_language
from consultant_app.survey import (
    eligible_professionals,
    list_dispatches,
    message_for,
    record_dispatch,
    record_dispatches,
    undo_dispatch,
)
from consultant_app.survey.errors import (
    AlreadyDispatchedError,
    AlreadyMarkedNotRelevantError,
    NotEligibleError,
    SharedEmailError,
)


@pytest.fixture
def campaign(world):
    return world.campaign(date(2025, 3, 1), date(2025, 4, 15), code="SIRI-2025-1")


@pytest.fixture
def caseworker(world):
    pid = world.professional("Åse Østergaard", "aase@aarhus.dk")
    world.contact(pid, date(2025, 3, 10), "telefon")
    return pid


def dispatch_count(vault) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(SurveyDispatch))


def test_a_second_dispatch_is_refused_with_a_clear_danish_message(vault, campaign, caseworker):
    with vault.session() as s:
        record_dispatch(s, campaign, caseworker, channel="mail")
    with vault.session() as s, pytest.raises(AlreadyDispatchedError) as refused:
        record_dispatch(s, campaign, caseworker, channel="telefon")
    message = str(refused.value)
    assert f"Fagperson {caseworker} har allerede fået linket i kampagnen SIRI-2025-1" in message
    assert "kun én gang pr. kampagne" in message
    assert "Åse" not in message  # no record content in an error
    assert dispatch_count(vault) == 1


def test_the_refusal_leaves_the_rest_of_the_unit_of_work_intact(vault, world, campaign, caseworker):
    other = world.professional("Bo Berg")
    world.contact(other, date(2025, 3, 11), "mail")
    with vault.session() as s:
        record_dispatch(s, campaign, caseworker)
    with vault.session() as s:
        outcome = record_dispatches(s, campaign, [caseworker, other])
    assert [d.professional_id for d in outcome.recorded] == [other]
    assert [r.professional_id for r in outcome.refused] == [caseworker]
    assert "allerede fået linket" in outcome.refused[0].message
    assert dispatch_count(vault) == 2


def test_the_database_itself_enforces_once_per_campaign(vault, campaign, caseworker):
    with vault.session() as s:
        s.add(SurveyDispatch(campaign_id=campaign, professional_id=caseworker, status="sent"))
    with pytest.raises(IntegrityError), vault.session() as s:
        s.add(SurveyDispatch(campaign_id=campaign, professional_id=caseworker, status="not_relevant"))
    with pytest.raises(IntegrityError), vault.session() as s:  # and only the two statuses
        s.add(SurveyDispatch(campaign_id=campaign, professional_id=caseworker, status="maybe"))


def test_not_relevant_blocks_a_later_send_with_its_own_message(vault, campaign, caseworker):
    with vault.session() as s:
        info = record_dispatch(s, campaign, caseworker, status="not_relevant", channel="mail")
    assert (info.status, info.channel) == ("not_relevant", None)
    with vault.session() as s, pytest.raises(AlreadyMarkedNotRelevantError) as refused:
        record_dispatch(s, campaign, caseworker)
    assert "markeret som ikke relevant" in str(refused.value)


def test_the_same_professional_in_two_campaigns_gets_one_link_in_each(vault, world, caseworker):
    spring = world.campaign(date(2025, 3, 1), date(2025, 4, 15), code="FORAAR")
    autumn = world.campaign(date(2025, 9, 1), date(2025, 10, 15), code="EFTERAAR")
    world.contact(caseworker, date(2025, 9, 3), "mail")
    for campaign in (spring, autumn):
        with vault.session() as s:
            record_dispatch(s, campaign, caseworker)
        with vault.session() as s, pytest.raises(AlreadyDispatchedError):
            record_dispatch(s, campaign, caseworker)
    with vault.session() as s:
        assert [r.dispatch.professional_id for r in list_dispatches(s, spring)] == [caseworker]
        assert [r.dispatch.professional_id for r in list_dispatches(s, autumn)] == [caseworker]


def test_no_contact_in_the_period_is_refused(vault, world, campaign):
    met = world.professional("Kun Møde")
    world.contact(met, date(2025, 3, 10), "moede")
    with vault.session() as s, pytest.raises(NotEligibleError) as refused:
        record_dispatch(s, campaign, met)
    assert "ingen kontakt pr. telefon eller mail" in str(refused.value)


def test_a_twin_by_email_is_refused_once_the_other_has_the_link(vault, world, campaign, caseworker):
    twin = world.professional("Aase Ostergaard", "AASE@aarhus.dk ")
    world.contact(twin, date(2025, 4, 1), "mail")
    with vault.session() as s:
        record_dispatch(s, campaign, caseworker)
    with vault.session() as s, pytest.raises(SharedEmailError) as refused:
        record_dispatch(s, campaign, twin)
    assert "flet dem" in str(refused.value)
    with vault.session() as s:  # two people at one shared mailbox, confirmed by the user
        assert record_dispatch(s, campaign, twin, allow_shared_email=True).status == "sent"


def test_region_is_fixed_at_dispatch_time(vault, world, campaign, caseworker):
    with vault.session() as s:
        info = record_dispatch(s, campaign, caseworker)
    assert info.region == "midtjylland"  # no municipality, no inquiry: the team's region (aarhus)
    with vault.session() as s:
        s.get(Professional, caseworker).municipality_code = "461"  # Odense, later
    with vault.session() as s:
        assert list_dispatches(s, campaign)[0].dispatch.region == "midtjylland"


def test_channel_and_method_are_checked_and_recorded(vault, campaign, caseworker):
    with vault.session() as s, pytest.raises(ValidationError):
        record_dispatch(s, campaign, caseworker, channel="brevdue")
    with vault.session() as s:
        info = record_dispatch(s, campaign, caseworker, channel="telefon", method="copy")
    assert (info.channel, info.method) == ("telefon", "copy")
    with vault.session() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.entity == "survey_dispatch")) == 1


def test_undo_makes_the_professional_eligible_again(vault, campaign, caseworker):
    with vault.session() as s:
        record_dispatch(s, campaign, caseworker)
    with vault.session() as s:
        undo_dispatch(s, campaign, caseworker)
    with vault.session() as s:
        assert [e.professional_id for e in eligible_professionals(s, campaign)] == [caseworker]


def test_the_message_fills_the_placeholders(vault, world, campaign, caseworker):
    with vault.session() as s:
        message = message_for(s, campaign, caseworker)
    assert message.to_address == "aase@aarhus.dk"
    assert message.email.body.startswith("Kære Åse Østergaard\n")
    assert "i perioden 1. marts – 15. april 2025." in message.email.body
    assert "\nhttps://survey.example.dk/s/abc123\n" in message.email.body
    assert message.email.body.endswith("Karen Konsulent\nSikkerhedskonsulent")
    assert "{" not in message.email.body


def test_messages_in_english_when_asked(vault, campaign, caseworker):
    with vault.session() as s:
        record_dispatch(s, campaign, caseworker)
    set_language("en")
    with vault.session() as s, pytest.raises(AlreadyDispatchedError) as refused:
        record_dispatch(s, campaign, caseworker)
    assert str(refused.value).startswith(f"Professional {caseworker} has already been sent the link")
