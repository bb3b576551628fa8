#!/usr/bin/env python3
"""Start the app, its tests or any of its commands from a clone, with nothing but Python 3.11+.

    python3 run.py                       # install what is needed, then start the desktop app
    python3 run.py pytest                # ... then run the test suite
    python3 run.py consultant-app --help # ... then any command of the project (uv run COMMAND)

On Windows write `py` for `python3`. Only the standard library is used here, so it works on the
Python a machine already has, including Debian's and Ubuntu's, which refuse `pip install` outside
a virtual environment (PEP 668): the pinned uv is installed into a private virtual environment in
`.tools/`, never system-wide, and uv then installs the exact versions of `uv.lock` into `.venv/`,
with compiled bytecode (a faster first start).
"""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

UV_VERSION = "0.13.9"  # the uv this repository's lock and CI are made with
ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools" / f"uv-{UV_VERSION}"
WINDOWS = os.name == "nt"

_DANISH = not os.environ.get("CONSULTANT_APP_LANG", "da").startswith("en")
_NEEDS_PYTHON = (
    "Programmet kræver Python 3.11 eller nyere (denne er {version})."
    if _DANISH
    else "The program needs Python 3.11 or newer (this is {version})."
)
_INSTALLING = (
    "Henter uv {uv} til {folder} (kun første gang) …"
    if _DANISH
    else "Fetching uv {uv} into {folder} (first time only) …"
)
_NO_VENV = (
    "Denne Python kan ikke lave et virtuelt miljø (modulet ensurepip mangler). "
    "På Debian/Ubuntu: installér pakken python3-venv (sudo apt install python3-venv) og prøv igen."
    if _DANISH
    else "This Python cannot create a virtual environment (the ensurepip module is missing). "
    "On Debian/Ubuntu: install the package python3-venv (sudo apt install python3-venv) and try again."
)
_FAILED = (
    "Kunne ikke installere uv {uv} (se ovenfor)." if _DANISH else "Could not install uv {uv} (see above)."
)


def uv_path(tools: Path = TOOLS) -> Path:
    return tools / ("Scripts/uv.exe" if WINDOWS else "bin/uv")


def install_uv(tools: Path = TOOLS) -> Path:
    """The pinned uv in its own virtual environment (allowed under PEP 668, unlike a user install)."""
    uv = uv_path(tools)
    if uv.exists():
        return uv
    try:
        import ensurepip  # noqa: F401  (Debian ships it separately, in python3-venv)
    except ImportError:
        raise SystemExit(_NO_VENV) from None
    print(_INSTALLING.format(uv=UV_VERSION, folder=tools.relative_to(ROOT)), file=sys.stderr, flush=True)
    staging = tools.with_name(tools.name + ".partial")  # a cancelled install is never taken for done
    venv.EnvBuilder(with_pip=True, clear=True).create(staging)
    python = staging / ("Scripts/python.exe" if WINDOWS else "bin/python")
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if subprocess.call([*pip, f"uv=={UV_VERSION}"]) != 0:
        raise SystemExit(_FAILED.format(uv=UV_VERSION))
    shutil.rmtree(tools, ignore_errors=True)  # a folder without uv in it: an older, broken try
    staging.replace(tools)
    return uv


def uv_command(args: list[str], uv: Path) -> list[str]:
    """`uv run` with this Python (no other is downloaded), in this clone, whatever the cwd."""
    command = args or ["consultant-app"]
    return [str(uv), "run", "--project", str(ROOT), "--python", sys.executable, *command]


def main(args: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (this file runs on whatever Python there is)
        raise SystemExit(_NEEDS_PYTHON.format(version=sys.version.split()[0]))
    command = uv_command(args, install_uv())
    os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
    if WINDOWS:  # exec on Windows does not replace the process; wait and pass the exit status on
        return subprocess.call(command)
    os.execv(command[0], command)  # noqa: S606 (our own argument list, no shell)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
