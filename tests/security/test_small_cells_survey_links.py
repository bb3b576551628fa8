"""Attack: read a small number of survey links in one region off a team report shared outside
the team (#12.9). With protection on, the links table is protected like the inquiry tables;
with it off (for the team itself) the figures are exact."""

import csv
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from consultant_app.cli.main import main
from consultant_app.counts.blocks import regions, zero_block
from consultant_app.counts.package import Package, SurveyLinks
from consultant_app.counts.small_cells import PRIMARY_LABEL, SECONDARY_LABEL, disclosed_figures
from consultant_app.counts.survey_links import links_grid, links_listing


def package(submitter: str, links: dict[str, int]) -> Package:
    return Package(
        submitter=submitter,
        team="aarhus",
        month="2025-03",
        version=1,
        generated_at=datetime(2025, 4, 1, tzinfo=UTC),
        regions=dict.fromkeys(regions(), zero_block()),
        survey=[SurveyLinks(campaign="SIRI-25", links_sent=dict.fromkeys(regions(), 0) | links)],
    )


@pytest.fixture
def packages(tmp_path):
    files = []
    for n, links in enumerate([{"nordjylland": 2, "hovedstaden": 20}, {"nordjylland": 1, "midtjylland": 12}]):
        path = tmp_path / f"p{n}.json"
        path.write_text(package(f"{n:032x}", links).to_json(), encoding="utf-8")
        files.append(path)
    return files


def survey_rows_csv(path):
    text = path.read_bytes().decode("utf-8-sig").split("\r\n")
    start = next(i for i, line in enumerate(text) if line.startswith("Links til tilfredshedsundersøgelsen"))
    return [row for row in csv.reader(text[start + 2 : start + 4], delimiter=";")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_team_reports_links_per_region_are_protected_when_protection_is_on(tmp_path, packages, fmt):
    out = tmp_path / f"team.{fmt}"
    args = ["team-report", *map(str, packages), "--from", "2025-03", "--to", "2025-03", "--format", fmt]
    assert main([*args, "-o", str(out), "--protect-small-cells"]) == 0
    exact = tmp_path / f"exact.{fmt}"
    assert main([*args, "-o", str(exact)]) == 0
    order = list(regions())
    if fmt == "csv":
        protected_row, _total = survey_rows_csv(out)
        exact_row, _ = survey_rows_csv(exact)
    else:
        protected_row = [c.value for c in load_workbook(out)["Spørgeskema"][3]]
        exact_row = [c.value for c in load_workbook(exact)["Spørgeskema"][3]]
    assert protected_row[0] == exact_row[0] == "SIRI-25"
    nord = 1 + order.index("nordjylland")
    assert str(exact_row[nord]) == "3"
    assert protected_row[nord] == PRIMARY_LABEL
    assert SECONDARY_LABEL in protected_row  # another figure hidden, so the total does not give it away


def test_no_hidden_link_figure_can_be_worked_out_from_the_totals():
    links = {"A": dict.fromkeys(regions(), 0) | {"nordjylland": 3, "hovedstaden": 40}}
    grid = links_grid(links)
    listing = links_listing(links)
    hidden = {
        key
        for keys, shown in zip(grid.keys, (row[1:] for row in listing.protected_rows), strict=True)
        for key, label in zip(keys, shown, strict=True)
        if label in (PRIMARY_LABEL, SECONDARY_LABEL)
    }
    assert ("survey", "A", "nordjylland") in hidden
    assert not [k for k in disclosed_figures(grid.equations(), hidden, exact=True) if k in hidden]


def test_the_team_report_pdf_shows_the_links_protected(tmp_path, packages):
    from pypdf import PdfReader

    out = tmp_path / "team.pdf"
    args = ["team-report", *map(str, packages), "--from", "2025-03", "--to", "2025-03", "--format", "pdf"]
    assert main([*args, "-o", str(out), "--protect-small-cells"]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    cells = text.split("SIRI-25", 1)[1].split("I alt", 1)[0].split()  # the campaign's row
    assert PRIMARY_LABEL in cells and SECONDARY_LABEL in cells and "3" not in cells
