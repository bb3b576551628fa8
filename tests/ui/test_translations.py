"""The Danish translation is complete and compiled from the texts in ui/."""

from ui import i18n_build


def test_the_translation_is_current_and_complete():
    assert i18n_build.check() == []
