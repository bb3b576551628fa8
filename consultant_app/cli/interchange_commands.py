"""import inquiries / export inquiries (shared/spec/interchange.md)."""

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Filled in by the interchange work."""
