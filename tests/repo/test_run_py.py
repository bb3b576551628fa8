"""`run.py`, the README's two commands: what it hands to uv, and that it installs uv only once.

The real install (a fresh clone, a fresh HOME, Debian's /usr/bin/python3) is too slow and needs the
network, so it is checked by hand (CONTRIBUTING.md); here a stand-in uv records its arguments.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the stand-in uv is a POSIX script")

STAND_IN = """#!{python}
import json, os, sys
print(json.dumps({{"argv": sys.argv[1:], "bytecode": os.environ.get("UV_COMPILE_BYTECODE")}}))
"""


@pytest.fixture
def clone(tmp_path):
    shutil.copy(ROOT / "run.py", tmp_path / "run.py")
    sys.path.insert(0, str(tmp_path))
    try:
        import run
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("run", None)
    uv = tmp_path / ".tools" / f"uv-{run.UV_VERSION}" / "bin" / "uv"
    uv.parent.mkdir(parents=True)
    uv.write_text(STAND_IN.format(python=sys.executable))
    uv.chmod(0o755)
    return tmp_path


def call(clone: Path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "UV_COMPILE_BYTECODE"}
    done = subprocess.run(
        [sys.executable, str(clone / "run.py"), *args],
        cwd=clone.parent,  # any folder: the clone is found from run.py itself
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # uv was there: nothing fetched, nothing said
    return json.loads(done.stdout)


def test_without_arguments_it_starts_the_app_with_this_python_in_this_clone(clone):
    result = call(clone)
    assert result["argv"] == ["run", "--project", str(clone), "--python", sys.executable, "consultant-app"]
    assert result["bytecode"] == "1"


def test_a_command_is_passed_on_unchanged(clone):
    result = call(clone, "pytest", "tests/x", "-q", "-k", "a b")
    assert result["argv"][5:] == ["pytest", "tests/x", "-q", "-k", "a b"]


def test_the_readme_and_ci_use_run_py_only():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "```sh\n# install everything and run the whole test suite\npython3 run.py pytest\n```" in readme
    assert re.search(r"^(PYTEST_ADDOPTS=\"[^\"]*\" )?python3 run.py pytest$", ci, re.M)  # the same command
    for text in (readme, ci):
        assert "pip install uv" not in text
        assert "-m uv run" not in text
