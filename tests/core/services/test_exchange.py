"""Exports and imports as both fronts run them: default paths, files written, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import InputError
from desk.core.formats.selection import Selection
from desk.core.services.exchange import (
    checked_selection,
    default_export_path,
    export_project,
    import_file,
)
from desk.core.store import Project


def test_exports_go_beside_the_project_and_say_what_they_wrote(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0.0, 4.0, annotator="ana")
    base = Path(tmp_project.path)
    srt = export_project(tmp_project, "srt")  # SRT has no room for provenance: a side file
    assert srt.files == [base.with_suffix(".srt"), base.with_suffix(".srt.provenance.json")]
    assert all(p.is_file() for p in srt.files) and not srt.folder
    tables = export_project(tmp_project, "csv")
    assert [p.name for p in tables.files] == ["test.segments.csv", "test.annotations.csv",
                                              "test.csv.provenance.json"]
    assert all(p.is_file() for p in tables.files)
    assert default_export_path(base, "csv", "annotations") == base.with_name(
        "test.annotations.csv")
    clips = export_project(tmp_project, "clips")
    assert clips.folder and clips.written == base.with_name("test-clips")
    assert [p.name for p in clips.files] == ["delay_00-00-00.000.mp4", "provenance.json"]


def test_a_selection_names_tags_and_annotators_as_the_project_does(
        tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0.0, 4.0, annotator="ana")
    tmp_project.annotations.add("praise exchange", 5.0, 9.0, annotator="bo")
    chosen = checked_selection(tmp_project, Selection(tags=frozenset({"DELAY"}),
                                                      annotators=frozenset({"ana"})))
    assert chosen.tags == frozenset({"delay"})
    with pytest.raises(InputError, match=r"unknown tag 'nope' \(tags: delay, "):
        checked_selection(tmp_project, Selection(tags=frozenset({"nope"})))
    with pytest.raises(InputError, match=r"no annotations by 'cy' \(annotators: ana, bo\)"):
        checked_selection(tmp_project, Selection(annotators=frozenset({"cy"})))


def test_an_import_is_recorded_under_the_annotator(tmp_project: Project, tmp_path: Path) -> None:
    tmp_project.annotations.add("delay", 0.0, 4.0, note="late start", annotator="ana")
    exported = export_project(tmp_project, "json", tmp_path / "case.json").written
    for who, expected in ((None, "tester"), ("bea", "bea")):  # tester: $DESK_ANNOTATOR
        with Project.create(tmp_path / f"{expected}.desk", media=tmp_project.media.get()) as other:
            summary = import_file(other, exported, annotator=who)
            assert summary.annotations == 1
            [annotation] = other.annotations.list()
            assert (annotation.annotator, annotation.note) == ("ana", "late start")
            assert other.history.actions()[0].annotator == expected
