"""Campaigns: validation, the agency's code (unique), and the e-mail text's placeholders."""

from datetime import date

import pytest

from consultant_app.errors import ValidationError
from consultant_app.survey import DEFAULT_TEXT, create_campaign, list_campaigns, update_campaign
from consultant_app.survey.errors import CampaignCodeTakenError


def new(s, **kw):
    values = {
        "name": "Tilfredshed",
        "link": "https://survey.example.dk/x",
        "period_from": date(2025, 3, 1),
        "period_to": date(2025, 4, 15),
    } | kw
    return create_campaign(s, **values)


def test_a_campaign_with_the_default_text(vault):
    with vault.session() as s:
        info = new(s, code="SIRI-25")
    assert (info.code, info.uses_default_text, info.email_text) == ("SIRI-25", True, DEFAULT_TEXT)
    assert "{navn}" in info.email_text and "{link}" in info.email_text and "{periode}" in info.email_text


def test_without_a_code_one_is_drawn_never_made_from_the_name(vault):
    with vault.session() as s:
        code = new(s, name="Spørgeskema Øst").code
    assert code.startswith("kmp-") and "oest" not in code and "2025" not in code


def test_the_code_is_unique(vault):
    with vault.session() as s:
        new(s, code="SIRI-25")
    with vault.session() as s, pytest.raises(CampaignCodeTakenError) as taken:
        new(s, code="SIRI-25", name="Anden")
    assert "'SIRI-25' bruges allerede" in str(taken.value)


def test_every_problem_at_once(vault):
    with vault.session() as s, pytest.raises(ValidationError) as invalid:
        new(
            s,
            name="",
            link="survey.example.dk",
            period_to=date(2025, 2, 1),
            code="har mellemrum",
            email_text="Hej {fornavn}, se linket",
        )
    fields = [p.field for p in invalid.value.problems]
    assert fields == ["name", "link", "code", "period_to", "email_text", "email_text"]
    messages = [p.message() for p in invalid.value.problems]
    assert "ukendt pladsholder {fornavn}" in messages[4]
    assert messages[5] == "teksten skal indeholde {link}"


def test_update_keeps_the_code_and_sets_a_custom_text(vault):
    with vault.session() as s:
        created = new(s, code="SIRI-25")
    with vault.session() as s:
        info = update_campaign(
            s,
            created.id,
            name="Nyt navn",
            link="https://survey.example.dk/y",
            period_from=date(2025, 3, 1),
            period_to=date(2025, 5, 1),
            email_subject="Spørgsmål om {kampagne}",
            email_text="Hej {navn}\n{link}",
        )
    assert (info.code, info.name, info.uses_default_text) == ("SIRI-25", "Nyt navn", False)
    with vault.session() as s:
        assert [c.id for c in list_campaigns(s)] == [created.id]
