"""`tokens add | list | revoke | rotate` (and `add-token`, the same as `tokens add`).

The tokens file is the service's list of tokens (tokens.py: hashes only, revocations, the audit
of who changed what). `--db` (or CONSULTANT_APP_RECEIVER_DB) adds what only the database
knows: the submitter a token was bound to on first use (so `add --submitter-id` sees an id
already owned) and when a token was last accepted (`list`). Without it those show "-".
"""

import argparse
import json
import os
import re
import sys
from pathlib import Path

from consultant_app.errors import ConsultantAppError
from consultant_app.receiver import messages as m
from consultant_app.receiver.tokens import (
    ANALYST,
    LAPTOP,
    TokenEntry,
    add_token,
    read_entries,
    revoke_token,
    rotate_token,
)

SUBMITTER_ID = r"^[0-9a-f]{16,64}$"


class TokenCommandError(ConsultantAppError):
    pass


def register(sub, db_env: str) -> None:
    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=os.environ.get(db_env), help=m.H_TOKEN_DB.render(env=db_env))

    def add_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--tokens", type=Path, required=True, help=m.H_TOKENS_FILE.render())
        p.add_argument("--submitter-name", required=True, help=m.H_NAME.render())
        p.add_argument("--analyst", action="store_true", help=m.H_ANALYST.render())
        p.add_argument("--submitter-id", help=m.H_SUBMITTER_ID.render())
        p.add_argument("--replace", action="store_true", help=m.H_REPLACE.render())
        db_option(p)
        p.set_defaults(handler=add)

    add_options(sub.add_parser("add-token", help=m.H_ADD_TOKEN.render()))
    group = sub.add_parser("tokens", help=m.H_TOKENS_GROUP.render())
    tokens_sub = group.add_subparsers(dest="tokens_command", metavar="ACTION", required=True)
    add_options(tokens_sub.add_parser("add", help=m.H_ADD_TOKEN.render()))

    p = tokens_sub.add_parser("list", help=m.H_LIST.render())
    p.add_argument("--tokens", type=Path, required=True, help=m.H_TOKENS_FILE.render())
    p.add_argument("--json", action="store_true", help=m.H_LIST_JSON.render())
    db_option(p)
    p.set_defaults(handler=list_tokens)

    for name, helptext, handler in (("revoke", m.H_REVOKE, revoke), ("rotate", m.H_ROTATE, rotate)):
        p = tokens_sub.add_parser(name, help=helptext.render())
        p.add_argument("--tokens", type=Path, required=True, help=m.H_TOKENS_FILE.render())
        p.add_argument("id", metavar="ID", help=m.H_TOKEN_ID.render())
        p.set_defaults(handler=handler)


def add(args: argparse.Namespace) -> int:
    submitter = (args.submitter_id or "").strip().lower() or None
    if submitter is not None and (args.analyst or not re.match(SUBMITTER_ID, submitter)):
        raise TokenCommandError(m.INVALID_SUBMITTER)
    kind = ANALYST if args.analyst else LAPTOP
    bound = _usage(args.db).get_owner(submitter) if submitter and args.db else None
    entry, token = add_token(
        args.tokens, args.submitter_name, kind, submitter, replace_owner=args.replace, bound_owner=bound
    )
    if entry.replaces:
        print(m.REPLACED.render(old=entry.replaces))
    print(m.ISSUED.render(name=entry.name, kind=kind, id=entry.id, path=args.tokens))
    print(token)
    return 0


def revoke(args: argparse.Namespace) -> int:
    entry = revoke_token(args.tokens, args.id)
    print(m.REVOKED.render(id=entry.id, name=entry.name))
    return 0


def rotate(args: argparse.Namespace) -> int:
    entry, token = rotate_token(args.tokens, args.id)
    print(m.REPLACED.render(old=entry.replaces))
    print(m.ISSUED.render(name=entry.name, kind=entry.kind, id=entry.id, path=args.tokens))
    print(token)
    return 0


def list_tokens(args: argparse.Namespace) -> int:
    entries = read_entries(args.tokens)
    usage = _usage(args.db) if args.db else _Usage({})
    rows = [_row(e, usage) for e in entries]
    if args.json:
        json.dump({"tokens": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print(m.NO_TOKENS.render())
        return 0
    dash = m.UNKNOWN.render()
    table = [[h.render() for h in m.LIST_HEADER]]
    for r in rows:
        state = m.LIVE.render() if r["revoked_at"] is None else m.REVOKED_STATE.render(at=r["revoked_at"])
        table.append(
            [
                r["id"],
                r["name"],
                r["kind"],
                r["submitter"] or dash,
                r["created_at"],
                r["last_used"] or dash,
                state,
            ]
        )
    widths = [max(len(str(row[i])) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _row(entry: TokenEntry, usage: "_Usage") -> dict:
    """What `list` shows of a token: never the token, never its hash."""
    known = usage.by_token.get(entry.id)
    return {
        "id": entry.id,
        "name": entry.name,
        "kind": entry.kind,
        "submitter": (known.submitter if known and known.submitter else None) or entry.submitter,
        "created_at": entry.created_at,
        "last_used": known.last_used.replace(microsecond=0).isoformat() + "Z"
        if known and known.last_used
        else None,
        "revoked_at": entry.revoked_at,
        "replaces": entry.replaces,
    }


class _Usage:
    def __init__(self, by_token: dict) -> None:
        self.by_token = by_token

    def get_owner(self, submitter: str) -> str | None:
        return next((t for t, u in self.by_token.items() if u.submitter == submitter), None)


def _usage(db_url: str) -> _Usage:
    from consultant_app.receiver.db import open_database
    from consultant_app.receiver.token_usage import usage

    engine = open_database(db_url)
    try:
        return _Usage(usage(engine))
    finally:
        engine.dispose()
