"""Building blocks shared by the UI tests: an isolated settings file, a window, events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.settings import Settings

VLC_TEST_ARGS = "--vout=dummy --aout=dummy"
TRANSCRIPT_TEXTS = ["Hello everyone and welcome", "Sorry for the late start",
                    "There was a massive attack on the servers", "Let us talk about the border",
                    "Thank you so much Elon"]


def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A fresh settings file for one test; libvlc outputs nothing."""
    monkeypatch.setenv("DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DESK_VLC_ARGS", VLC_TEST_ARGS)
    settings = Settings()
    settings.annotator = "tester"
    return settings


def make_window(qtbot: QtBot, settings: Settings, errors: list[str] | None = None) -> MainWindow:
    """A shown MainWindow whose error dialogs are recorded instead of blocking."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    recorded = errors if errors is not None else []
    window.show_error = recorded.append  # type: ignore[method-assign]
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_until(qtbot: QtBot, condition: Callable[[], bool], timeout: int = 5000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


def add_transcript(project: Project, texts: list[str], length: float = 4.0) -> list[int]:
    """Segments of `length` seconds with evenly spread words, as a job would store them."""
    transcript = project.transcripts.create(Transcript(engine="test", model="none",
                                                       status="complete"))
    segments = []
    for i, text in enumerate(texts):
        start = 1.0 + i * length
        tokens = text.split()
        step = (length - 0.5) / len(tokens)
        words = [Word(start + k * step, start + (k + 1) * step, t) for k, t in enumerate(tokens)]
        segments.append(Segment(start, start + length - 0.5, text, words))
    return project.transcripts.add_segments(transcript.id, segments)


def window_with_transcript(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           project: Project, texts: list[str],
                           length: float = 4.0) -> MainWindow:
    """A window showing `project` (closed here) with a transcript of `texts`."""
    add_transcript(project, texts, length)
    path = project.path
    project.close()
    window = make_window(qtbot, isolated_settings(tmp_path, monkeypatch))
    window.window_actions.files.open_project(path)
    return window
