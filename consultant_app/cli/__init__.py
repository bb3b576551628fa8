"""The headless command line (shared/spec/cli.md)."""
