"""The transport bar follows the player and drives it: play, skip, speed, volume, position."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.player import Player
from desk.ui.transport_bar import TransportBar
from tests.ui.ui_helpers import VLC_TEST_ARGS


@pytest.fixture
def bar(qtbot: QtBot, tone_media: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TransportBar]:
    monkeypatch.setenv("DESK_VLC_ARGS", VLC_TEST_ARGS)
    player = Player()
    widget = TransportBar(player)
    qtbot.addWidget(widget)
    player.load(str(tone_media), 30.0)
    yield widget
    player.release()


def test_controls_drive_the_player_and_show_its_state(qtbot: QtBot, bar: TransportBar) -> None:
    player = bar.player
    assert bar.isEnabled() and bar.time_label.text().endswith("/ 00:00:30.000")
    skips: list[int] = []
    bar.skip_requested.connect(skips.append)
    bar.back_button.click()
    bar.forward_button.click()
    assert skips == [-1, 1]  # the window knows the skip length
    bar.speed.setValue(1.5)
    assert player.rate() == pytest.approx(1.5)
    bar.volume.setValue(40)
    bar.mute_button.setChecked(True)
    assert player.is_muted()
    bar.play_button.click()
    qtbot.waitUntil(player.is_playing, timeout=5000)
    qtbot.waitUntil(lambda: bar.slider.value() > 0, timeout=5000)
    bar.play_button.click()
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=5000)
    player.seek(12.0)
    qtbot.waitUntil(lambda: bar.time_label.text().startswith("00:00:12"), timeout=5000)


def test_a_click_on_the_seek_bar_lands_within_one_percent(qtbot: QtBot,
                                                          bar: TransportBar) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    bar.resize(1000, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    slider = bar.slider
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    groove = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                           QStyle.SubControl.SC_SliderGroove, slider)
    for fraction in (0.9, 0.1, 0.5, 0.73):
        x = round(groove.left() + fraction * groove.width())
        qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
        # The handle jumps under the pointer (not a page step towards it) ...
        slider.initStyleOption(option)
        handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                               QStyle.SubControl.SC_SliderHandle, slider)
        assert abs(handle.center().x() - x) <= 0.01 * groove.width()
        # ... and the player goes to the time under it, within 1 % of the recording.
        travel = groove.width() - handle.width()
        clicked = (x - groove.left() - handle.width() / 2) / travel * 30.0
        assert bar.player.position() == pytest.approx(clicked, abs=0.01 * 30.0)
        assert bar.player.position() == pytest.approx(fraction * 30.0, abs=0.02 * 30.0)
    # Dragging on from the click point goes on seeking.
    assert bar.player.position() == pytest.approx(slider.value() / 1000, abs=0.002)


def test_the_clock_shows_milliseconds_and_takes_a_typed_time(qtbot: QtBot,
                                                             bar: TransportBar) -> None:
    from PySide6.QtCore import Qt

    bar.show()
    qtbot.waitExposed(bar)
    bar.player.seek(61.25 if bar.player.duration() > 62 else 12.25)
    assert bar.time_label.text() == "00:00:12.250 / 00:00:30.000"
    qtbot.mouseClick(bar.time_label, Qt.MouseButton.LeftButton)
    assert bar.time_entry.isVisible() and not bar.time_label.isVisible()
    assert bar.time_entry.text() == "00:00:12.250"
    qtbot.keyClicks(bar.time_entry, "0:07.5")
    qtbot.keyClick(bar.time_entry, Qt.Key.Key_Return)
    assert bar.player.position() == pytest.approx(7.5)
    assert bar.time_label.isVisible() and not bar.time_entry.isVisible()
    bar.ask_time()  # Ctrl+G
    qtbot.keyClicks(bar.time_entry, "soon")
    qtbot.keyClick(bar.time_entry, Qt.Key.Key_Return)
    assert bar.time_entry.isVisible() and "not a time" in bar.time_entry.toolTip()
    assert bar.player.position() == pytest.approx(7.5)  # bad input: nowhere
    qtbot.keyClick(bar.time_entry, Qt.Key.Key_Escape)
    assert bar.time_label.isVisible() and not bar.time_entry.isVisible()
