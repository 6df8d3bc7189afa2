"""Every export that puts codes on lines follows the one labelling rule (coding/line_labels).

The case from the field: "Harris attacks" coded 10–14.12 s runs 0.12 s into the next
speaker's line of praise, and must not label it; the mirror: a 1 s "DDoS claim" inside a
10 s line labels that line. Each export is read back with its independent reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import docx
import pandas as pd
import pytest
import srt
import webvtt

from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import LABEL_LINES, build_labelling_project

# What each of the three lines must be labelled with.
EXPECTED = [["Harris attacks"], [], ["DDoS claim"]]
TAGS = ("Harris attacks", "DDoS claim", "praise exchange")


@pytest.fixture
def labelled(tmp_path: Path, tone_media: Path) -> Iterator[Project]:
    project = build_labelling_project(tmp_path / "labels.desk", tone_media)
    yield project
    project.close()


def _named(text: str) -> list[str]:
    return [t for t in TAGS if t in text]


def test_srt(labelled: Project, tmp_path: Path) -> None:
    cues = list(srt.parse(EXPORTERS["srt"].export(labelled, tmp_path / "x.srt").read_text(
        encoding="utf-8")))
    assert [_named(c.content) for c in cues] == EXPECTED


def test_vtt(labelled: Project, tmp_path: Path) -> None:
    path = EXPORTERS["vtt"].export(labelled, tmp_path / "x.vtt")
    assert [c.text.split(">")[-1] for c in webvtt.read(str(path))] == [
        line[3] for line in LABEL_LINES]
    # the tags of a cue are in the NOTE block just before it (a cue without tags has none)
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    cue_notes = [_named(blocks[i - 1]) if blocks[i - 1].startswith("NOTE tags:") else []
                 for i, block in enumerate(blocks) if "-->" in block]
    assert cue_notes == EXPECTED


def test_csv_segments_and_annotations(labelled: Project, tmp_path: Path) -> None:
    EXPORTERS["csv"].export(labelled, tmp_path / "x.csv")
    segments = pd.read_csv(tmp_path / "x.segments.csv", encoding="utf-8-sig")
    assert segments["tag:Harris attacks"].tolist() == [True, False, False]
    assert segments["tag:DDoS claim"].tolist() == [False, False, True]
    annotations = pd.read_csv(tmp_path / "x.annotations.csv", encoding="utf-8-sig")
    harris = annotations[annotations["tag"] == "Harris attacks"].iloc[0]
    assert harris["transcript"] == LABEL_LINES[0][3] and harris["speakers"] == "Donald Trump"


class _Rows(HTMLParser):
    """The visible text of each transcript row of the HTML report."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "div" and ("class", "row") in attrs:
            self.rows.append("")
            self._depth = 1
        elif tag == "div" and self._depth:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.rows[-1] += data


def test_html(labelled: Project, tmp_path: Path) -> None:
    parser = _Rows()
    parser.feed(EXPORTERS["html"].export(labelled, tmp_path / "x.html").read_text(
        encoding="utf-8"))
    assert [_named(row) for row in parser.rows] == EXPECTED


def test_markdown(labelled: Project, tmp_path: Path) -> None:
    text = EXPORTERS["md"].export(labelled, tmp_path / "x.md").read_text(encoding="utf-8")
    rows = [line for line in text.split("## Transcript")[1].split("## Annotations")[0]
            .splitlines() if line.startswith("**\\[")]
    assert [_named(row) for row in rows] == EXPECTED


def test_docx(labelled: Project, tmp_path: Path) -> None:
    document = docx.Document(str(EXPORTERS["docx"].export(labelled, tmp_path / "x.docx")))
    rows = [p.text for p in document.paragraphs if p.text.startswith("[00:00:")]
    assert [_named(row) for row in rows] == EXPECTED


def test_word_level_codes_mark_exactly_their_words(labelled: Project, tmp_path: Path) -> None:
    labelled.annotations.add("praise exchange", 16.0, 17.0, annotator="anna")  # "amazing job,"
    page = EXPORTERS["html"].export(labelled, tmp_path / "x.html").read_text(encoding="utf-8")
    marks = re.findall(r'<mark [^>]*title="([^"]*)">([^<]*)</mark>', page)
    assert marks == [("praise exchange", "amazing job,")]
    document = docx.Document(str(EXPORTERS["docx"].export(labelled, tmp_path / "x.docx")))
    (line,) = [p for p in document.paragraphs if p.text.startswith("[00:00:14")]
    shaded = [r.text for r in line.runs if 'w:fill="' in r._r.xml]
    assert shaded == ["amazing job,"]
    assert "praise exchange" in line.text  # named beside the words, and the line is labelled
