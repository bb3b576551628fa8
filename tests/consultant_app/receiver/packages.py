"""Valid packages for the receiver's tests, built from blocks (no vault needed)."""

from datetime import UTC, datetime

from consultant_app.counts.blocks import regions
from consultant_app.counts.package import Package
from tests.consultant_app.counts.records import block

SUBMITTER_A = "a" * 32
SUBMITTER_B = "b" * 32


def package(
    month: str = "2026-03",
    version: int = 1,
    submitter: str = SUBMITTER_A,
    inquiries: dict[str, int] | None = None,
    active: int = 0,
    survey: dict[str, dict[str, int]] | None = None,
) -> Package:
    """`inquiries`: region -> n new inquiries (all kommune / telefon / enkelt / voksen / ingen)."""
    blocks = {}
    for region in regions():
        n = (inquiries or {}).get(region, 0)
        blocks[region] = block(
            n,
            active if region == "hovedstaden" else 0,
            by_inquirer_type={"kommune": n},
            by_channel={"telefon": n},
            by_kind={"enkelt": n},
            age_group={"voksen": n},
            trip_concern={"ingen": n},
            by_reason={"pres": n},
        )
    links = [
        {"campaign": code, "links_sent": {**dict.fromkeys(regions(), 0), **sent}}
        for code, sent in sorted((survey or {}).items())
    ]
    return Package.model_validate(
        {
            "schema": 1,
            "submitter": submitter,
            "team": "aarhus",
            "month": month,
            "version": version,
            "generated_at": datetime(2026, 4, 1, tzinfo=UTC),
            "regions": blocks,
            "survey": links,
        }
    )


def body(p: Package) -> bytes:
    return p.to_json().encode("utf-8")
