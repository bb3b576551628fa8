"""Attack: guess the passphrase of a stolen laptop's vault. The passphrases of issue #12.7 were
accepted; zxcvbn, taught Danish words and the profile's own words, refuses them in Danish."""

import ast
import inspect

import pytest
import zxcvbn.feedback

from consultant_app.errors import WeakPassphraseError
from consultant_app.storage.passphrase import require_strong
from consultant_app.storage.strength import FEEDBACK, MAX_JUDGED, MIN_GUESSES, assess
from consultant_app.storage.vault import Vault

NAME = "Karen Konsulent"
STRONG = "korrekt hest batteri hæfteklamme"


@pytest.mark.parametrize("weak", ["passwordpassword", "P@ssw0rd1234", "sommer2026sommer"])
def test_the_issues_passphrases_are_refused_in_danish(weak):
    with pytest.raises(WeakPassphraseError) as refused:
        require_strong(weak)
    message = str(refused.value)
    assert message.startswith("Adgangskoden er for svag: den kan gættes på omkring ")
    assert "forsøg; den skal tåle mindst en billion (10^12)" in message


def test_the_feedback_is_translated():
    reasons = [r.render("da") for r in assess("P@ssw0rd1234").reasons]
    assert "Den ligner en almindeligt brugt adgangskode." in reasons
    assert "Forudsigelige udskiftninger som '@' i stedet for 'a' hjælper ikke ret meget." in reasons


def test_every_zxcvbn_feedback_text_has_a_danish_translation():
    tree = ast.parse(inspect.getsource(zxcvbn.feedback))
    texts = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args
    }
    assert texts and texts <= set(FEEDBACK), sorted(texts - set(FEEDBACK))


def test_danish_words_count_as_words():
    assert assess("sommer2026sommer").guesses < MIN_GUESSES
    assert assess("hyggeligt").guesses < 10**6  # a single common Danish word


def test_the_profiles_own_name_with_a_year_is_refused_at_creation(tmp_path):
    for name in (NAME, "Mette Mortensen"):
        with pytest.raises(WeakPassphraseError, match="bygger på dit navn"):
            Vault.create(tmp_path / "v.db", f"{name} 2026!", name=name, team="aarhus")
        assert not (tmp_path / "v.db").exists()
    require_strong("Mette Mortensen 2026!")  # strong enough for anyone but Mette Mortensen


def test_change_passphrase_refuses_the_profiles_words_and_keeps_the_old_one(tmp_path):
    path = tmp_path / "v.db"
    Vault.create(path, STRONG, name=NAME, team="koebenhavn").lock()
    with Vault.open(path, STRONG) as vault:
        for weak in (f"{NAME.split()[0]}{NAME.split()[1]}2026!", "København2026København"):
            with pytest.raises(WeakPassphraseError):
                vault.change_passphrase(weak)
    Vault.open(path, STRONG).lock()


def test_only_the_first_72_characters_are_judged():
    weak_start = "a" * MAX_JUDGED
    assert assess(weak_start + "x7#Qv9!Lm2@Rt5$Wp8 grønne cykler").guesses == assess(weak_start).guesses
    assert not assess(weak_start + "x7#Qv9!Lm2@Rt5$Wp8").acceptable


def test_good_passphrases_pass():
    for good in (STRONG, "Min kat hedder Ølle 🐈", "en helt anden sætning om grønne cykler i regnvejr"):
        assert assess(good).acceptable


def test_init_and_change_passphrase_on_the_command_line_apply_the_same_rule(tmp_path, monkeypatch, capsys):
    from consultant_app.cli.main import main

    path = tmp_path / "v.db"
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", "Mette Mortensen 2026!")
    assert main(["init", "--vault", str(path), "--name", "Mette Mortensen", "--team", "odense"]) == 1
    assert "bygger på dit navn" in capsys.readouterr().err and not path.exists()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", STRONG)
    assert main(["init", "--vault", str(path), "--name", "Mette Mortensen", "--team", "odense"]) == 0
    monkeypatch.setenv("CONSULTANT_APP_NEW_PASSPHRASE", "P@ssw0rd1234")
    assert main(["change-passphrase", "--vault", str(path)]) == 1
    assert "Den ligner en almindeligt brugt adgangskode." in capsys.readouterr().err
    Vault.open(path, STRONG).lock()
