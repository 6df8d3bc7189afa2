"""A job's progress events: recording time that never goes back, an ETA, and a heartbeat."""

from __future__ import annotations

import functools
import threading

import pytest

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.job_messages import JobEvent
from desk.core.pipeline.job_progress import JobProgress


def meter_with(events: list[JobEvent], heartbeat: float = 60.0,
               enough: threading.Event | None = None, wanted: int = 0) -> JobProgress:
    def emit(event: JobEvent) -> None:
        events.append(event)
        if enough is not None and len(events) >= wanted:
            enough.set()

    return JobProgress(emit, functools.partial(JobEvent, transcript_id=7), total=3600.0,
                       windows=[Window(0.0, 1200.0)], heartbeat_seconds=heartbeat)


def test_engine_progress_moves_the_bar_in_recording_time_and_never_back() -> None:
    events: list[JobEvent] = []
    meter = meter_with(events)
    window = Window(2400.0, 3000.0)  # after 40 min of dead air that no window covers
    meter.begin(window)
    meter.engine_progress(150.0)
    meter.segments([1], 2460.0)  # a lane that finished early: its end is behind the bar
    meter.end(window)
    assert [e.kind for e in events] == ["progress", "segments", "progress"]
    assert [e.done for e in events] == [2550.0, 2550.0, 3000.0]
    assert all(e.transcript_id == 7 and e.total == 3600.0 for e in events)
    assert events[1].segment_ids == [1]


def test_the_heartbeat_repeats_progress_while_the_engine_is_quiet() -> None:
    events: list[JobEvent] = []
    enough = threading.Event()
    meter = meter_with(events, heartbeat=0.05, enough=enough, wanted=3)
    meter.begin(Window(0.0, 600.0))
    with meter.heartbeat():
        # a long silent stretch of work (the engine says nothing): the heartbeat speaks
        assert enough.wait(30.0)
    assert len(events) >= 3
    assert {e.kind for e in events} == {"progress"} and all(e.done == 0.0 for e in events)


def test_the_eta_waits_for_evidence_then_follows_the_rate(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.pipeline import job_progress

    clock = [100.0]
    monkeypatch.setattr(job_progress.time, "monotonic", lambda: clock[0])
    events: list[JobEvent] = []
    meter = meter_with(events)  # 1200 s of windows to transcribe
    meter.begin(Window(0.0, 1200.0))
    clock[0] += 10.0
    meter.engine_progress(30.0)  # 2.5 % of the work: too little to say
    assert events[-1].eta is None
    clock[0] += 10.0
    meter.engine_progress(120.0)  # 10 % in 20 s: 90 % left takes 180 s
    assert events[-1].eta == 180.0


def test_dead_air_counts_little_so_a_late_start_does_not_shorten_the_eta(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """40 minutes of waiting, then 20 of speech: after the dead air is through (fast), the
    ETA is the speech still to come, not 1/3 of the recording at the dead air's speed."""
    from desk.core.pipeline import job_progress
    from desk.core.records import Silence

    clock = [0.0]
    monkeypatch.setattr(job_progress.time, "monotonic", lambda: clock[0])
    events: list[JobEvent] = []
    dead, speech = Window(0.0, 2400.0), Window(2400.0, 3600.0)
    meter = JobProgress(events.append, functools.partial(JobEvent, transcript_id=7), 3600.0,
                        [dead, speech], dead_air=[Silence(0.0, 2400.0)])
    dead_work = 2400.0 * job_progress.DEAD_AIR_WORK
    assert job_progress.window_work(dead, [Silence(0.0, 2400.0)]) == pytest.approx(dead_work)
    meter.begin(dead)
    clock[0] += dead_work  # the engine does one second of work per second
    meter.end(dead)
    meter.begin(speech)
    clock[0] += 120.0
    meter.engine_progress(120.0)
    assert events[-1].done == 2520.0
    assert events[-1].eta == pytest.approx(1080.0)  # the 1080 s of speech left, at that rate
