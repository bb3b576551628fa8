"""Survey links sent, per campaign and region, as a published table (#12.9).

A count of links sent to one region can be as small as one professional, so wherever these
figures are published with protection on, they get the same small-cell protection as the
inquiry tables (small_cells.py): a campaign × region table with a total column and a total
row, protected on its own (its figures are in no inquiry table). The exact figures stay in
JSON and in the packages.

The shape matches the national report's (receiver/national.py): one row per campaign, a column
per region, "I alt" last.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from consultant_app.codes import load_codes
from consultant_app.counts.blocks import regions
from consultant_app.counts.package import Package
from consultant_app.counts.small_cells import Grid, protect
from consultant_app.i18n import Text

ALL = "*"
SHEET = Text(da="Spørgeskema", en="Survey")
TITLE = Text(
    da="Links til tilfredshedsundersøgelsen sendt pr. kampagne og region",
    en="Satisfaction-survey links sent by campaign and region",
)
CAMPAIGN = Text(da="Kampagne", en="Campaign")
TOTAL = Text(da="I alt", en="Total")

Links = Mapping[str, Mapping[str, int]]  # campaign code -> region -> links sent


def sum_links(packages: Iterable[Package]) -> dict[str, dict[str, int]]:
    """The links of several packages added up, per campaign and region."""
    sums: dict[str, dict[str, int]] = {}
    for package in packages:
        for survey in package.survey:
            row = sums.setdefault(survey.campaign, dict.fromkeys(regions(), 0))
            for region, n in survey.links_sent.items():
                row[region] += n
    return dict(sorted(sums.items()))


def links_grid(links: Links) -> Grid:
    codes = regions()
    values = [[row[r] for r in codes] + [sum(row.values())] for row in links.values()]
    keys: list[list[Hashable]] = [[("survey", campaign, r) for r in (*codes, ALL)] for campaign in links]
    if values:
        values.append([sum(column) for column in zip(*values, strict=True)])
        keys.append([("survey", ALL, r) for r in (*codes, ALL)])
    return Grid(values, keys, row_total=True, col_total=True)


def links_listing(links: Links, language: str | None = None):
    """The table as an `exports.Listing`, exact in `rows` and protected in `protected_rows`
    (the writer picks by the publication's protection)."""
    from consultant_app.counts.exports import Listing  # openpyxl: only when a file is made

    grid = links_grid(links)
    protection = protect([grid]) if grid.values else None
    names = [*links, TOTAL.render(language)]
    rows = [[name, *values] for name, values in zip(names, grid.values, strict=False)]
    protected = (
        [
            [name, *(protection.label(k, v) for k, v in zip(keys, values, strict=True))]
            for name, keys, values in zip(names, grid.keys, grid.values, strict=False)
        ]
        if protection
        else rows
    )
    labels = load_codes()["region"]
    header = [
        CAMPAIGN.render(language),
        *(labels.label(r, language) for r in regions()),
        TOTAL.render(language),
    ]
    return Listing(SHEET.render(language), TITLE.render(language), header, rows, protected_rows=protected)
