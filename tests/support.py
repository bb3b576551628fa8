"""Constants and small helpers shared by tests (fixtures live in conftest.py)."""

# Quotes, spaces, Danish letters and an emoji: what a real passphrase may hold.
PASSPHRASE = 'korrekt "hest" batteri\'s hæfteklamme 🔐'
