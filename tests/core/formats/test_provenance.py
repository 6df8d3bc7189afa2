"""Every export says where it comes from, read back with each format's own reader.

Recording (name, size, fingerprint), Desk version, transcript version (engine, model,
settings), annotators, export time and whether the text was edited by hand.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import docx
import pympi
import pytest
import webvtt
import yaml
from jsonschema import validate
from praatio import textgrid

from desk import __version__
from desk.core.formats.registry import EXPORTERS
from desk.core.formats.selection import Selection
from desk.core.resources import resource_path
from desk.core.store import Project


@pytest.fixture
def edited(coded: Project) -> Project:
    """The coded project with one segment corrected by hand."""
    segment = coded.transcripts.segments()[0]
    assert segment.id is not None
    coded.edits.set_text(segment.id, "Thank you, Elon. It is great to be here.")
    return coded


def _expected(project: Project) -> dict[str, str]:
    media = project.media.get()
    assert media is not None
    return {"recording": "tone.mp4", "recording-size": f"{media.size} bytes",
            "recording-fingerprint": media.fingerprint, "desk-version": __version__,
            "edited-by-hand": "yes"}


def _check(found: dict[str, str], project: Project) -> None:
    for key, value in _expected(project).items():
        assert found[key] == value, key
    assert "openai tiny.en" in found["transcript-version"]
    assert json.loads(found["transcript-settings"]) == {"beam_size": 5}
    assert found["annotators"] == "Zoë <z@x>, anna, ben"
    assert found["exported-at"].endswith("Z")


def test_eaf_header_properties(edited: Project, tmp_path: Path) -> None:
    eaf = pympi.Elan.Eaf(str(EXPORTERS["eaf"].export(edited, tmp_path / "x.eaf")))
    found = {name.removeprefix("desk:"): value for name, value in eaf.properties}
    _check(found, edited)


def test_json_provenance_validates(edited: Project, tmp_path: Path) -> None:
    data = json.loads(EXPORTERS["json"].export(edited, tmp_path / "x.json").read_text("utf-8"))
    validate(data, json.loads(resource_path("schema", "desk-project.schema.json")
                              .read_text("utf-8")))
    provenance = data["provenance"]
    media = edited.media.get()
    assert media is not None
    assert (provenance["recording"], provenance["recording_size"],
            provenance["recording_fingerprint"]) == ("tone.mp4", media.size, media.fingerprint)
    assert provenance["edited_by_hand"] is True and data["transcript"]["edited"] is True
    assert provenance["transcript_version"]["settings"] == {"beam_size": 5}
    assert provenance["includes"]["suggestions"] is True  # the whole project, by default


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "meta" and str(values.get("name", "")).startswith("desk:"):
            self.meta[values["name"].removeprefix("desk:")] = values["content"]


def test_html_meta(edited: Project, tmp_path: Path) -> None:
    page = _Meta()
    page.feed(EXPORTERS["html"].export(edited, tmp_path / "x.html").read_text("utf-8"))
    _check(page.meta, edited)


def test_markdown_front_matter(edited: Project, tmp_path: Path) -> None:
    text = EXPORTERS["md"].export(edited, tmp_path / "x.md").read_text("utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Annotated transcript: tone.mp4"
    _check(front, edited)
    assert "- **Edited by hand:** yes" in text


def test_docx_properties_and_front_matter(edited: Project, tmp_path: Path) -> None:
    document = docx.Document(str(EXPORTERS["docx"].export(edited, tmp_path / "x.docx")))
    media = edited.media.get()
    assert media is not None
    properties = document.core_properties
    assert (properties.subject, properties.identifier, properties.version) == (
        "tone.mp4", media.fingerprint, __version__)
    assert "Edited by hand: yes" in properties.comments
    lines = {p.text.split(": ", 1)[0]: p.text.split(": ", 1)[1] for p in document.paragraphs[1:12]
             if ": " in p.text}
    assert lines["Recording fingerprint"] == media.fingerprint
    assert lines["Edited by hand"] == "yes"


def test_vtt_note(edited: Project, tmp_path: Path) -> None:
    path = EXPORTERS["vtt"].export(edited, tmp_path / "x.vtt")
    assert len(webvtt.read(str(path))) == 6  # the NOTE is no cue
    note = path.read_text("utf-8").split("\n\n")[1].splitlines()
    assert note[0] == "NOTE Desk provenance" and "Edited by hand: yes" in note


def test_textgrid_comments(edited: Project, tmp_path: Path) -> None:
    path = EXPORTERS["textgrid"].export(edited, tmp_path / "x.TextGrid")
    grid = textgrid.openTextgrid(str(path), includeEmptyIntervals=True)
    assert grid.maxTimestamp == 30.0 and "words" in grid.tierNames
    found = {line[len("! desk "):].split(": ", 1)[0]: line.split(": ", 1)[1]
             for line in path.read_text("utf-8").splitlines() if line.startswith("! desk ")}
    _check(found, edited)


@pytest.mark.parametrize(("fmt", "side"), [("srt", "x.srt.provenance.json"),
                                           ("csv", "x.csv.provenance.json")])
def test_side_files(edited: Project, tmp_path: Path, fmt: str, side: str) -> None:
    EXPORTERS[fmt].export(edited, tmp_path / f"x.{fmt}")
    data = json.loads((tmp_path / side).read_text("utf-8"))
    assert data["recording"] == "tone.mp4" and data["edited_by_hand"] is True
    assert data["files"] == (["x.srt"] if fmt == "srt" else
                             ["x.segments.csv", "x.annotations.csv"])


def test_the_selection_and_the_version_are_stated(edited: Project, tmp_path: Path) -> None:
    first = edited.transcripts.current()
    assert first is not None and first.id is not None
    chosen = Selection(tags=frozenset({"praise exchange"}), annotators=frozenset({"anna"}),
                       notes=False, transcript_id=first.id)
    path = EXPORTERS["json"].export(edited, tmp_path / "x.json", chosen)
    data = json.loads(path.read_text("utf-8"))
    assert data["provenance"]["includes"] == {
        "transcript": True, "annotations": True, "tags": ["praise exchange"],
        "annotators": ["anna"], "suggestions": False, "speakers": True, "notes": False}
    assert [(a["tag"], a["annotator"], a["note"]) for a in data["annotations"]] == [
        ("praise exchange", "anna", "")]
    assert data["provenance"]["annotators"] == ["anna"]
    assert [t["name"] for t in data["codebook"]["tags"]] == ["praise exchange"]
