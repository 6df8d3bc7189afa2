"""Adjudication records: listed with their sources, undone with their decision."""

from __future__ import annotations

from desk.core.records import Annotation
from desk.core.store import Project
from desk.core.store.adjudications import CONSENSUS


def test_adjudications_are_listed_and_undone_with_their_decision(tmp_project: Project) -> None:
    source = tmp_project.annotations.add("delay", 0, 5, annotator="ann")
    tag = tmp_project.tags.get("delay")
    made = tmp_project.adjudications.decide(
        "take ann", [Annotation("delay", 0, 5, tag_id=tag.id)], [], [source], "lead")
    [listed] = tmp_project.adjudications.list()
    assert listed == made and listed.sources[0]["annotator"] == "ann"
    assert [a.annotator for a in tmp_project.annotations.list()] == ["ann", CONSENSUS]
    tmp_project.history.undo()
    assert tmp_project.adjudications.list() == []
    assert [a.annotator for a in tmp_project.annotations.list()] == ["ann"]
