"""The timeline in the real window: drag to code, drag edges to retime, click to seek, zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.tagging.timeline import LANE_H, TimelineCanvas
from tests.ui.tagging.conftest import tagging


def _lane_y(canvas: TimelineCanvas, tag: str) -> int:
    index = next(i for i, lane in enumerate(canvas.lanes) if lane.tag.name == tag)
    return canvas.lane_top(index) + LANE_H // 2


def _drag(qtbot: QtBot, canvas: TimelineCanvas, x0: float, x1: float, y: int) -> None:
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x0), y))
    for x in (x0 + (x1 - x0) / 3, x0 + 2 * (x1 - x0) / 3, x1):
        qtbot.mouseMove(canvas, QPoint(int(x), y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x1), y))


def _pick(canvas: TimelineCanvas, tag: str) -> None:
    menu = canvas.tag_menu
    assert menu is not None and menu.isVisible()
    action = next(a for a in menu.actions() if a.text().endswith(tag))
    action.trigger()
    menu.close()


def test_drag_creates_then_edges_retime(qtbot: QtBot, opened: MainWindow,
                                        project_path: Path) -> None:
    canvas = tagging(opened).timeline.canvas
    project = opened.project
    assert project is not None
    assert canvas.window_.is_fully_zoomed_out() and canvas.peaks is not None
    pixel = canvas.window_.seconds_per_pixel
    y = _lane_y(canvas, "praise exchange")
    x0, x1 = canvas.x_of(5.0), canvas.x_of(12.0)
    _drag(qtbot, canvas, x0, x1, y)
    menu = canvas.tag_menu
    assert menu is not None
    assert menu.activeAction().text().endswith("praise exchange")  # the lane's tag first
    _pick(canvas, "migration remarks")
    [made] = project.annotations.list()
    assert made.tag == "migration remarks"
    assert made.start == pytest.approx(canvas.time_at(int(x0)), abs=pixel)
    assert made.end == pytest.approx(canvas.time_at(int(x1)), abs=pixel)
    assert made.annotator == "tester"

    qtbot.waitUntil(lambda: any(lane.annotations for lane in canvas.lanes), timeout=2000)
    y = _lane_y(canvas, "migration remarks")
    end_x = canvas.x_of(made.end)
    _drag(qtbot, canvas, end_x, end_x + 60, y)
    retimed = project.annotations.get(made.id)
    assert retimed.start == made.start
    assert retimed.end == pytest.approx(canvas.time_at(int(end_x) + 60), abs=2 * pixel)

    start_x = canvas.x_of(made.start)
    _drag(qtbot, canvas, start_x, start_x - 40, y)
    moved = project.annotations.get(made.id)
    assert moved.start == pytest.approx(canvas.time_at(int(start_x) - 40), abs=2 * pixel)

    # Three steps, each undoable and redoable.
    stack = opened.undo_stack
    stack.undo()
    assert project.annotations.get(made.id).start == retimed.start
    stack.undo()
    assert project.annotations.get(made.id).end == made.end
    stack.undo()
    assert project.annotations.count() == 0
    for _ in range(3):
        stack.redo()
    final = project.annotations.get(made.id)
    assert (final.start, final.end) == (moved.start, moved.end)
    opened.close_project()
    with Project.open(project_path, writable=False) as again:
        kept = again.annotations.get(made.id)
        assert (kept.tag, kept.start, kept.end) == ("migration remarks", moved.start, moved.end)


def test_dismissed_menu_codes_nothing(qtbot: QtBot, opened: MainWindow) -> None:
    canvas = tagging(opened).timeline.canvas
    _drag(qtbot, canvas, canvas.x_of(2.0), canvas.x_of(4.0), _lane_y(canvas, "delay"))
    assert canvas.tag_menu is not None
    canvas.tag_menu.close()
    assert opened.project.annotations.count() == 0


def test_click_seeks_and_selects(qtbot: QtBot, opened: MainWindow) -> None:
    ui = tagging(opened)
    canvas = ui.timeline.canvas
    made = ui.controller.code_range("delay", 10.0, 14.0)
    assert made is not None
    qtbot.waitUntil(lambda: bool(canvas.lanes[0].annotations), timeout=2000)
    x = canvas.x_of(12.0)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(x), _lane_y(canvas, "delay")))
    assert opened.player.position() == pytest.approx(canvas.time_at(int(x)), abs=0.05)
    assert ui.controller.selected == [made.id]
    assert ui.annotations_panel.selected_ids() == [made.id]


def test_ctrl_wheel_zooms_around_the_mouse(opened: MainWindow) -> None:
    canvas = tagging(opened).timeline.canvas
    window = canvas.window_
    whole = window.seconds_per_pixel
    x = canvas.x_of(20.0)

    def wheel(steps: int, modifiers: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(QPointF(x, 30), QPointF(canvas.mapToGlobal(QPoint(int(x), 30))),
                            QPoint(0, 0), QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                            modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(canvas, event)

    under = canvas.time_at(x)
    wheel(8, Qt.KeyboardModifier.ControlModifier)
    assert window.seconds_per_pixel == pytest.approx(whole / 1.25 ** 8, rel=1e-6)
    assert canvas.time_at(x) == pytest.approx(under, abs=window.seconds_per_pixel)
    scrollbar = tagging(opened).timeline.scrollbar
    assert scrollbar.maximum() > 0 and scrollbar.value() == int(window.start * 1000)
    before = window.start
    wheel(-1, Qt.KeyboardModifier.NoModifier)  # plain wheel scrolls
    assert window.start > before
    wheel(-60, Qt.KeyboardModifier.ControlModifier)  # never beyond the whole recording
    assert window.is_fully_zoomed_out() and window.start == 0.0


def test_snap_to_words_when_switched_on(qtbot: QtBot, opened: MainWindow) -> None:
    """Segment 2 is "Sorry for the late start" over 5.0–8.5 s, 0.7 s per word."""
    ui = tagging(opened)
    canvas = ui.timeline.canvas
    ui.snap_action.trigger()
    assert ui.controller.snap_to_words and opened.settings.snap_to_words
    _drag(qtbot, canvas, canvas.x_of(5.3), canvas.x_of(7.9), _lane_y(canvas, "delay"))
    _pick(canvas, "delay")
    [made] = opened.project.annotations.list()
    assert (made.start, made.end) == (5.0, 8.5)  # "Sorry" starts, "start" ends
    ui.snap_action.trigger()
    assert not ui.controller.snap_to_words
