"""risk list / risk pdf (cli.md), in-process for speed and once as a real process."""

import io
import json
import os
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from consultant_app.cli.main import main
from consultant_app.domain import AuditEvent, Citizen, Inquiry
from consultant_app.risk import (
    Rating,
    finalise_assessment,
    revise_assessment,
    save_draft,
    start_assessment,
)
from consultant_app.storage.vault import Vault
from tests.consultant_app.risk.conftest import ASSESSED_ON, TODAY, complete_spj
from tests.support import PASSPHRASE

CITIZEN = "Åse Ærø Østergård"


@pytest.fixture
def filled(vault, vault_path, monkeypatch):
    """Two cases: a finalised assessment and its draft revision; a finalised screening."""
    with vault.session() as s:
        ids = []
        for day, name in ((datetime(2025, 2, 20, 10), CITIZEN), (datetime(2025, 2, 27, 14), "Bo")):
            inquiry = Inquiry(
                received_at=day,
                consultant="Test Konsulent",
                region="midtjylland",
                inquirer_type="kommune",
                channel="mail",
                citizen=Citizen(pseudonym="A. Ø.", full_name=name),
                citizen_age_group="voksen",
                trip_concern="ingen",
                kind="forloeb",
            )
            s.add(inquiry)
            s.flush()
            ids.append(inquiry.id)
        first = start_assessment(s, ids[0], "sk-spj", assessed_on=ASSESSED_ON)
        save_draft(s, first.id, complete_spj(first.content))
        finalise_assessment(s, first.id, today=TODAY)
        revise_assessment(s, first.id, assessed_on=TODAY)
        screening = start_assessment(s, ids[1], "sk-screening", assessed_on=date(2025, 3, 4))
        answers = tuple(Rating(f"S{n}", "ja" if n < 9 else "nej") for n in range(1, 13))
        save_draft(s, screening.id, replace(screening.content, ratings=answers))
        finalise_assessment(s, screening.id, today=TODAY)
    vault.lock()  # the command opens the vault itself
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CONSULTANT_APP_LANG", raising=False)
    return vault_path


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_risk_list_json(filled, capsys):
    code, out, err = run(capsys, "risk", "list", "--vault", filled, "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(r["id"], r["case_code"], r["assessed_on"], r["status"]) for r in rows] == [
        (1, "2025-00001", "2025-03-03", "finalised"),
        (3, "2025-00002", "2025-03-04", "finalised"),
        (2, "2025-00001", "2025-03-10", "draft"),
    ]
    assert rows[0]["summary_judgement"] == {"serious_violence": "moderat", "imminent_risk": "lav"}
    assert rows[1]["summary_judgement"] == {"screening": "hoej"}
    assert (rows[2]["previous_id"], rows[0]["instrument_id"], rows[0]["instrument_version"]) == (
        1,
        "sk-spj",
        "1",
    )
    assert rows[0]["inquiry_id"] == 1 and rows[0]["next_review_on"] == "2025-06-01"
    assert CITIZEN not in out


def test_risk_list_readable(filled, capsys):
    code, out, _ = run(capsys, "risk", "list", "--vault", filled)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[0].split() == ["Id", "Sag", "Dato", "Status", "Samlet", "vurdering"]
    assert lines[1].split()[:4] == ["1", "2025-00001", "2025-03-03", "afsluttet"]
    assert lines[1].endswith("Risiko for alvorlig vold: Moderat; Umiddelbar risiko: Lav")
    assert lines[2].endswith("Screeningsresultat: Høj")
    assert "udkast" in lines[3]


def test_risk_list_of_an_empty_vault(vault, vault_path, monkeypatch, capsys):
    vault.lock()
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "risk", "list", "--vault", vault_path)[1].strip() == "Ingen risikovurderinger."
    assert json.loads(run(capsys, "risk", "list", "--vault", vault_path, "--json")[1]) == []


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def print_lines(vault_path):
    with Vault.open(vault_path, PASSPHRASE) as vault, vault.session() as s:
        return s.execute(
            select(AuditEvent.entity, AuditEvent.entity_id, AuditEvent.detail).where(
                AuditEvent.action == "print"
            )
        ).all()


def test_risk_pdf_writes_the_summary_warns_and_audits(filled, capsys, tmp_path):
    target = tmp_path / "vurdering.pdf"
    code, out, err = run(capsys, "risk", "pdf", "1", "-o", target, "--vault", filled)
    assert code == 0
    assert out.strip() == f"Risikovurdering 1 er skrevet til {target}."
    assert f"ADVARSEL: {target} er IKKE krypteret" in err
    text = pdf_text(target)
    assert "2025-00001" in text and "Udskrevet" in text and "af Test Konsulent" in text
    assert CITIZEN not in text
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert print_lines(filled) == [("risk_assessment", 1, "sk-spj/1")]


def test_risk_pdf_with_name_and_json(filled, capsys, tmp_path):
    target = tmp_path / "navn.pdf"
    code, out, err = run(capsys, "risk", "pdf", "1", "-o", target, "--with-name", "--json", "--vault", filled)
    assert code == 0
    assert json.loads(out) == {"assessment_id": 1, "file": str(target), "with_name": True}
    assert "IKKE krypteret" in err and "borgerens navn" in err
    assert CITIZEN in " ".join(pdf_text(target).split())
    assert print_lines(filled) == [("risk_assessment", 1, "sk-spj/1 with_name")]


def test_risk_pdf_refuses_to_overwrite_without_force(filled, capsys, tmp_path):
    target = tmp_path / "findes.pdf"
    target.write_bytes(b"mine")
    code, _, err = run(capsys, "risk", "pdf", "1", "-o", target, "--vault", filled)
    assert code == 1 and "overskrives ikke" in err and target.read_bytes() == b"mine"
    assert run(capsys, "risk", "pdf", "1", "-o", target, "--force", "--vault", filled)[0] == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_risk_pdf_of_a_missing_assessment_is_one_line_and_leaves_nothing(filled, capsys, tmp_path):
    target = tmp_path / "ingen.pdf"
    code, out, err = run(capsys, "risk", "pdf", "99", "-o", target, "--vault", filled)
    assert (code, out) == (1, "")
    assert err.strip() == "Risikovurderingen findes ikke (id 99)."
    assert not target.exists() and list(tmp_path.glob("ingen.pdf*")) == []
    assert print_lines(filled) == []


def test_risk_help(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["risk", "pdf", "-h"])
    out = capsys.readouterr().out
    assert raised.value.code == 0 and "--with-name" in out and "IKKE krypteret" in out


@pytest.mark.slow
def test_risk_pdf_as_a_real_process(filled, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTANT_APP_")}
    env["CONSULTANT_APP_PASSPHRASE"] = PASSPHRASE
    target = tmp_path / "proces.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "consultant_app",
            "risk",
            "pdf",
            "3",
            "-o",
            str(target),
            "--vault",
            str(filled),
        ],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "IKKE krypteret" in result.stderr and "Traceback" not in result.stderr
    assert "Screening for æresrelateret risiko" in " ".join(pdf_text(target).split())
