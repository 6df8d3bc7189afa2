"""The Agreement pane: figures per tag off the GUI thread, walking disagreements, the report."""

from __future__ import annotations

import logging
import time
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from desk.ui.analysts.agreement_panel import AgreementPanel
from desk.ui.main_window import MainWindow
from tests.ui.analysts.conftest import CROWDED_TAGS


def shown_panel(qtbot: QtBot, window: MainWindow) -> AgreementPanel:
    """The pane, raised, with its first figures computed (few replicates: a quick test)."""
    panel = window.analysts.panel
    panel.replicates = 50
    with qtbot.waitSignal(panel.computed, timeout=30_000):
        window.docks["agreementDock"].show()
        window.docks["agreementDock"].raise_()
    return panel


def test_figures_per_tag_with_readings(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    assert panel.comparison is not None
    figures = panel.figures
    tags = [figures.index(r, 0).data() for r in range(figures.rowCount())]
    assert tags[-1] == "(all tags)" and "delay" in tags and "crowd noise" in tags
    headers = [figures.headerData(c, Qt.Orientation.Horizontal)
               for c in range(figures.columnCount())]
    assert "Cohen's κ" in headers and "α" in headers and "α_u" in headers and "γ" in headers
    overall = figures.index(len(tags) - 1, headers.index("α"))
    assert "[" in overall.data()  # the value and its 95 % interval
    reading = overall.data(Qt.ItemDataRole.ToolTipRole)
    assert reading.split(" — ")[0] in ("reliable", "tentative", "unreliable")
    assert "α ≥ 0.800 reliable" in reading
    assert overall.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert figures.index(tags.index("delay"), 1).data() == "1 / 1"  # units of anna / ben
    assert "0.1 s slices" in panel.status.text() and "α ≥ 0.800" in panel.status.text()
    assert "0.1 s time slices" in panel.status.toolTip()
    assert panel.compared() == ["anna", "ben"]
    assert panel.export_button.isEnabled()


def test_disagreements_largest_first_one_click_plays(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    model = panel.disagreements
    sizes = [d.size for d in model.found]
    assert len(sizes) == 2 and sizes == sorted(sizes, reverse=True)
    assert "Disagreements: " in panel.list_label.text()
    view = panel.disagreements_view
    first = model.found[0]
    view.setCurrentIndex(model.index(0, 0))
    view.clicked.emit(model.index(0, 0))
    controller = both.tagging.controller
    assert controller.selected == sorted(a.id for a in first.sources if a.id)
    qtbot.waitUntil(lambda: abs(both.player.position() - first.start) < 1.0, timeout=5000)
    assert both.player.is_playing()
    both.player.pause()
    assert panel.bar.take_buttons["anna"].isEnabled()


def test_an_edit_of_the_compared_coding_recomputes(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    before = len(panel.disagreements.found)
    controller = both.tagging.controller
    with qtbot.waitSignal(panel.computed, timeout=30_000):
        controller.annotator = lambda: "anna"  # type: ignore[method-assign]
        controller.code_range("delay", 26.0, 28.0)
    assert len(panel.disagreements.found) == before + 1


def test_unchecking_a_coder_leaves_too_few(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    with qtbot.waitSignal(panel.computed, timeout=30_000):
        panel._boxes["ben"].setChecked(False)
    assert panel.comparison is None
    assert panel.status.text() == "Tick at least two annotators to compare."
    assert not panel.export_button.isEnabled()


def test_a_lone_coder_is_shown_the_way_to_a_colleague(qtbot: QtBot, mine: MainWindow) -> None:
    panel = mine.analysts.panel
    with qtbot.waitSignal(panel.computed, timeout=30_000):
        mine.docks["agreementDock"].show()
        mine.docks["agreementDock"].raise_()
    assert panel.comparison is None and panel.status.text() == (
        "Agreement needs at least two annotators (this project has anna). Bring in a "
        "colleague's coding with File → Merge coding from…")


def test_blind_coding_keeps_the_figures_away(qtbot: QtBot, both: MainWindow) -> None:
    panel = shown_panel(qtbot, both)
    both.analysts.blind.action.trigger()
    with qtbot.waitSignal(panel.computed, timeout=30_000):
        panel.compute()
    assert panel.comparison is None and "blind coding is on" in panel.status.text()


@pytest.mark.parametrize("kind", ["html", "csv"])
def test_export_writes_the_core_report(qtbot: QtBot, both: MainWindow, tmp_path: Path,
                                       kind: str) -> None:
    panel = shown_panel(qtbot, both)
    written = panel.export(tmp_path / f"report.{kind}", kind)
    assert written and all(p.exists() for p in written)
    text = written[0].read_text(encoding="utf-8-sig")
    assert "delay" in text
    if kind == "html":
        assert "Disagreements (" in text and "α_u" in text
    else:
        assert written[1].name == "report.disagreements.csv"
    assert str(written[0]) in both.statusBar().currentMessage()


def test_no_project_says_what_it_needs(window: MainWindow) -> None:
    assert "two or more annotators" in window.analysts.panel.status.text()


def test_computing_leaves_the_gui_responsive_and_cancel_stops_it(
        qtbot: QtBot, window: MainWindow, crowded: Path) -> None:
    assert window.window_actions.files.open_project(crowded) is not None
    panel = window.analysts.panel
    steps: list[tuple[int, float]] = []  # (tags done, when the GUI heard of it)
    panel.step.connect(lambda _run, done, _total: steps.append((done, time.perf_counter())))
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        window.docks["agreementDock"].show()
        window.docks["agreementDock"].raise_()
        qtbot.waitUntil(lambda: len(steps) >= 4, timeout=60_000)  # 3 of 30 tags measured
        # A real bar (tags measured of all steps: tags, the pooled row, the disagreements).
        assert panel.busy.isVisible() and panel.cancel_button.isVisible()
        assert panel.busy.maximum() == CROWDED_TAGS + 2
        assert 3 <= panel.busy.value() < panel.busy.maximum()
        with qtbot.waitSignal(panel.stopped, timeout=1000):
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
        clicked = time.perf_counter()
        task = panel.task
        assert task is not None
        qtbot.waitUntil(lambda: not task.pending(), timeout=10_000)
        ended = time.perf_counter()
    finally:
        timer.stop()
    # The event loop kept running the timer while the core computed on its thread.
    computing = [t for t in ticks if steps[0][1] <= t <= steps[3][1]]
    assert len(computing) >= 5
    assert max(b - a for a, b in pairwise(computing)) < 0.5
    # Cancel stopped the run soon, well before its last tag, and the pane is idle.
    assert ended - clicked < 5.0
    assert max(done for done, _ in steps) < CROWDED_TAGS
    assert not panel.busy.isVisible() and not panel.cancel_button.isVisible()
    assert "Cancelled" in panel.status.text()
    assert panel.comparison is None and panel.figures.rowCount() == 0
    assert not panel.export_button.isEnabled() and panel.compute_button.isEnabled()
    # Compute again: the figures arrive.
    with qtbot.waitSignal(panel.computed, timeout=120_000):
        qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    assert panel.comparison is not None
    assert panel.figures.rowCount() == CROWDED_TAGS + 1
    assert not panel.cancel_button.isVisible() and "Cancelled" not in panel.status.text()


def test_a_pane_closed_mid_run_stops_its_computation(
        qtbot: QtBot, window: MainWindow, crowded: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """It is cancelled, not left to fail on signalling a pane that no longer exists."""
    assert window.window_actions.files.open_project(crowded) is not None
    panel = AgreementPanel(window.analysts.panel.controller)  # a second pane, not docked
    steps: list[int] = []
    panel.step.connect(lambda _run, done, _total: steps.append(done))
    gone: list[bool] = []
    panel.destroyed.connect(lambda: gone.append(True))
    caplog.set_level(logging.DEBUG, logger="desk.ui.workers")
    panel.compute()
    task = panel.task
    assert task is not None
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=60_000)
    panel.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=2000)
    closed = time.perf_counter()
    assert task.wait(10_000)
    assert time.perf_counter() - closed < 5.0
    assert max(steps) < CROWDED_TAGS  # it stopped well before its last tag
    assert "JobCancelled" in caplog.text and "RuntimeError" not in caplog.text
