"""Printouts: the shared PDF pieces (pdf_base, pdf_blocks) and the reports built on them."""
