"""The benchmark's measurements made in processes of their own: the desktop's cold start to the
painted unlock window beside a bare PySide6 window, and the interchange's peak memory."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Imported by run.py, which puts the checkout and this folder on the path first.
from databases import Runs
from vaults import ROOT, cache_dir

PROBE = Path(__file__).resolve().parent / "cold_start_probe.py"
BARE_PROBE = Path(__file__).resolve().parent / "bare_window_probe.py"
IO_PROBE = Path(__file__).resolve().parent / "interchange_memory.py"

# --- the desktop's cold start ----------------------------------------------------------------


def cold_start(vault: Path, repeats: int, *, bytecode: bool = True) -> dict:
    """Median time from spawning the interpreter to the painted unlock window.

    bytecode=True: compiled modules are cached (PYTHONPYCACHEPREFIX in the bench cache folder,
    so neither the checkout nor the virtual environment is written to), as in the installed
    app, which ships bytecode. bytecode=False: the environment as it is (with
    PYTHONDONTWRITEBYTECODE=1 every module is compiled from source at every start)."""
    with tempfile.TemporaryDirectory(prefix="bench-xdg-") as xdg:
        home = Path(xdg) / "consultant-app"
        home.mkdir()
        shutil.copyfile(vault, home / "vault.db")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": xdg,
            "PYTHONPATH": str(ROOT),
            "CONSULTANT_APP_LANG": "da",
        }
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(cache_dir() / "pycache")
        return spawn_to_paint(PROBE, env, repeats, bytecode)


def bare_window(repeats: int) -> dict:
    """The floor: a bare PySide6 window, spawned and painted the same way (bytecode cached)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{PROBE.parent}",
        "PYTHONPYCACHEPREFIX": str(cache_dir() / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return spawn_to_paint(BARE_PROBE, env, repeats, True)


def spawn_to_paint(probe: Path, env: dict, repeats: int, bytecode: bool) -> dict:
    walls, inside, rss, hwm = [], [], [], []
    for attempt in range(repeats + 1):  # the first only warms the OS file cache and .pyc files
        started = time.time()
        proc = subprocess.Popen(
            [sys.executable, str(probe)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=ROOT,
        )
        line = proc.stdout.readline().split()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        if not line or line[0] != "shown":
            raise RuntimeError(
                f"the cold-start probe did not reach the unlock window (exit {proc.returncode})"
            )
        if attempt == 0:
            continue
        walls.append((float(line[1]) - started) * 1000)
        inside.append(float(line[2]) * 1000)
        rss.append(usage.ru_maxrss / 1024)
        hwm.append(int(line[3]) / 1024)
    summary = Runs(walls, inside).summary()
    summary["in_process_median_ms"] = summary.pop("cpu_median_ms")  # not CPU: since the script began
    summary["peak_rss_mb"] = round(max(hwm), 1) if max(hwm) else round(max(rss), 1)
    summary["ru_maxrss_mb"] = round(max(rss), 1)  # inflated on Linux by the parent's pre-exec peak
    summary["bytecode_cached"] = bytecode
    return summary


# --- interchange peak memory --------------------------------------------------------------------


def _io_run(action: str, vault: Path, file: Path) -> dict:
    """One export or import in a process of its own: rows, seconds and its VmHWM."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(IO_PROBE), action, str(vault), str(file)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    ).stdout.split()
    return {"rows": int(done[1]), "seconds": float(done[2]), "peak_mb": round(int(done[3]) / 1024, 1)}


def interchange_peaks(vault: Path, folder: Path) -> tuple[dict, Path]:
    """Export every inquiry of `vault`, then import that file into a new vault."""
    exported = folder / "export.csv"
    result = {"export": _io_run("export", vault, exported)}
    result["import"] = _io_run("import", folder / "imported.db", exported)
    (folder / "imported.db").unlink()
    return result, exported


def interchange_rows(source: Path, rows: list[int], folder: Path, log) -> list[dict]:
    """For files of `rows` rows cut from `source` (an export): import each into a new vault,
    then export that vault: the memory of both for the row counts the issue names."""
    import csv

    results = []
    for n in rows:
        cut = folder / f"rows-{n}.csv"
        with (
            source.open(encoding="utf-8-sig", newline="") as f,
            cut.open("w", encoding="utf-8-sig", newline="") as out,
        ):
            reader, writer = (
                csv.reader(f, delimiter=";"),
                csv.writer(out, delimiter=";", lineterminator="\r\n"),
            )
            for i, record in enumerate(reader):
                if i > n:
                    break
                writer.writerow(record)
        vault = folder / f"rows-{n}.db"
        imported = _io_run("import", vault, cut)
        exported = _io_run("export", vault, folder / f"rows-{n}-out.csv")
        for path in (cut, vault, folder / f"rows-{n}-out.csv"):
            path.unlink(missing_ok=True)
        log(f"  {n} rows: import peak {imported['peak_mb']} MB, export peak {exported['peak_mb']} MB")
        results.append({"rows": n, "import": imported, "export": exported})
    return results
