"""Dead-air detection: the pure level logic, then real speech made by espeak-ng."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import JobCancelled, MediaError
from desk.core.pipeline.silence import (
    adaptive_threshold,
    detect_silences,
    find_silences,
    frame_levels_db,
    measure_levels,
)

GAP = 20.0
STORY = (
    "The committee met on Tuesday morning to discuss the budget for next year. "
    "Several members argued that the schools needed more money, while others wanted "
    "to repair the roads first. After a long debate they agreed to meet again next week, "
    "and the chair thanked everyone for coming to the meeting."
)


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


def speak(text: str, target: Path, voice: str = "en-us") -> tuple[float, float, float]:
    """Synthesise with espeak-ng; return (length, first sound, last sound) in seconds."""
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(target), text], check=True)
    with wave.open(str(target), "rb") as handle:
        rate = handle.getframerate()
        samples = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
    sounding = np.flatnonzero(np.abs(samples) > 100)
    return samples.size / rate, sounding[0] / rate, (sounding[-1] + 1) / rate


@pytest.fixture(scope="module")
def speech_with_gap(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float, float]:
    """Speech, 20 s of anullsrc silence, speech again, as AAC; plus where the quiet really is."""
    root = tmp_path_factory.mktemp("silence")
    first_len, _, first_end = speak("Good evening and welcome to the programme.", root / "a.wav")
    _, second_start, _ = speak("We are back after a short technical problem.", root / "b.wav")
    target = root / "gap.m4a"
    ffmpeg(
        "-i", str(root / "a.wav"), "-i", str(root / "b.wav"),
        "-filter_complex",
        f"anullsrc=r=22050:cl=mono:d={GAP}[quiet];[0:a][quiet][1:a]concat=n=3:v=0:a=1[out]",
        "-map", "[out]", "-c:a", "aac", str(target),
    )
    return target, first_end, first_len + GAP + second_start


@pytest.fixture(scope="module")
def continuous_speech(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("speech")
    speak(STORY, root / "story.wav")
    target = root / "story.m4a"
    # A little room noise under the speech, as in a real recording.
    ffmpeg("-i", str(root / "story.wav"), "-f", "lavfi", "-i",
           "anoisesrc=r=22050:a=0.002:seed=3", "-filter_complex",
           "[0:a][1:a]amix=inputs=2:duration=first:normalize=0[out]",
           "-map", "[out]", "-c:a", "aac", str(target))
    return target


def test_a_twenty_second_gap_is_found_within_a_third_of_a_second(
    speech_with_gap: tuple[Path, float, float],
) -> None:
    path, quiet_from, quiet_until = speech_with_gap
    silences = detect_silences(path)
    assert len(silences) == 1
    assert silences[0].start == pytest.approx(quiet_from, abs=0.3)
    assert silences[0].end == pytest.approx(quiet_until, abs=0.3)
    assert isinstance(silences[0].start, float) and isinstance(silences[0].end, float)


def test_continuous_speech_has_no_gap_but_has_pauses(continuous_speech: Path) -> None:
    track = measure_levels(continuous_speech)
    assert track.duration > 15
    assert track.silences(min_duration=2.0) == []
    pauses = track.silences(min_duration=0.3)
    assert pauses, "sentence pauses should be usable as window cut points"
    assert all(p.duration < 2.0 for p in pauses)


def test_progress_is_reported_and_cancelling_stops_the_scan(continuous_speech: Path) -> None:
    seen: list[float] = []
    measure_levels(continuous_speech, on_progress=seen.append)
    assert seen and seen[-1] > 15

    def cancel(_: float) -> None:
        raise JobCancelled("stopped by the analyst")

    with pytest.raises(JobCancelled):
        measure_levels(continuous_speech, on_progress=cancel)


def test_unreadable_media_is_a_media_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.mp4"
    fake.write_text("not a video")
    with pytest.raises(MediaError):
        detect_silences(fake)


def test_frame_levels_are_dbfs() -> None:
    t = np.arange(16_000) / 16_000
    sine = np.sin(2 * np.pi * 440 * t).astype(np.float32)
    levels = frame_levels_db(np.concatenate([sine, np.zeros(16_000, np.float32)]), 480)
    assert levels.size == 66
    assert levels[:33].mean() == pytest.approx(-3.01, abs=0.05)  # full-scale sine
    assert levels[34:].max() == pytest.approx(-100.0)  # digital silence, clipped


def levels_of(*runs: tuple[float, float]) -> np.ndarray:
    """A level track at 30 ms frames from (dBFS, seconds) runs."""
    return np.concatenate([np.full(round(seconds / 0.03), db, np.float32) for db, seconds in runs])


def test_threshold_adapts_to_the_noise_floor() -> None:
    clean = levels_of((-20, 50), (-75, 10), (-20, 50), (-75, 10))
    noisy = levels_of((-20, 50), (-45, 10), (-20, 50), (-45, 10))
    # Between the noise floor and 20 dB under the speech, following the floor.
    assert -75 < adaptive_threshold(clean) <= -50
    assert -45 < adaptive_threshold(noisy) <= -40
    first_gap = find_silences(noisy, 0.03, adaptive_threshold(noisy), 2.0)[0]
    assert first_gap.start == pytest.approx(50, abs=0.03)


def test_without_contrast_only_truly_quiet_sound_is_silence() -> None:
    assert adaptive_threshold(levels_of((-21, 60))) == -60  # a steady tone is not silence
    assert find_silences(levels_of((-21, 60)), 0.03, -60, 2.0) == []
    hum = levels_of((-70, 60))
    assert find_silences(hum, 0.03, adaptive_threshold(hum), 2.0)[0].duration == pytest.approx(60)
    digital = levels_of((-100, 60))
    assert len(find_silences(digital, 0.03, adaptive_threshold(digital), 2.0)) == 1


def test_short_blips_do_not_split_dead_air_and_short_pauses_are_ignored() -> None:
    levels = levels_of((-20, 10), (-80, 5), (-20, 0.06), (-80, 5), (-20, 10), (-80, 1), (-20, 5))
    gaps = find_silences(levels, 0.03, -50, min_duration=2.0)
    assert len(gaps) == 1
    assert gaps[0].start == pytest.approx(10, abs=0.03)
    assert gaps[0].end == pytest.approx(20.06, abs=0.03)
    pauses = find_silences(levels, 0.03, -50, min_duration=0.3, bridge_seconds=0.0)
    assert len(pauses) == 3


def test_trailing_silence_is_clipped_to_the_duration() -> None:
    levels = levels_of((-20, 3), (-90, 3))
    gaps = find_silences(levels, 0.03, -50, 2.0, duration=5.99)
    assert gaps[0].end == pytest.approx(5.99)
