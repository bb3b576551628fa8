"""Inquiry interchange format v1 (shared/spec/interchange.md): import and export.

The desktop and the command line call these four; everything else in the package is how.
"""

from consultant_app.interchange.exporter import ExportCancelled, ExportSummary, export_inquiries
from consultant_app.interchange.importer import (
    ImportCancelled,
    ImportCheck,
    ImportRejected,
    ImportSummary,
    check_inquiry_file,
    import_inquiries,
)

__all__ = [
    "ExportCancelled",
    "ExportSummary",
    "ImportCancelled",
    "ImportCheck",
    "ImportRejected",
    "ImportSummary",
    "check_inquiry_file",
    "export_inquiries",
    "import_inquiries",
]
