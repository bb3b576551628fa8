"""The habits that keep the project easy to carry on are configured, not just described."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_hung_test_fails_after_600_seconds(pytestconfig):
    assert float(pytestconfig.getini("timeout")) == 600


def test_pre_commit_runs_the_ci_checks():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for hook in (
        "ruff check",
        "ruff format",
        "lint-imports",
        "consultant_app.cli.catalogue",
        "ui.i18n_build",
    ):
        assert f"run.py --locked {hook}" in config or f"python -m {hook}" in config, hook


def test_ci_measures_and_prints_the_coverage():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--cov=consultant_app --cov=ui" in ci
    assert "coverage report --format=total" in ci


def test_contributing_says_how_to_add_each_kind_of_change():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in (
        "## Add a use case",
        "## Add a screen",
        "## Add a migration",
        "## Add or change a translation",
    ):
        assert heading in text
