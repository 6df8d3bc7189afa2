"""The timeline panel: zoom buttons and the scroll bar move the view; the waveform is cached."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from desk.core.services.waveform import BUCKETS_PER_SECOND
from desk.ui.main_window import MainWindow
from tests.ui.tagging.conftest import tagging


def _button(panel: object, text: str) -> QToolButton:
    return next(b for b in panel.findChildren(QToolButton) if b.text() == text)  # type: ignore[attr-defined]


def test_buttons_and_scroll_bar_move_the_view(qtbot: QtBot, opened: MainWindow) -> None:
    panel = tagging(opened).timeline
    window = panel.canvas.window_
    assert window.visible_seconds == pytest.approx(30.0)  # the whole recording at first
    assert panel.scrollbar.maximum() == 0
    _button(panel, "+").click()
    _button(panel, "+").click()
    assert window.visible_seconds == pytest.approx(7.5)
    assert panel.scrollbar.maximum() == 22_500 and panel.scrollbar.pageStep() == 7500
    panel.scrollbar.setValue(10_000)
    assert window.start == pytest.approx(10.0)
    _button(panel, "−").click()
    assert window.visible_seconds == pytest.approx(15.0)
    _button(panel, "All").click()
    assert window.visible_seconds == pytest.approx(30.0) and window.start == 0.0


def test_the_waveform_is_read_from_the_project_cache(opened: MainWindow) -> None:
    panel = tagging(opened).timeline
    project = opened.project
    assert project is not None
    media = project.media.get()
    assert media is not None
    cached = project.media.waveform(media.fingerprint)  # computed when the project opened
    assert cached is not None and cached[0] == BUCKETS_PER_SECOND
    assert panel.canvas.pyramid is not None and panel.canvas.waveform_note == ""
    panel.load_waveform()  # again: from the cache, no task
    assert panel.waveform_task is None or not panel.waveform_task.pending()
