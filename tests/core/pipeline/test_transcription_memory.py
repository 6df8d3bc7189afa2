"""Chunked transcription keeps memory flat on a long-ish recording.

A 20-minute file (six minutes of dead air, then the sample's speech fourteen
times with a minute of dead air in the middle) is transcribed by the real job child with the
faster engine and two-minute windows. The child's peak RSS comes from the
kernel (`os.wait4` on exactly that process, forked by a small launcher), so no polling can
miss a peak.
The naive one-window baseline is compared in `benchmarks/transcribe.py`, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.decode import SAMPLE_RATE, read_audio
from desk.core.pipeline.jobs import JobEvent, JobOptions, worker_command
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.core.wer import normalized_words

TRUTH = json.loads((Path(__file__).resolve().parents[3] / "transcripts" /
                    "sample.truth.json").read_text(encoding="utf-8"))
LEAD_DEAD_AIR = 360.0  # the stream starts late
MIDDLE_DEAD_AIR = 60.0  # a dropout between the two halves
REPEATS = 14
WINDOW_SECONDS = 120.0
PEAK_RSS_LIMIT_MB = 1536
HUM_AMPLITUDE = 0.0014  # about -60 dBFS: a quiet mains hum, like a waiting stream


def hum(seconds: float) -> np.ndarray:
    t = np.arange(round(seconds * SAMPLE_RATE), dtype=np.float32) / SAMPLE_RATE
    return (HUM_AMPLITUDE * np.sin(2 * np.pi * 60.0 * t)).astype(np.float32)


def write_wav(path: Path, audio: np.ndarray) -> None:
    pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())


def build_recording(path: Path, sample_media: Path) -> tuple[float, list[float]]:
    """Write the test recording; returns the speech piece's length and, per repetition,
    what to add to a time in the sample to get its time in the recording.

    Built sample-exactly in numpy and stored as WAV, so the expected time of
    every repeated utterance is known to the sample (no encoder padding drifts).
    """
    speech_from = TRUTH["dead_air"][0]["end"] - 0.5
    speech = read_audio(sample_media, speech_from)
    piece = speech.size / SAMPLE_RATE
    half = REPEATS // 2
    parts = [hum(LEAD_DEAD_AIR), *[speech] * half, hum(MIDDLE_DEAD_AIR), *[speech] * half]
    write_wav(path, np.concatenate(parts))
    starts = [LEAD_DEAD_AIR + k * piece for k in range(half)]
    starts += [LEAD_DEAD_AIR + half * piece + MIDDLE_DEAD_AIR + k * piece for k in range(half)]
    return piece, [s - speech_from for s in starts]


# Linux counts a forked process's copy of its parent in the child's ru_maxrss, and keeps
# that figure across exec: a job child forked from a pytest process that has grown to
# 1.8 GB (models of earlier tests) would report 1.8 GB. So a small launcher forks the child
# and reports the child's own peak through wait4.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss, file=sys.stderr)
"""


def run_child_measuring_rss(project_path: Path, options: JobOptions) -> tuple[list[JobEvent],
                                                                               int, float]:
    """Run the job's real child process; return its events, exit code and peak RSS in MB."""
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, *worker_command(project_path, options)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        encoding="utf-8", env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    out, err = process.communicate()
    events = [JobEvent.from_json(json.loads(line)) for line in out.splitlines()
              if line.startswith("{")]
    code, max_rss_kib = (int(field) for field in err.split()[-2:])
    return events, code, max_rss_kib / 1024  # Linux reports KiB


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "wait4"), reason="peak RSS via wait4 needs a Unix kernel")
def test_windowed_job_keeps_peak_rss_flat_on_a_20_minute_recording(
        tmp_path: Path, sample_media: Path) -> None:
    media = tmp_path / "long-ish.wav"
    piece, offsets = build_recording(media, sample_media)
    duration = LEAD_DEAD_AIR + MIDDLE_DEAD_AIR + REPEATS * piece
    project_path = tmp_path / "memory.desk"
    Project.create(project_path, media=probe(media),
                   codebook=load_codebook("trump-musk-x-2024")).close()

    options = JobOptions(engine="faster", model="tiny.en", language="en",
                         window_seconds=WINDOW_SECONDS)
    events, code, peak_mb = run_child_measuring_rss(project_path, options)

    assert code == 0 and events[-1].kind == "finished", events[-1].message
    windows_done = [e for e in events if e.kind == "progress" and not e.message]
    assert len(windows_done) >= 6, "the job should have run several two-minute windows"
    assert peak_mb < PEAK_RSS_LIMIT_MB, f"child peak RSS {peak_mb:.0f} MB"

    with Project.open(project_path, writable=False) as project:
        segments = project.transcripts.segments(with_words=False)
        silences = project.media.silences()
    assert abs(duration - 20 * 60) < 90
    # Both stretches of dead air are found and nothing is transcribed inside them.
    assert silences[0].start == 0 and abs(silences[0].end - LEAD_DEAD_AIR) < 1.0
    middle = LEAD_DEAD_AIR + REPEATS // 2 * piece
    assert any(abs(s.start - middle) < 2.0 and s.end - s.start > MIDDLE_DEAD_AIR - 3
               for s in silences)
    assert all(s.start >= LEAD_DEAD_AIR - 0.5 for s in segments)
    assert not any(middle + 2 < s.start < middle + MIDDLE_DEAD_AIR - 2 for s in segments)

    # Every repetition was heard once, where it was put: in each, the utterances start
    # segments (tiny.en may fuse one garbled line with its neighbour), and the lines said
    # once per repetition appear exactly REPEATS times (tiny.en once heard "the bottom is
    # wide open", so the check is on the words it never got wrong).
    starts = np.array([s.start for s in segments])
    for offset in offsets:
        found = [np.min(np.abs(starts - (offset + u["start"]))) <= 1.0
                 for u in TRUTH["utterances"]]
        assert sum(found) >= len(found) - 1, (offset, found)
    words = normalized_words(" ".join(s.text for s in segments))
    assert count_phrase(words, "kamala harris") == REPEATS
    assert count_phrase(words, "is wide open") == REPEATS


def count_phrase(words: list[str], phrase: str) -> int:
    wanted = phrase.split()
    return sum(words[i:i + len(wanted)] == wanted for i in range(len(words)))
