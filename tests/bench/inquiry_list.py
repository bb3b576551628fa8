"""Benchmark: the inquiry list on a 100 000-inquiry demo vault, as the desktop shows it.

Not a test (pytest does not collect this file): run it by hand,
    uv run python tests/bench/inquiry_list.py [--vault FILE] [--inquiries N] [--repeats R]
Without --vault it builds the demo vault in a temporary folder first (about 30 s); with --vault
it uses that file, creating it with demo data if it does not exist (the passphrase is
CONSULTANT_APP_PASSPHRASE, or the demo one). Then it times, through the real Qt model and the
database lane (offscreen), from the moment the query is set to the moment its first page of
rows is in the model:
  - the first rows after unlocking (cold: nothing decrypted in the page cache yet), target 300 ms;
  - each filter change and sort below (warm), target 200 ms; text search is timed apart
    (it reads every note), as is the count that follows a first page.
Medians of R runs, and the worst run. --cache-mib tries a larger page cache than the vault's.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from consultant_app.demo import fill_vault
from consultant_app.services.inquiry_list import InquiryFilter, InquiryQuery
from consultant_app.storage.vault import Vault
from ui.inquiries.page_source import LanePageSource
from ui.inquiries.table_model import InquiryTableModel
from ui.operations import Lane
from ui.section import Session
from ui.unlock_dialog import open_vault

DEMO_PASSPHRASE = "korrekt hest batteri hæfteklamme"
FIRST_ROWS_MS = 300
FILTER_MS = 200

FILTERS: dict[str, InquiryQuery] = {
    "region": InquiryQuery(InquiryFilter(region="syddanmark")),
    "open": InquiryQuery(InquiryFilter(status="open")),
    "closed, kommune": InquiryQuery(InquiryFilter(status="closed", inquirer_type="kommune")),
    "child": InquiryQuery(InquiryFilter(age_group="barn")),
    "abroad": InquiryQuery(InquiryFilter(trip_concern="udlandet")),
    "open courses": InquiryQuery(InquiryFilter(kind="forloeb", status="open")),
    "last year": InquiryQuery(
        InquiryFilter(
            received_from=date(date.today().year - 1, 1, 1), received_to=date(date.today().year - 1, 12, 31)
        )
    ),
    "all six filters": InquiryQuery(
        InquiryFilter(
            region="hovedstaden",
            status="open",
            inquirer_type="kommune",
            age_group="barn",
            trip_concern="ingen",
            received_from=date.today() - timedelta(days=3 * 365),
        )
    ),
    "sort by professional": InquiryQuery(sort="professional", descending=False),
    "sort by region": InquiryQuery(sort="region", descending=False),
    "sort by trip status": InquiryQuery(sort="trip"),
    "reason": InquiryQuery(InquiryFilter(reason="trusler")),
    "municipality": InquiryQuery(InquiryFilter(municipality="461")),
}
SEARCHES = {
    "search a surname": "hansen",
    "search a case code": None,  # filled in from the vault
    "search, no match": "xyzzy",
    "search Danish letters": "søren",
    "search a reason label": "tvangsægteskab",  # by code: no text index for labels
}


def wait_for_first_page(model: InquiryTableModel, query: InquiryQuery) -> tuple[float, float]:
    """Milliseconds until the first page is in the model, and until the count is."""
    loop = QEventLoop()
    times: dict[str, float] = {}
    started = time.perf_counter()

    def first() -> None:
        times["first"] = (time.perf_counter() - started) * 1000

    def counted(n: int) -> None:
        if n >= 0:
            times["count"] = (time.perf_counter() - started) * 1000
            loop.quit()

    model.first_page_arrived.connect(first)
    model.count_changed.connect(counted)
    QTimer.singleShot(60_000, loop.quit)
    model.set_query(query)
    loop.exec()
    model.first_page_arrived.disconnect(first)
    model.count_changed.disconnect(counted)
    return times["first"], times["count"]


def measure(model: InquiryTableModel, query: InquiryQuery, repeats: int) -> tuple[float, float, float]:
    runs = [wait_for_first_page(model, query) for _ in range(repeats)]
    firsts = [r[0] for r in runs]
    return statistics.median(firsts), max(firsts), statistics.median(r[1] for r in runs)


def prepare(args: argparse.Namespace, folder: str) -> tuple[Path, str]:
    passphrase = os.environ.get("CONSULTANT_APP_PASSPHRASE", DEMO_PASSPHRASE)
    path = Path(args.vault) if args.vault else Path(folder) / "bench.db"
    if not path.exists():
        started = time.perf_counter()
        with Vault.create(path, passphrase, name="Benchmark", team="aarhus") as vault:
            fill_vault(vault, args.inquiries, seed=1)
        print(f"demo vault: {args.inquiries} inquiries in {time.perf_counter() - started:.1f} s")
    return path, passphrase


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vault", help="a demo vault to use (made if it does not exist)")
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--cache-mib",
        type=int,
        help="first set SQLite's page cache to this size (the vault keeps the default, about 8 MiB)",
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    lane = Lane()
    slow = []
    with tempfile.TemporaryDirectory() as folder:
        path, passphrase = prepare(args, folder)
        unlocked = open_vault(path, passphrase)
        if args.cache_mib:
            with unlocked.vault.session() as db:
                db.execute(text(f"PRAGMA cache_size = -{args.cache_mib * 1024}"))
        session = Session(unlocked.vault, unlocked.profile, lane)
        model = InquiryTableModel(LanePageSource(session, app))
        try:
            cold, count = wait_for_first_page(model, InquiryQuery())
            print(
                f"first rows after unlock (cold): {cold:6.1f} ms   (count {count:.0f} ms)   target {FIRST_ROWS_MS}"
            )
            slow += [("first rows", cold)] if cold > FIRST_ROWS_MS else []
            median, worst, count = measure(model, InquiryQuery(), args.repeats)
            print(f"first rows again (warm):        {median:6.1f} ms   worst {worst:.1f}")
            print(
                f"\nfilter change -> first rows, median of {args.repeats} (worst; count)   target {FILTER_MS}"
            )
            for name, query in FILTERS.items():
                median, worst, count = measure(model, query, args.repeats)
                flag = "" if median <= FILTER_MS else "   over target"
                slow += [(name, median)] if flag else []
                print(f"  {name:24} {median:6.1f} ms  ({worst:6.1f}; count {count:6.1f}){flag}")
            print("\ntext search -> first rows")
            code = model.index(0, 0).data()
            for name, term in SEARCHES.items():
                query = InquiryQuery(replace(InquiryFilter(), text=term or code))
                median, worst, count = measure(model, query, args.repeats)
                print(f"  {name:24} {median:6.1f} ms  ({worst:6.1f}; count {count:6.1f})")
        finally:
            lane.run(unlocked.vault.lock, lambda _r: None, lambda _e: None)
            lane.close()
    del app
    print("\nall within target" if not slow else f"\nover target: {slow}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
