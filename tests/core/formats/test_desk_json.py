"""Desk JSON: valid against its published schema, and a lossless round trip."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from desk.core.coding.codebook import Codebook, save_codebook
from desk.core.errors import FormatError
from desk.core.formats.registry import EXPORTERS, IMPORTERS, import_format_for
from desk.core.records import Tag
from desk.core.resources import resource_path
from desk.core.store import Project
from tests.core.formats.annotated import (
    ANNOTATIONS,
    SEGMENTS,
    annotation_facts,
    segment_facts,
    tag_facts,
)

SCHEMA = resource_path("schema", "desk-project.schema.json")


def _schema() -> dict:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def test_export_validates_against_the_schema(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["json"].export(coded, tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, _schema(), format_checker=jsonschema.FormatChecker())
    assert data["media"]["fingerprint"].startswith("s3:")
    assert data["media"]["duration"] == pytest.approx(30.0, abs=0.1)
    assert data["media"]["relative_path"].endswith("tone.mp4")
    segments = data["transcript"]["segments"]
    assert len(segments) == len(SEGMENTS)
    assert segments[0]["words"][0] == {"start": 3.0, "end": 3.438, "text": "Thank",
                                       "probability": 0.5}
    assert segments[0]["avg_logprob"] == -0.25
    assert {s["name"] for s in data["speakers"]} == {"Donald Trump", "Elon Musk"}
    assert len(data["codebook"]["tags"]) == 7
    # the whole project: the suggestion is there, marked as such
    assert [a["source"] for a in data["annotations"]].count("suggested") == 1
    provenance = data["provenance"]
    assert (provenance["engine"], provenance["model"]) == ("openai", "tiny.en")
    assert provenance["settings"] == {"beam_size": 5}
    assert provenance["annotators"] == ["Zoë <z@x>", "anna", "ben"]
    assert any(h["label"].startswith("tag ") for h in provenance["history"])


def test_schema_rejects_a_broken_document(coded: Project, tmp_path: Path) -> None:
    data = json.loads(EXPORTERS["json"].export(coded, tmp_path / "o.json").read_text("utf-8"))
    data["annotations"][0]["start"] = "soon"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema())


def test_round_trip_keeps_everything(coded: Project, blank: Project, tmp_path: Path) -> None:
    path = EXPORTERS["json"].export(coded, tmp_path / "out.json")
    summary = IMPORTERS["json"].import_(blank, path)
    assert (summary.segments, summary.words, summary.annotations) == (
        len(SEGMENTS), sum(len(s[3].split()) for s in SEGMENTS), len(ANNOTATIONS) + 1)
    assert segment_facts(blank) == segment_facts(coded)
    assert tag_facts(blank) == tag_facts(coded)
    assert annotation_facts(blank, True) == annotation_facts(coded, True)
    assert sorted(a.source for a in blank.annotations.list()) == sorted(
        a.source for a in coded.annotations.list())
    transcript = blank.transcripts.current()
    assert (transcript.engine, transcript.model, transcript.language) == (
        "openai", "tiny.en", "en")
    assert transcript.settings["beam_size"] == 5 and summary.warnings == []
    # the import is one undoable step for the annotations
    blank.history.undo()
    assert blank.annotations.count() == 0


def test_codebook_file_imports_by_content(blank: Project, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    save_codebook(Codebook("mine", [Tag("bias", "slanted framing", "#ff00ff", key=2)]), path)
    importer = import_format_for(path)
    summary = importer.import_(blank, path)
    assert (summary.tags_added, summary.tags_updated) == (1, 0)
    assert blank.tags.get("bias").colour == "#ff00ff"
    save_codebook(Codebook("mine", [Tag("bias", "changed", "#00ff00", key=3)]), path)
    assert IMPORTERS["codebook"].import_(blank, path).tags_updated == 1
    assert (blank.tags.get("bias").description, blank.tags.get("bias").key) == ("changed", 3)


def test_another_recordings_export_warns(coded: Project, blank: Project,
                                         tmp_path: Path) -> None:
    path = EXPORTERS["json"].export(coded, tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["media"]["fingerprint"] = "s3:other"
    path.write_text(json.dumps(data), encoding="utf-8")
    summary = IMPORTERS["json"].import_(blank, path, as_="annotations")
    assert summary.warnings == ["out.json was made for a different recording"]
    assert summary.transcript_id is None and blank.transcripts.current() is None


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["annotations"][2].update(start="x"), r"annotations\[2\]\.start: must be a number"),
    (lambda d: d["annotations"][1].update(end=999.0), r"annotations\[1\]: the annotation ends at"),
    (lambda d: d["transcript"]["segments"][3].update(text=""), r"segments\[3\]\.text: is empty"),
    (lambda d: d.update(desk_project=99), "newer than this Desk reads"),
    (lambda d: d["codebook"]["tags"][0].update(colour="red"), "colour of 'delay' must look like"),
])
def test_bad_fields_are_named_and_change_nothing(coded: Project, blank: Project,
                                                 tmp_path: Path, mutate: object,
                                                 message: str) -> None:
    path = EXPORTERS["json"].export(coded, tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    mutate(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        IMPORTERS["json"].import_(blank, path)
    assert blank.transcripts.current() is None and blank.tags.list() == []
    assert blank.annotations.count() == 0


def test_not_json_names_the_line(blank: Project, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "desk_project": 1,\n  oops\n}', encoding="utf-8")
    with pytest.raises(FormatError, match="broken.json, line 3: not valid JSON"):
        IMPORTERS["json"].import_(blank, path)


def test_importing_twice_does_not_double_the_coding(coded: Project, blank: Project,
                                                     tmp_path: Path) -> None:
    path = EXPORTERS["json"].export(coded, tmp_path / "out.json")
    IMPORTERS["json"].import_(blank, path, as_="annotations")
    again = IMPORTERS["json"].import_(blank, path, as_="annotations")
    assert again.annotations == 0
    assert again.warnings == [f"{len(ANNOTATIONS) + 1} annotations already in the project "
                              "were skipped"]
    assert blank.annotations.count() == len(ANNOTATIONS) + 1
