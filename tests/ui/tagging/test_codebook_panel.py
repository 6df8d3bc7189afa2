"""The codebook pane: add, edit, recolour, re-key, reorder, archive, import/export, presets."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.tagging.codebook_panel import CodebookPanel
from tests.ui.tagging.conftest import tagging


def _panel(window: MainWindow) -> CodebookPanel:
    return tagging(window).codebook_panel


def _names(window: MainWindow) -> list[str]:
    return [t.name for t in window.project.tags.list()]


def test_add_edit_recolour_rekey(qtbot: QtBot, opened: MainWindow) -> None:
    panel = _panel(opened)
    project = opened.project
    dialog = panel.add_dialog()
    assert dialog.isVisible()
    assert dialog.key.currentData() == 7  # the first free key is offered
    dialog.name.setText("crowd noise")
    dialog.description.setPlainText("Audience sounds")
    dialog.keywords.setText("cheering, applause")
    dialog.set_colour("#17becf")
    dialog.accept()
    tag = project.tags.get("crowd noise")
    assert (tag.key, tag.colour, tag.keywords) == (7, "#17becf", ["cheering", "applause"])
    qtbot.waitUntil(lambda: panel.selected_tag() is not None, timeout=2000)
    assert panel.selected_tag().name == "crowd noise"
    qtbot.waitUntil(lambda: tag.id in panel.tag_palette.buttons, timeout=2000)
    assert tagging(opened).key_actions[7].isVisible()

    dialog = panel.edit_selected()
    assert dialog is not None and dialog.name.text() == "crowd noise"
    dialog.name.setText("crowd")
    dialog.key.setCurrentIndex(dialog.key.findData(8))
    dialog.accept()
    assert project.tags.get("crowd").key == 8
    qtbot.waitUntil(lambda: panel.selected_tag().name == "crowd", timeout=2000)

    panel.recolour("crowd", "#000000")
    assert project.tags.get("crowd").colour == "#000000"
    # Taking a key another tag uses is refused with a sentence, nothing changes.
    errors: list[str] = []
    tagging(opened).controller.error.connect(errors.append)
    dialog = panel.edit_selected()
    dialog.key.setCurrentIndex(dialog.key.findData(1))
    dialog.accept()
    assert errors == ["key 1 is already used by tag 'delay'"]
    assert project.tags.get("crowd").key == 8

    stack = opened.undo_stack
    stack.undo()  # colour
    stack.undo()  # rename + key
    assert project.tags.get("crowd noise").key == 7
    stack.undo()  # add
    assert "crowd noise" not in _names(opened)


def test_reorder_and_archive(qtbot: QtBot, opened: MainWindow) -> None:
    panel = _panel(opened)
    project = opened.project
    panel.move_tag("Harris attacks", -1)
    assert _names(opened)[2:4] == ["Harris attacks", "praise exchange"]
    tagging(opened).controller.flush()
    assert panel.selected_tag().name == "Harris attacks"
    panel.move_tag("delay", -1)  # already first: nothing happens
    assert _names(opened)[0] == "delay"
    project.annotations.add("unchallenged claim", 1.0, 2.0)
    panel.set_archived("unchallenged claim", True)
    tagging(opened).controller.flush()
    assert "unchallenged claim" not in _names(opened)
    assert project.tags.get("unchallenged claim").key is None  # its key is free again
    assert panel.table.rowCount() == 5
    panel.show_archived.setChecked(True)
    assert panel.table.rowCount() == 6
    # The archived tag keeps its lane on the timeline while it has annotations.
    lanes = [lane.tag.name for lane in tagging(opened).timeline.canvas.lanes]
    assert lanes[-1] == "unchallenged claim"
    opened.undo_stack.undo()
    assert project.tags.get("unchallenged claim").key == 6


def test_export_import_and_presets(qtbot: QtBot, opened: MainWindow, tmp_path: Path,
                                   tone_media: Path) -> None:
    panel = _panel(opened)
    out = tmp_path / "codes.json"
    assert panel.export_codebook(out)
    data = json.loads(out.read_text())
    assert [t["name"] for t in data["tags"]][:2] == ["delay", "DDoS claim"]
    assert load_codebook(out).tags[3].keywords == ["Harris", "Kamala"]

    # A new project without a codebook: import the exported file, then a preset.
    opened.close_project()
    empty = Project.create(tmp_path / "empty.desk", media=probe(tone_media))
    empty.close()
    assert opened.window_actions.files.open_project(tmp_path / "empty.desk") is not None
    qtbot.waitUntil(lambda: panel.tag_palette._empty.isVisible(), timeout=2000)
    panel.import_codebook(out)
    assert len(opened.project.tags.list()) == 6
    assert panel.preset_box.findText("interview") >= 0
    # Nothing coded yet: the preset replaces the codebook (the old tags are archived).
    panel.apply_preset("interview")
    active = opened.project.tags.list()
    assert active[0].name == "question" and len(active) == 7
    assert opened.project.tags.by_key(1).name == "question"
    assert opened.project.tags.get("delay").archived
    opened.undo_stack.undo()  # one step
    assert opened.project.tags.list()[0].name == "delay"
    assert len(opened.project.tags.list()) == 6
    # Once coded, a preset is added to the codebook instead.
    tagging(opened).controller.code_range("delay", 1.0, 2.0)
    tagging(opened).controller.flush()
    panel.apply_preset("interview")
    assert len(opened.project.tags.list()) == 13
    assert opened.project.tags.get("delay").key is None  # the preset's keys win
    errors: list[str] = []
    tagging(opened).controller.error.connect(errors.append)
    panel.import_codebook(tmp_path / "missing.json")
    assert errors and "not found" in errors[0]
    opened.undo_stack.undo()
    assert len(opened.project.tags.list()) == 6
