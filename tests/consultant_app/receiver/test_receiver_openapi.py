"""#16.3: the published API document. Served at /api/v1/openapi.json, committed as openapi.json
(kept equal here), and the package body in it is the core's Package model, so what the
document accepts is what the receiver accepts. The fuzzing itself is .ci/receiver_fuzz."""

import json
from pathlib import Path

import httpx
import jsonschema_rs
import pytest

from consultant_app.counts.package import Package
from consultant_app.receiver import api_doc
from tests.consultant_app.receiver.packages import package
from tests.consultant_app.receiver.support import bridge, make_app

COMMITTED = Path(__file__).resolve().parents[3] / "openapi.json"


@pytest.fixture
def served(receiver_engine) -> dict:
    with (
        bridge(make_app(receiver_engine)) as transport,
        httpx.Client(transport=transport, base_url="http://127.0.0.1") as client,
    ):
        answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    return answer.json()


def test_the_committed_document_is_the_served_one(served):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert served == committed, "regenerate: python -m consultant_app.receiver.api_doc > openapi.json"
    assert COMMITTED.read_text(encoding="utf-8") == api_doc.render()


def validator(document: dict, name: str):
    """A JSON Schema validator for one of the document's components (its refs resolved in it)."""
    return jsonschema_rs.Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    )


def test_the_package_body_is_the_package_model(served):
    body = served["paths"]["/api/v1/packages"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/Package"}
    fields = {f.alias or name for name, f in Package.model_fields.items()}
    assert set(served["components"]["schemas"]["Package"]["properties"]) == fields
    check = validator(served, "Package")
    assert not list(check.iter_errors(package(inquiries={"hovedstaden": 3}).as_json()))
    for hostile in (
        {**package().as_json(), "notes": "Aya Jensen"},
        {**package().as_json(), "team": "narnia"},
        {**package().as_json(), "version": 2**31},
        {**package().as_json(), "month": "2026-13"},
    ):
        assert list(check.iter_errors(hostile)), hostile
