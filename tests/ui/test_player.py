"""Real libvlc (dummy audio/video output) on a real recording: the playback contract."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk.core.pipeline.media import probe
from desk.ui.player import Player
from tests.ui.ui_helpers import VLC_TEST_ARGS


@pytest.fixture
def player(qtbot: QtBot, tone_media: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Player]:
    monkeypatch.setenv("DESK_VLC_ARGS", VLC_TEST_ARGS)
    player = Player()
    assert player.available, player.unavailable_reason
    player.load(tone_media, probe(tone_media).duration)
    yield player
    player.release()


def reported_time(player: Player) -> float:
    """libvlc's own clock (not the interpolation), in seconds."""
    return player._mp.get_time() / 1000


def next_report(qtbot: QtBot, player: Player) -> tuple[float, float]:
    """(wall clock, media time) at the moment libvlc publishes a new time."""
    before = player._mp.get_time()
    qtbot.waitUntil(lambda: player._mp.get_time() != before, timeout=3000)
    return time.monotonic(), reported_time(player)


def test_play_advances_and_pause_holds(qtbot: QtBot, player: Player) -> None:
    with qtbot.waitSignal(player.playing_changed, timeout=1000):
        player.play()
    qtbot.waitUntil(lambda: player.position() > 1.0, timeout=5000)
    assert player.is_playing()
    player.pause()
    held = player.position()
    qtbot.wait(600)
    assert not player.is_playing()
    assert player.position() == pytest.approx(held, abs=0.01)
    assert reported_time(player) == pytest.approx(held, abs=0.6)


def test_position_moves_smoothly_between_libvlc_reports(qtbot: QtBot, player: Player) -> None:
    seen: list[float] = []
    player.position_changed.connect(seen.append)
    player.play()
    qtbot.wait(1500)
    player.pause()
    steps = [b - a for a, b in itertools.pairwise(seen)]
    assert len(seen) > 25  # ~30 Hz, although libvlc reports only every ~0.5 s
    assert all(step >= 0 for step in steps), "the playhead never steps backwards"
    assert max(steps) < 0.2


def test_seek_lands_within_300_ms(qtbot: QtBot, player: Player) -> None:
    player.play()
    qtbot.waitUntil(lambda: player.position() > 0.3, timeout=5000)
    for target in (20.0, 7.5):
        player.seek(target)
        assert player.position() == pytest.approx(target, abs=0.05)
        # libvlc may report 0 for a moment while it seeks (seen under load); wait for it
        # to land, then the interpolated playhead must agree with libvlc's clock.
        qtbot.waitUntil(lambda t=target: abs(reported_time(player) - t) < 0.8, timeout=5000)
        qtbot.wait(100)
        assert abs(player.position() - reported_time(player)) < 0.3


def test_seek_before_playing_is_applied_when_playback_starts(qtbot: QtBot, player: Player) -> None:
    player.seek(12.0)
    assert player.position() == 12.0
    player.play()
    _wall, media_time = next_report(qtbot, player)
    assert media_time >= 11.9


def test_rate_one_and_a_half_is_measured(qtbot: QtBot, player: Player) -> None:
    player.play()
    player.set_rate(1.5)
    assert player.rate() == 1.5
    next_report(qtbot, player)  # let the new rate settle
    wall0, media0 = next_report(qtbot, player)
    qtbot.wait(2000)
    wall1, media1 = next_report(qtbot, player)
    assert (media1 - media0) / (wall1 - wall0) == pytest.approx(1.5, abs=0.15)
    assert player.position() == pytest.approx(reported_time(player), abs=0.3)


def test_end_is_handled_and_play_restarts(qtbot: QtBot, player: Player) -> None:
    player.play()
    qtbot.waitUntil(lambda: player.position() > 0.2, timeout=5000)
    with qtbot.waitSignal(player.media_ended, timeout=6000):
        player.seek(player.duration() - 1.0)
    assert not player.is_playing()
    assert player.position() == pytest.approx(player.duration(), abs=0.01)
    player.play()
    qtbot.waitUntil(lambda: player.is_playing() and 0.2 < player.position() < 5, timeout=5000)


def test_rate_and_volume_limits(qtbot: QtBot, player: Player) -> None:
    player.set_rate(3.0)
    assert player.rate() == 2.0
    player.set_rate(0.1)
    assert player.rate() == 0.5
    player.set_volume(140)
    assert player.volume() == 100
    player.set_volume(40)
    player.set_muted(True)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 0.3, timeout=5000)
    assert player.volume() == 40 and player.is_muted()


def test_an_unplayable_file_is_reported_not_ended(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_VLC_ARGS", VLC_TEST_ARGS)
    garbage = tmp_path / "corrupt.mp4"
    garbage.write_bytes(bytes(range(256)) * 800)
    player = Player()
    try:
        player.load(garbage, 30.0)
        ended: list[bool] = []
        player.media_ended.connect(lambda: ended.append(True))
        with qtbot.waitSignal(player.error, timeout=6000) as error:
            player.play()
        assert "cannot be played" in error.args[0]
        assert not player.is_playing() and player.position() == 0.0 and ended == []
    finally:
        player.release()


def test_frame_steps_pause_and_move_by_whole_frames(qtbot: QtBot, player: Player) -> None:
    player.seek(5.0)
    frame = player.frame_seconds()
    assert 0 < frame <= 0.05
    player.step_frames(1)
    assert player.position() == pytest.approx(5.0 + frame, abs=1e-6)
    player.step_frames(-3)
    assert player.position() == pytest.approx(5.0 - 2 * frame, abs=1e-6)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 5.3, timeout=5000)
    player.step_frames(1)
    assert not player.is_playing()


def test_a_range_plays_to_its_end_and_a_loop_starts_over(qtbot: QtBot, player: Player) -> None:
    player.play_range(2.0, 2.6)
    assert player.is_playing() and player.playing_range() == (2.0, 2.6, False)
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=5000)
    assert player.position() == pytest.approx(2.6)
    assert player.playing_range() is None
    seen: list[float] = []
    player.position_changed.connect(seen.append)
    player.play_range(4.0, 4.5, loop=True)
    qtbot.waitUntil(lambda: any(b < a for a, b in itertools.pairwise(seen)
                                if a >= 4.4), timeout=5000)
    assert player.is_playing() and all(3.99 <= t <= 4.6 for t in seen)
    player.pause()
    assert player.playing_range() is None and not player.is_playing()
