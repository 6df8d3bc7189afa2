"""Planning transcription windows: pure functions, checked by their properties."""

from __future__ import annotations

import itertools
import random

import pytest

from desk.core.errors import InputError
from desk.core.pipeline.audio_windows import Window, plan_windows, resume_point
from desk.core.records import Silence


def owned_spans(windows: list[Window]) -> list[tuple[float, float]]:
    return [(w.owned_from, w.owned_until) for w in windows]


def assert_well_formed(windows: list[Window], max_length: float, overlap: float = 1.0) -> None:
    """Owned ranges are in order, never overlap, and every window respects the maximum."""
    for window in windows:
        assert window.start <= window.owned_from < window.owned_until <= window.end
        assert window.owned_until - window.owned_from <= max_length + 1e-6
        assert window.duration <= max_length + 2 * overlap + 1e-6
    for before, after in itertools.pairwise(windows):
        assert before.owned_until <= after.owned_from


def covered(windows: list[Window], t: float) -> bool:
    return sum(w.owns(t) for w in windows) == 1


def test_short_file_is_one_window() -> None:
    assert plan_windows(95.0, []) == [Window(0.0, 95.0)]


def test_tiny_and_empty_files() -> None:
    assert plan_windows(0.4, []) == [Window(0.0, 0.4)]
    assert plan_windows(0.0, []) == []


def test_all_silence_costs_nothing() -> None:
    assert plan_windows(3600.0, [Silence(0.0, 3600.0)]) == []


def test_leading_dead_air_is_skipped_with_a_pad() -> None:
    windows = plan_windows(100.0, [Silence(0.0, 18.0), Silence(40.0, 40.8)])
    assert windows == [Window(17.5, 100.0)]


def test_forty_minutes_of_dead_air_are_skipped() -> None:
    duration = 2 * 3600 + 40 * 60
    windows = plan_windows(duration, [Silence(0.0, 2400.0)], target=900, max_length=1200)
    assert windows[0].start == pytest.approx(2399.5)
    assert sum(w.owned_until - w.owned_from for w in windows) == pytest.approx(duration - 2399.5)
    assert all(w.owned_from >= 2399.5 for w in windows)


def test_silence_at_the_very_end() -> None:
    windows = plan_windows(300.0, [Silence(250.0, 300.0)])
    assert windows == [Window(0.0, 250.5)]


def test_long_silence_in_the_middle_splits_and_is_never_crossed() -> None:
    windows = plan_windows(600.0, [Silence(200.0, 260.0)])
    assert windows == [Window(0.0, 200.5), Window(259.5, 600.0)]


def test_short_silences_are_not_skipped() -> None:
    windows = plan_windows(600.0, [Silence(200.0, 205.0)])
    assert windows == [Window(0.0, 600.0)]


def test_cuts_fall_in_the_middle_of_the_pause_nearest_the_target() -> None:
    pauses = [Silence(t, t + 0.6) for t in (400.0, 880.0, 1010.0, 1700.0, 2300.0)]
    windows = plan_windows(2500.0, pauses, target=900, max_length=1200)
    # 2500 s -> 3 windows of ~833 s: cuts in the pauses at 880 and 1700.
    assert [w.owned_until for w in windows[:-1]] == [pytest.approx(880.3), pytest.approx(1700.3)]
    for before, after in itertools.pairwise(windows):
        assert before.end == after.start  # cut in a pause: no overlap at all
    assert_well_formed(windows, 1200)


def test_pauses_shorter_than_the_minimum_are_not_cut_points() -> None:
    pauses = [Silence(900.0, 900.2), Silence(1000.0, 1000.5)]
    windows = plan_windows(1500.0, pauses, target=900, max_length=1200)
    assert windows[0].end == pytest.approx(1000.25)


def test_no_pause_at_all_gives_hard_cuts_with_overlap_but_owned_ranges_do_not_overlap() -> None:
    windows = plan_windows(3000.0, [], target=900, max_length=1200, overlap=1.0)
    assert len(windows) == 3
    assert windows[0].end == pytest.approx(1001.0)  # runs past the cut for context
    assert windows[1].start == pytest.approx(999.0)
    assert windows[0].owned_until == windows[1].owned_from == pytest.approx(1000.0)
    assert_well_formed(windows, 1200)
    # A segment straddling the cut belongs to exactly one window.
    assert [w.owns(998.0, 1003.0) for w in windows] == [False, True, False]
    assert [w.owns(996.0, 1001.0) for w in windows] == [True, False, False]


def test_unsorted_and_overlapping_silences_are_merged() -> None:
    silences = [Silence(30.0, 45.0), Silence(10.0, 20.0), Silence(15.0, 32.0)]
    assert plan_windows(100.0, silences) == [Window(0.0, 10.5), Window(44.5, 100.0)]


def test_silences_past_the_end_are_clipped() -> None:
    assert plan_windows(50.0, [Silence(40.0, 70.0)]) == [Window(0.0, 40.5)]


@pytest.mark.parametrize("seed", range(25))
def test_random_plans_cover_all_speech_and_never_cross_long_silences(seed: int) -> None:
    rng = random.Random(seed)
    duration = rng.uniform(1, 4 * 3600)
    silences = []
    for _ in range(rng.randint(0, 200)):
        start = rng.uniform(0, duration)
        length = rng.choice([rng.uniform(0.1, 1.5), rng.uniform(2, 30), rng.uniform(60, 2400)])
        silences.append(Silence(start, start + length))
    target = rng.uniform(300, 1200)
    max_length = target * rng.uniform(1.0, 1.6)
    windows = plan_windows(duration, silences, target=target, max_length=max_length)
    assert_well_formed(windows, max_length)
    long_ones = [s for s in silences if min(s.end, duration) - s.start >= 10.0]
    for probe in (rng.uniform(0, duration) for _ in range(400)):
        in_long_silence = any(s.start + 0.5 <= probe < s.end - 0.5 for s in long_ones)
        in_any_silence = any(s.start <= probe < s.end for s in silences)
        if not in_any_silence:
            assert covered(windows, probe), f"speech at {probe:.2f} s is not transcribed"
        if in_long_silence:
            assert not any(w.start < probe < w.end for w in windows)


def test_resume_skips_finished_windows_and_trims_the_interrupted_one() -> None:
    windows = [Window(0.0, 900.0), Window(900.0, 1800.0), Window(1800.0, 2000.0)]
    assert resume_point(windows, None) == windows
    assert resume_point(windows, 900.0) == windows[1:]
    resumed = resume_point(windows, 1234.5)
    assert resumed[0] == Window(1233.5, 1800.0, keep_from=1234.5, keep_until=1800.0)
    assert resumed[1:] == windows[2:]
    assert not resumed[0].owns(1230.0, 1234.0)  # already stored: not kept again
    assert resume_point(windows, 2000.0) == []


def test_resume_respects_owned_ranges_at_hard_cuts() -> None:
    windows = plan_windows(3000.0, [], overlap=1.0)
    assert resume_point(windows, 1000.0) == windows[1:]


def test_bad_parameters_are_input_errors() -> None:
    with pytest.raises(InputError):
        plan_windows(-1.0, [])
    with pytest.raises(InputError):
        plan_windows(100.0, [], target=1300, max_length=1200)
    with pytest.raises(InputError):
        plan_windows(float("nan"), [])
