"""The annotation store's bulk add and its suggestion decisions, each one undo step."""

from __future__ import annotations

import pytest

from desk.core.errors import InputError
from desk.core.records import Annotation
from desk.core.store import Project
from desk.core.store.annotations import AlreadyCoded


def _suggestions(project: Project) -> list[Annotation]:
    delay = project.tags.get("delay")
    made = [Annotation("delay", 1.0 + i, 1.5 + i, f"n{i}", "machine", "suggested",
                       tag_id=delay.id) for i in range(3)]
    ids = project.annotations.add_many(made, "suggest delays", "ana")
    return [project.annotations.get(i) for i in ids]


def test_bulk_add_is_one_action_keeping_each_source_and_coder(tmp_project: Project) -> None:
    before = len(tmp_project.history.actions())
    added = _suggestions(tmp_project)
    assert [(a.note, a.annotator, a.source) for a in added] == [
        ("n0", "machine", "suggested"), ("n1", "machine", "suggested"),
        ("n2", "machine", "suggested")]
    assert len(tmp_project.history.actions()) == before + 1
    action = tmp_project.history.actions()[0]
    assert (action.label, action.annotator) == ("suggest delays", "ana")
    tmp_project.history.undo()
    assert tmp_project.annotations.count() == 0


def test_accepting_and_rejecting_suggestions(tmp_project: Project) -> None:
    first, second, third = _suggestions(tmp_project)
    tmp_project.annotations.accept_suggestions([first], "accept", "bea")
    accepted = tmp_project.annotations.get(first.id)  # type: ignore[arg-type]
    assert (accepted.source, accepted.annotator) == ("manual", "bea")
    tmp_project.annotations.reject_suggestions([second, third], "reject", "bea")
    assert [a.id for a in tmp_project.annotations.list()] == [first.id]
    assert tmp_project.annotations.dismissed() == [("delay", 2.0, 2.5), ("delay", 3.0, 3.5)]
    tmp_project.history.undo()  # the reject: both come back, and are no longer dismissed
    assert tmp_project.annotations.count() == 3 and tmp_project.annotations.dismissed() == []


def test_annotation_rules(tmp_project: Project) -> None:
    with pytest.raises(InputError, match="unknown tag"):
        tmp_project.annotations.add("nope", 0, 1)
    with pytest.raises(InputError, match="after start"):
        tmp_project.annotations.add("delay", 5, 5)
    with pytest.raises(InputError, match="after the end"):
        tmp_project.annotations.add("delay", 5, 31)
    assert tmp_project.annotations.count() == 0
    a = tmp_project.annotations.add("delay", 1, 2, annotator="anna")
    b = tmp_project.annotations.update(a.id, tag="DDoS claim", end=3.25, note="n")
    assert (b.tag, b.start, b.end, b.note, b.annotator) == ("DDoS claim", 1, 3.25, "n", "anna")
    tmp_project.annotations.delete(a.id)
    assert tmp_project.annotations.list() == []


def test_the_same_code_twice_is_refused(tmp_project: Project) -> None:
    first = tmp_project.annotations.add("delay", 1.0, 2.5, annotator="ana")
    actions = len(tmp_project.history.actions())
    with pytest.raises(AlreadyCoded, match=r"^delay 00:00:01\.000–00:00:02\.500 is already "
                       rf"coded by ana \(annotation {first.id}\); nothing added$"):
        tmp_project.annotations.add("delay", 1.0004, 2.5, annotator="ana")  # same millisecond
    assert tmp_project.annotations.count() == 1
    assert len(tmp_project.history.actions()) == actions
    # What differs is another code: a colleague's, another note, another range or tag.
    tmp_project.annotations.add("delay", 1.0, 2.5, annotator="bea")
    tmp_project.annotations.add("delay", 1.0, 2.5, note="second look", annotator="ana")
    tmp_project.annotations.add("delay", 1.0, 2.6, annotator="ana")
    tmp_project.annotations.add("praise exchange", 1.0, 2.5, annotator="ana")
    assert tmp_project.annotations.count() == 5
    # A suggestion on the same range does not stand in the way of coding it.
    tmp_project.annotations.add("delay", 5.0, 6.0, annotator="ana", source="suggested")
    tmp_project.annotations.add("delay", 5.0, 6.0, annotator="ana")
    assert tmp_project.annotations.count() == 7
