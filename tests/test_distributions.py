"""Two distributions from one repository: the desktop carries no server, the receiver is an extra.

Read from the lock file, so a dependency that drags a web server or a PostgreSQL driver into
the consultant's install (directly or through another package) fails here.
"""

import tomllib
from pathlib import Path

from consultant_app import receiver_entry

ROOT = Path(__file__).resolve().parents[1]
SERVER = {"fastapi", "starlette", "uvicorn", "psycopg", "psycopg-binary", "prometheus-client"}


def desktop_closure() -> set[str]:
    """Every package a plain install of the project pulls in (no extras, no dev groups)."""
    packages = {p["name"]: p for p in tomllib.loads((ROOT / "uv.lock").read_text())["package"]}
    seen, todo = set(), ["consultant-app"]
    while todo:
        name = todo.pop()
        for dep in packages[name].get("dependencies", []):
            if dep["name"] not in seen:
                seen.add(dep["name"])
                todo.append(dep["name"])
    return seen


def test_the_desktop_install_carries_no_server_package():
    closure = desktop_closure()
    assert "pyside6-essentials" in closure and "sqlcipher3" in closure  # the reading is real
    assert not closure & SERVER, sorted(closure & SERVER)


def test_the_receiver_extra_brings_the_server():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extra = {
        spec.split(">")[0].split("[")[0].lower() for spec in project["optional-dependencies"]["receiver"]
    }
    assert {"fastapi", "uvicorn", "psycopg"} <= extra


def test_the_receiver_command_on_a_desktop_install_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr(receiver_entry.importlib.util, "find_spec", lambda name: None)
    assert receiver_entry.main(["--help"]) == 2
    err = capsys.readouterr().err
    assert "consultant-app[receiver]" in err and "Traceback" not in err


def test_the_bundle_recipe_leaves_the_receiver_out():
    spec = (ROOT / "build_installer.spec").read_text()
    assert '"consultant_app.receiver"' in spec and "SERVER_PACKAGES" in spec
