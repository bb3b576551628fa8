"""`consultant-app import inquiries` / `export inquiries`, run in-process through the real parser."""

import json

import pytest
from sqlalchemy import func, select

from consultant_app.cli.main import main
from consultant_app.domain import Inquiry
from consultant_app.storage.vault import Vault


def run(*argv: str) -> int:
    return main([str(a) for a in argv])


def stored(vault_path, passphrase) -> int:
    with Vault.open(vault_path, passphrase) as vault, vault.session() as s:
        return s.scalar(select(func.count(Inquiry.id)))


@pytest.fixture(autouse=True)
def _env(passphrase_env):
    """The passphrase from the environment, Danish unless a test says otherwise."""


def test_import_prints_the_summary_in_danish(vault_path, make_csv, minimal, capsys):
    code = run("import", "inquiries", make_csv([minimal, minimal]), "--vault", vault_path)
    out = capsys.readouterr()
    assert code == 0
    assert out.out.strip() == (
        "Importeret 2 rækker: 2 tilføjet, 0 opdateret, 0 uændret, 0 afvist. Fagpersoner: 0 nye, 0 suppleret."
    )


def test_import_json_summary(vault_path, make_csv, minimal, capsys):
    assert run("import", "inquiries", make_csv([minimal]), "--vault", vault_path, "--json") == 0
    assert json.loads(capsys.readouterr().out)["added"] == 1


def test_an_invalid_file_lists_every_problem_and_imports_nothing(
    vault_path, make_csv, minimal, passphrase, capsys
):
    rows = [minimal, minimal | {"region": "nordjyland"}, minimal, minimal | {"channel": "brevdue"}]
    code = run("import", "inquiries", make_csv(rows), "--vault", vault_path)
    lines = capsys.readouterr().err.splitlines()
    assert code == 1
    assert lines[0].startswith("Linje 3, kolonne region, værdi 'nordjyland': ukendt værdi")
    assert lines[1].startswith("Linje 5, kolonne channel, værdi 'brevdue': ukendt værdi")
    assert lines[-1] == "Intet er importeret: 2 fejl i filen."
    assert stored(vault_path, passphrase) == 0


def test_messages_in_english_when_asked(vault_path, make_csv, minimal, monkeypatch, capsys):
    monkeypatch.setenv("CONSULTANT_APP_LANG", "en")
    assert run("import", "inquiries", make_csv([minimal | {"region": "x"}]), "--vault", vault_path) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Line 2, column region, value 'x': unknown value")
    assert err[-1] == "Nothing was imported: 1 problems in the file."


def test_json_problems_are_machine_readable(vault_path, make_csv, minimal, capsys):
    run("import", "inquiries", make_csv([minimal | {"region": "x"}]), "--vault", vault_path, "--json")
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert (problem["line"], problem["column"], problem["value"]) == (2, "region", "x")


def test_skip_invalid_and_rejects_go_together(vault_path, make_csv, minimal, tmp_path, capsys):
    assert run("import", "inquiries", make_csv([minimal]), "--vault", vault_path, "--skip-invalid") == 1
    assert "--rejects" in capsys.readouterr().err
    assert (
        run(
            "import", "inquiries", make_csv([minimal]), "--vault", vault_path, "--rejects", tmp_path / "r.csv"
        )
        == 1
    )
    assert "--skip-invalid" in capsys.readouterr().err


def test_skip_invalid_writes_the_rejects_and_warns(
    vault_path, make_csv, minimal, tmp_path, passphrase, capsys
):
    rejects = tmp_path / "afviste.csv"
    rows = [minimal, minimal | {"region": "x"}]
    code = run(
        "import", "inquiries", make_csv(rows), "--vault", vault_path, "--skip-invalid", "--rejects", rejects
    )
    out = capsys.readouterr()
    assert code == 0
    assert "1 tilføjet" in out.out and "1 afvist" in out.out
    assert str(rejects) in out.err and "IKKE krypteret" in out.err
    assert rejects.is_file()
    assert stored(vault_path, passphrase) == 1


def test_export_warns_that_the_file_is_not_encrypted(vault_path, make_csv, minimal, tmp_path, capsys):
    run(
        "import",
        "inquiries",
        make_csv([minimal, minimal | {"received_on": "2024-04-01"}]),
        "--vault",
        vault_path,
    )
    capsys.readouterr()
    out_file = tmp_path / "ud.csv"
    code = run(
        "export", "inquiries", out_file, "--vault", vault_path, "--from", "2024-03-01", "--to", "2024-03-31"
    )
    out = capsys.readouterr()
    assert code == 0
    assert out.out.strip() == f"1 henvendelser eksporteret til {out_file}."
    assert "IKKE krypteret" in out.err and "personoplysninger" in out.err
    assert len(out_file.read_text(encoding="utf-8-sig").splitlines()) == 2


def test_export_refuses_to_overwrite_without_force(vault_path, tmp_path, capsys):
    out_file = tmp_path / "ud.csv"
    out_file.write_text("x", encoding="utf-8")
    assert run("export", "inquiries", out_file, "--vault", vault_path) == 1
    assert "overskrives ikke" in capsys.readouterr().err
    assert run("export", "inquiries", out_file, "--vault", vault_path, "--force") == 0


def test_a_bad_date_option_is_a_usage_error(vault_path, tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        run("export", "inquiries", tmp_path / "ud.csv", "--vault", vault_path, "--from", "1.3.2024")
    assert caught.value.code == 2
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err


def test_a_wrong_passphrase_is_one_line(vault_path, make_csv, minimal, monkeypatch, capsys):
    monkeypatch.setenv("CONSULTANT_APP_PASSPHRASE", "forkert hest batteri hæfteklamme")
    assert run("import", "inquiries", make_csv([minimal]), "--vault", vault_path) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Forkert adgangskode" in err


def test_a_missing_file_is_one_line(vault_path, tmp_path, capsys):
    assert run("import", "inquiries", tmp_path / "væk.csv", "--vault", vault_path) == 1
    assert capsys.readouterr().err.strip() == f"Filen findes ikke: {tmp_path / 'væk.csv'}"
