"""Realistic synthetic data for a vault (cli.md, `demo`): for trying the app, training and
load tests. Never real people: names are common first and last names combined at random,
citizens are known by initials, no CPR number is made, e-mail addresses use the reserved
`.example` domain and telephone numbers a prefix no Danish number has.

`rows` draws the rows (the same for the same seed and day: one `random.Random`, ids assigned
up front), with `cases` and `risk` for what hangs on each inquiry, `weights` for how often
each code occurs and `words` for names and phrases; `fill` writes them.
"""

from consultant_app.demo.fill import (
    DEFAULT_INQUIRIES,
    DEMO_CONSULTANT,
    MAX_INQUIRIES,
    DemoSizeError,
    DemoSummary,
    VaultNotEmptyError,
    fill_vault,
)

__all__ = [
    "DEFAULT_INQUIRIES",
    "DEMO_CONSULTANT",
    "MAX_INQUIRIES",
    "DemoSizeError",
    "DemoSummary",
    "VaultNotEmptyError",
    "fill_vault",
]
