"""Attack (#12.2): out-of-range packages and report ranges. Tried on the old main: version 2^63
gave a 500, months 0000-01 and 9999-12 and counts of 10^12 were stored, and a report for
1900-01..9999-12 grew the server to 23 GB. Every field now has a range; each refusal is a 422
listing the problems (places and rules, never values), nothing is stored, never a 5xx; a report
covers at most 240 months and its memory does not grow with the range. SQLite and PostgreSQL."""

import json
import time
import tracemalloc
from datetime import UTC, datetime

import httpx
import pytest

from consultant_app.counts.months import month_of, next_month
from consultant_app.receiver import ingest
from consultant_app.receiver.db import IdempotencyRecord
from consultant_app.receiver.national import MAX_MONTHS, national_report
from tests.consultant_app.receiver.packages import package
from tests.consultant_app.receiver.support import (
    ANALYST_TOKEN,
    LAPTOP_TOKEN,
    bridge,
    count_rows,
    make_app,
    stored,
)

THIS_MONTH = month_of(datetime.now(UTC))
NEXT_MONTH = next_month(THIS_MONTH)


@pytest.fixture
def api(receiver_engine):
    with (
        bridge(make_app(receiver_engine)) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as client,
    ):
        yield client


def post(api, data: dict, key: str = "bounds-key-0001"):
    headers = {"Authorization": f"Bearer {LAPTOP_TOKEN}", "Idempotency-Key": key}
    return api.post("/api/v1/packages", content=json.dumps(data).encode(), headers=headers)


def huge_block(data: dict, region: str, n: int) -> dict:
    """Every figure of one region's block n, consistent with its inquiries (the sums hold)."""
    block = data["regions"][region]
    block["inquiries"] = n
    for category, codes in block.items():
        if isinstance(codes, dict):
            first = next(iter(codes))
            block[category] = {code: (n if code == first else 0) for code in codes}
    return data


def with_links(data: dict, n: int) -> dict:
    links = dict.fromkeys(data["regions"], 0)
    links["hovedstaden"] = n
    data["survey"] = [{"campaign": "TS-2026", "links_sent": links}]
    return data


HOSTILE = {
    "version-2^63": (lambda d: {**d, "version": 2**63}, ["version: Input should be less than or equal to"]),
    "version-2^31": (lambda d: {**d, "version": 2**31}, ["version: Input should be less than or equal to"]),
    "version-0": (lambda d: {**d, "version": 0}, ["version: Input should be greater than or equal to 1"]),
    "month-0000-01": (
        lambda d: {**d, "month": "0000-01"},
        ["month: Value error, month must be from 2018-01"],
    ),
    "month-9999-12": (
        lambda d: {**d, "month": "9999-12"},
        ["month: Value error, month must be from 2018-01"],
    ),
    "month-2017-12": (lambda d: {**d, "month": "2017-12"}, ["month: Value error"]),
    "month-after-next": (lambda d: {**d, "month": next_month(NEXT_MONTH)}, ["month: Value error"]),
    "count-10^12": (
        lambda d: huge_block(d, "hovedstaden", 10**12),
        ["regions: Value error, counts must be at most 1000000: hovedstaden.inquiries"],
    ),
    "count-over-a-million": (
        lambda d: huge_block(d, "sjaelland", 1_000_001),
        ["regions: Value error, counts must be at most 1000000: sjaelland.inquiries"],
    ),
    "active-courses-huge": (
        lambda d: {
            **d,
            "regions": {
                **d["regions"],
                "hovedstaden": {**d["regions"]["hovedstaden"], "active_courses_end": 10**15},
            },
        },
        ["regions: Value error, counts must be at most 1000000: hovedstaden.active_courses_end"],
    ),
    "links-10^12": (
        lambda d: with_links(d, 10**12),
        ["survey.0.links_sent.hovedstaden: Input should be less"],
    ),
    "sum-not-total": (
        lambda d: {
            **d,
            "regions": {**d["regions"], "hovedstaden": {**d["regions"]["hovedstaden"], "inquiries": 5}},
        },
        ["regions.hovedstaden: Value error, by_inquirer_type does not sum to inquiries"],
    ),
    "two-problems": (
        lambda d: {**d, "version": 2**40, "month": "9999-12"},
        ["month: Value error", "version: Input should be less than or equal to"],
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_attack_out_of_range_fields_are_422_listing_every_problem(api, receiver_engine, name):
    mutate, expected = HOSTILE[name]
    response = post(api, mutate(package().as_json()))
    assert response.status_code == 422, response.text
    problems = response.json()["problems"]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert "1000000000000" not in response.text  # the value itself is never echoed
    assert stored(receiver_engine) == [] and count_rows(receiver_engine, IdempotencyRecord) == 0


@pytest.mark.parametrize("month", ["2018-01", THIS_MONTH, NEXT_MONTH])
def test_the_bounds_themselves_are_accepted(api, receiver_engine, month):
    data = huge_block({**package(month).as_json(), "version": 2**31 - 1}, "hovedstaden", 1_000_000)
    assert post(api, with_links(data, 1_000_000)).status_code == 201
    assert stored(receiver_engine) == [("a" * 32, month, 2**31 - 1)]


def report(api, first: str, last: str):
    headers = {"Authorization": f"Bearer {ANALYST_TOKEN}"}
    return api.get("/api/v1/reports/national", params={"from": first, "to": last}, headers=headers)


def test_attack_a_report_over_240_months_is_422_at_once(api):
    started = time.monotonic()
    response = report(api, "1900-01", "9999-12")
    assert response.status_code == 422 and "240" in response.json()["error"]
    assert time.monotonic() - started < 5
    assert report(api, "2000-01", "2020-01").status_code == 422  # 241 months
    assert report(api, "2000-01", "2019-12").status_code == 200  # 240


def test_a_reports_memory_does_not_grow_with_its_range(receiver_engine):
    with receiver_engine.begin() as conn:
        for month in ("2024-03", "2025-06", "2026-01"):
            ingest.store(conn, package(month, inquiries={"hovedstaden": 2}), source="file")

    def peak(first: str, last: str) -> int:
        with receiver_engine.begin() as conn:
            national_report(conn, first, last)  # warm: imports, code lists, caches
            tracemalloc.start()
            try:
                national_report(conn, first, last)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    short = peak("2025-12", "2026-01")
    far_end = peak("8000-01", "8019-12")  # 240 months, far after the data: years not walked
    longest = peak("2006-02", "2026-01")  # 240 months
    assert far_end < short * 3 + 2_000_000, (short, far_end)
    assert longest < short * 3 + 2_000_000, (short, longest)
    assert MAX_MONTHS == 240
