"""The core of the security consultants' app: domain, storage, services, reports, sync, CLI.

It never imports Qt: it runs headless in tests, on the command line and in the receiver.
"""

__version__ = "0.1.0"

import logging as _logging


class _NoResultRows(_logging.Filter):
    """SQLAlchemy logs every result row at DEBUG: record content, tokens. Those lines never pass,
    whatever level a user or a test sets (statements are logged without their parameters)."""

    def filter(self, record: _logging.LogRecord) -> bool:
        return record.levelno > _logging.DEBUG


_logging.getLogger("sqlalchemy.engine.Engine").addFilter(_NoResultRows())
