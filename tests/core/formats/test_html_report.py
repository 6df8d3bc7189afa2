"""The HTML report: every user string kept as text; times, speakers, colours, summary."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import HOSTILE_NOTE, HOSTILE_TAG, SEGMENTS


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
