"""Passphrase strength rules and the wrapper that keeps the text out of sight."""

import pickle

import pytest

from consultant_app.errors import WeakPassphraseError
from consultant_app.storage.passphrase import Passphrase, require_strong, weaknesses


@pytest.mark.parametrize(
    "weak",
    [
        "kort",
        "aaaaaaaaaaaaaaaa",
        "123456789012",
        "qwertyuiopås",
        "Sommer2024!!!!",
        "password1234",
        "abababababababab",
        "lang\x00nok-kode-her",
        # issue #12.7: accepted by the old rules
        "passwordpassword",
        "P@ssw0rd1234",
        "sommer2026sommer",
    ],
)
def test_weak_passphrases_are_refused_with_a_reason(weak):
    assert weaknesses(weak)
    with pytest.raises(WeakPassphraseError) as caught:
        require_strong(weak)
    assert str(caught.value).startswith("Adgangskoden er for svag:")


@pytest.mark.parametrize(
    "good", ["korrekt hest batteri hæfteklamme", "Min kat hedder Ølle 🐈", "med \"citat\" og 'apostrof'"]
)
def test_reasonable_passphrases_pass(good):
    assert weaknesses(good) == []
    assert require_strong(good).reveal() == good


def test_the_text_never_shows_and_is_never_pickled():
    secret = Passphrase("korrekt hest batteri hæfteklamme")
    assert "hest" not in repr(secret) and "hest" not in str(secret) and "hest" not in f"{secret}"
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_unicode_forms_are_one_passphrase():
    composed, decomposed = "blåbærgrød med fløde", "bla\u030abærgrød med fløde"
    assert Passphrase(composed) == Passphrase(decomposed)
