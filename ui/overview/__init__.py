"""Overblik: the day's work at a glance."""
