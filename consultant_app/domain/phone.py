"""Telephone numbers as Danes write and read them.

Stored as typed (trimmed): files, imports and other vaults carry the number, and rewriting it
would make an unchanged record look changed. Checked when typed — only what a number is made
of, with enough digits to reach someone — and shown in Danish groups: "12 34 56 78", with the
country code "+45 12 34 56 78"; a foreign number is shown as typed.
"""

import re

from consultant_app.i18n import Text

BAD_PHONE = Text(
    da="ikke et telefonnummer: brug cifre, mellemrum og evt. + foran landekoden (fx 12 34 56 78 eller +46 70 123 45 67)",
    en="not a telephone number: use digits, spaces and a + before the country code (e.g. 12 34 56 78 or +46 70 123 45 67)",
)
# Digits with the separators people type between them; a + only in front, or just inside a
# leading bracket ("(+45) 12 34 56 78").
_SHAPE = re.compile(r"\(?\+?[0-9][0-9 ()./-]*")
# E.164: at most 15 digits; no number anyone can be reached on has fewer than 6.
MIN_DIGITS, MAX_DIGITS = 6, 15


def looks_like_phone(text: str) -> bool:
    text = " ".join(text.split())  # a no-break space pasted between the groups is a space
    digits = sum(ch.isdigit() for ch in text)
    return bool(_SHAPE.fullmatch(text)) and text.isascii() and MIN_DIGITS <= digits <= MAX_DIGITS


def danish_phone(stored: str | None) -> str:
    """How a number is shown: a Danish one (8 digits, with or without +45/0045) in pairs."""
    if not stored:
        return ""
    text = stored.strip()
    if not looks_like_phone(text):
        return text  # an older record typed before the check: shown as it was typed
    digits = "".join(ch for ch in text if ch.isdigit())
    country = ""
    if text.startswith("+45") and len(digits) == 10:
        country, digits = "+45 ", digits[2:]
    elif text.startswith("0045") and len(digits) == 12:
        country, digits = "+45 ", digits[4:]
    if len(digits) != 8 or (text.startswith("+") and not country):
        return text
    return country + " ".join(digits[i : i + 2] for i in range(0, 8, 2))
