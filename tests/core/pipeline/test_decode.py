"""Chunked decoding through a real ffmpeg, on files made by ffmpeg in a tmp dir."""

from __future__ import annotations

import subprocess
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import InputError, MediaError
from desk.core.pipeline.decode import SAMPLE_RATE, iter_audio, read_audio, waveform_peaks

FRAME = 480  # 30 ms at 16 kHz: "exact within one frame"
TONE_AMPLITUDE = 0.5


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


def step_filter(silent: float, tone: float) -> str:
    """`silent` seconds of anullsrc, then a 440 Hz tone for `tone` seconds."""
    return (
        f"anullsrc=r=44100:cl=mono:d={silent}[a];"
        f"sine=f=440:r=44100:d={tone},volume={TONE_AMPLITUDE * 8}[b];"
        "[a][b]concat=n=2:v=0:a=1[out]"
    )


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small real recordings: WAV and AAC steps (5 s silence then 5 s tone), a video."""
    root = tmp_path_factory.mktemp("decode")
    files = {name: root / name for name in ("step.wav", "step.m4a", "clip.mp4", "mute.mp4")}
    ffmpeg("-filter_complex", step_filter(5, 5), "-map", "[out]", str(files["step.wav"]))
    ffmpeg("-filter_complex", step_filter(5, 5), "-map", "[out]", "-c:a", "aac",
           str(files["step.m4a"]))
    ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=8", "-f", "lavfi",
           "-i", "color=c=blue:s=64x36:r=5:d=8", "-c:a", "aac", "-c:v", "libx264",
           "-shortest", str(files["clip.mp4"]))
    ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x36:r=5:d=2", "-c:v", "libx264",
           str(files["mute.mp4"]))
    return files


def onset(samples: np.ndarray) -> int:
    """Index of the first sample of the tone."""
    return int(np.flatnonzero(np.abs(samples) > 0.05)[0])


def test_whole_file_has_the_right_sample_count_and_format(media: dict[str, Path]) -> None:
    audio = read_audio(media["step.wav"])
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert audio.size == 10 * SAMPLE_RATE
    assert onset(audio) == pytest.approx(5 * SAMPLE_RATE, abs=FRAME)
    assert np.max(np.abs(audio)) == pytest.approx(TONE_AMPLITUDE, rel=0.05)
    assert audio.flags.writeable  # callers may normalise in place


def test_chunks_are_bounded_and_add_up(media: dict[str, Path]) -> None:
    sizes = [chunk.size for chunk in iter_audio(media["step.wav"], chunk_seconds=0.75)]
    assert max(sizes) == 12_000
    assert all(size == 12_000 for size in sizes[:-1])
    assert sum(sizes) == 10 * SAMPLE_RATE


@pytest.mark.parametrize("name", ["step.wav", "step.m4a"])
def test_windows_start_and_end_exactly(media: dict[str, Path], name: str) -> None:
    window = read_audio(media[name], 4.0, 7.5)
    assert window.size == pytest.approx(3.5 * SAMPLE_RATE, abs=FRAME)
    assert onset(window) == pytest.approx(1 * SAMPLE_RATE, abs=FRAME)
    late = read_audio(media[name], 6.0, 6.5)
    assert late.size == pytest.approx(0.5 * SAMPLE_RATE, abs=FRAME)
    assert np.min(np.abs(late[FRAME:-FRAME]).max()) > 0.4  # all tone, no lead-in silence


def test_window_past_the_end_is_short_and_empty_range_is_empty(media: dict[str, Path]) -> None:
    assert read_audio(media["step.wav"], 9.0, 30.0).size == SAMPLE_RATE
    assert read_audio(media["step.wav"], 3.0, 3.0).size == 0
    nothing = iter_audio(media["step.wav"], 3.0, 3.0)
    assert list(nothing) == []
    nothing.close()  # type: ignore[attr-defined]


def test_audio_of_a_video_file(media: dict[str, Path]) -> None:
    audio = read_audio(media["clip.mp4"])
    assert audio.size == pytest.approx(8 * SAMPLE_RATE, abs=2 * FRAME)


def test_samples_follow_the_timestamps_when_the_audio_track_starts_late(tmp_path: Path) -> None:
    """Sample n is at n / rate on the player's clock, not n samples after the first frame."""
    late = tmp_path / "late.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=64x36:r=10:d=6", "-itsoffset", "2",
           "-f", "lavfi", "-i", "sine=f=440:d=4", "-map", "0:v", "-map", "1:a",
           "-c:v", "libx264", "-c:a", "aac", str(late))
    whole = read_audio(late)
    assert onset(whole) == pytest.approx(2 * SAMPLE_RATE, abs=FRAME)
    assert onset(read_audio(late, 1.0, 4.0)) == pytest.approx(SAMPLE_RATE, abs=FRAME)


def test_other_sample_rates(media: dict[str, Path]) -> None:
    assert read_audio(media["step.wav"], 0, 2, sample_rate=8_000).size == 16_000


def test_memory_stays_flat_for_a_long_file(tmp_path: Path) -> None:
    """20 min of audio (77 MB as float32) streams through in a few MB."""
    long = tmp_path / "long.flac"
    ffmpeg("-f", "lavfi", "-i", "sine=f=440:r=16000:d=1200", "-c:a", "flac", str(long))
    tracemalloc.start()
    try:
        total = 0
        for chunk in iter_audio(long, chunk_seconds=30.0):
            total += chunk.size
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == 1200 * SAMPLE_RATE
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MiB"
    # A transcription window is held once, not copied: peak ~ the window itself.
    tracemalloc.start()
    try:
        window = read_audio(long, 60.0, 660.0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert window.size == 600 * SAMPLE_RATE
    assert peak < 1.1 * window.nbytes, f"peak {peak / 2**20:.1f} MiB"


def test_stopping_early_stops_ffmpeg_quickly(media: dict[str, Path]) -> None:
    started = time.monotonic()
    chunks = iter_audio(media["step.wav"], chunk_seconds=0.1)
    assert next(chunks).size == 1_600
    chunks.close()
    assert time.monotonic() - started < 5


def test_waveform_peaks_match_a_direct_computation(media: dict[str, Path]) -> None:
    audio = read_audio(media["step.wav"], sample_rate=8_000)
    # 7 buckets per second do not divide 8000: boundaries must not drift, and
    # small chunks make buckets straddle chunk boundaries.
    peaks = waveform_peaks(media["step.wav"], buckets_per_second=7, chunk_seconds=0.33)
    bounds = np.ceil(np.arange(0, 70) * 8000 / 7 - 1e-9).astype(int)
    expected = np.stack(
        [np.minimum.reduceat(audio, bounds), np.maximum.reduceat(audio, bounds)], axis=1
    )
    assert peaks.shape == (70, 2)
    np.testing.assert_array_equal(peaks, expected)
    coarse = waveform_peaks(media["step.wav"], buckets_per_second=10)
    assert coarse.shape == (100, 2)
    assert np.abs(coarse[:49]).max() < 1e-3  # the silent half (resampler rings near 5 s)
    assert coarse[51:, 1].min() == pytest.approx(TONE_AMPLITUDE, rel=0.05)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="not found"):
        read_audio(tmp_path / "nowhere.mp4")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    with pytest.raises(MediaError, match=r"empty \(0 bytes\)"):
        read_audio(empty)


def test_text_named_mp4(tmp_path: Path) -> None:
    fake = tmp_path / "notes.mp4"
    fake.write_text("these are my notes, not a video\n" * 20)
    with pytest.raises(MediaError, match=r"notes\.mp4 is not a recording ffmpeg can read"):
        read_audio(fake)


def test_truncated_mp4_without_index(media: dict[str, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(media["clip.mp4"].read_bytes()[: 20_000])
    with pytest.raises(MediaError, match=r"broken\.mp4 is truncated") as caught:
        read_audio(broken)
    assert "\n" not in str(caught.value) and str(tmp_path) not in str(caught.value)


def test_truncated_mp4_with_index_first(tmp_path: Path) -> None:
    whole = tmp_path / "whole.mp4"
    ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=10", "-c:a", "aac", "-movflags", "+faststart",
           str(whole))
    broken = tmp_path / "cut.mp4"
    broken.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(MediaError, match=r"cut\.mp4 is truncated"):
        read_audio(broken)


def test_video_without_audio(media: dict[str, Path]) -> None:
    with pytest.raises(MediaError, match=r"mute\.mp4 has no audio stream"):
        read_audio(media["mute.mp4"])
    with pytest.raises(MediaError, match="no audio stream"):
        waveform_peaks(media["mute.mp4"])


def test_ffmpeg_missing(media: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                        tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MediaError, match="ffmpeg was not found; install ffmpeg"):
        read_audio(media["step.wav"])
    with pytest.raises(MediaError, match="ffmpeg was not found"):
        iter_audio(media["step.wav"])  # raised when asked, not on the first chunk


def test_bad_ranges_are_input_errors(media: dict[str, Path]) -> None:
    with pytest.raises(InputError):
        read_audio(media["step.wav"], -1.0, 2.0)
    with pytest.raises(InputError):
        read_audio(media["step.wav"], 5.0, 2.0)
    with pytest.raises(InputError):
        waveform_peaks(media["step.wav"], buckets_per_second=0)
