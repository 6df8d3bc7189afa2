"""Lanes and steps: where a window is cut for batched decoding (pure numpy, no model)."""

from __future__ import annotations

import numpy as np

from desk.core.pipeline.engines.base import SAMPLE_RATE
from desk.core.pipeline.engines.lane_plan import LANE_MAX_SECONDS, STEP_SECONDS, plan_lanes


def talk(pattern: list[tuple[float, bool]]) -> np.ndarray:
    """Noise bursts (True) and near-silence (False) of the given lengths, 16 kHz."""
    rng = np.random.default_rng(7)
    parts = []
    for seconds, loud in pattern:
        n = round(seconds * SAMPLE_RATE)
        level = 0.3 if loud else 0.0005
        parts.append((rng.standard_normal(n) * level).astype(np.float32))
    return np.concatenate(parts)


def test_long_silences_are_left_out_and_lanes_stay_bounded() -> None:
    # 100 s of sentences (4 s speech, 0.5 s pause), 20 s of silence, then 300 s more
    sentences = [(4.0, True), (0.5, False)] * 22
    audio = talk([*sentences, (20.0, False), *(sentences * 3)])
    plan = plan_lanes(audio)
    assert plan.lanes[0].start == 0.0
    gap_start = 22 * 4.5
    # nothing of the 20 s silence is in a lane (beyond the half-second pads)
    for lane in plan.lanes:
        assert not (lane.start < gap_start + 10 < lane.end)
    assert all(lane.duration <= LANE_MAX_SECONDS + 2.0 for lane in plan.lanes)
    covered = sum(lane.duration for lane in plan.lanes)
    assert covered < audio.size / SAMPLE_RATE - 18.0


def test_a_step_ends_in_the_last_pause_before_thirty_seconds() -> None:
    audio = talk([(4.0, True), (0.5, False)] * 20)
    plan = plan_lanes(audio)
    end = plan.step_end(0.0, 90.0)
    assert 20.0 <= end <= STEP_SECONDS
    # the cut lies inside a pause: the frames around it are quiet
    assert not plan.has_sound(end - 0.1, end + 0.1)
    assert plan.has_sound(end - 1.0, end)
    # a lane that ends within 30 s is taken whole; without pauses the step is 30 s
    assert plan.step_end(70.0, 90.0) == 90.0
    steady = plan_lanes(talk([(95.0, True)]))
    assert steady.step_end(0.0, 95.0) == STEP_SECONDS


def test_has_sound_tells_speech_from_the_trailing_quiet() -> None:
    plan = plan_lanes(talk([(10.0, True), (6.0, False)]))
    assert plan.has_sound(0.0, 10.0)
    assert not plan.has_sound(10.5, 16.0)
    assert not plan.has_sound(20.0, 30.0)  # past the end


def test_a_short_window_is_cut_into_one_step_lanes_to_fill_the_batch() -> None:
    audio = talk([(4.0, True), (0.5, False)] * 27)  # about 2 minutes of sentences
    lanes = plan_lanes(audio, lanes_wanted=8).lanes
    assert 4 <= len(lanes) <= 6
    assert all(lane.duration <= STEP_SECONDS for lane in lanes)
    one = plan_lanes(audio, lanes_wanted=1).lanes
    assert len(one) == 1  # one lane of 2 minutes: nothing to batch it with
