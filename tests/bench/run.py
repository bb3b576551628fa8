"""Benchmark (issue 8): the vault's everyday operations, encrypted and on a plain SQLite copy.

Not a test (pytest collects test_*.py only): run it by hand,
    uv run python tests/bench/run.py --size 1000 10000 100000 [--json | --markdown]
For each size it takes a demo vault (`fill_vault`, seed 1, built in a subprocess and cached in
`$CONSULTANT_BENCH_CACHE` or `<tmp>/consultant-app-bench`, keyed by size, seed, day and schema:
see vaults.py) and a plain unencrypted copy of it made with `sqlcipher_export`, copies both to a
temporary folder and measures, as min / median / p95 of R repeats (wall clock; the CPU time of
this process is kept too, since other processes on the machine inflate wall time only):

  unlock        Vault.open (SQLCipher key derivation, 256 000 PBKDF2-SHA512 iterations, settings
                check, schema check); plain: engine + first connection + schema check
  first page    fetch_page(InquiryQuery()) warm, as the open desktop re-reads it; "first page
                after unlock" is the same call on a fresh connection (nothing cached)
  filter        fetch_page with a filter (cycling through 8 filters and sorts)
  text search   fetch_page with a search text (a surname, a Danish name, no match: each reads
                every note)
  register      create_inquiry in a session, committed (one new inquiry)
  stats 12 m    monthly_stats for the last 12 whole months + the JSON `stats monthly` writes
  package       build_package for the last whole month
  risk summary  print_risk_summary of a revised assessment (load, compare, PDF, audit line)
  xlsx export   `stats monthly --format xlsx` for 12 months (count + publish + write_xlsx)

Issue 17 (scale): run with several sizes, e.g. `--size 10000 100000 300000`, it adds a growth
table: each figure's growth per 10x more inquiries ((t_last / t_first) ** (1 / log10(n_last /
n_first))) beside its encrypted/plain CPU ratio; the spawn-to-paint of a bare PySide6 window
(bare_window_probe.py) in the same run, as the floor for the desktop's cold start; and per size
the peak memory (VmHWM) of exporting the vault's inquiries and importing that file into a new
vault, each in a process of its own (interchange_memory.py). `--io-rows 20000 200000` measures
the same for files of those many rows, cut from the largest size's export.
`--render FILE.json` prints the Markdown of a report written with --json.

Every database figure runs the same service functions on the plain copy (an SQLAlchemy engine
on the stdlib sqlite3 driver, the same connection pragmas, a Session with the same audit hook),
interleaved run by run with the encrypted one, and is reported as a ratio encrypted / plain.
Then the desktop's cold start to the painted unlock window (a fresh interpreter per run,
QT_QPA_PLATFORM=offscreen, see cold_start_probe.py) and the peak memory (ru_maxrss) of this
process and of the cold-start processes. Targets (issue 8) apply at 100 000 inquiries.
"""

import argparse
import json
import os
import platform
import resource
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlcipher3
from databases import TODAY, Encrypted, Plain, kdf_ms, measure_databases
from judge import scale, verdict
from processes import bare_window, cold_start, interchange_peaks, interchange_rows
from report_render import markdown, scale_markdown
from targets import (
    COLD_START_MS,
    FIGURES,
    LABELS,
    MAX_RATIO,
    PEAK_MB,
    RATIO_EXEMPT,
    TARGET_MS,
    TARGETS_AT,
)
from vaults import cached_pair, working_copy

from consultant_app.storage import cipher

# --- results -----------------------------------------------------------------------------------


def _vm_hwm_mb() -> float | None:
    try:
        with open("/proc/self/status") as status:
            return round(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024, 1)
    except (OSError, StopIteration):
        return None


def results_for(size: int, args: argparse.Namespace, log) -> dict:
    load_before = os.getloadavg()
    enc_source, plain_source, built = cached_pair(size, args.seed, TODAY)
    log(f"{size} inquiries: {f'built in {built:.1f} s' if built else 'cached'} ({enc_source.parent})")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        enc_path = working_copy(enc_source, Path(folder))
        plain_path = working_copy(plain_source, Path(folder))
        sizes_mb = {
            "encrypted_file_mb": round(enc_path.stat().st_size / 2**20, 1),
            "plain_file_mb": round(plain_path.stat().st_size / 2**20, 1),
        }
        runs = measure_databases(
            Encrypted(enc_path, args.cache_kib),
            Plain(plain_path, args.cache_kib, args.plain_driver),
            args.repeats,
            log,
        )
        pragmas = runs.pop("_pragmas")
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        hwm_self = _vm_hwm_mb()
        cold = cold_start(enc_path, args.cold_repeats) if not args.no_cold_start else None
        if cold is not None and os.environ.get("PYTHONDONTWRITEBYTECODE"):
            cold["without_bytecode"] = cold_start(enc_path, 2, bytecode=False)
        interchange = None
        if not args.no_interchange:
            interchange, exported = interchange_peaks(enc_path, Path(folder))
            log(
                f"  interchange: export peak {interchange['export']['peak_mb']} MB, "
                f"import peak {interchange['import']['peak_mb']} MB"
            )
            if args.io_rows and size == max(args.size):
                interchange["rows"] = interchange_rows(exported, sorted(args.io_rows), Path(folder), log)
    judged = size >= TARGETS_AT
    figures = {}
    for figure in FIGURES:
        e, p = runs[figure]["encrypted"].summary(), runs[figure]["plain"].summary()
        ratio = round(e["median_ms"] / p["median_ms"], 2) if p["median_ms"] else None
        cpu_ratio = round(e["cpu_median_ms"] / p["cpu_median_ms"], 2) if p["cpu_median_ms"] else None
        target = TARGET_MS.get(figure)
        judged_ratio = cpu_ratio if args.ratio_basis == "cpu" else ratio
        ratio_ok = None if figure in RATIO_EXEMPT or not judged else judged_ratio <= MAX_RATIO
        time_ok = None if target is None or not judged else e["median_ms"] < target
        figures[figure] = {
            "label": LABELS[figure],
            "encrypted": e,
            "plain": p,
            "ratio": ratio,  # wall-clock medians
            "cpu_ratio": cpu_ratio,  # CPU-time medians of this process
            "ratio_judged": args.ratio_basis,
            "target_ms": target,
            "ratio_result": verdict(ratio_ok),
            "time_result": verdict(time_ok),
        }
    # Holds BOTH databases (encrypted and plain), each with its own page cache: an upper bound.
    memory = {
        "measuring_process_mb": round(peak_self, 1),
        "measuring_process_vmhwm_mb": hwm_self,
        "target_mb": PEAK_MB,
    }
    memory["result"] = verdict(peak_self < PEAK_MB if judged else None)
    if cold is not None:
        cold["target_ms"] = COLD_START_MS
        cold["result"] = verdict(cold["median_ms"] < COLD_START_MS if judged else None)
        memory["cold_start_process_mb"] = cold["peak_rss_mb"]
        memory["result"] = verdict(max(peak_self, cold["peak_rss_mb"]) < PEAK_MB if judged else None)
    return {
        "inquiries": size,
        "seed": args.seed,
        "targets_judged": judged,
        **sizes_mb,
        "pragmas_in_force": pragmas,
        "figures": figures,
        "cold_start": cold,
        "interchange": interchange,
        "peak_memory": memory,
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in os.getloadavg()],
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, nargs="+", default=[1000], help="inquiries in the demo vault(s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=11, help="timed runs per figure (default 11)")
    parser.add_argument(
        "--cold-repeats", type=int, default=5, help="cold starts (default 5, after one warm-up)"
    )
    parser.add_argument("--no-cold-start", action="store_true")
    parser.add_argument(
        "--no-interchange", action="store_true", help="skip the export/import peak-memory runs"
    )
    parser.add_argument(
        "--io-rows",
        type=int,
        nargs="*",
        default=[],
        metavar="N",
        help="also import and export files of N rows cut from the largest size's export (e.g. 20000 200000)",
    )
    parser.add_argument(
        "--cache-kib",
        type=int,
        help="override PRAGMA cache_size (KiB) on both databases, to try a page cache size",
    )
    parser.add_argument(
        "--plain-driver",
        choices=("sqlite3", "sqlcipher3"),
        default="sqlite3",
        help="driver for the plain copy: stdlib sqlite3 (default) or sqlcipher3 without a key "
        "(the same SQLite build as the vault, to isolate the cost of encryption)",
    )
    parser.add_argument(
        "--ratio-basis",
        choices=("cpu", "wall"),
        default="cpu",
        help="which ratio the ≤ 1.3 target judges: of this process's CPU-time medians (default: "
        "decryption is CPU work in this thread, and other processes' load does not inflate it) "
        "or of wall-clock medians; both are reported",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the results as a Markdown table")
    parser.add_argument(
        "--render", metavar="FILE", help="print the Markdown table of a JSON report written before, and stop"
    )
    parser.add_argument(
        "--growth-only",
        action="store_true",
        help="with --render: only the growth table across sizes (the one README.md shows)",
    )
    args = parser.parse_args()
    if args.render:
        saved = json.loads(Path(args.render).read_text(encoding="utf-8"))
        saved["scale"] = scale(saved)  # judged by this version's rules
        print("\n".join(scale_markdown(saved)) if args.growth_only else markdown(saved))
        return 0

    quiet = args.json or args.markdown
    log = (
        (lambda msg: print(msg, file=sys.stderr, flush=True))
        if quiet
        else (lambda msg: print(msg, flush=True))
    )
    probe = sqlcipher3.connect(":memory:")
    report = {
        "date": TODAY.isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "sqlcipher_sqlite": sqlcipher3.sqlite_version,
            "sqlcipher": probe.execute("PRAGMA cipher_version").fetchone()[0],
            "plain_driver": args.plain_driver,
            "plain_sqlite": sqlite3.sqlite_version
            if args.plain_driver == "sqlite3"
            else sqlcipher3.sqlite_version,
            "pbkdf2_sha512_256000_ms": kdf_ms(5),
        },
        "connection_pragmas": list(cipher.CONNECTION_PRAGMAS),
        "cache_kib_override": args.cache_kib,
        "results": [results_for(size, args, log) for size in args.size],
    }
    if not args.no_cold_start:
        report["cold_start_floor"] = bare_window(args.cold_repeats)
        log(f"bare PySide6 window, spawn to paint: {report['cold_start_floor']['median_ms']:.0f} ms")
    report["scale"] = scale(report)
    probe.close()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.markdown:
        print(markdown(report))
    if not quiet:
        print()
        print(markdown(report))
    misses = [
        (r["inquiries"], name)
        for r in report["results"]
        for name, f in r["figures"].items()
        if "MISS" in (f["ratio_result"], f["time_result"])
    ]
    misses += [
        (r["inquiries"], "cold_start")
        for r in report["results"]
        if r["cold_start"] and r["cold_start"]["result"] == "MISS"
    ]
    misses += [
        (r["inquiries"], "peak_memory") for r in report["results"] if r["peak_memory"]["result"] == "MISS"
    ]
    for figure, f in report["scale"].get("figures", {}).items():
        if "MISS" in (f.get("growth_result"), f.get("ratio_result")):
            misses.append(("growth", figure))
    for key in ("import_rows", "export_rows", "cold_start"):
        if report["scale"].get(key, {}).get("result") == "MISS":
            misses.append(("scale", key))
    print("misses: " + (", ".join(f"{n}: {name}" for n, name in misses) or "none"), file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
