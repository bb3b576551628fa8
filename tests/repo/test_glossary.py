"""One Danish word for each thing (#14.9): no Danish text of the desktop (the Qt translation), the
command line (gettext and the core's Text catalogues) uses a word docs/glossary.md rules out."""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _ruled_out() -> dict[str, str]:
    """word to avoid -> the glossary's word for the same thing."""
    rows = {}
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2] and cells[2] != "Not" and not set(cells[2]) <= {"-"}:
            for word in cells[2].split(","):
                rows[word.strip().lower()] = cells[1]
    return rows


def _danish_texts() -> list[tuple[str, str]]:
    texts = []
    ts = ET.parse(ROOT / "resources" / "translations" / "consultant_app_da.ts")  # noqa: S314 (our own file)
    for message in ts.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        # A plural message keeps its forms in <numerusform> children, not in the text.
        for part in (translation, *translation.iter("numerusform")):
            if part.text and part.text.strip():
                texts.append(("consultant_app_da.ts", part.text))
    for po in (ROOT / "resources" / "locale").rglob("*.po"):
        for match in re.finditer(r'^msgstr "(.*)"$', po.read_text(encoding="utf-8"), re.MULTILINE):
            texts.append((po.name, match[1]))
    for source in (ROOT / "consultant_app").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "da" and isinstance(keyword.value, ast.Constant):
                        texts.append((str(source.relative_to(ROOT)), str(keyword.value.value)))
    return texts


def _words_read(text: str) -> str:
    """The text without what is not Danish prose: {placeholders} and commands to type."""
    return re.sub(r"consultant-app [\w-]+|\{\w+\}", " ", text.lower())


def test_the_glossary_rules_out_words():
    ruled_out = _ruled_out()
    assert ruled_out["overskredet"].startswith("forfalden")
    assert "kodeord" in ruled_out


def test_no_danish_text_uses_a_word_the_glossary_rules_out():
    ruled_out = _ruled_out()
    texts = _danish_texts()
    assert len(texts) > 500  # the catalogues were found
    assert ("consultant_app_da.ts", "%n fagpersoner er flettet ind.") in texts  # plural forms too
    found = [
        f"{where}: {text!r} uses {word!r}; the glossary says {instead!r}"
        for where, text in texts
        for word, instead in ruled_out.items()
        if re.search(rf"(?<![\w{{]){re.escape(word)}(?![\w}}])", _words_read(text))
    ]
    assert found == []
