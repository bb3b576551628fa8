"""Revisionsspor: the audit-log screen (AuditSection in section.py)."""
