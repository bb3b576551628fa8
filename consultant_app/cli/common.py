"""What every subcommand shares: the vault option, the passphrase, output and errors."""

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from consultant_app.cli.parsers.options import (  # noqa: F401 (also used from here by handlers)
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    add_json_option,
    add_vault_option,
)
from consultant_app.errors import ConsultantAppError
from consultant_app.i18n import Text
from consultant_app.storage.paths import default_vault_path
from consultant_app.storage.vault import Vault

_PROMPT = Text(da="Adgangskode til boksen: ", en="Vault passphrase: ")
_NEW_PROMPT = Text(da="Ny adgangskode: ", en="New passphrase: ")
_REPEAT_PROMPT = Text(da="Gentag den nye adgangskode: ", en="Repeat the new passphrase: ")
_MISMATCH = Text(da="De to adgangskoder er ikke ens.", en="The two passphrases differ.")
_NO_TERMINAL = Text(
    da="Ingen adgangskode: sæt {env} eller kør kommandoen i en terminal.",
    en="No passphrase: set {env} or run the command in a terminal.",
)


class CliError(ConsultantAppError):
    """A problem with how the command was called."""


def vault_path(args: argparse.Namespace) -> Path:
    return args.vault if args.vault is not None else default_vault_path()


def read_passphrase(env: str = PASSPHRASE_ENV, prompt: Text = _PROMPT, *, confirm: bool = False) -> str:
    """From the environment (scripts, tests) or the terminal without echo; never an argument."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(_NO_TERMINAL, env=env)
    value = getpass.getpass(prompt.render())
    if confirm and getpass.getpass(_REPEAT_PROMPT.render()) != value:
        raise CliError(_MISMATCH)
    return value


def read_new_passphrase() -> str:
    return read_passphrase(NEW_PASSPHRASE_ENV, _NEW_PROMPT, confirm=True)


@contextmanager
def open_vault(args: argparse.Namespace) -> Iterator[Vault]:
    with Vault.open(vault_path(args), read_passphrase()) as vault:
        yield vault


def emit(args: argparse.Namespace, human: str, data: object) -> None:
    """Print a result: JSON on stdout with --json, else one or more readable lines."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(human)
