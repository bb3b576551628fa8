"""A command's log lines go to the standard error it was started with, for as long as it runs.

`logging.basicConfig` would bind the root logger to whatever `sys.stderr` is at the first call,
for the rest of the process: an embedding program (and the test suite, which runs commands in
one process) then finds later log lines written to a stream long closed. The handler is the
command's own and leaves with it.
"""

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

FORMAT = "%(levelname)s %(name)s: %(message)s"


@contextmanager
def command_logging(level: int) -> Iterator[None]:
    root = logging.getLogger()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    previous = root.level
    root.addHandler(handler)
    root.setLevel(level)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
