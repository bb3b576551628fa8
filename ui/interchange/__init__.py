"""Importing and exporting inquiry files (docs/interchange.md) from the desktop: the core's
`check_inquiry_file`, `import_inquiries` and `export_inquiries`, the same ones the CLI calls."""
