"""Undo and redo over the recorded history, across reopening the file."""

from __future__ import annotations

import json

from desk.core.records import Annotation, Tag
from desk.core.store import Project
from tests.core.store.conftest import two_segments


def test_undo_redo_every_edit_kind(tmp_project: Project) -> None:
    first, second = two_segments(tmp_project)
    original = [(s.text, s.start, s.end, len(s.words)) for s in tmp_project.transcripts.segments()]
    a = tmp_project.annotations.add("delay", 0, 1)
    tmp_project.edits.set_text(first, "Hello there big world")
    tmp_project.edits.split(first, len("Hello there"))
    tmp_project.edits.set_speaker([second], "Elon Musk")
    tmp_project.edits.merge_with_next(first)
    tmp_project.tags.update("delay", colour="#000000")
    for _ in range(6):
        assert tmp_project.history.undo() is not None
    segs = tmp_project.transcripts.segments()
    assert [(s.text, s.start, s.end, len(s.words)) for s in segs] == original
    assert tmp_project.annotations.list() == [] and a.id
    assert tmp_project.tags.get("delay").colour == "#7f7f7f"
    # redo everything again, then reopen: the state is on disk
    while tmp_project.history.redo():
        pass
    path = tmp_project.path
    tmp_project.close()
    with Project.open(path) as project:
        segs = project.transcripts.segments()
        assert [s.text for s in segs] == ["Hello there big world", "Second line"]
        assert segs[1].speaker == "Elon Musk"
        assert project.tags.get("delay").colour == "#000000"
        assert [x.tag for x in project.annotations.list()] == ["delay"]


def test_new_edit_after_undo_discards_redo(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0, 1)
    tmp_project.history.undo()
    tmp_project.annotations.add("DDoS claim", 2, 3)
    assert tmp_project.history.redo() is None
    assert [a.tag for a in tmp_project.annotations.list()] == ["DDoS claim"]


def test_active_history_is_the_provenance_in_order(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0, 1, annotator="ana")
    tmp_project.annotations.add("DDoS claim", 2, 3, annotator="bea")
    tmp_project.annotations.add("delay", 4, 5, annotator="cem")
    tmp_project.history.undo()
    assert [(a.annotator, a.label) for a in tmp_project.history.active()][1:] == [
        ("ana", "tag delay"), ("bea", "tag DDoS claim")]
    assert not any(a.undone for a in tmp_project.history.active())


def test_rows_added_in_bulk_keep_the_snapshot_a_single_record_keeps(
        tmp_project: Project) -> None:
    """`record_added` has SQLite write the snapshots: the same values, types and text."""
    tag = tmp_project.tags.add(Tag("joke"))
    assert tag.id is not None
    made = [Annotation("joke", round(start, 3), round(start + 0.1, 3), note, "anna", "suggested",
                       tag_id=tag.id)
            for start, note in ((0.001, ""), (12345.678, 'a "quoted" note\n'), (7.1, "café"))]
    ids = tmp_project.annotations.add_many(made, "suggest")
    conn = tmp_project.database.conn
    for annotation_id in ids:
        row = dict(conn.execute("SELECT * FROM annotations WHERE id=?",
                                (annotation_id,)).fetchone())
        after, before = conn.execute("SELECT after, before FROM changes WHERE entity='annotation' "
                                     "AND entity_id=?", (annotation_id,)).fetchone()
        assert before is None and json.loads(after) == row
        assert [type(v) for v in json.loads(after).values()] == [type(v) for v in row.values()]
