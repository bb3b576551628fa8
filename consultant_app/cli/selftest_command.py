"""selftest: run the program's core work in a throw-away vault; exit 0 only when all of it works."""

import argparse

from consultant_app.cli.common import emit
from consultant_app.i18n import Text
from consultant_app.selftest import run_selftest

_OK = Text(da="OK  ", en="OK  ")
_FAILED = Text(da="FEJL", en="FAIL")
_PASSED = Text(
    da="Selvtest bestået: {count} af {count} trin.", en="Self-test passed: {count} of {count} steps."
)
_NOT_PASSED = Text(
    da="Selvtest fejlede: {failed} af {count} trin.", en="Self-test failed: {failed} of {count} steps."
)


def selftest(args: argparse.Namespace) -> int:
    results = run_selftest()
    failed = sum(not r.ok for r in results)
    lines = []
    for r in results:
        line = f"{(_OK if r.ok else _FAILED).render()}  {r.label.render()}"
        lines.append(f"{line}: {r.detail}" if r.detail else line)
    lines.append((_PASSED if failed == 0 else _NOT_PASSED).render(count=len(results), failed=failed))
    data = {"ok": failed == 0, "checks": [{"check": r.key, "ok": r.ok, "detail": r.detail} for r in results]}
    emit(args, "\n".join(lines), data)
    return 0 if failed == 0 else 1
