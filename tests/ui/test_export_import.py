"""File → Export… and File → Import… through the real menus, dialogs and background tasks.

Every registry format is exported from the menu on a coded project and read
back with the independent readers the format and CLI tests use (srt, webvtt,
pandas, jsonschema, pympi, praatio, python-docx, ffprobe); an ELAN file is
imported with its preview, then undone.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import docx
import pandas as pd
import pympi
import pytest
import srt
import webvtt
from jsonschema import validate
from praatio import textgrid
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desk.core.formats.registry import EXPORTERS
from desk.core.resources import resource_path
from desk.core.services.export_plan import ExportPlan
from desk.core.store import Project
from desk.ui.export_dialog import ExportDialog
from desk.ui.import_dialog import ImportDialog
from desk.ui.main_window import MainWindow
from tests.core.formats.annotated import (
    ANNOTATIONS,
    HOSTILE_NOTE,
    SEGMENTS,
    build_annotated_project,
)
from tests.ui.ui_helpers import isolated_settings, make_window

TASK_TIMEOUT = 120000  # clips are cut by ffmpeg, on two shared cores


@pytest.fixture
def coded_window(qtbot: QtBot, tmp_path: Path, tone_media: Path,
                 monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    path = tmp_path / "Interview.desk"
    build_annotated_project(path, tone_media).close()
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(path) is not None
    return window


def _open_export_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    window.action("export").trigger()
    qtbot.waitUntil(lambda: window.exchange.export_dialog is not None)
    dialog = window.exchange.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _ffprobe_duration(path: Path) -> float:
    done = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                           str(path)], capture_output=True, check=True)
    return float(json.loads(done.stdout)["format"]["duration"])


def test_every_format_from_the_menu_reads_back(qtbot: QtBot, coded_window: MainWindow,
                                               tmp_path: Path) -> None:
    window = coded_window
    out = tmp_path / "out"
    out.mkdir()
    dialog = _open_export_dialog(qtbot, window)
    assert dialog.name.text() == "Interview"  # proposed from the project
    assert dialog.formats.count() == len(EXPORTERS)  # the core registry, every format
    dialog.set_formats(list(EXPORTERS))
    dialog.folder.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.exchange.task is not None)
    assert window.exchange.export_dialog is None
    qtbot.waitUntil(lambda: not window.exchange.exporting, timeout=TASK_TIMEOUT)
    assert window.exchange.notice.isVisible() and window.exchange.notice.folder == out
    assert re.fullmatch(rf"Exported \d+ files to {re.escape(str(out))}",
                        window.exchange.notice.label.text())
    assert window.settings.last_export_folder == str(out)

    assert len(list(srt.parse((out / "Interview.srt").read_text(encoding="utf-8")))) == len(
        SEGMENTS)
    assert json.loads((out / "Interview.srt.provenance.json").read_text(encoding="utf-8"))
    assert len(webvtt.read(str(out / "Interview.vtt"))) == len(SEGMENTS)
    assert len(pd.read_csv(out / "Interview.segments.csv", encoding="utf-8-sig")) == len(
        SEGMENTS)
    table = pd.read_csv(out / "Interview.annotations.csv", encoding="utf-8-sig")
    assert len(table) == len(ANNOTATIONS)  # the suggestion is left out, as the dialog chose
    data = json.loads((out / "Interview.json").read_text(encoding="utf-8"))
    validate(data, json.loads(resource_path("schema", "desk-project.schema.json")
                              .read_text("utf-8")))
    assert len(data["annotations"]) == len(ANNOTATIONS) and data["provenance"]
    eaf = pympi.Elan.Eaf(str(out / "Interview.eaf"))
    tiers = set(eaf.get_tier_names())
    assert {"Donald Trump", "Elon Musk"} <= tiers
    assert any(t.startswith("Harris attacks") for t in tiers)
    grid = textgrid.openTextgrid(str(out / "Interview.TextGrid"), includeEmptyIntervals=True)
    assert "words" in grid.tierNames
    page = (out / "Interview.html").read_text(encoding="utf-8")
    assert "Harris attacks" in page and HOSTILE_NOTE not in page  # escaped
    assert "## Transcript" in (out / "Interview.md").read_text(encoding="utf-8")
    assert docx.Document(str(out / "Interview.docx")).tables
    clips = sorted((out / "Interview-clips").glob("*.mp4"))
    assert len(clips) == len(ANNOTATIONS)
    assert all(_ffprobe_duration(c) > 0.5 for c in clips)
    assert (out / "Interview-clips" / "provenance.json").is_file()


def test_one_file_is_said_as_one_file(qtbot: QtBot, coded_window: MainWindow,
                                      tmp_path: Path) -> None:
    window = coded_window
    dialog = _open_export_dialog(qtbot, window)
    dialog.set_formats(["json"])  # its provenance is inside, no side file
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.exchange.task is not None)
    qtbot.waitUntil(lambda: not window.exchange.exporting, timeout=TASK_TIMEOUT)
    assert window.exchange.notice.label.text() == f"Exported 1 file to {out}"
    assert [p.name for p in out.iterdir()] == ["Interview.json"]


def test_cancel_stops_a_long_export(qtbot: QtBot, coded_window: MainWindow,
                                    tmp_path: Path) -> None:
    window = coded_window
    plan = ExportPlan(("clips",), tmp_path, "Interview", options={"clips": {"precise": True}})
    window.exchange.run_export(plan)
    assert window.exchange.progress.isVisible()
    window.exchange.progress.cancel_button.click()
    qtbot.waitUntil(lambda: not window.exchange.exporting, timeout=TASK_TIMEOUT)
    assert not window.exchange.progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    assert len(list((tmp_path / "Interview-clips").glob("*.mp4"))) < len(ANNOTATIONS)


@pytest.fixture
def eaf_file(tmp_path: Path, tone_media: Path) -> Path:
    """An ELAN file of the coded project, made by the core exporter."""
    with build_annotated_project(tmp_path / "coded.desk", tone_media) as coded:
        return EXPORTERS["eaf"].export(coded, tmp_path / "coded.eaf")


@pytest.fixture
def blank_window(qtbot: QtBot, tmp_path: Path, tmp_project: Project,
                 monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    path = tmp_project.path
    tmp_project.close()
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    assert window.window_actions.files.open_project(path) is not None
    return window


def _preview_dialog(qtbot: QtBot, window: MainWindow) -> ImportDialog:
    qtbot.waitUntil(lambda: window.exchange.import_dialog is not None, timeout=20000)
    dialog = window.exchange.import_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_import_an_eaf_from_the_menu_with_its_preview_then_undo(
        qtbot: QtBot, blank_window: MainWindow, eaf_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = blank_window
    project = window.project
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(eaf_file), "")))
    window.action("import_file").trigger()
    dialog = _preview_dialog(qtbot, window)
    facts = dialog.summary.text()
    assert f"{len(SEGMENTS)} segments" in facts and f"{len(ANNOTATIONS)} annotations" in facts
    assert project.annotations.count() == 0 and project.transcripts.current() is None
    tiers = {dialog.parts.item(r, 0).text(): dialog.parts.item(r, 1).text()
             for r in range(dialog.parts.rowCount())}
    assert any("Harris attacks" in k and "Harris attacks" in v for k, v in tiers.items())
    assert dialog.recorded_as.text() == "tester"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: window.exchange.import_dialog is None)
    assert project.annotations.count() == len(ANNOTATIONS)
    assert window.transcript_model.rowCount() == len(SEGMENTS)
    assert "imported coded.eaf" in window.statusBar().currentMessage()
    window.action("undo").trigger()  # the whole import is one step
    assert project.annotations.count() == 0 and project.transcripts.current() is None
    assert window.transcript_model.rowCount() == 0
    window.action("redo").trigger()
    assert project.annotations.count() == len(ANNOTATIONS)


def test_bring_in_as_annotations_only(qtbot: QtBot, blank_window: MainWindow,
                                      eaf_file: Path) -> None:
    window = blank_window
    window.exchange.import_file(eaf_file)
    dialog = _preview_dialog(qtbot, window)
    index = dialog.mode.findData("annotations")
    dialog.mode.setCurrentIndex(index)
    dialog.mode.activated.emit(index)
    qtbot.waitUntil(lambda: not dialog.preview.makes_version)
    assert "segments" not in dialog.summary.text()
    dialog.reject()
    assert window.project.annotations.count() == 0  # nothing was written


def test_dropping_an_eaf_offers_the_same_import(qtbot: QtBot, blank_window: MainWindow,
                                                eaf_file: Path) -> None:
    window = blank_window
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(eaf_file))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    dialog = _preview_dialog(qtbot, window)
    assert dialog.preview.path == eaf_file
    dialog.reject()
    assert window.project.annotations.count() == 0


def test_a_broken_file_is_one_sentence_and_changes_nothing(
        qtbot: QtBot, blank_window: MainWindow, tmp_path: Path) -> None:
    window = blank_window
    errors: list[str] = []
    window.report._show_error = errors.append  # type: ignore[attr-defined]
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 --> 00:00:02\nhi\n", encoding="utf-8")
    window.exchange.import_file(bad)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors[0].startswith("bad.srt, line 2: bad timestamp")
    assert window.exchange.import_dialog is None and window.project.transcripts.current() is None
