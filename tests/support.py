"""Constants and small helpers shared by tests (fixtures live in conftest.py)."""

import shutil

# Quotes, spaces, Danish letters and an emoji: what a real passphrase may hold.
PASSPHRASE = 'korrekt "hest" batteri\'s hæfteklamme 🔐'


def copy_vault(template, folder):
    """A fresh vault in `folder`: a byte copy of a template (same profile, submitter id and prefix)."""
    path = folder / "vault.db"
    shutil.copyfile(template, path)
    return path
