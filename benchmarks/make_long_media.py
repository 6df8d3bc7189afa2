"""Make the 2 h 40 min benchmark recording: 40 min of dead air, then speech.

    .venv/bin/python benchmarks/make_long_media.py [--force]

It mirrors the real case (a livestream that started 40 minutes late) at the
sample's tiny bitrate, so it is quick to build (about ten seconds) and ~60 MB.
Two short pieces are encoded once with identical settings — 60 s of dead air
(a plain card and a -60 dBFS hum) and the sample's speech part — and ffmpeg's
concat demuxer joins 40 dead-air pieces and enough speech pieces by stream copy,
without re-encoding. The result lives in `DESK_BENCH_DIR` (default
`~/.cache/desk-bench`) and is reused while its length is right.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "resources" / "sample" / "sample.mp4"
TRUTH = REPO / "transcripts" / "sample.truth.json"

TOTAL_SECONDS = 2 * 3600 + 40 * 60
DEAD_AIR_SECONDS = 40 * 60
DEAD_PIECE_SECONDS = 60
LONG_NAME = "livestream-2h40.mp4"

# Both pieces must be encoded alike, or stream copy would join mismatched streams.
VIDEO = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-pix_fmt", "yuv420p",
         "-s", "320x180", "-r", "10", "-g", "100", "-profile:v", "high"]
AUDIO = ["-c:a", "aac", "-b:a", "48k", "-ar", "22050", "-ac", "1"]


def bench_dir() -> Path:
    return Path(os.environ.get("DESK_BENCH_DIR") or Path.home() / ".cache" / "desk-bench")


def long_media_path() -> Path:
    return bench_dir() / LONG_NAME


def ensure_long_media(force: bool = False) -> Path:
    """The benchmark file, built if missing or of the wrong length."""
    target = long_media_path()
    if not force and target.is_file() and abs(duration_of(target) - TOTAL_SECONDS) < 2:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="desk-bench-", dir=target.parent) as tmp:
        work = Path(tmp)
        dead = work / "dead.mp4"
        speech = work / "speech.mp4"
        ffmpeg(
            "-f", "lavfi", "-i", f"color=c=0x1c2630:s=320x180:r=10:d={DEAD_PIECE_SECONDS}",
            "-f", "lavfi", "-i", f"sine=f=60:r=22050:d={DEAD_PIECE_SECONDS},volume=0.0113",
            *VIDEO, *AUDIO, "-shortest", str(dead),
        )
        speech_from = json.loads(TRUTH.read_text())["dead_air"][0]["end"] - 0.5
        ffmpeg("-ss", str(speech_from), "-i", str(SAMPLE), *VIDEO, *AUDIO, str(speech))
        speech_seconds = duration_of(speech)
        repeats = math.ceil((TOTAL_SECONDS - DEAD_AIR_SECONDS) / speech_seconds)
        listing = work / "pieces.txt"
        lines = [f"file '{dead}'"] * (DEAD_AIR_SECONDS // DEAD_PIECE_SECONDS)
        lines += [f"file '{speech}'"] * repeats
        listing.write_text("\n".join(lines) + "\n")
        partial = work / LONG_NAME
        ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-t", str(TOTAL_SECONDS),
               "-c", "copy", "-movflags", "+faststart", str(partial))
        partial.replace(target)
    return target


def duration_of(path: Path) -> float:
    shown = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
         str(path)],
        capture_output=True, text=True, check=False,
    )
    try:
        return float(shown.stdout.strip())
    except ValueError:
        return 0.0


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args],
                   check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if present")
    args = parser.parse_args()
    path = ensure_long_media(force=args.force)
    print(f"{path}: {duration_of(path) / 60:.1f} min, {path.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
