"""The vault's own care in the desktop: back up, restore, change the passphrase, open another."""
