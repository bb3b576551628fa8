"""The support log: rotating, owner-only, our events only, and the report that carries it."""

import io
import logging
import stat
import zipfile
from pathlib import Path

import pytest

from consultant_app import support_log


@pytest.fixture
def console():
    """A console handler as logging.basicConfig makes it (no level of its own)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logging.getLogger().addHandler(handler)
    yield stream
    logging.getLogger().removeHandler(handler)


@pytest.fixture
def installed(tmp_path, console):
    # install() raises our loggers to INFO and quiets level-less handlers: put both back, or the
    # tests after these hear INFO lines on stderr (the CLI's tests compare stderr exactly).
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("consultant_app", "ui")}
    handler_levels = {handler: handler.level for handler in root.handlers}
    path = support_log.install(tmp_path / "log")
    yield path
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(handler)
        handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    for handler, level in handler_levels.items():
        handler.setLevel(level)


def test_our_events_go_in_other_libraries_chatter_does_not(installed):
    logging.getLogger("consultant_app.storage.vault").info("vault opened from %s", Path.home() / "v.db")
    logging.getLogger("sqlalchemy.engine.Engine").info("SELECT secret FROM note")
    logging.getLogger("httpx").warning("connection refused")
    text = installed.read_text(encoding="utf-8")
    assert "vault opened from ~/v.db" in text  # the account name stays at home
    assert str(Path.home()) + "/" not in text
    assert "SELECT" not in text
    assert "connection refused" in text
    assert stat.S_IMODE(installed.stat().st_mode) == 0o600


def test_the_log_rotates_within_its_size(installed):
    log = logging.getLogger("consultant_app.test")
    for _ in range(support_log.MAX_BYTES * (support_log.BACKUPS + 2) // 100):
        log.info("x" * 100)
    files = sorted(installed.parent.glob(support_log.LOG_FILE + "*"))
    assert len(files) == support_log.BACKUPS + 1
    assert all(f.stat().st_size <= support_log.MAX_BYTES + 200 for f in files)
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_the_report_holds_the_log_and_the_versions_only(installed, tmp_path):
    logging.getLogger("consultant_app.test").warning("something to tell support")
    report = support_log.write_report(tmp_path / "r.zip", installed.parent, extra={"qt": "6.x"})
    with zipfile.ZipFile(report) as z:
        assert set(z.namelist()) == {"versions.txt", f"log/{support_log.LOG_FILE}"}
        versions = z.read("versions.txt").decode()
        assert "consultant-app: " in versions and "qt: 6.x" in versions and "python: " in versions
        assert "something to tell support" in z.read(f"log/{support_log.LOG_FILE}").decode()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600


def test_the_console_hears_no_more_than_before(installed, console):
    logging.getLogger("ui.app").info("consultant-app started")
    logging.getLogger("ui.app").warning("something is wrong")
    assert console.getvalue() == "something is wrong\n"
