"""User-facing text produced by the core, in Danish (default) or English.

The Qt interface translates its own widgets with Qt's tools; messages that the core makes
(validation problems, vault errors) carry both languages here, so the command line, the
receiver and the desktop show the same words. The desktop calls `set_language` once.
"""

from dataclasses import dataclass

LANGUAGES = ("da", "en")
_current = "da"


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"Unsupported language {language!r}; choose one of {LANGUAGES}")
    _current = language


def current_language() -> str:
    return _current


@dataclass(frozen=True)
class Text:
    """One message in both languages, with `{name}` placeholders filled by `render`."""

    da: str
    en: str

    def render(self, language: str | None = None, /, **params: object) -> str:
        # `language` is positional-only so that any placeholder name, given as a keyword or in
        # a `**params` dict, can never be taken for it.
        if "language" in params:  # render(language=...) would silently render in the current one
            raise TypeError("Text.render takes the language as its first positional argument")
        template = self.en if (language or _current) == "en" else self.da
        return template.format(**params)
