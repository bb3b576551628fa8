"""The published API document (OpenAPI 3.1), served at /api/v1/openapi.json and committed as
openapi.json at the top of the repository (a test keeps the two equal; regenerate with
`python -m consultant_app.receiver.api_doc > openapi.json`).

The package body is the core's `Package` model, the one both the laptop and the receiver
validate with: the document cannot drift from what is accepted. The handlers read the body
themselves (the size limit and the Idempotency-Key hash come before parsing), so the body and
the parameters are described here rather than inferred from the handlers' signatures.
"""

import json

from pydantic import BaseModel, ConfigDict

from consultant_app.counts.blocks import CountBlock
from consultant_app.counts.package import Package


class ErrorBody(BaseModel):
    """Every refusal: what rule, and for an invalid package the problems by place (never values)."""

    model_config = ConfigDict(extra="forbid")
    error: str
    problems: list[str] | None = None


class Outcome(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: str  # stored | duplicate
    submitter: str
    month: str
    version: int


class Health(BaseModel):
    status: str
    database: str
    version: str | None = None


class Ready(BaseModel):
    status: str
    checks: dict[str, str]


class SurveyTotal(BaseModel):
    model_config = ConfigDict(extra="forbid")
    campaign: str
    links_sent: dict[str, int]
    total: int


class NationalReportBody(BaseModel):
    """counts.md's shape: exact figures (analysts only; the published files are protected)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    from_: str
    to: str
    totals: CountBlock
    regions: dict[str, CountBlock]
    same_period_previous_year: CountBlock
    by_year: dict[str, CountBlock]
    survey: list[SurveyTotal]


MODELS = (ErrorBody, Outcome, Health, Ready, NationalReportBody, Package)
JSON = "application/json"
BEARER: list[dict[str, list[str]]] = [{"bearer": []}]
MONTH = {"type": "string", "pattern": r"^[0-9]{4}-(0[1-9]|1[0-2])$", "examples": ["2026-03"]}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _answer(description: str, schema: str, headers: dict | None = None) -> dict:
    answer = {"description": description, "content": {JSON: {"schema": _ref(schema)}}}
    if headers:
        answer["headers"] = headers
    return answer


def _refusal(description: str) -> dict:
    return _answer(description, "ErrorBody")


UNAUTHORIZED = _answer(
    "unknown, revoked or missing token",
    "ErrorBody",
    {"WWW-Authenticate": {"schema": {"type": "string"}, "required": True}},
)


def schemas() -> dict:
    """The components: every model, with the models they use, by name."""
    found: dict = {}
    for model in MODELS:
        schema = model.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
        found.update(schema.pop("$defs", {}))
        found[model.__name__] = schema
    _exact_keys(found)
    national = found["NationalReportBody"]
    national["properties"]["from"] = national["properties"].pop("from_")  # the JSON key is "from"
    national["required"] = ["from" if r == "from_" else r for r in national["required"]]
    return found


def _exact_keys(found: dict) -> None:
    """What the models' validators enforce, said in the schema too: every object keyed by
    codes has exactly the shipped code list's keys, and the team is one of the known teams.
    So the document says what is accepted, and a generated package can be a valid one."""
    from consultant_app.campaign_codes import MAX_LENGTH
    from consultant_app.codes import load_codes
    from consultant_app.counts.blocks import CATEGORIES, category_codes, regions

    def keyed(codes, value: dict) -> dict:
        return {
            "type": "object",
            "properties": dict.fromkeys(codes, value),
            "required": list(codes),
            "additionalProperties": False,
        }

    block = found["CountBlock"]["properties"]
    for category in CATEGORIES:
        block[category] = {
            **keyed(category_codes(category), block[category]["additionalProperties"]),
            "title": block[category].get("title", category),
        }
    package = found["Package"]
    package["description"] = (
        "One consultant's counts for one month, and nothing else (counts.md): no free text, no "
        "date finer than the month, the submitter a random id. Each figure 0..1000000, the "
        "single-valued categories sum to `inquiries`, the month from 2018-01 to next month."
    )
    package["properties"]["regions"] = {**keyed(regions(), _ref("CountBlock")), "title": "Regions"}
    package["properties"]["team"] = {
        "type": "string",
        "enum": list(load_codes()["team"].values()),
        "title": "Team",
    }
    found["SurveyLinks"]["properties"]["campaign"] = {
        "type": "string",
        "title": "Campaign",
        "maxLength": MAX_LENGTH,
        "pattern": f"^[A-Za-z0-9](?:[A-Za-z0-9-]{{0,{MAX_LENGTH - 2}}}[A-Za-z0-9])?$",
        "description": "The agency's campaign code: letters, digits and inner dashes, no run of six "
        "digits, no e-mail address (consultant_app.campaign_codes).",
    }
    links = found["SurveyLinks"]["properties"]["links_sent"]
    found["SurveyLinks"]["properties"]["links_sent"] = {
        **keyed(regions(), links["additionalProperties"]),
        "title": "Links Sent",
    }


def example_package() -> dict:
    """A valid package: three inquiries in one region, each category summing to them."""
    from consultant_app.counts.blocks import SINGLE_CATEGORIES, block_from_counts, category_codes, regions

    first = regions()[0]
    three = block_from_counts(3, {c: {category_codes(c)[0]: 3} for c in SINGLE_CATEGORIES}, 1)
    zero = block_from_counts(0, {}, 0)
    return Package.model_validate(
        {
            "schema": 1,
            "submitter": "5f0c6c1e8d0b4a439a533f6f0e7b8c21",
            "team": "aarhus",
            "month": "2026-03",
            "version": 1,
            "generated_at": "2026-04-01T00:00:00Z",
            "regions": {r: three if r == first else zero for r in regions()},
            "survey": [{"campaign": "TS-2026", "links_sent": {r: 2 if r == first else 0 for r in regions()}}],
        }
    ).as_json()


def paths() -> dict:
    return {
        "/api/v1/packages": {
            "post": {
                "summary": "Deliver one month's count package (a laptop token)",
                "operationId": "postPackage",
                "security": BEARER,
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": True,
                        "description": "8-255 of A-Z a-z 0-9 . _ : ~ + / = -, bare or as a quoted "
                        "Structured Field string; scoped to the token",
                        "schema": {"type": "string", "minLength": 8, "maxLength": 257},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {JSON: {"schema": _ref("Package"), "example": example_package()}},
                },
                "responses": {
                    "200": _answer("that version was already stored with these counts", "Outcome"),
                    "201": _answer("stored", "Outcome"),
                    "400": _refusal("no usable Idempotency-Key"),
                    "401": UNAUTHORIZED,
                    "403": _refusal("not a laptop token, or another submitter's package"),
                    "409": _answer(
                        "the same key is still being processed",
                        "ErrorBody",
                        {"Retry-After": {"schema": {"type": "string"}, "required": True}},
                    ),
                    "413": _refusal("larger than the size limit"),
                    "422": _refusal(
                        "not a valid package, the key reused with another body, or "
                        "this version already stored with other counts"
                    ),
                },
            }
        },
        "/api/v1/reports/national": {
            "get": {
                "summary": "The national report, exact (an analyst token)",
                "operationId": "getNationalReport",
                "security": BEARER,
                "parameters": [
                    {"name": "from", "in": "query", "required": True, "schema": MONTH, "example": "2026-01"},
                    {"name": "to", "in": "query", "required": True, "schema": MONTH, "example": "2026-06"},
                ],
                "responses": {
                    "200": _answer("the report (at most 240 months)", "NationalReportBody"),
                    "401": UNAUTHORIZED,
                    "403": _refusal("not an analyst token"),
                    "422": _refusal("not months, from after to, or longer than 240 months"),
                },
            }
        },
        "/api/v1/health": {
            "get": {
                "summary": "The service and its database answer",
                "operationId": "getHealth",
                "responses": {
                    "200": _answer("alive", "Health"),
                    "503": _answer("the database does not answer", "Health"),
                },
            }
        },
        "/api/v1/ready": {
            "get": {
                "summary": "Ready for traffic: database current and answering, tokens readable",
                "operationId": "getReady",
                "responses": {
                    "200": _answer("ready", "Ready"),
                    "503": _answer("not ready (the failing checks say why)", "Ready"),
                },
            }
        },
    }


def document(version: str | None = None) -> dict:
    from consultant_app import __version__

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "consultant-app-receiver",
            "version": version or __version__,
            "description": "SIRI's receiver of the anonymised monthly counts (cli.md, counts.md).",
        },
        "paths": paths(),
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def render() -> str:
    return json.dumps(document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(render())
