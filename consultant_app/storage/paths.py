"""Where vaults live, and the names of the files that travel beside one."""

from pathlib import Path

import platformdirs

APP_NAME = "consultant-app"


def default_vault_path() -> Path:
    """The per-user data directory of the platform (e.g. %LOCALAPPDATA% on Windows)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "vault.db"


def sibling(path: Path, suffix: str) -> Path:
    """A working file beside the vault: `vault.db.lock`, `vault.db.new`, `vault.db.rekey`, ..."""
    return path.with_name(f"{path.name}.{suffix}")
