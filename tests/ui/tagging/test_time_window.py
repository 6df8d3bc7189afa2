"""The timeline's visible window: zoom around an anchor, never outside the recording."""

from __future__ import annotations

import pytest

from desk.ui.tagging.time_window import MIN_SECONDS_PER_PIXEL, TimeWindow


def test_window_zooms_around_the_anchor_and_stays_inside() -> None:
    window = TimeWindow(duration=7200.0, width=1000)
    window.fit()
    assert (window.start, window.end) == (0.0, 7200.0)
    window.zoom(100.0, anchor_x=250)
    assert window.time_at(250) == pytest.approx(1800.0)
    assert window.seconds_per_pixel == pytest.approx(0.072)
    window.zoom(1e9)
    assert window.seconds_per_pixel == MIN_SECONDS_PER_PIXEL  # a word is ~300 px wide
    window.scroll_to(1e9)
    assert window.end == pytest.approx(7200.0)
    window.zoom(1e-9)
    assert window.is_fully_zoomed_out() and window.start == 0.0
    window.show_range(100.0, 110.0)
    assert window.start < 100.0 < 110.0 < window.end
    assert not window.follow(105.0)
    assert window.follow(500.0) and window.start <= 500.0 <= window.end
    window.resize(500)
    assert window.width == 500 and window.end <= 7200.0


def test_a_remembered_view_is_kept_inside_the_recording() -> None:
    window = TimeWindow(duration=100.0, width=1000)
    window.set_view(40.0, 0.01)
    assert (window.start, window.seconds_per_pixel) == (40.0, 0.01)
    window.set_view(95.0, 0.01)  # would run past the end
    assert window.end == pytest.approx(100.0)
    window.set_view(0.0, 5.0)  # more than the whole recording
    assert window.is_fully_zoomed_out()
