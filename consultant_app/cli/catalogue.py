"""The command line's Danish catalogue: check it, and compile it into resources/.

    python -m consultant_app.cli.catalogue            # check: every string translated, .mo current
    python -m consultant_app.cli.catalogue --build    # compile argparse.po into argparse.mo
    python -m consultant_app.cli.catalogue --missing  # print .po entries for untranslated strings

The strings are argparse's own (read from this Python's argparse with `ast`, so a new Python's
new words are found) and every help text and description of both programs' parsers. The compiler
is a small one of our own, because msgfmt is not part of Python's standard library.
"""

import argparse
import ast
import inspect
import struct
import sys
from pathlib import Path

from consultant_app.resources import resource

PO = ("locale", "da", "LC_MESSAGES", "argparse.po")


def po_path() -> Path:
    return resource(*PO)


def mo_path() -> Path:
    return po_path().with_suffix(".mo")


def argparse_strings() -> set[str]:
    """The literal strings argparse passes to gettext (`_`) and `ngettext` (the singular form)."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def parser_strings() -> set[str]:
    """Every help text and description of consultant-app's parser. (consultant-app-receiver's
    texts are `Text`s in both languages, consultant_app/receiver/messages.py; only argparse's own
    words come from this catalogue there.)"""
    from consultant_app.cli.language import install
    from consultant_app.cli.main import build_parser
    from consultant_app.i18n import current_language

    found: set[str] = set()

    def walk(parser: argparse.ArgumentParser) -> None:
        if parser.description:
            found.add(parser.description)
        for action in parser._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                found.add(action.help)
            if isinstance(action, argparse._SubParsersAction):
                found.update(a.help for a in action._choices_actions if a.help)
                for sub in action.choices.values():
                    walk(sub)

    previous = current_language()
    install("en")  # the source texts, whatever language this process was using
    try:
        walk(build_parser())
    finally:
        install(previous)
    return found


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr; a plural entry as .mo keeps it: "singular\0plural" -> the forms joined by NUL."""
    entries: dict[str, str] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        name: str | None = None
        for line in block.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith('"'):  # a continuation of the field before
                if name is None:
                    raise ValueError(f"{path}: a continued text before any field")
                fields[name] += ast.literal_eval(line)
                continue
            name, _, value = line.partition(" ")
            fields[name] = ast.literal_eval(value)
        if "msgid" not in fields:
            continue
        if "msgid_plural" in fields:
            forms = sorted(k for k in fields if k.startswith("msgstr["))
            key = fields["msgid"] + "\0" + fields["msgid_plural"]
            entries[key] = "\0".join(fields[k] for k in forms) if all(fields[k] for k in forms) else ""
        else:
            entries[fields["msgid"]] = fields.get("msgstr", "")
    return entries


def compile_mo(entries: dict[str, str]) -> bytes:
    """GNU .mo bytes (little-endian, no hash table) for `entries`; untranslated ones are left out."""
    items = sorted((k, v) for k, v in entries.items() if v or k == "")
    ids = [k.encode("utf-8") for k, _ in items]
    strs = [v.encode("utf-8") for _, v in items]
    count = len(items)
    header = 7 * 4
    ids_table, strs_table = header, header + count * 8
    data = header + count * 16
    id_offsets, str_offsets, blob = [], [], b""
    for text in ids:
        id_offsets.append((len(text), data + len(blob)))
        blob += text + b"\0"
    for text in strs:
        str_offsets.append((len(text), data + len(blob)))
        blob += text + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, count, ids_table, strs_table, 0, 0)
    out += b"".join(struct.pack("<2I", *o) for o in id_offsets)
    out += b"".join(struct.pack("<2I", *o) for o in str_offsets)
    return out + blob


def untranslated() -> list[str]:
    entries = read_po(po_path())
    translated = {k.split("\0")[0] for k, v in entries.items() if v}
    return sorted((argparse_strings() | parser_strings()) - translated)


def main(argv: list[str]) -> int:
    if "--build" in argv:
        mo_path().write_bytes(compile_mo(read_po(po_path())))
        return 0
    missing = untranslated()
    if "--missing" in argv:
        for text in missing:
            print(f'msgid {_quote(text)}\nmsgstr ""\n')
        return 0
    problems = [f"not translated: {text!r}" for text in missing]
    if not mo_path().is_file() or mo_path().read_bytes() != compile_mo(read_po(po_path())):
        problems.append(f"{mo_path().name} is not built from {po_path().name}: run with --build")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
