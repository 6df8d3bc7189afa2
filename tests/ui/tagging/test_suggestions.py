"""Suggest delays in the app on the sample recording: scan, hatched suggestion, accept, reject."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desk.core.coding import stats
from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.ui.main_window import MainWindow
from desk.ui.tagging.timeline import LANE_H
from desk.ui.workers import wait_for_tasks
from tests.ui.tagging.conftest import tagging

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def sample_project(tmp_path: Path, sample_media: Path) -> Path:
    path = tmp_path / "sample.desk"
    Project.create(path, media=probe(sample_media),
                   codebook=load_codebook("trump-musk-x-2024")).close()
    return path


def _delay_counts(project: Project) -> int:
    return {t.tag: t.count for t in stats.tag_stats(project)}["delay"]


def test_dead_air_suggested_accepted_rejected(qtbot: QtBot, window: MainWindow,
                                              sample_project: Path) -> None:
    truth = json.loads((REPO / "transcripts" / "sample.truth.json").read_text())["dead_air"][0]
    project = window.window_actions.files.open_project(sample_project)
    assert project is not None
    ui = tagging(window)
    assert wait_for_tasks(10_000)
    with qtbot.waitSignal(ui.suggestions.finished, timeout=20_000) as made:
        ui.suggestions.suggest_delays(5.0)  # no dead air stored yet: scanned in the background
    assert made.args == [1]
    [delay] = project.annotations.list(source="suggested")
    assert delay.tag == "delay"
    assert abs(delay.start - truth["start"]) <= 1.0 and abs(delay.end - truth["end"]) <= 1.0
    assert project.media.silences()  # the scan is kept for next time
    assert _delay_counts(project) == 0  # not coded until accepted

    # Drawn hatched: the lane shows both the tag colour and lighter pixels inside the range.
    canvas = ui.timeline.canvas
    qtbot.waitUntil(lambda: bool(canvas.lanes and canvas.lanes[0].annotations), timeout=2000)
    image = canvas.render_background().toImage()
    ratio = image.devicePixelRatio()
    top = canvas.lane_top(0)
    colours = {image.pixelColor(int(x * ratio), int(y * ratio)).name()
               for x in range(int(canvas.x_of(2.0)), int(canvas.x_of(16.0)), 3)
               for y in range(top + 3, top + LANE_H - 3)}
    assert QColor("#7f7f7f").name() in colours and len(colours) > 1
    assert ui.annotations_panel.model.index(0, 0).data(2) == "delay"

    ui.annotations_panel.select_ids([delay.id])
    ui.annotations_panel.accept_selected()
    assert project.annotations.get(delay.id).source == "manual"
    assert _delay_counts(project) == 1
    window.undo_stack.undo()
    assert project.annotations.get(delay.id).source == "suggested"

    ui.annotations_panel.select_ids([delay.id])
    ui.annotations_panel.reject_selected()
    assert project.annotations.count() == 0
    with qtbot.waitSignal(ui.suggestions.finished, timeout=5000) as again:
        ui.suggestions.suggest_delays(5.0)
    assert again.args == [0]  # rejected: not suggested again

    window.close_project()
    with Project.open(sample_project) as reopened:
        from desk.core.coding import suggest

        assert suggest.suggest_delays(reopened, 5.0) == []


def test_keyword_suggestions_and_reject_all(qtbot: QtBot, opened: MainWindow) -> None:
    ui = tagging(opened)
    with qtbot.waitSignal(ui.suggestions.finished, timeout=5000) as made:
        ui.suggestions.suggest_keywords_action.trigger()
    # "massive attack" is no keyword; "Kamala Harris is a disaster" is.
    assert made.args == [1]
    [harris] = opened.project.annotations.list(source="suggested")
    assert (harris.tag, harris.start, harris.end) == ("Harris attacks", 13.0, 16.5)
    ui.controller.flush()
    assert ui.suggestions.reject_all_action.isEnabled()
    ui.suggestions.reject_all_action.trigger()
    assert opened.project.annotations.count() == 0
    ui.controller.flush()
    assert not ui.suggestions.accept_all_action.isEnabled()


def test_asking_the_threshold_then_no_dead_air(qtbot: QtBot, opened: MainWindow) -> None:
    """The tone has no dead air: the scan finds none, nothing is suggested, no error."""
    ui = tagging(opened)
    dialog = ui.suggestions.ask_min_silence()
    assert dialog.doubleValue() == 5.0
    dialog.setDoubleValue(3.0)
    with qtbot.waitSignal(ui.suggestions.finished, timeout=20_000) as made:
        dialog.accept()
    assert made.args == [0]
    assert ui.suggestions.min_silence() == 3.0  # remembered for next time
    assert opened.project.annotations.count() == 0


def test_undecodable_recording_reports_the_message_and_reenables(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, tone_media: Path) -> None:
    """A scan that fails shows the MediaError's own message and the action is usable again."""
    recording = tmp_path / "broken.mp4"
    shutil.copy(tone_media, recording)
    path = tmp_path / "broken.desk"
    Project.create(path, media=probe(recording),
                   codebook=load_codebook("trump-musk-x-2024")).close()
    project = window.window_actions.files.open_project(path)
    assert project is not None
    ui = tagging(window)
    assert wait_for_tasks(10_000)
    recording.write_bytes(b"not a recording " * 64)  # damaged after opening
    messages: list[str] = []
    ui.controller.error.connect(messages.append)
    with qtbot.waitSignal(ui.suggestions.finished, timeout=20_000) as made:
        ui.suggestions.suggest_delays(5.0)
        assert not ui.suggestions.suggest_delays_action.isEnabled()  # scanning
    assert made.args == [0]
    assert len(messages) == 1 and "broken.mp4" in messages[0]
    assert not messages[0].startswith("unexpected error")
    assert ui.suggestions.suggest_delays_action.isEnabled()
