"""The batched decoder's progress: seconds handled across lanes, never going back."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.engines.progress_meter import DECODE_SHARE, ENCODE_SHARE, ProgressMeter


@dataclass
class Lane:
    span: Window
    seek: float
    finished: bool = False


def test_lanes_and_phases_add_up_and_never_go_back() -> None:
    told: list[float] = []
    lanes = [Lane(Window(0.0, 60.0), 0.0), Lane(Window(70.0, 120.0), 70.0)]
    meter = ProgressMeter(120.0, lanes, told.append)
    meter.report()
    assert told == [pytest.approx(10.0)]  # the pause between the lanes needs no decoding
    meter.step([30.0, 30.0])
    meter.phase_done(ENCODE_SHARE)
    meter.phase_done(DECODE_SHARE)
    assert told[-1] == pytest.approx(10.0 + (ENCODE_SHARE + DECODE_SHARE) * 0.5 * 60.0)
    lanes[0].seek, lanes[1].seek = 20.0, 85.0  # a step often advances less than it read
    meter.report()
    assert told[-1] == pytest.approx(max(45.0, told[-2]))
    lanes[0].finished = lanes[1].finished = True
    meter.report()
    assert told[-1] == 120.0 and told == sorted(told)


def test_no_sink_no_reports() -> None:
    meter = ProgressMeter(10.0, [Lane(Window(0.0, 10.0), 0.0)], None)
    meter.step([10.0])
    meter.phase_done(ENCODE_SHARE)
    meter.report()  # nothing to tell, nothing fails


def test_phases_credit_what_earlier_steps_really_advanced() -> None:
    told: list[float] = []
    lanes = [Lane(Window(0.0, 120.0), 0.0), Lane(Window(120.0, 240.0), 120.0)]
    meter = ProgressMeter(240.0, lanes, told.append)
    meter.step([30.0, 30.0])
    meter.phase_done(ENCODE_SHARE)
    assert told[-1] == pytest.approx(ENCODE_SHARE * 0.5 * 60.0)  # no step has ended yet
    lanes[0].seek, lanes[1].seek = 27.0, 147.0  # the first step advanced 90 % of what it read
    meter.report()
    meter.step([30.0, 30.0])
    meter.phase_done(ENCODE_SHARE)
    meter.phase_done(DECODE_SHARE)
    assert told[-1] == pytest.approx(54.0 + (ENCODE_SHARE + DECODE_SHARE) * 0.9 * 60.0)
    lanes[0].seek, lanes[1].seek = 54.0, 174.0
    meter.report()
    assert told[-1] == pytest.approx(108.0) and told == sorted(told)
