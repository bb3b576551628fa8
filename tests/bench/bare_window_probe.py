"""The floor for a desktop cold start: a bare PySide6 window, spawned and painted.

Run by tests/bench/run.py in a fresh interpreter (QT_QPA_PLATFORM=offscreen), like
cold_start_probe.py: it imports only PySide6, shows an empty QWidget, and once its first paint
has been processed prints `shown <time.time()> <seconds since this script began> <VmHWM KiB>`.
Whatever the desktop takes beyond this is ours; this much is Python and Qt.
"""

import time

BEGAN = time.time()

import sys  # noqa: E402

from cold_start_probe import peak_kib  # noqa: E402


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])

    class Window(QWidget):
        def showEvent(self, event):
            super().showEvent(event)

            def report() -> None:
                now = time.time()
                print(f"shown {now:.6f} {now - BEGAN:.6f} {peak_kib()}", flush=True)
                app.quit()

            QTimer.singleShot(0, report)  # after the first paint already queued

    window = Window()
    window.resize(480, 240)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
