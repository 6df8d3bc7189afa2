"""The speaker lane: who speaks when, prepared once, painted in each speaker's colour."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from desk.core.records import Segment, Speaker
from desk.ui.main_window import MainWindow
from desk.ui.tagging.speaker_lane import build_tracks, speaker_at
from desk.ui.tagging.timeline_background import GUTTER, LANE_H, RULER_H, WAVE_H
from tests.ui.tagging.conftest import tagging

SPEAKERS = [Speaker("A", "#0072B2", 1, 1), Speaker("B", "#E69F00", 2, 2),
            Speaker("nobody", "#009E73", 3, 3)]


def test_tracks_in_number_order_with_only_who_speaks() -> None:
    segments = [Segment(5.0, 9.0, "b", speaker="B"), Segment(0.0, 4.0, "a", speaker="A"),
                Segment(1.0, 20.0, "a long one", speaker="A"), Segment(21.0, 22.0, "?")]
    tracks = build_tracks(SPEAKERS, segments)
    assert [t.name for t in tracks] == ["A", "B"]  # "nobody" has no segment: no track
    a = tracks[0]
    assert a.starts.tolist() == [0.0, 1.0] and a.reach.tolist() == [4.0, 20.0]
    assert speaker_at(tracks, 6.0) == ["A", "B"]  # overlapping voices: both
    assert speaker_at(tracks, 20.5) == [] and speaker_at(tracks, 0.0) == ["A"]
    # 1 s per pixel from 8 s, 10 px: A talks in all of them (its long segment), B until 9 s.
    assert a.columns(8.0, 1.0, 10).all()
    assert tracks[1].columns(8.0, 1.0, 10).tolist() == [True] + [False] * 9


def test_many_segments_cost_only_the_visible_ones() -> None:
    segments = [Segment(float(i), i + 0.5, "x", speaker="A") for i in range(100_000)]
    track = build_tracks(SPEAKERS, segments)[0]
    columns = track.columns(50_000.0, 0.25, 8)  # two seconds: two segments
    assert columns.tolist() == [True, True, False, False, True, True, False, False]
    assert isinstance(track.starts, np.ndarray)


def _pixel(image: QImage, x: float, y: float) -> QColor:
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(x * ratio), int(y * ratio))


def test_the_lane_is_painted_under_the_waveform_and_says_who(opened: MainWindow) -> None:
    canvas = tagging(opened).timeline.canvas
    assert [t.name for t in canvas.speaker_tracks] == ["HOST", "GUEST"]
    host, guest = (QColor(t.colour) for t in canvas.speaker_tracks)
    assert canvas.lane_top(0) == RULER_H + WAVE_H + LANE_H  # tag lanes moved down one lane
    image = canvas.grab().toImage()
    y = RULER_H + WAVE_H + LANE_H - 3  # low in the lane: under any name written in a turn
    assert _pixel(image, canvas.x_of(2.0), y) == host  # HOST speaks 1–4.5 s
    assert _pixel(image, canvas.x_of(6.0), y) == guest  # GUEST 5–8.5 s
    assert _pixel(image, canvas.x_of(25.0), y) == opened.palette().base().color()  # nobody
    assert canvas.speakers_at(QPointF(canvas.x_of(10.0), RULER_H + WAVE_H + 4)) == "HOST"
    assert canvas.speakers_at(QPointF(canvas.x_of(10.0), canvas.lane_top(0) + 4)) == ""
    assert canvas.speakers_at(QPointF(GUTTER / 2, RULER_H + WAVE_H + 4)) == ""


def test_without_speakers_there_is_no_lane(opened: MainWindow) -> None:
    canvas = tagging(opened).timeline.canvas
    height = canvas.minimumHeight()
    canvas.set_speakers([])
    assert canvas.lane_top(0) == RULER_H + WAVE_H
    assert canvas.minimumHeight() == height - LANE_H
