"""Start the desktop exactly as `consultant-app` does and quit once the unlock window is painted.

Run by tests/bench/run.py in a fresh interpreter, with QT_QPA_PLATFORM=offscreen and
XDG_DATA_HOME pointing at a folder whose `consultant-app/vault.db` is a demo vault (so the
desktop finds a vault and shows the unlock dialog, not the first-run wizard). No hook in the
application: this script wraps `UnlockDialog.showEvent` before calling `ui.launcher.main()`
(the module is imported by the desktop anyway). When the first paint after the show has been
processed it prints one line, `shown <time.time()> <seconds since this script began> <VmHWM KiB>`,
and quits.
"""

import time

BEGAN = time.time()

import os  # noqa: E402
import sys  # noqa: E402
import types  # noqa: E402


def peak_kib() -> int:
    """This process's own resident high-water mark (VmHWM, KiB; 0 where there is no /proc).
    ru_maxrss would do after exit, but on Linux it keeps the parent's high-water mark from
    before the exec, so it says more about the benchmark than about the desktop."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return 0


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import unlock_dialog

    original = unlock_dialog.UnlockDialog.showEvent

    def show_event(self, event):
        original(self, event)

        def report() -> None:
            now = time.time()
            print(f"shown {now:.6f} {now - BEGAN:.6f} {peak_kib()}", flush=True)
            QApplication.instance().quit()

        # After the events already queued (the first paint of the dialog) have been handled.
        QTimer.singleShot(0, report)

    unlock_dialog.UnlockDialog.showEvent = show_event
    if os.environ.get("BENCH_DEFER_MAIN_WINDOW"):
        # Experiment only (what a lazy import of the main window in ui/desktop.py would save):
        # the desktop gets a stand-in module, so nothing behind the main window is imported.
        stand_in = types.ModuleType("ui.main_window")
        stand_in.MainWindow = object
        sys.modules["ui.main_window"] = stand_in
    from ui.launcher import main as launch

    return launch([])


if __name__ == "__main__":
    sys.exit(main())
