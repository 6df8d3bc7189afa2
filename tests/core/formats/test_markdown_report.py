"""The Markdown report: every user string escaped, codes marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.formats.markdown_report import md_escape
from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import ANNOTATIONS


def test_markdown_escapes_and_marks(coded: Project, tmp_path: Path) -> None:
    text = EXPORTERS["md"].export(coded, tmp_path / "out.md").read_text(encoding="utf-8")
    assert "<script" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(\"note\")&lt;/script&gt;" in text
    assert r"\| \* \_ \[x\](y) # heading - item" in text  # note: one line, specials inert
    assert "**\\[00:00:10.200\\]**" in text
    assert ('<mark style="background:#d6272840" title="Harris attacks">Kamala Harris has been a '
            "disaster &amp;") in text
    summary = text.split("## Summary by speaker")[0]
    assert summary.count("\n| ") == 2 + 7  # header, rule, one row per tag
    speakers = text.split("## Summary by speaker")[1].split("## Transcript")[0]
    assert speakers.count("\n| ") == 2 + 3  # two speakers and the lines without one
    annotations = text.split("## Annotations")[1].strip().splitlines()
    assert len(annotations) == 2 + len(ANNOTATIONS)
    assert all(line.count(" | ") == 4 for line in annotations[2:])  # no cell broke the table


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a|b", r"a\|b"), ("[x](y)", r"\[x\](y)"), ("<i>&", "&lt;i&gt;&amp;"),
    ("*_`~\\", r"\*\_\`\~\\"), ("two\nlines", "two lines"),
])
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped
