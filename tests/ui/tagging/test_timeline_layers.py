"""The timeline's arithmetic: view window, visible annotations, waveform envelope, merging."""

from __future__ import annotations

import random

import numpy as np
import pytest

from desk.core.records import Annotation, Tag
from desk.ui.tagging.timeline_layers import (
    Lane,
    PeakPyramid,
    build_lanes,
    coverage,
    envelope,
    runs,
)


def test_lane_finds_exactly_the_overlapping_annotations() -> None:
    rng = random.Random(7)
    annotations = []
    for i in range(2000):
        start = rng.uniform(0, 7000)
        annotations.append(Annotation("t", start, start + rng.choice([0.5, 30, 900]), id=i))
    lane = Lane(Tag("t", id=1), annotations)
    for a, b in [(0, 10), (3000, 3010), (6999, 7200), (100, 100.5)]:
        expected = sorted(x.id for x in annotations if x.start < b and x.end > a)
        assert sorted(x.id for x in lane.visible(a, b)) == expected


def test_lanes_keep_archived_tags_only_while_used() -> None:
    tags = [Tag("a", id=1), Tag("b", id=2, archived=True), Tag("c", id=3, archived=True)]
    lanes = build_lanes(tags, [Annotation("b", 1, 2, tag_id=2, id=1)])
    assert [lane.tag.name for lane in lanes] == ["a", "b"]


def test_envelope_reduces_to_pixels() -> None:
    peaks = np.zeros((1000, 2), dtype=np.float32)  # 10 s at 100 buckets per second
    peaks[:, 0], peaks[:, 1] = -0.1, 0.1
    peaks[250] = (-0.9, 0.8)
    lows, highs = envelope(peaks, 100.0, start=0.0, seconds_per_pixel=0.1, width=120)
    assert highs[25] == pytest.approx(0.8) and lows[25] == pytest.approx(-0.9)
    assert highs[24] == pytest.approx(0.1) and highs[26] == pytest.approx(0.1)
    assert np.isnan(highs[100:]).all() and not np.isnan(highs[:100]).any()
    # Zoomed in past the buckets: each pixel shows its bucket.
    lows, highs = envelope(peaks, 100.0, start=2.49, seconds_per_pixel=0.001, width=30)
    assert highs[0] == pytest.approx(0.1) and highs[15] == pytest.approx(0.8)


def test_coverage_marks_every_touched_column() -> None:
    starts = np.array([0.0, 1.2, 50.0, 99.5, -5.0])
    ends = np.array([1.0, 1.3, 51.0, 120.0, -1.0])  # the last is left of the view
    covered = coverage(starts, ends, 0.0, 1.0, 100)
    assert np.flatnonzero(covered).tolist() == [0, 1, 50, 99]
    assert runs(covered) == [(0, 2), (50, 51), (99, 100)]
    # Two hours of 1,000 codes at full zoom-out: one vectorised pass, no loop per code.
    many_starts = np.arange(1000) * 7.0
    merged = coverage(many_starts, many_starts + 5.0, 0.0, 7.2, 1000)
    assert runs(merged) == [(0, 972)]  # 2 s gaps are under a pixel: one solid band


def test_lane_columns_keep_suggestions_apart() -> None:
    lane = Lane(Tag("t", id=1), [Annotation("t", 0.0, 2.0, id=1),
                                 Annotation("t", 5.0, 6.0, id=2, source="suggested")])
    coded, suggested = lane.columns(0.0, 1.0, 10)
    assert np.flatnonzero(coded).tolist() == [0, 1]
    assert np.flatnonzero(suggested).tolist() == [5]


def test_peak_pyramid_keeps_extremes() -> None:
    peaks = np.zeros((7200 * 100, 2), dtype=np.float32)
    peaks[123_457] = (-0.7, 0.9)
    pyramid = PeakPyramid(100.0, peaks)
    rate, level = pyramid.level_for(7200 / 1000)  # two hours on 1000 px
    assert 2 <= rate * 7.2 < 8 and len(level) < 3000
    assert level[:, 1].max() == pytest.approx(0.9) and level[:, 0].min() == pytest.approx(-0.7)
    assert pyramid.level_for(0.001)[0] == 100.0  # zoomed to words: full resolution
    _lows, highs = envelope(level, rate, 0.0, 7.2, 1000)
    assert highs[int(1234.57 / 7.2)] == pytest.approx(0.9)


def test_several_annotators_get_lanes_side_by_side_per_tag() -> None:
    tags = [Tag("a", id=1), Tag("b", id=2), Tag("c", id=3)]
    coded = [Annotation("a", 1, 2, tag_id=1, id=1, annotator="ben"),
             Annotation("a", 1, 2, tag_id=1, id=2, annotator="consensus"),
             Annotation("a", 1, 3, tag_id=1, id=3, annotator="anna"),
             Annotation("b", 5, 6, tag_id=2, id=4, annotator="ben")]
    lanes = build_lanes(tags, coded)
    assert [(lane.tag.name, lane.annotator) for lane in lanes] == [
        ("a", "anna"), ("a", "ben"), ("a", "consensus"), ("b", "ben"), ("c", None)]
    assert [a.id for a in lanes[1].annotations] == [1]
    # One annotator: one lane per tag, as before.
    assert [lane.annotator for lane in build_lanes(tags, coded[:1])] == [None, None, None]
