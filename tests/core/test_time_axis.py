"""Tick placement for the timeline and the statistics picture."""

from __future__ import annotations

from desk.core.time_axis import tick_label, tick_step, ticks


def test_steps_follow_the_zoom() -> None:
    assert tick_step(7200 / 1000) == 600  # two hours on 1000 px: every 10 min
    assert tick_step(0.001) == 0.1  # words: every 100 ms
    assert tick_step(1e6) == 21600


def test_ticks_are_multiples_inside_the_window() -> None:
    assert ticks(12.0, 61.0, 15) == [15, 30, 45, 60]
    assert ticks(0.0, 0.3, 0.1) == [0.0, 0.1, 0.2, 0.3]
    assert ticks(5.0, 1.0, 1) == []


def test_labels_are_short() -> None:
    assert tick_label(750, 30) == "12:30"
    assert tick_label(3720, 600) == "01:02:00"
    assert tick_label(750.5, 0.5) == "12:30.5"
    assert tick_label(1.25, 0.05) == "00:01.25"
