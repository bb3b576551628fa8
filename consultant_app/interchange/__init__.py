"""Inquiry interchange format v1 (shared/spec/interchange.md): import and export.

The desktop and the command line call these four; everything else in the package is how.
"""

from consultant_app.interchange.exporter import ExportSummary, export_inquiries
from consultant_app.interchange.importer import (
    ImportCheck,
    ImportRejected,
    ImportSummary,
    check_inquiry_file,
    import_inquiries,
)

__all__ = [
    "ExportSummary",
    "ImportCheck",
    "ImportRejected",
    "ImportSummary",
    "check_inquiry_file",
    "export_inquiries",
    "import_inquiries",
]
