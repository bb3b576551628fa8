"""Running the screenshot tests never rewrites the README's pictures unless asked to."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_PROBE = "import os; from tests.ui import support; print(support.SCREENSHOTS); print(os.path.isdir(support.SCREENSHOTS))"


def folder(env_value: str | None) -> tuple[Path, bool]:
    env = {k: v for k, v in os.environ.items() if k != "CONSULTANT_APP_SCREENSHOTS"}
    if env_value is not None:
        env["CONSULTANT_APP_SCREENSHOTS"] = env_value
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    path, existed = done.stdout.split()
    return Path(path), existed == "True"


def test_by_default_a_temporary_folder_outside_the_repository_removed_at_exit():
    path, existed = folder(None)
    assert existed
    assert not path.resolve().is_relative_to(ROOT)
    assert not path.exists()  # removed when the test process ended


def test_the_readme_pictures_only_when_asked():
    assert folder("docs/screenshots")[0] == Path("docs/screenshots")
