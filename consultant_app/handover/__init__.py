"""Handing a case to a colleague, end-to-end encrypted (docs/handover.md).

keys.py: the vault's key pair, colleagues' keys, the one-line key text and its fingerprint.
case_file.py: the case as plain data (the versioned schema) and back.
envelope.py: the encrypted, authenticated file around it (PyNaCl Box).
send.py / receive.py: the two use cases, each in one transaction.
"""
