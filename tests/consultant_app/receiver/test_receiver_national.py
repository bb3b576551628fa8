"""The national report: the latest version per submitter and month, summed; counts.md's shape;
the JSON exact, the published files protected. On SQLite and PostgreSQL."""

import csv
import io

import httpx
import pytest

from consultant_app.counts.blocks import add_blocks, range_block
from consultant_app.receiver import ingest
from consultant_app.receiver.national import national_report, render_national
from tests.consultant_app.receiver.packages import SUBMITTER_A, SUBMITTER_B, package
from tests.consultant_app.receiver.support import ANALYST_TOKEN, LAPTOP_TOKEN, bridge, make_app

PACKAGES = [
    package("2025-03", 1, SUBMITTER_A, {"hovedstaden": 9}),
    package("2025-03", 2, SUBMITTER_A, {"hovedstaden": 7}, active=2),  # the correction counts
    package("2025-11", 1, SUBMITTER_B, {"sjaelland": 6}),
    package(
        "2026-03",
        1,
        SUBMITTER_A,
        {"hovedstaden": 3, "nordjylland": 8},
        active=4,
        survey={"siri-h1": {"nordjylland": 5}},
    ),
    package(
        "2026-03", 1, SUBMITTER_B, {"syddanmark": 11}, survey={"siri-h1": {"syddanmark": 2}, "siri-x": {}}
    ),
    package("2026-04", 1, SUBMITTER_B, {"syddanmark": 2}, active=1),
    package("2026-04", 2, SUBMITTER_B, {"syddanmark": 12}, active=6),
    package("2026-05", 1, SUBMITTER_A, {"hovedstaden": 50}),  # after the range
]


@pytest.fixture
def filled(receiver_engine):
    with receiver_engine.begin() as conn:
        for p in PACKAGES:
            ingest.store(conn, p, source="file")
    return receiver_engine


def _report(engine, first="2026-01", last="2026-04"):
    with engine.begin() as conn:
        return national_report(conn, first, last)


def test_the_shape_and_the_sums(filled):
    data = _report(filled).as_json()
    assert list(data) == ["from", "to", "totals", "regions", "same_period_previous_year", "by_year", "survey"]
    assert (data["from"], data["to"]) == ("2026-01", "2026-04")
    assert data["totals"]["inquiries"] == 3 + 8 + 11 + 12  # 2026-04: version 2 only
    assert data["totals"]["active_courses_end"] == 6  # at the end of April: B's latest
    assert data["regions"]["syddanmark"]["inquiries"] == 23
    assert data["regions"]["hovedstaden"]["by_reason"]["pres"] == 3
    assert data["same_period_previous_year"]["inquiries"] == 7  # 2025-03, version 2
    assert list(data["by_year"]) == ["2025", "2026"]
    assert data["by_year"]["2025"]["inquiries"] == 7 + 6
    assert data["by_year"]["2026"]["inquiries"] == 34  # the running year only up to `to`
    assert data["survey"] == [
        {
            "campaign": "siri-h1",
            "links_sent": {**dict.fromkeys(data["regions"], 0), "nordjylland": 5, "syddanmark": 2},
            "total": 7,
        },
        {"campaign": "siri-x", "links_sent": dict.fromkeys(data["regions"], 0), "total": 0},
    ]


def test_the_totals_are_the_blocks_of_the_latest_versions(filled):
    latest = [p for p in PACKAGES if (p.month, p.version) in {("2026-03", 1), ("2026-04", 2)}]
    march = add_blocks(b for p in latest if p.month == "2026-03" for b in p.regions.values())
    april = add_blocks(b for p in latest if p.month == "2026-04" for b in p.regions.values())
    zero = add_blocks([])
    assert _report(filled).as_json()["totals"] == range_block([zero, zero, march, april]).model_dump()


def test_the_api_gives_the_same_json_to_an_analyst_only(filled):
    with (
        bridge(make_app(filled)) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as api,
    ):
        query = {"from": "2026-01", "to": "2026-04"}
        ok = api.get(
            "/api/v1/reports/national", params=query, headers={"Authorization": f"Bearer {ANALYST_TOKEN}"}
        )
        assert ok.status_code == 200 and ok.json() == _report(filled).as_json()
        laptop = api.get(
            "/api/v1/reports/national", params=query, headers={"Authorization": f"Bearer {LAPTOP_TOKEN}"}
        )
        assert laptop.status_code == 403
        assert api.get("/api/v1/reports/national", params=query).status_code == 401
        for bad in ({"from": "2026-13", "to": "2026-04"}, {"from": "2026-05", "to": "2026-04"}, {}):
            answer = api.get(
                "/api/v1/reports/national", params=bad, headers={"Authorization": f"Bearer {ANALYST_TOKEN}"}
            )
            assert answer.status_code == 422


def test_published_files_protect_small_cells_and_json_stays_exact(filled):
    report = _report(filled)
    rows = list(csv.reader(io.StringIO(render_national(report, "csv").decode("utf-8-sig")), delimiter=";"))
    cells = [c for row in rows for c in row]
    assert "<5" in cells  # 3 in hovedstaden, 2 links ...: small figures are not shown
    inquiries_table = next(i for i, row in enumerate(rows) if row and row[0] == "2026-03")
    assert rows[inquiries_table][1] == "<5"  # hovedstaden, March: 3
    assert render_national(report, "xlsx")[:2] == b"PK"
    assert render_national(report, "pdf")[:5] == b"%PDF-"
    assert b'"inquiries": 3,' in render_national(report, "json")  # exact


def _survey_rows(rows: list[list[str]]) -> list[list[str]]:
    """The survey table of the CSV: its header row (starting "Kampagne") and what follows."""
    start = next(i for i, row in enumerate(rows) if row and row[0] == "Kampagne")
    return rows[start : start + 1 + next((n for n, r in enumerate(rows[start + 1 :]) if not r), len(rows))]


def test_attack_survey_links_per_region_are_protected_in_every_published_file(filled):
    """#12.9: two links to syddanmark (one citizen could be found) used to be published as is.
    The survey table is now protected like the inquiry tables: no figure 1-4 shown, and none
    that the totals give away; the JSON stays exact."""
    import openpyxl
    import pypdf

    from consultant_app.counts.small_cells import disclosed_figures
    from consultant_app.receiver.national import survey_grid

    report = _report(filled)
    assert report.survey[0]["links_sent"]["syddanmark"] == 2  # exact in the JSON

    rows = list(csv.reader(io.StringIO(render_national(report, "csv").decode("utf-8-sig")), delimiter=";"))
    survey = _survey_rows(rows)
    header, body = survey[0], survey[1:]
    assert header[-1] == "I alt" and [r[0] for r in body] == ["siri-h1", "siri-x", "I alt"]
    shown = {(r[0], h): v for r in body for h, v in zip(header[1:], r[1:], strict=True)}
    assert shown[("siri-h1", "Region Syddanmark")] == "<5"
    assert "x" in shown.values()  # 5 + 2 = 7: the 2 needs a second figure hidden beside it
    assert all(v not in {"1", "2", "3", "4"} for v in shown.values())
    grid = survey_grid(report)
    hidden = {
        k
        for keys, row in zip(grid.keys, body, strict=True)
        for k, v in zip(keys, row[1:], strict=True)
        if v in ("<5", "x")
    }
    assert not {k for k in disclosed_figures(grid.equations(), hidden) if k in hidden}

    book = openpyxl.load_workbook(io.BytesIO(render_national(report, "xlsx")))
    sheet = book["Spørgeskema"]
    xlsx_values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [[str(v) for v in r] for r in xlsx_values] == body

    pdf = pypdf.PdfReader(io.BytesIO(render_national(report, "pdf")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Links til tilfredshedsundersøgelsen" in text
    cells = text[text.index("siri-h1") :].split()  # one cell a line in the extracted text
    assert cells[1:7] == [shown[("siri-h1", h)] for h in header[1:]]


def test_a_campaign_code_that_a_spreadsheet_would_run_is_text_in_csv_and_xlsx(receiver_engine):
    """Campaign codes allow a leading '-': in the CSV it gets an apostrophe, in the XLSX it is
    a string cell (consultant_app.spreadsheet_safety)."""
    import openpyxl

    with receiver_engine.begin() as conn:
        ingest.store(conn, package("2026-03", 1, survey={"-2-1": {"nordjylland": 9}}), source="file")
    report = _report(receiver_engine)
    rows = list(csv.reader(io.StringIO(render_national(report, "csv").decode("utf-8-sig")), delimiter=";"))
    assert _survey_rows(rows)[1][0] == "'-2-1"
    sheet = openpyxl.load_workbook(io.BytesIO(render_national(report, "xlsx")))["Spørgeskema"]
    assert (sheet["A3"].value, sheet["A3"].data_type) == ("-2-1", "s")
