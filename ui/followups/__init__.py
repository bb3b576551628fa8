"""Opfølgning: the consultant's follow-ups by day, and the hourly reminder."""
