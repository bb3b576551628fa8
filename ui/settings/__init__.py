"""Indstillinger: the consultant's own settings."""
