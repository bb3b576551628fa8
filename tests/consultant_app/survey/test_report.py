"""The response rate per region and in total: exact ratios, None instead of a division error."""

import csv
import json
from datetime import date
from fractions import Fraction

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from consultant_app.domain import AuditEvent
from consultant_app.errors import ValidationError
from consultant_app.i18n import set_language
from consultant_app.interchange.csv_output import OutputExistsError
from consultant_app.survey import record_dispatch, report_json, set_responses, survey_report, write_report
from consultant_app.survey.report import rounded

REGIONS = ["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"]
MUNICIPALITY = {"hovedstaden": "101", "syddanmark": "461", "midtjylland": "751"}


@pytest.fixture
def campaign(vault, world):
    """12 links in Hovedstaden, 3 in Syddanmark, 1 in Midtjylland; one not relevant."""
    campaign = world.campaign(date(2025, 3, 1), date(2025, 4, 15), code="SIRI-2025-1")
    for region, links in (("hovedstaden", 12), ("syddanmark", 3), ("midtjylland", 1)):
        for n in range(links):
            pid = world.professional(f"{region} {n}", municipality=MUNICIPALITY[region])
            world.contact(pid, date(2025, 3, 3), "telefon")
            with vault.session() as s:
                record_dispatch(s, campaign, pid)
    skipped = world.professional("Ikke relevant", municipality="101")
    world.contact(skipped, date(2025, 3, 3), "mail")
    with vault.session() as s:
        record_dispatch(s, campaign, skipped, status="not_relevant")
    return campaign


def test_rates_are_exact_per_region_and_in_total(vault, campaign):
    with vault.session() as s:
        set_responses(s, campaign, "hovedstaden", 5)
        set_responses(s, campaign, "syddanmark", 2)
        set_responses(s, campaign, "syddanmark", 1)  # a correction replaces, never adds
        set_responses(s, campaign, "nordjylland", 2)  # responses, but no link sent there
        report = survey_report(s, campaign)

    assert report.regions["hovedstaden"].rate == Fraction(5, 12)
    assert report.regions["syddanmark"].rate == Fraction(1, 3)
    assert report.regions["midtjylland"].rate is None  # a link, but no responses entered
    assert report.regions["nordjylland"].rate is None  # responses, but no link: no division error
    assert report.regions["sjaelland"].rate is None
    assert (report.total.links_sent, report.total.responses) == (16, 8)
    assert report.total.rate == Fraction(1, 2)

    assert report_json(report) == {
        "campaign": "SIRI-2025-1",
        "name": "Tilfredshed forår 2025",
        "from": "2025-03-01",
        "to": "2025-04-15",
        "regions": {
            "hovedstaden": {"links_sent": 12, "responses": 5, "response_rate": 0.4167},
            "sjaelland": {"links_sent": 0, "responses": 0, "response_rate": None},
            "syddanmark": {"links_sent": 3, "responses": 1, "response_rate": 0.3333},
            "midtjylland": {"links_sent": 1, "responses": 0, "response_rate": None},
            "nordjylland": {"links_sent": 0, "responses": 2, "response_rate": None},
        },
        "total": {"links_sent": 16, "responses": 8, "response_rate": 0.5},
    }
    assert list(report_json(report)["regions"]) == REGIONS


def test_zero_responses_entered_is_a_rate_of_zero(vault, campaign):
    with vault.session() as s:
        set_responses(s, campaign, "midtjylland", 0)
        report = report_json(survey_report(s, campaign))
    assert report["regions"]["midtjylland"]["response_rate"] == 0.0
    assert report["total"]["response_rate"] == 0.0


def test_nothing_entered_no_total_rate(vault, campaign):
    with vault.session() as s:
        assert report_json(survey_report(s, campaign))["total"] == {
            "links_sent": 16,
            "responses": 0,
            "response_rate": None,
        }


def test_rounding_is_half_up_from_the_exact_ratio():
    assert rounded(Fraction(1, 8)) == 0.125
    assert rounded(Fraction(1, 20000)) == 0.0001  # exactly half: up
    assert rounded(Fraction(2, 3)) == 0.6667
    assert rounded(None) is None


def test_responses_are_checked(vault, campaign):
    with vault.session() as s, pytest.raises(ValidationError) as invalid:
        set_responses(s, campaign, "fyn", -1)
    assert [p.field for p in invalid.value.problems] == ["region", "count"]


def test_csv_with_bom_and_semicolons_in_danish(vault, campaign, tmp_path):
    with vault.session() as s:
        set_responses(s, campaign, "hovedstaden", 5)
    path = write_report(vault, campaign, tmp_path / "svar.csv", "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Region", "Links sendt", "Svar", "Svarprocent"]
    assert rows[1] == ["Region Hovedstaden", "12", "5", "0,4167"]
    assert rows[2] == ["Region Sjælland", "0", "0", ""]
    assert rows[-1] == ["I alt", "16", "5", "0,3125"]
    with vault.session() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "export")) == 1
    with pytest.raises(OutputExistsError):
        write_report(vault, campaign, path, "csv")


def test_csv_in_english(vault, campaign, tmp_path):
    set_language("en")
    with vault.session() as s:
        set_responses(s, campaign, "hovedstaden", 5)
    path = write_report(vault, campaign, tmp_path / "r.csv", "csv")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Region", "Links sent", "Responses", "Response rate"]
    assert rows[1] == ["Capital Region of Denmark", "12", "5", "0.4167"]


def test_xlsx(vault, campaign, tmp_path):
    with vault.session() as s:
        set_responses(s, campaign, "hovedstaden", 5)
    path = write_report(vault, campaign, tmp_path / "svar.xlsx", "xlsx")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "Tilfredshed forår 2025"
    assert [c.value for c in sheet[5]] == ["Region", "Links sendt", "Svar", "Svarprocent"]
    assert [c.value for c in sheet[6]] == ["Region Hovedstaden", 12, 5, 0.4167]
    assert sheet["D6"].number_format == "0.00%"
    assert [c.value for c in sheet[7]] == ["Region Sjælland", 0, 0, None]
    assert [c.value for c in sheet[11]] == ["I alt", 16, 5, 0.3125]


def test_json_file(vault, campaign, tmp_path):
    path = write_report(vault, campaign, tmp_path / "svar.json", "json")
    assert json.loads(path.read_text(encoding="utf-8"))["total"]["links_sent"] == 16
