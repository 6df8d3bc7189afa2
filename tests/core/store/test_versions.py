"""Transcript versions: a new run never replaces the current one until it completes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desk.core.errors import InputError
from desk.core.records import Segment, Transcript
from desk.core.store import Project


def _run(project: Project, text: str, status: str = "complete",
         model: str = "tiny.en") -> int:
    """A transcription run as the job writes it: running, segments, then its end."""
    transcript = project.transcripts.create(Transcript("faster", model, "en", {"beam_size": 5},
                                                       status="running", total=30.0))
    assert transcript.id is not None
    project.transcripts.add_segments(transcript.id, [Segment(1.0, 4.0, text)])
    if status == "complete":
        project.versions.complete(transcript.id, 30.0)
    else:
        project.transcripts.update(transcript.id, status=status)
    return transcript.id


def _text(project: Project) -> list[str]:
    return [s.text for s in project.transcripts.segments()]


def test_a_new_run_becomes_current_only_when_it_completes(tmp_project: Project) -> None:
    first = _run(tmp_project, "first run")
    (segment,) = tmp_project.transcripts.segments()
    tmp_project.edits.set_text(segment.id, "first run, corrected")
    running = tmp_project.transcripts.create(Transcript("faster", "base", status="running",
                                                        total=30.0))
    assert running.id is not None
    tmp_project.transcripts.add_segments(running.id, [Segment(1.0, 4.0, "second run")])
    assert _text(tmp_project) == ["first run, corrected"]  # still the current one
    tmp_project.versions.complete(running.id, 30.0)
    assert _text(tmp_project) == ["second run"]
    versions = tmp_project.versions.list()
    assert [(v.id, v.current, v.edited, v.partial) for v in versions] == [
        (first, False, True, False), (running.id, True, False, False)]
    # becoming current was a step of the history: undo returns to the corrected version
    assert tmp_project.history.undo() is not None
    assert _text(tmp_project) == ["first run, corrected"]


def test_a_cancelled_run_is_a_partial_version_never_shown(tmp_project: Project) -> None:
    from desk.core.services.resume import interrupted_transcript

    first = _run(tmp_project, "good")
    second = _run(tmp_project, "half", status="cancelled")
    assert tmp_project.transcripts.current().id == first and _text(tmp_project) == ["good"]
    interrupted = interrupted_transcript(tmp_project)
    assert interrupted is not None and interrupted.id == second
    assert [v.partial for v in tmp_project.versions.list()] == [False, True]
    tmp_project.versions.delete(second)
    assert [v.id for v in tmp_project.versions.list()] == [first]
    assert interrupted_transcript(tmp_project) is None


def test_the_first_run_is_current_from_its_start(tmp_project: Project) -> None:
    assert tmp_project.transcripts.current() is None
    only = _run(tmp_project, "arriving", status="running")
    assert tmp_project.transcripts.current().id == only and _text(tmp_project) == ["arriving"]


def test_switch_rename_delete_are_undoable(tmp_project: Project) -> None:
    first, second = _run(tmp_project, "one"), _run(tmp_project, "two")
    annotation = tmp_project.annotations.add("delay", 0.0, 1.0)
    tmp_project.versions.use(first)
    assert _text(tmp_project) == ["one"]
    tmp_project.versions.rename(first, "  corrected   by anna ")
    assert tmp_project.versions.get(first).label == "corrected by anna"
    tmp_project.versions.delete(first)  # the current one: the newest complete other takes over
    assert [v.id for v in tmp_project.versions.list()] == [second]
    assert _text(tmp_project) == ["two"]
    assert [a.id for a in tmp_project.annotations.list()] == [annotation.id]  # independent
    tmp_project.history.undo()
    assert _text(tmp_project) == ["one"] and tmp_project.versions.get(first).current
    tmp_project.history.undo()
    assert tmp_project.versions.get(first).name == ""
    tmp_project.history.undo()
    assert _text(tmp_project) == ["two"]
    tmp_project.history.redo()
    assert _text(tmp_project) == ["one"]
    labels = [a.label.split(" transcript version")[0] for a in tmp_project.history.actions(3)]
    assert labels == ["delete", "rename", "use"]


def test_unknown_versions_are_input_errors(tmp_project: Project) -> None:
    _run(tmp_project, "one")
    for call in (tmp_project.versions.use, tmp_project.versions.delete):
        with pytest.raises(InputError, match="no transcript version 9"):
            call(9)
    first = tmp_project.versions.list()[0].id
    tmp_project.versions.delete(first)
    with pytest.raises(InputError, match="versions: none"):
        tmp_project.versions.use(first)
    assert tmp_project.transcripts.current() is None


def test_nothing_changed_makes_no_history_step(tmp_project: Project) -> None:
    only = _run(tmp_project, "one")
    before = tmp_project.history.last_action_id()
    tmp_project.versions.use(only)  # already current
    assert tmp_project.history.last_action_id() == before


def test_a_file_from_before_versions_shows_its_last_good_transcript(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.store import database, schema

    path = tmp_path / "old.desk"
    monkeypatch.setattr(database, "MIGRATIONS", schema.MIGRATIONS[:3])  # the file format
    monkeypatch.setattr(database, "SCHEMA_VERSION", 3)  # before versions
    Project.create(path).close()
    with sqlite3.connect(path) as conn:  # the old Desk: a good run, then a cancelled one
        for status in ("complete", "cancelled"):
            conn.execute("INSERT INTO transcripts(engine, model, status, created_at, updated_at)"
                         " VALUES ('openai', 'tiny.en', ?, 'x', 'x')", (status,))
    conn.close()
    monkeypatch.undo()
    with Project.open(path) as project:
        assert project.transcripts.current().status == "complete"
        assert [v.current for v in project.versions.list()] == [True, False]
        assert len(project.versions.list()) == 2
