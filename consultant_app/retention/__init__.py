"""Keeping personal data no longer than needed (GDPR art. 5(1)(e), art. 17): docs/retention.md.

period.py: the retention period (years after a case is closed; the organisation decides).
due.py: the cases past it, and the cases handed over (offered for erasure).
erase.py: erasure of a case or of everything about one citizen, counts unchanged.
purge.py: removing the erased bytes from the vault file itself.
"""
