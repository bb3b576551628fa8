"""The demo's assessments fit the shipped instrument: every one reads back, holds nothing the
instrument forbids, a finalised one is complete, and each prints."""

from datetime import date, datetime

from consultant_app.demo import fill_vault
from consultant_app.reports.pdf_base import PrintInfo
from consultant_app.reports.risk_summary import render_risk_summary
from consultant_app.risk import default_library, get_assessment, history, list_assessments
from consultant_app.risk.checks import content_problems, finalisation_problems
from consultant_app.risk.summary import load_risk_summary

TODAY = date(2025, 6, 30)


def test_demo_assessments_fit_the_instrument_and_print(vault):
    fill_vault(vault, 400, seed=3, today=TODAY)
    instrument = default_library().get("sk-spj", "1")
    with vault.session() as s:
        rows = list_assessments(s)
        assert len(rows) >= 10
        for row in rows:
            a = get_assessment(s, row.id)
            assert content_problems(a.content, instrument) == [], row.id
            if a.is_finalised:
                assert finalisation_problems(a.content, instrument, TODAY) == [], row.id
        revised = next(r for r in rows if r.previous_id is not None)
        entries = history(s, revised.inquiry_id)
        summary = load_risk_summary(s, revised.id)
    assert entries[0].changes is None and all(e.changes is not None for e in entries[1:])
    document = render_risk_summary(summary, PrintInfo("Demo", datetime(2025, 6, 30, 12)))
    assert document.startswith(b"%PDF")
