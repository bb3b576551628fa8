"""The documentation lives in the repository and matches the program."""

import argparse
import re
from pathlib import Path

import pytest

from consultant_app.cli.main import build_parser
from consultant_app.receiver.cli import build_parser as build_receiver_parser

ROOT = Path(__file__).resolve().parents[2]
# [text](target) and ![alt](target), plus bare reference-style `[x]: target` definitions.
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)|^\[[^\]]+\]:\s*(\S+)", re.M)
_DOCS = (
    "README.md",
    "CONTRIBUTING.md",
    *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "docs").glob("*.md"))),
)


# A shortcut reference (`[../x.md]` with no target) renders as a link on some sites: a path too.
_SHORTCUT = re.compile(r"\[`?([^\]`\s]+\.(?:md|png|csv))`?\](?![(:])")


def links(markdown: str) -> list[str]:
    return [a or b for a, b in _LINK.findall(markdown)] + _SHORTCUT.findall(markdown)


@pytest.mark.parametrize("name", _DOCS)
def test_every_link_resolves_inside_the_repository(name):
    source = ROOT / name
    found = links(source.read_text(encoding="utf-8"))
    if name == "README.md":
        assert len(found) >= 15  # the pictures and the documentation list: the pattern finds them
    for target in found:
        assert "://" not in target, f"{name} links outside the repository: {target}"
        path = (source.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT), f"{name} links outside the repository: {target}"
        assert path.exists(), f"{name} links to a missing file: {target}"


def test_the_link_pattern_sees_a_link_that_leaves():
    assert links("see [`cli`](../shared/spec/cli.md) and ![x](docs/a.png)") == [
        "../shared/spec/cli.md",
        "docs/a.png",
    ]
    assert links("see [`../shared/spec/cli.md`]) for") == ["../shared/spec/cli.md"]


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(" ".join((*prefix, name)))
                found += commands(sub, (*prefix, name))
    return found


@pytest.mark.parametrize(
    ("program", "parser"),
    [("consultant-app", build_parser), ("consultant-app-receiver", build_receiver_parser)],
)
def test_every_command_and_option_is_in_docs_cli_md(program, parser):
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    names = commands(parser())
    assert len(names) >= 4
    for name in names:
        assert f"`{name}" in text, f"docs/cli.md does not describe `{program} {name}`"
    for spellings in _options(parser()):
        assert any(f"`{s}" in text or f" {s} " in text or f"[{s}" in text for s in spellings), (
            f"docs/cli.md does not mention {'/'.join(spellings)} ({program})"
        )


def _options(parser: argparse.ArgumentParser) -> set[tuple[str, ...]]:
    """Each option as its spellings (`-o`, `--output`): one of them must be documented."""
    found = set()
    for action in parser._actions:
        if action.option_strings:
            found.add(tuple(action.option_strings))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
    return found
