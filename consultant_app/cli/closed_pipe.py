"""A reader that stops early (`consultant-app ... | head -1`) is not an error: end quietly.

Python reports a closed pipe as BrokenPipeError wherever the write happens, including the last
flush at exit ("Exception ignored ... BrokenPipeError"). So the program's output is flushed
inside `quietly`, and after a closed pipe stdout is pointed at the null device so that nothing
is written, or complained about, again.
"""

import contextlib
import os
import sys
from collections.abc import Callable

CLOSED_PIPE_STATUS = 141  # what a shell reports for a process ended by SIGPIPE (128 + 13)


def quietly(run: Callable[[], int]) -> int:
    try:
        try:
            return run()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return CLOSED_PIPE_STATUS


def silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
