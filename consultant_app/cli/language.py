"""One language on the command line: our messages, our help texts and argparse's own words.

Danish by default; English when `CONSULTANT_APP_LANG=en`, or when that is not set and the locale
is English (LC_ALL, LC_MESSAGES, LANG, as gettext reads them). The help texts are written in
English in the parser modules and, like argparse's own strings ("usage:", "options",
"the following arguments are required"), translated through the gettext catalogue
`resources/locale/da/LC_MESSAGES/argparse.mo` (built from the `.po` beside it by
`python -m consultant_app.cli.catalogue --build`).
"""

import argparse
import gettext
import os
import sys
from typing import overload

from consultant_app.i18n import LANGUAGES, set_language
from consultant_app.resources import resource

LANGUAGE_ENV = "CONSULTANT_APP_LANG"
DOMAIN = "argparse"

_translation: gettext.NullTranslations = gettext.NullTranslations()


def cli_language(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    chosen = env.get(LANGUAGE_ENV, "")
    if chosen in LANGUAGES:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:  # the first one set decides, as in gettext
            return "en" if value.lower().startswith("en") else "da"
    if sys.platform == "win32":
        import locale

        name = locale.getlocale()[0] or ""
        return "en" if name.lower().startswith("en") else "da"
    return "da"


def install(language: str) -> None:
    """Our messages (consultant_app.i18n) and argparse's words in `language`."""
    global _translation
    set_language(language)
    if language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, resource("locale"), languages=[language], fallback=True)
    # argparse looks these two names up in its own module each time it builds a message.
    # typeshed does not declare them (they are argparse's imports of gettext's functions).
    argparse._ = _translation.gettext  # type: ignore[attr-defined]  # not in typeshed, see above
    argparse.ngettext = _translation.ngettext  # type: ignore[attr-defined]  # not in typeshed, see above


@overload
def tr(text: str) -> str: ...
@overload
def tr(text: None) -> None: ...
def tr(text: str | None) -> str | None:
    return _translation.gettext(text) if text else text


class HelpFormatter(argparse.HelpFormatter):
    """Help texts and descriptions, translated as they are printed."""

    def _expand_help(self, action: argparse.Action) -> str:
        if action.help:
            action = _with_help(action, tr(action.help))
        return super()._expand_help(action)

    def add_text(self, text: str | None) -> None:
        super().add_text(tr(text) if text and text is not argparse.SUPPRESS else text)


def _with_help(action: argparse.Action, text: str) -> argparse.Action:
    copy = argparse.Action.__new__(type(action))
    copy.__dict__.update(action.__dict__, help=text)
    return copy


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help is translated; its subparsers are of the same kind."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
