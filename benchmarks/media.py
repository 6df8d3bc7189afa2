"""Benchmark decoding and the dead-air scan on the 2 h 40 min recording.

    .venv/bin/python benchmarks/media.py

Each measurement runs in a fresh child process so its peak RSS (Python and
ffmpeg, reported separately) belongs to that measurement alone. Targets from
the media brief: decoding stays under 600 MB peak RSS, and the silence scan
takes well under a minute on 2 cores.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_long_media import ensure_long_media
from desk.core.pipeline.audio_windows import plan_windows
from desk.core.pipeline.decode import SAMPLE_RATE, iter_audio, read_audio, waveform_peaks
from desk.core.pipeline.silence import measure_levels


def decode_all(path: Path) -> dict:
    samples = 0
    for chunk in iter_audio(path):
        samples += chunk.size
    return {"audio_seconds": samples / SAMPLE_RATE}


def decode_window(path: Path) -> dict:
    audio = read_audio(path, 3000.0, 4200.0)  # one 20-minute transcription window
    return {"audio_seconds": audio.size / SAMPLE_RATE}


def scan_silence(path: Path) -> dict:
    track = measure_levels(path)
    gaps = track.silences(2.0)
    pauses = track.silences(0.3)
    windows = plan_windows(track.duration, pauses)
    return {
        "audio_seconds": track.duration,
        "threshold_db": round(track.threshold_db(), 1),
        "first_gap": [gaps[0].start, gaps[0].end] if gaps else None,
        "gaps": len(gaps),
        "pauses": len(pauses),
        "windows": len(windows),
        "first_window": [round(windows[0].start, 1), round(windows[0].end, 1)],
    }


def peaks(path: Path) -> dict:
    buckets = len(waveform_peaks(path, buckets_per_second=50))
    return {"audio_seconds": buckets / 50, "buckets": buckets}


TASKS = {"decode": decode_all, "window": decode_window, "silence": scan_silence, "peaks": peaks}


def child(task: str, path: Path) -> None:
    started = time.perf_counter()
    result = TASKS[task](path)
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["python_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    result["ffmpeg_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(json.dumps(result))


def measure(task: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", task, str(path)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]))
        return 0
    path = ensure_long_media()
    print(f"benchmark file: {path}")
    for task, label in (("decode", "full decode, 16 kHz"), ("window", "20-min window"),
                        ("silence", "dead-air scan, 8 kHz"), ("peaks", "waveform peaks")):
        result = measure(task, path)
        speed = result["audio_seconds"] / max(result["seconds"], 1e-6)
        extra = {k: v for k, v in result.items()
                 if k not in {"audio_seconds", "seconds", "python_rss_mb", "ffmpeg_rss_mb"}}
        print(f"{label:22} {result['seconds']:7.2f} s  {speed:7.0f}x realtime  "
              f"peak RSS python {result['python_rss_mb']} MB, ffmpeg {result['ffmpeg_rss_mb']} MB"
              + (f"  {extra}" if extra else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
