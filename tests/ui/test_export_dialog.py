"""The Export dialog: formats from the registry, the proposed name and folder, the plan."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core.formats.registry import EXPORTERS
from desk.core.services.export_plan import run_plan
from desk.core.store import Project
from desk.ui.export_dialog import ExportDialog
from tests.core.formats.annotated import build_annotated_project


@pytest.fixture
def coded(tmp_path: Path, tone_media: Path) -> Iterator[Project]:
    with build_annotated_project(tmp_path / "Interview.desk", tone_media) as project:
        yield project


def test_opens_with_every_format_the_name_and_the_last_folder(qtbot: QtBot, coded: Project,
                                                              tmp_path: Path) -> None:
    last = tmp_path / "exports"
    last.mkdir()
    dialog = ExportDialog(coded, str(last))
    qtbot.addWidget(dialog)
    assert dialog.formats.count() == len(EXPORTERS)
    assert dialog.plan().formats == ("docx",)
    assert dialog.name.text() == "Interview" and dialog.folder.text() == str(last)
    assert ExportDialog(coded, str(tmp_path / "gone")).folder.text() == str(tmp_path)


def test_choices_become_the_plan(qtbot: QtBot, coded: Project) -> None:
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    dialog.set_formats(["srt", "clips"])
    assert dialog.normalise.isEnabled()
    dialog.speakers.setChecked(False)
    dialog.suggestions.setChecked(True)
    dialog.normalise.setChecked(True)
    for i in range(dialog.tags.count()):
        item = dialog.tags.item(i)
        if item.text() != "Harris attacks":
            item.setCheckState(Qt.CheckState.Unchecked)
    plan = dialog.plan()
    assert plan.formats == ("srt", "clips") and plan.name == "Interview"
    assert plan.selection.tags == frozenset({"Harris attacks"})
    assert plan.selection.annotators is None and plan.selection.suggestions
    assert not plan.selection.speakers and plan.options == {"clips": {"normalise": True}}
    assert plan.selection.transcript_id == coded.versions.current_id()
    dialog.annotations.setChecked(False)
    assert not dialog.tags.isEnabled() and not dialog.plan().selection.annotations
    dialog.set_formats([])
    assert not dialog.export_button.isEnabled()


def test_replacing_files_is_asked_first(qtbot: QtBot, coded: Project, tmp_path: Path) -> None:
    (tmp_path / "Interview.md").write_text("old", encoding="utf-8")
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    dialog.set_formats(["md"])
    asked: list[list[Path]] = []
    dialog.confirm_replace = lambda existing: asked.append(existing) or False  # type: ignore
    dialog.show()
    dialog.export_button.click()
    assert asked == [[tmp_path / "Interview.md"]] and dialog.result() == 0
    dialog.confirm_replace = lambda existing: True  # type: ignore
    dialog.export_button.click()
    assert dialog.result() == 1


def test_formats_are_described_in_the_analysts_language(qtbot: QtBot, coded: Project,
                                                         german: None) -> None:
    """The registry's descriptions (core, plain text, the CLI's) reach the dialog translated."""
    dialog = ExportDialog(coded)
    qtbot.addWidget(dialog)
    texts = [dialog.formats.item(i).text() for i in range(dialog.formats.count())]
    assert "SRT — SubRip-Untertitel mit Sprechern und Codes" in texts
    assert "EAF — ELAN-Annotationsdatei: Spuren je Sprecher und je Code" in texts
    assert EXPORTERS["srt"].description == "SubRip subtitles with speakers and tags"


def test_one_annotator_several_or_the_consensus(qtbot: QtBot, coded: Project,
                                                tmp_path: Path) -> None:
    # #16: exports take one annotator, several, or the consensus layer.
    coded.annotations.add("delay", 26.0, 28.0, annotator="consensus")
    dialog = ExportDialog(coded, str(tmp_path))
    qtbot.addWidget(dialog)
    coders = dialog.annotators
    names = [coders.item(i).text() for i in range(coders.count())]
    assert {"anna", "ben", "consensus"} <= set(names)

    def choose(*chosen: str) -> frozenset[str] | None:
        for i in range(coders.count()):
            item = coders.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen
                               else Qt.CheckState.Unchecked)
        return dialog.plan().selection.annotators

    assert choose("consensus") == frozenset({"consensus"})
    assert choose("anna", "ben") == frozenset({"anna", "ben"})
    assert choose(*names) is None  # everyone: no filter
    choose("consensus")
    dialog.set_formats(["json"])
    results = run_plan(Path(coded.path), dialog.plan())
    written = json.loads(results[0].files[0].read_text(encoding="utf-8"))
    assert {a["annotator"] for a in written["annotations"]} == {"consensus"}


def test_only_what_some_speakers_said(qtbot: QtBot, coded: Project, tmp_path: Path) -> None:
    # `desk export --speaker` in the window: the project's speakers, all ticked (no filter).
    dialog = ExportDialog(coded, str(tmp_path))
    qtbot.addWidget(dialog)
    said_by = dialog.said_by
    names = [said_by.item(i).text() for i in range(said_by.count())]
    assert names == [s.name for s in coded.speakers.list()] and len(names) >= 2
    assert dialog.plan().selection.only_speakers is None
    for i in range(said_by.count()):
        if said_by.item(i).text() != names[0]:
            said_by.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.plan().selection.only_speakers == frozenset({names[0]})
    dialog.set_formats(["json"])
    results = run_plan(Path(coded.path), dialog.plan())
    written = json.loads(results[0].files[0].read_text(encoding="utf-8"))
    segments = written["transcript"]["segments"]
    assert segments and {s["speaker"] for s in segments} == {names[0]}
    # Nobody ticked: no transcript of no one's lines, unless the transcript is left out.
    said_by.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.export_button.isEnabled()
    dialog.transcript.setChecked(False)
    assert dialog.export_button.isEnabled() and not said_by.isEnabled()
