"""Extract the interface's texts and compile the translations, with PySide6's own Qt tools.

    uv run python -m ui.i18n_build           # after changing texts in ui/: update the .ts, build the .qm
    uv run python -m ui.i18n_build --check   # CI: fail if the .ts is stale or a text is untranslated

Workflow: run it, translate the new `type="unfinished"` entries in
`resources/translations/consultant_app_<lang>.ts` (by hand or with `pyside6-linguist`), run it
again, and commit both the .ts and the .qm (the bundle and the tests load the .qm).
"""

import argparse
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from consultant_app.resources import resources_dir

UI_DIR = Path(__file__).resolve().parent
TRANSLATIONS = ("da",)


def ts_file(language: str) -> Path:
    return resources_dir() / "translations" / f"consultant_app_{language}.ts"


def _tool(name: str) -> str:
    # The tools of this environment's PySide6, so every machine builds the same files.
    found = shutil.which(name, path=sysconfig.get_path("scripts")) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's environment (uv sync)")
    return found


def _sources() -> list[str]:
    return sorted(str(p) for p in UI_DIR.rglob("*.py"))


def update(ts: Path, language: str) -> None:
    """Add new texts to the .ts and drop removed ones; existing translations are kept."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",  # no line numbers: the file changes only when a text does
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            language,
            *_sources(),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def untranslated(ts: Path) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):  # noqa: S314 (our own file)
        translation = message.find("translation")
        if translation is None:  # lupdate always writes one; a hand-edited file may not
            missing.append(message.findtext("source", ""))
            continue
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            missing.append(message.findtext("source", ""))
    return missing


def check() -> list[str]:
    """Every problem that would ship a stale or partly English interface; empty when all is well."""
    problems = []
    for language in TRANSLATIONS:
        ts = ts_file(language)
        qm = ts.with_suffix(".qm")
        if not ts.is_file() or not qm.is_file():
            problems.append(f"{ts.name} or {qm.name} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh_ts, fresh_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
            shutil.copyfile(ts, fresh_ts)
            update(fresh_ts, language)
            if fresh_ts.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} does not match the texts in ui/")
            release(ts, fresh_qm)
            if fresh_qm.read_bytes() != qm.read_bytes():
                problems.append(f"{qm.name} is not compiled from {ts.name}")
        problems += [f"{ts.name}: not translated: {text!r}" for text in untranslated(ts)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.i18n_build", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for language in TRANSLATIONS:
        ts = ts_file(language)
        update(ts, language)
        release(ts, ts.with_suffix(".qm"))
        for text in untranslated(ts):
            print(f"{ts.name}: not translated yet: {text!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
