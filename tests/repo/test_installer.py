"""The Windows installer recipe, checked where it can be on any machine (docs/installing.md says
what only a Windows build machine can run)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_spec_reads_the_version_and_builds_a_windowed_twin_with_the_icon():
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert 'tomllib.loads((ROOT / "pyproject.toml")' in spec
    assert "console=False" in spec and spec.count("icon=ICON") == 2
    assert spec.count("version=version_resource(") == 2
    assert (ROOT / "resources" / "icons" / "consultant-app.ico").read_bytes()[:4] == b"\0\0\1\0"


def test_the_setup_is_per_user_and_leaves_the_vault():
    iss = (ROOT / "installer" / "consultant-app.iss").read_bytes()
    assert iss.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Inno Setup reads æ and ø right
    text = iss.decode("utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest\r?$", text, re.M)
    assert not re.search(r"^\[UninstallDelete\]", text, re.M)  # no section that deletes on uninstall
    assert "{autopf}" in text  # the user's Programs folder under lowest privileges
    assert "consultant-app\\vault.db" in text  # the data folder it must never be installed into
    assert "GetVersionNumbersString" in text


def test_the_version_resource_numbers_come_from_pyproject():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert re.fullmatch(r"\d+(\.\d+){1,3}", version)  # what a Windows version resource can hold
