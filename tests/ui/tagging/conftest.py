"""Fixtures for the tagging UI tests: a real MainWindow (real libvlc, dummy output)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.tagging.annotations_panel import AnnotationsPanel
from desk.ui.tagging.tagging_ui import TaggingUi
from desk.ui.workers import wait_for_tasks
from tests.ui.ui_helpers import isolated_settings, make_window

TEXTS = ["Hello everyone and welcome", "Sorry for the late start",
         "There was a massive attack", "Kamala Harris is a disaster"]


def add_transcript(project: Project, texts: list[str] = TEXTS, length: float = 4.0,
                   speakers: tuple[str, ...] = ("HOST", "GUEST")) -> list[int]:
    """Segments of `length` s from 1 s on, words spread evenly, speakers alternating."""
    transcript = project.transcripts.create(Transcript(engine="test", model="none",
                                                       status="complete"))
    segments = []
    for i, text in enumerate(texts):
        start = 1.0 + i * length
        tokens = text.split()
        step = (length - 0.5) / len(tokens)
        words = [Word(round(start + k * step, 3), round(start + (k + 1) * step, 3), t)
                 for k, t in enumerate(tokens)]
        segments.append(Segment(start, start + length - 0.5, text, words,
                                speaker=speakers[i % len(speakers)]))
    return project.transcripts.add_segments(transcript.id, segments)


@pytest.fixture
def project_path(tmp_project: Project) -> Path:
    """The 30 s tone project with the default codebook and a 4-segment transcript."""
    add_transcript(tmp_project)
    path = tmp_project.path
    tmp_project.close()
    return path


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           errors: list[str]) -> Iterator[MainWindow]:
    win = make_window(qtbot, isolated_settings(tmp_path, monkeypatch), errors)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=3000)
    yield win
    assert wait_for_tasks(10_000)


@pytest.fixture
def opened(window: MainWindow, project_path: Path) -> MainWindow:
    """The window with the tone project open (waveform computed and cached)."""
    project = window.window_actions.files.open_project(project_path)
    assert project is not None
    assert wait_for_tasks(10_000)  # the waveform is computed and cached
    return window


@pytest.fixture
def pane(opened: MainWindow, qtbot: QtBot) -> AnnotationsPanel:
    """The annotations pane on the open project with two codes and a suggestion."""
    ui = tagging(opened)
    project = opened.project
    assert project is not None
    project.annotations.add("delay", 0.0, 6.0, note="dead air", annotator="ana")
    project.annotations.add("Harris attacks", 13.0, 16.5, note="disaster", annotator="bea")
    project.annotations.add("praise exchange", 5.0, 9.0, annotator="ana", source="suggested")
    ui.controller.refresh()
    opened.docks["annotationsDock"].show()
    opened.docks["annotationsDock"].raise_()
    return ui.annotations_panel


@pytest.fixture
def coded_path(project_path: Path) -> Path:
    """delay 0–10 and 5–12 (overlapping), Harris 20–25, a suggested praise 1–2."""
    with Project.open(project_path) as project:
        project.annotations.add("delay", 0.0, 10.0)
        project.annotations.add("delay", 5.0, 12.0)
        project.annotations.add("Harris attacks", 20.0, 25.0)
        project.annotations.add("praise exchange", 1.0, 2.0, source="suggested")
    return project_path


def tagging(window: MainWindow) -> TaggingUi:
    ui = window.tagging
    assert isinstance(ui, TaggingUi)
    return ui
