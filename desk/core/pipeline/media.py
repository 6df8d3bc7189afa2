"""Knowing a recording: probe its streams and duration, fingerprint its content.

Probing reads what `ffmpeg -i` prints about its input (streams, duration), so
the one ffmpeg Desk already needs for decoding is all it needs: no ffprobe
(the Windows build's ffmpeg comes without one) and no PyAV in the bundle.
The duration `ffmpeg -i` prints is rounded to 10 ms, well below anything an
analyst marks.

The fingerprint lets Desk relink a project to a recording that was moved or
renamed: it hashes the size and three 1 MiB samples (start, middle, end), so
it costs the same for a 10-second clip and a 3-hour livestream.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from desk.core.errors import MediaError
from desk.core.file_checks import require_file
from desk.core.pipeline.ffmpeg_tools import ffmpeg_path
from desk.core.records import Media

_SAMPLE = 1 << 20


def fingerprint(path: Path) -> str:
    """A content fingerprint that survives moving or renaming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
        digest = hashlib.sha256(str(size).encode())
        with path.open("rb") as handle:
            for offset in (0, max(0, size // 2 - _SAMPLE // 2), max(0, size - _SAMPLE)):
                handle.seek(offset)
                digest.update(handle.read(_SAMPLE))
    except FileNotFoundError:  # deleted or moved since it was probed
        raise MediaError(f"recording not found: {path} (it was moved or deleted just now)"
                         ) from None
    except OSError as exc:
        raise MediaError(f"cannot read {path.name}: {exc.strerror}") from exc
    return "s3:" + digest.hexdigest()


def probe(path: Path | str) -> Media:
    """Describe a recording, or raise MediaError saying why it cannot be used."""
    path = Path(path)
    size = require_file(path)
    info = read_input_info(path)
    if not info.has_audio:
        what = "video without a sound track" if info.has_video else "not a recording Desk can read"
        raise MediaError(f"{path.name} has no audio stream ({what})")
    if info.duration <= 0:
        raise MediaError(f"{path.name} has no playable length (corrupt or truncated?)")
    _check_audio_decodes(path)
    return Media(
        path=str(path.resolve()),
        size=size,
        fingerprint=fingerprint(path),
        duration=info.duration,
        has_video=info.has_video,
        has_audio=info.has_audio,
    )


@dataclass(frozen=True)
class InputInfo:
    """What ffmpeg says about a file it opened: its streams and its length."""

    duration: float  # seconds; 0.0 when ffmpeg does not know ("Duration: N/A")
    has_audio: bool
    has_video: bool  # a real picture track: cover art (attached pic) does not count


# "  Duration: 01:02:03.45, start: 0.000000, bitrate: 58 kb/s"
_DURATION = re.compile(r"^\s+Duration: (?:(\d+):(\d\d):(\d\d(?:\.\d+)?)|N/A)")
# "  Stream #0:1[0x2](und): Audio: aac (LC) ..., 22050 Hz, mono, fltp (default)"
_STREAM = re.compile(r"^\s+Stream #\d+:\d+\S*: (\w+): (.*)$")


def parse_input_info(report: str) -> InputInfo | None:
    """Read `ffmpeg -i`'s description of input #0; None if it opened no input."""
    lines = report.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("Input #0")), None)
    if first is None:
        return None
    duration, kinds = 0.0, list[str]()
    for line in lines[first + 1:]:
        if line.startswith(("Input #", "Output #", "Stream mapping")):
            break
        if match := _DURATION.match(line):
            if match.group(1) is not None:
                hours, minutes, seconds = match.groups()
                duration = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
        elif match := _STREAM.match(line):
            kind, rest = match.groups()
            if kind == "Video" and "(attached pic)" in rest:
                continue
            kinds.append(kind)
    return InputInfo(duration, "Audio" in kinds, "Video" in kinds)


def read_input_info(path: Path) -> InputInfo:
    """Open `path` with ffmpeg (no output: it only describes the input) and read the report."""
    cmd = [ffmpeg_path(), "-hide_banner", "-nostdin", "-i", str(path)]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired as exc:
        raise MediaError(f"{path.name}: ffmpeg did not answer within 60 s") from exc
    report = done.stderr.decode("utf-8", "replace")
    info = parse_input_info(report)
    if info is None:
        raise MediaError(f"{path.name} is not a readable recording ({_first_line(report)})")
    return info


def _check_audio_decodes(path: Path) -> None:
    """Decode the first second of sound: a codec ffmpeg names but cannot decode is refused.

    Without this a project would be made for a file no transcription or
    playback can ever read (ffmpeg lists an unknown codec as "Audio: none").
    """
    cmd = [ffmpeg_path(), "-hide_banner", "-nostdin", "-v", "error", "-i", str(path),
           "-map", "0:a:0", "-t", "1", "-f", "null", "-"]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired as exc:
        raise MediaError(f"{path.name}: ffmpeg did not answer within 60 s") from exc
    if done.returncode != 0:
        report = done.stderr.decode("utf-8", "replace")
        raise MediaError(f"{path.name}: its sound cannot be decoded ({_first_line(report)})")


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "unknown format"
    line = lines[-1]
    # ffmpeg prefixes the path; keep the message short and free of it.
    if ": " in line:
        line = line.rsplit(": ", 1)[-1]
    return line[:160]
