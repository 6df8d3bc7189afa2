"""What every import shares: foreign text decoded safely, and all of a file or none of it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desk.core.errors import FormatError, InputError
from desk.core.formats.importing import ImportBundle, apply_bundle, read_text
from desk.core.records import Annotation, Segment, Tag, Transcript
from desk.core.store import Project


def test_text_in_the_encodings_other_tools_write(tmp_path: Path) -> None:
    cases = {"utf8.srt": "Grüße\r\nzwei".encode(),
             "utf8bom.srt": codecs.BOM_UTF8 + "Grüße\nzwei".encode(),
             "utf16.srt": "Grüße\rzwei".encode("utf-16"),
             "cp1252.srt": "Grüße\nzwei".encode("cp1252")}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert read_text(tmp_path / name) == "Grüße\nzwei", name
    (tmp_path / "blank.srt").write_text(" \n\n", encoding="utf-8")
    with pytest.raises(FormatError, match="only blank lines"):
        read_text(tmp_path / "blank.srt")
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_text(tmp_path)


def test_a_bad_part_leaves_the_project_as_it_was(tmp_project: Project, tmp_path: Path) -> None:
    before = (len(tmp_project.tags.list(include_archived=True)), tmp_project.annotations.count(),
              tmp_project.transcripts.list())
    bundle = ImportBundle(
        source=tmp_path / "case.json",
        transcript=Transcript("imported", "none"),
        segments=[Segment(1.0, 2.0, "hello")], segment_origins=["segments[0]"],
        tags=[Tag("new code", colour="#123456")],
        annotations=[Annotation("new code", 1.0, 2.0), Annotation("no such tag", 3.0, 2.0)],
        annotation_origins=["annotations[0]", "annotations[1]"])
    with pytest.raises(FormatError, match=r"annotations\[1\]: the annotation ends"):
        apply_bundle(tmp_project, bundle, "ana")
    after = (len(tmp_project.tags.list(include_archived=True)), tmp_project.annotations.count(),
             tmp_project.transcripts.list())
    assert after == before


def test_a_good_file_comes_in_once(tmp_project: Project, tmp_path: Path) -> None:
    def bundle() -> ImportBundle:
        return ImportBundle(source=tmp_path / "codes.json",
                            tags=[Tag("new code", colour="")],
                            annotations=[Annotation("new code", 1.0, 2.0, "n", "bea")],
                            annotation_origins=["annotations[0]"])

    summary = apply_bundle(tmp_project, bundle(), "ana")
    assert (summary.tags_added, summary.annotations) == (1, 1)
    assert tmp_project.tags.get("new code").colour.startswith("#")  # a colour was picked
    again = apply_bundle(tmp_project, bundle(), "ana")
    assert again.annotations == 0 and "already in the project" in again.message
