"""Text.render: the language is positional-only, so placeholders can never be taken for it."""

import pytest

from consultant_app.i18n import Text

GREETING = Text(da="Hej {name}", en="Hello {name}")


def test_the_language_is_the_first_argument_and_params_fill_the_placeholders():
    assert GREETING.render("en", name="Åse") == "Hello Åse"
    assert GREETING.render("da", **{"name": "Åse"}) == "Hej Åse"


def test_a_language_given_by_keyword_is_refused_not_taken_for_a_placeholder():
    # Before the language became positional-only, render(language="en") chose English; now it
    # would land in the placeholders and quietly render the current language instead.
    with pytest.raises(TypeError, match="positional"):
        GREETING.render(language="en", name="Åse")
