"""A merged layer: one history action with its new tags; its annotators; file copies."""

from __future__ import annotations

from pathlib import Path

from desk.core.records import Annotation, Tag
from desk.core.store import Project
from desk.core.store.layers import LayerWrite, copy_project


def test_a_layer_is_one_action_with_its_new_tags(tmp_project: Project) -> None:
    write = LayerWrite("merge 2 annotations from x.desk (zoe)",
                       new_tags=[Tag("crowd", colour="#abcdef")],
                       annotations=[Annotation("crowd", 1, 2, annotator="zoe", source="imported"),
                                    Annotation("delay", 3, 4, annotator="zoe",
                                               source="imported")])
    ids = tmp_project.layers.write(write, "ann")
    assert len(ids) == 2 and tmp_project.layers.annotators() == [("zoe", 2)]
    assert tmp_project.history.actions(limit=1)[0].label == write.label
    tmp_project.history.undo()
    assert tmp_project.annotations.count() == 0
    assert "crowd" not in [t.name for t in tmp_project.tags.list()]
    tmp_project.history.redo()
    assert tmp_project.tags.get("crowd").colour == "#abcdef"


def test_a_copy_of_a_project_file_is_made_with_sqlite(tmp_project: Project,
                                                     tmp_path: Path) -> None:
    tmp_project.annotations.add("delay", 1, 2, annotator="ann")
    folder = tmp_path / "copies"
    folder.mkdir()
    copy = copy_project(tmp_project.path, folder)
    with Project.open(copy, writable=False) as again:
        assert [a.annotator for a in again.annotations.list()] == ["ann"]
