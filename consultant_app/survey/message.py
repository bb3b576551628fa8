"""The e-mail that carries the survey link: the Danish default text and its placeholders.

A campaign may have its own subject and text; both may use the placeholders below. Only known
placeholders are filled, so a stray brace in a user's text never breaks anything.
"""

import re
from dataclasses import dataclass
from datetime import date

from consultant_app.errors import Problem
from consultant_app.i18n import Text

PLACEHOLDERS = {
    "navn": "the professional's name",
    "link": "the survey link",
    "periode": "the campaign period, e.g. 1. marts – 15. april 2025",
    "kampagne": "the campaign's name",
    "konsulent": "the consultant's name (the vault's owner)",
}
_PLACEHOLDER = re.compile(r"\{([A-Za-zæøåÆØÅ_]+)\}")

DEFAULT_SUBJECT = "Hvordan oplevede du sikkerhedskonsulenternes rådgivning?"
DEFAULT_TEXT = """Kære {navn}

Tak for samarbejdet med sikkerhedskonsulenterne i perioden {periode}.

Styrelsen for International Rekruttering og Integration (SIRI) vil gerne høre, hvordan du har oplevet rådgivningen. Spørgeskemaet er anonymt og tager kun få minutter at besvare:

{link}

Du får kun dette link én gang i perioden, også selv om vi har talt sammen flere gange.

Med venlig hilsen
{konsulent}
Sikkerhedskonsulent"""

_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

UNKNOWN_PLACEHOLDER = Text(
    da="ukendt pladsholder {{{name}}}; brug {allowed}", en="unknown placeholder {{{name}}}; use {allowed}"
)
LINK_MISSING = Text(da="teksten skal indeholde {{link}}", en="the text must contain {{link}}")


@dataclass(frozen=True)
class EmailText:
    subject: str
    body: str


def danish_date(day: date) -> str:
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


def format_period(period_from: date, period_to: date) -> str:
    """1. marts – 15. april 2025 (the year once when both days are in the same year)."""
    if period_from.year == period_to.year:
        return f"{period_from.day}. {_MONTHS[period_from.month - 1]} – {danish_date(period_to)}"
    return f"{danish_date(period_from)} – {danish_date(period_to)}"


def fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def compose(
    *,
    subject: str | None,
    text: str | None,
    name: str,
    link: str,
    period_from: date,
    period_to: date,
    campaign: str,
    consultant: str,
) -> EmailText:
    """The e-mail for one professional. The link is always in the body, even if a custom text
    forgot it."""
    values = {
        "navn": name,
        "link": link,
        "periode": format_period(period_from, period_to),
        "kampagne": campaign,
        "konsulent": consultant,
    }
    body = fill(text or DEFAULT_TEXT, values).replace("\r\n", "\n").strip()
    if link not in body:
        body = f"{body}\n\n{link}"
    return EmailText(subject=fill(subject or DEFAULT_SUBJECT, values).replace("\n", " ").strip(), body=body)


def template_problems(field: str, template: str | None, *, needs_link: bool) -> list[Problem]:
    if not template:
        return []
    allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    problems = [
        Problem(field, m.group(0), UNKNOWN_PLACEHOLDER, (("name", m.group(1)), ("allowed", allowed)))
        for m in _PLACEHOLDER.finditer(template)
        if m.group(1) not in PLACEHOLDERS
    ]
    if needs_link and "{link}" not in template:
        problems.append(Problem(field, "", LINK_MISSING))
    return problems
