"""Started without a display, the desktop says so and exits 2 instead of letting Qt abort."""

import os
import subprocess
import sys

import pytest

from ui import display

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")


def start_without_display(**extra: str) -> subprocess.CompletedProcess:
    gone = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CONSULTANT_APP_LANG", "LC_ALL", "LC_MESSAGES")
    env = {k: v for k, v in os.environ.items() if k not in gone}
    env["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher"],
        env={**env, **extra},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_display_exits_2_with_a_danish_message_and_imports_no_qt():
    done = start_without_display()
    assert done.returncode == 2
    assert done.stderr.startswith("Ingen skærm fundet")
    assert "Traceback" not in done.stderr
    missing = display.missing_libraries()
    if missing:  # this machine lacks some: they are all named, on one line
        line = done.stderr.splitlines()[1]
        assert all(name in line for name in missing)


def test_in_english_when_asked():
    assert start_without_display(CONSULTANT_APP_LANG="en").stderr.startswith("No display found")


def test_every_missing_library_is_named_in_one_line(monkeypatch):
    monkeypatch.setattr(display, "missing_libraries", lambda: ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"])
    problem = display.display_problem({"DISPLAY": ":0"})
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0, libxkbcommon-x11.so.0" in problem
    assert "apt install libxcb-cursor0 libxkbcommon-x11-0" in problem


def test_nothing_to_say_with_a_display_and_every_library(monkeypatch):
    monkeypatch.setattr(display, "missing_libraries", list)
    assert display.display_problem({"DISPLAY": ":0"}) is None
    assert display.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
