"""Files in the app: new from a recording, drop, recent, relink by fingerprint, error dialogs."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk.core.errors import ProjectError
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.core.store import database as database_module
from desk.ui.main_window import MainWindow
from desk.ui.transcript_model import COL_TEXT
from desk.ui.video_area import PAGE_VIDEO
from tests.conftest import make_media
from tests.ui.ui_helpers import add_transcript, isolated_settings, make_window


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           errors: list[str]) -> MainWindow:
    return make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer every question box with `button`; returns the questions asked."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_new_project_from_a_recording(window: MainWindow, tmp_path: Path,
                                      tone_media: Path) -> None:
    recording = tmp_path / "Interview X.mp4"
    shutil.copy(tone_media, recording)
    project = window.window_actions.files.open_path(recording)  # not .desk: a new project
    assert project is not None and project.path == tmp_path / "Interview X.desk"
    assert window.windowTitle().startswith("Interview X")
    assert window.video_area.page() == PAGE_VIDEO
    assert window.player.duration() == pytest.approx(30.0, abs=0.2)
    assert [t.name for t in project.tags.list()][:2] == ["delay", "DDoS claim"]
    assert str(project.path) in window.settings.recent_projects


def test_dropping_a_project_opens_it(qtbot: QtBot, window: MainWindow,
                                     tmp_project: Project) -> None:
    path = tmp_project.path
    tmp_project.close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.project is not None and window.project.path == path


def test_relink_finds_a_moved_recording_by_fingerprint(window: MainWindow, tmp_path: Path,
                                                       tone_media: Path) -> None:
    old_place = tmp_path / "downloads" / "stream.mp4"
    old_place.parent.mkdir()
    shutil.copy(tone_media, old_place)
    project_dir = tmp_path / "case"
    project_dir.mkdir()
    Project.create(project_dir / "case.desk", media=probe(old_place)).close()
    (project_dir / "media").mkdir()
    old_place.rename(project_dir / "media" / "renamed.mp4")  # moved and renamed
    window.window_actions.files.open_project(project_dir / "case.desk")
    assert Path(window.project.media.get().path) == project_dir / "media" / "renamed.mp4"
    assert window.player.path == project_dir / "media" / "renamed.mp4"


def test_relink_asks_and_verifies_the_chosen_file(window: MainWindow, tmp_path: Path,
                                                  tone_media: Path, errors: list[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    recording = tmp_path / "a" / "stream.mp4"
    recording.parent.mkdir()
    shutil.copy(tone_media, recording)
    Project.create(tmp_path / "b.desk", media=probe(recording)).close()
    hidden = tmp_path / "elsewhere" / "deep" / "x.mp4"
    hidden.parent.mkdir(parents=True)
    recording.rename(hidden)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.window_actions.files.open_project(tmp_path / "b.desk")
    assert asked and "moved or renamed" in asked[0]
    assert window.player.path is None  # no playback, but the project is open
    other = make_media(tmp_path / "other.mp4", seconds=3)
    assert not window.window_actions.files.relink(other)
    assert "fingerprint" in errors[-1]
    assert window.window_actions.files.relink(hidden)
    assert Path(window.project.media.get().path) == hidden


def test_broken_inputs_are_dialogs_and_change_nothing(window: MainWindow, tmp_path: Path,
                                                      tmp_project: Project,
                                                      errors: list[str]) -> None:
    fake = tmp_path / "corrupt.mp4"
    fake.write_bytes(b"not a video at all" * 100)
    assert window.window_actions.files.new_project(fake) is None
    assert "not a readable recording" in errors[-1]
    assert not fake.with_suffix(".desk").exists()
    not_project = tmp_path / "notes.desk"
    not_project.write_text("hello")
    assert window.window_actions.files.open_project(not_project) is None
    assert "not a Desk project" in errors[-1]
    newer = tmp_project.path
    tmp_project.close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version=999")
    assert window.window_actions.files.open_project(newer) is None
    assert "newer Desk" in errors[-1]
    assert window.project is None


def test_read_only_project_opens_read_only_when_asked(window: MainWindow, tmp_project: Project,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      errors: list[str]) -> None:
    add_transcript(tmp_project, ["Hello everyone"])
    path = tmp_project.path
    tmp_project.close()
    real_open = Project.open

    def open_like_a_read_only_file(target: Path, writable: bool = True) -> Project:
        # File modes do not bind root (CI runs as root), so the core's refusal is simulated.
        if writable:
            raise ProjectError(f"{Path(target).name} is read-only; copy it somewhere writable "
                               "to edit it")
        return real_open(target, writable=False)

    monkeypatch.setattr(Project, "open", open_like_a_read_only_file)
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    project = window.window_actions.files.open_project(path)
    assert asked and "read-only" in asked[0]
    assert project is not None and not project.writable
    assert "(read-only)" in window.windowTitle()
    model = window.transcript_model
    assert not model.flags(model.index(0, COL_TEXT)) & Qt.ItemFlag.ItemIsEditable
    assert not window.action("split_segment").isEnabled()
    assert not window.undo_stack.canUndo()  # nothing in a read-only file can be undone
    assert errors == []


def test_a_locked_project_is_a_dialog_not_a_crash(window: MainWindow, tmp_project: Project,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  errors: list[str]) -> None:
    add_transcript(tmp_project, ["Hello everyone"])
    path = tmp_project.path
    tmp_project.close()
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    window.window_actions.files.open_project(path)
    steps = window.undo_stack.count()  # the project's own history
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        model = window.transcript_model
        model.setData(model.index(0, COL_TEXT), "Hello everybody")
        assert "locked by another program" in errors[-1]
        assert window.undo_stack.count() == steps
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert model.row(0).text == "Hello everyone"


def test_a_project_of_another_recording_is_not_reused_silently(
        window: MainWindow, tmp_path: Path, tone_media: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    video, audio = tmp_path / "x.mp4", tmp_path / "x.wav"
    shutil.copy(tone_media, video)
    shutil.copy(tone_media, audio)
    first = window.window_actions.files.open_path(video)
    assert first is not None and first.path == tmp_path / "x.desk"
    window.close_project()
    asked: list[tuple[str, str]] = []
    replies = ["", str(tmp_path / "x audio")]

    def save_as(_parent: object, title: str, suggestion: str, *_args: object) -> tuple[str, str]:
        asked.append((title, suggestion))
        return replies.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    questions = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert window.window_actions.files.new_project(audio) is None  # cancelled: nothing made
    assert window.project is None
    assert asked[0] == ("x.desk belongs to another recording: save the project for x.wav as",
                        str(tmp_path / "x-wav.desk"))
    project = window.window_actions.files.new_project(audio)
    assert project is not None and project.path == tmp_path / "x audio.desk"
    assert Path(project.media.get().path).name == "x.wav" and questions == []
    window.close_project()
    # The recording's own project is still offered as before.
    assert window.window_actions.files.new_project(video) is not None
    assert questions and "x.desk already exists" in questions[0]
