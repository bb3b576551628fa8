"""Inquiries: the list that finds any case, the form that registers one, and the case view."""
