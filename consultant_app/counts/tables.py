"""The tables a statistics export publishes (CSV, XLSX), built from `MonthlyStats`, with the
small-cell protection applied to all of them together when asked for.

Each figure has a key (measure, code, first month, last month, region), so the same figure in
two tables (a region's inquiries in the period is a column total of every single-valued
category table) is one figure for the protection: hidden everywhere or nowhere.
"""

from collections.abc import Hashable
from dataclasses import dataclass

from consultant_app.codes import load_codes
from consultant_app.counts.blocks import CATEGORIES, SINGLE_CATEGORIES, category_codes, regions
from consultant_app.counts.monthly import MonthlyStats
from consultant_app.counts.small_cells import Grid, Protection, protect
from consultant_app.i18n import Text, current_language

ALL = "*"
TOTAL = Text(da="I alt", en="Total")
MONTH = Text(da="Måned", en="Month")
INQUIRIES = Text(da="Henvendelser", en="Inquiries")
INQUIRIES_TITLE = Text(da="Nye henvendelser pr. måned og region", en="New inquiries by month and region")
ACTIVE_SHEET = Text(da="Aktive forløb", en="Active courses")
ACTIVE_TITLE = Text(
    da="Aktive rådgivningsforløb ved månedens udgang, pr. region",
    en="Advisory courses active at the end of the month, by region",
)
BY_REGION = Text(da="{name} – regioner", en="{name} – regions")
BY_MONTH = Text(da="{name} – måneder", en="{name} – months")
PERIOD_TITLE = Text(da="{title}, {first} til {last}, pr. region", en="{title}, {first} to {last}, by region")
MONTH_TITLE = Text(da="{title}, pr. måned", en="{title}, by month")
CATEGORY_NAMES = {
    "by_inquirer_type": (Text(da="Henvender", en="Inquirer"), Text(da="Henvendelser efter henvender", en="Inquiries by inquirer type")),
    "by_channel": (Text(da="Kontaktform", en="Channel"), Text(da="Henvendelser efter kontaktform", en="Inquiries by channel")),
    "by_kind": (Text(da="Type", en="Kind"), Text(da="Henvendelser efter type (enkelt rådgivning eller forløb)", en="Inquiries by kind (single advice or course)")),
    "age_group": (Text(da="Alder", en="Age"), Text(da="Henvendelser efter borgerens aldersgruppe", en="Inquiries by the citizen's age group")),
    "trip_concern": (Text(da="Rejse", en="Trip"), Text(da="Henvendelser efter genopdragelsesrejse/udlandsophold", en="Inquiries by re-education trip status")),
    "by_reason": (Text(da="Årsag", en="Reason"), Text(da="Årsager (en henvendelse kan have flere)", en="Reasons (an inquiry may have several)")),
    "by_advice_type": (Text(da="Rådgivning", en="Advice"), Text(da="Rådgivning givet (en henvendelse kan have flere)", en="Advice given (an inquiry may have several)")),
}  # fmt: skip


@dataclass(frozen=True)
class Table:
    sheet: str  # at most 31 characters (a spreadsheet's limit)
    title: str
    corner: str  # the heading of the label column
    rows: list[str]
    columns: list[str]
    grid: Grid


@dataclass(frozen=True)
class Publication:
    tables: list[Table]
    protection: Protection | None = None

    def cells(self, table: Table) -> list[list[int | str]]:
        """The table's figures as published: numbers, or "<5" / "x" where protected."""
        if self.protection is None:
            return [list(row) for row in table.grid.values]
        return [
            [self.protection.label(k, v) for k, v in zip(keys, values, strict=True)]
            for keys, values in zip(table.grid.keys, table.grid.values, strict=True)
        ]


def key(measure: str, code: str, first: str, last: str, region: str) -> Hashable:
    return (measure, code, first, last, region)


def region_label(code: str, language: str | None = None) -> str:
    entry = next(c for c in load_codes()["region"] if c.code == code)
    if (language or current_language()) == "da" and entry.aliases:
        return entry.aliases[0]
    return entry.label(language)


def code_label(category: str, code: str, language: str | None = None) -> str:
    return load_codes()[CATEGORIES[category]].label(code, language)


def publish(
    stats: MonthlyStats, *, protect_small_cells: bool = False, language: str | None = None
) -> Publication:
    tables = stats_tables(stats, language)
    protection = protect([t.grid for t in tables]) if protect_small_cells else None
    return Publication(tables, protection)


def stats_tables(stats: MonthlyStats, language: str | None = None) -> list[Table]:
    lang = language
    total = TOTAL.render(lang)
    first, last = stats.first, stats.last
    months = [m.month for m in stats.months]
    region_names = [region_label(r, lang) for r in regions()]

    def inquiries_key(a: str, b: str, region: str) -> Hashable:
        return key("inquiries", "", a, b, region)

    # 1. Inquiries by month and region, with both totals.
    values = [[m.regions[r].inquiries for r in regions()] + [m.totals.inquiries] for m in stats.months]
    values.append([stats.regions[r].inquiries for r in regions()] + [stats.totals.inquiries])
    keys = [[inquiries_key(m, m, r) for r in (*regions(), ALL)] for m in months]
    keys.append([inquiries_key(first, last, r) for r in (*regions(), ALL)])
    tables = [
        Table(
            INQUIRIES.render(lang),
            INQUIRIES_TITLE.render(lang),
            MONTH.render(lang),
            [*months, total],
            [*region_names, total],
            Grid(values, keys, row_total=True, col_total=True),
        )
    ]

    # 2. Each category by region (the period) and by month (all regions).
    for category in CATEGORIES:
        short, title = (t.render(lang) for t in CATEGORY_NAMES[category])
        codes = category_codes(category)
        single = category in SINGLE_CATEGORIES
        labels = [code_label(category, c, lang) for c in codes]

        def total_key(a: str, b: str, region: str, category=category, single=single) -> Hashable:
            return inquiries_key(a, b, region) if single else key(category, ALL, a, b, region)

        values = [[stats.regions[r].category(category)[c] for r in regions()] for c in codes]
        values = [[*row, sum(row)] for row in values]
        values.append([sum(col) for col in zip(*values, strict=True)])
        keys = [[key(category, c, first, last, r) for r in (*regions(), ALL)] for c in codes]
        keys.append([total_key(first, last, r) for r in (*regions(), ALL)])
        tables.append(
            Table(
                BY_REGION.render(lang, name=short)[:31],
                PERIOD_TITLE.render(lang, title=title, first=first, last=last),
                short,
                [*labels, total],
                [*region_names, total],
                Grid(values, keys, row_total=True, col_total=True),
            )
        )
        values = [[m.totals.category(category)[c] for m in stats.months] for c in codes]
        values = [[*row, sum(row)] for row in values]
        values.append([sum(col) for col in zip(*values, strict=True)])
        keys = [
            [key(category, c, m, m, ALL) for m in months] + [key(category, c, first, last, ALL)]
            for c in codes
        ]
        keys.append([total_key(m, m, ALL) for m in months] + [total_key(first, last, ALL)])
        tables.append(
            Table(
                BY_MONTH.render(lang, name=short)[:31],
                MONTH_TITLE.render(lang, title=title),
                short,
                [*labels, total],
                [*months, total],
                Grid(values, keys, row_total=True, col_total=True),
            )
        )

    # 3. Courses active at each month's end: a stock, so only the regions add up.
    values = [
        [m.regions[r].active_courses_end for r in regions()] + [m.totals.active_courses_end]
        for m in stats.months
    ]
    keys = [[key("active", "", m, m, r) for r in (*regions(), ALL)] for m in months]
    tables.append(
        Table(
            ACTIVE_SHEET.render(lang),
            ACTIVE_TITLE.render(lang),
            MONTH.render(lang),
            months,
            [*region_names, total],
            Grid(values, keys, row_total=True),
        )
    )
    return tables
