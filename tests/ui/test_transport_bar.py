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
    assert bar.isEnabled() and bar.time_label.text().endswith("/ 00:00:30")
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
