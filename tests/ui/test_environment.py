"""The Qt binding itself must not corrupt Python's reference counts.

PySide6 6.12.0 (abi3 wheels) on Python 3.11 returns None from every void method without a new
reference: each call takes one reference from None until the interpreter aborts ("none_dealloc:
deallocating None") — in the tests at exit, in the app after enough typing. Python 3.12 and
later make None immortal, and PySide6 6.11 does not have the bug."""

import sys

from PySide6.QtCore import QObject


def test_a_void_call_leaves_none_alone():
    target = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        target.setObjectName("x")
    assert sys.getrefcount(None) >= before - 5  # a little noise from the interpreter is fine
