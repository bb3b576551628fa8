"""The first-run wizard's rules (consultant_app/wizard.py), without any window."""

from pathlib import Path

import pytest

from consultant_app.wizard import FirstRunWizard, Step

GOOD = "korrekt hest batteri hæfteklamme"


@pytest.fixture
def wizard() -> FirstRunWizard:
    return FirstRunWizard(Path("/tmp/v.db"))


def test_the_passphrase_step_explains_every_weakness_in_danish(wizard):
    check = wizard.set_passphrase("sommer2024", "")
    assert check.weaknesses[0].startswith("den kan gættes på omkring ")
    assert check.weaknesses[0].endswith("forsøg; den skal tåle mindst en billion (10^12)")
    assert not check.repeated and not check.acceptable
    assert not wizard.can_go_on()
    check = wizard.set_passphrase(GOOD, GOOD[:-1])
    assert check.weaknesses == () and not check.mismatch and not check.acceptable  # still typing
    check = wizard.set_passphrase(GOOD, GOOD[:-1] + "x")
    assert check.mismatch and not check.acceptable  # a typo
    check = wizard.set_passphrase(GOOD, GOOD)
    assert check.acceptable and wizard.can_go_on()
    assert wizard.set_passphrase("", "").weaknesses == ()  # nothing typed yet: nothing to blame


def test_the_steps_in_order_and_back(wizard):
    with pytest.raises(ValueError):
        wizard.go_on()
    wizard.set_passphrase(GOOD, GOOD)
    assert wizard.go_on() is Step.SAFEKEEPING
    assert wizard.position() == (2, 3)
    assert not wizard.can_go_on()  # the warning must be acknowledged
    wizard.set_understood(True)
    assert wizard.go_on() is Step.PROFILE
    assert wizard.go_back() is Step.SAFEKEEPING
    assert wizard.go_on() is Step.PROFILE
    problems = wizard.set_profile("  ", None, None)
    assert {p.field: p.message("da") for p in problems} == {"name": "skal udfyldes", "team": "skal udfyldes"}
    assert wizard.set_profile(" Mette ", "odense", "syddanmark") == []
    assert wizard.go_on() is Step.CREATING
    request = wizard.request()
    assert (request.passphrase, request.name, request.team, request.default_region) == (
        GOOD,
        "Mette",
        "odense",
        "syddanmark",
    )


def test_the_passphrase_is_forgotten_once_the_vault_exists_and_a_failure_returns_to_the_profile(wizard):
    wizard.set_passphrase(GOOD, GOOD)
    wizard.go_on()
    wizard.set_understood(True)
    wizard.go_on()
    wizard.set_profile("Mette", "aarhus", None)
    wizard.go_on()
    wizard.failed("Der findes allerede en fil her")
    assert wizard.step is Step.PROFILE and wizard.error == "Der findes allerede en fil her"
    wizard.go_on()
    wizard.created()
    assert wizard.step is Step.DONE
    assert GOOD not in repr(vars(wizard))
    with pytest.raises(ValueError):
        wizard.request()


def test_unknown_codes_and_the_suggested_region(wizard):
    assert {p.field for p in wizard.set_profile("M", "roskilde", "mars")} == {"team", "default_region"}
    assert wizard.suggested_region("koebenhavn") == "hovedstaden"
    assert wizard.suggested_region("aalborg") == "nordjylland"
    assert wizard.suggested_region("nowhere") is None


def test_a_passphrase_built_on_the_profile_is_refused_at_the_profile_step(wizard):
    weak_once_named = "Mette Mortensen 2026!"
    assert wizard.set_passphrase(weak_once_named, weak_once_named).acceptable  # no profile yet
    wizard.go_on()
    wizard.set_understood(True)
    wizard.go_on()
    problems = wizard.set_profile("Mette Mortensen", "odense", None)
    assert [p.field for p in problems] == ["passphrase"]
    assert "bygger på dit navn" in problems[0].message("da")
    assert not wizard.can_go_on()
    assert wizard.go_back() is Step.SAFEKEEPING and wizard.go_back() is Step.PASSPHRASE
    assert not wizard.set_passphrase(weak_once_named, weak_once_named).acceptable
    assert "den bygger på dit navn, dit team eller din region, som en angriber prøver først" in (
        wizard.passphrase_check().weaknesses
    )
