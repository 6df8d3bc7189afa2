"""HTML, Markdown and Word reports: readable, coloured, and every user string kept as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from desk.core.formats.markdown_report import md_escape
from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import ANNOTATIONS, HOSTILE_NOTE, HOSTILE_TAG, SEGMENTS


class _Collect(HTMLParser):
    """The elements and visible text a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_every_user_string(coded: Project, tmp_path: Path) -> None:
    page = EXPORTERS["html"].export(coded, tmp_path / "out.html").read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(page)
    assert "script" not in parsed.tags and "b" not in parsed.tags  # no injected elements
    visible = "".join(parsed.text)
    assert HOSTILE_NOTE in visible and SEGMENTS[4][3].split()[-1] in visible
    assert HOSTILE_TAG in visible and "Zoë <z@x>" in visible
    assert "&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;" in page
    assert "<script" not in page.lower()


def test_html_shows_times_speakers_colours_and_summary(coded: Project, tmp_path: Path) -> None:
    page = EXPORTERS["html"].export(coded, tmp_path / "out.html").read_text(encoding="utf-8")
    assert "00:00:06.500" in page and "Elon Musk:" in page
    # Harris attacks was coded on the line's words (10.2–14.0 s): exactly they are marked,
    # with the tag named after them; ben's praise exchange (8–12 s, a stretch of time)
    # covers less than half of that line, so it neither marks nor labels it
    assert re.search(r'<mark style="background:#d6272833[^"]*" title="Harris attacks">'
                     r"Kamala Harris has been a disaster &amp; weak &lt;b&gt;really&lt;/b&gt;."
                     r'</mark><sup class="wtag">Harris attacks</sup>', page)
    harris_row = page.split("00:00:10.200</div>")[1].split('<div class="row">')[0]
    assert "praise exchange" not in harris_row and ">Harris attacks</span>" in harris_row
    assert "(no speech until 00:00:03.000)" in page  # delay over dead air has its own row
    assert "<td>2</td>" in page  # praise exchange: two annotations in the summary
    assert "migration remarks</span>" not in page.split("<h2>Transcript</h2>")[1]


def test_markdown_escapes_and_marks(coded: Project, tmp_path: Path) -> None:
    text = EXPORTERS["md"].export(coded, tmp_path / "out.md").read_text(encoding="utf-8")
    assert "<script" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(\"note\")&lt;/script&gt;" in text
    assert r"\| \* \_ \[x\](y) # heading - item" in text  # note: one line, specials inert
    assert "**\\[00:00:10.200\\]**" in text
    assert ('<mark style="background:#d6272840" title="Harris attacks">Kamala Harris has been a '
            "disaster &amp;") in text
    summary = text.split("## Transcript")[0]
    assert summary.count("\n| ") == 2 + 7  # header, rule, one row per tag
    annotations = text.split("## Annotations")[1].strip().splitlines()
    assert len(annotations) == 2 + len(ANNOTATIONS)
    assert all(line.count(" | ") == 4 for line in annotations[2:])  # no cell broke the table


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a|b", r"a\|b"), ("[x](y)", r"\[x\](y)"), ("<i>&", "&lt;i&gt;&amp;"),
    ("*_`~\\", r"\*\_\`\~\\"), ("two\nlines", "two lines"),
])
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped


def test_docx_opens_in_python_docx(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["docx"].export(coded, tmp_path / "out.docx")
    document = docx.Document(str(path))
    assert document.core_properties.title == "Annotated transcript: tone.mp4"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Annotated transcript: tone.mp4", "Summary by tag", "Transcript",
                        "Annotations"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Donald Trump: Thank you, Elon." in body and HOSTILE_NOTE in body
    summary, annotations = document.tables
    assert [c.text for c in summary.rows[0].cells] == ["Tag", "Annotations", "Total time",
                                                      "Covered", "Share"]
    assert len(summary.rows) == 1 + 7 and len(annotations.rows) == 1 + len(ANNOTATIONS)
    assert annotations.rows[1].cells[2].text == "delay"
    # highlighted words carry shading in a tint of the tag's colour
    xml = document.element.xml
    assert 'w:fill="F5C9C9"' in xml  # Harris attacks #d62728, tinted
