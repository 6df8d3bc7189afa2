"""Knowing a recording: probe its streams and duration, fingerprint its content.

The fingerprint lets Desk relink a project to a recording that was moved or
renamed: it hashes the size and three 1 MiB samples (start, middle, end), so
it costs the same for a 10-second clip and a 3-hour livestream.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any

from desk.core.errors import MediaError
from desk.core.file_checks import require_file
from desk.core.pipeline.ffmpeg_tools import ffprobe_path
from desk.core.records import Media

_SAMPLE = 1 << 20


def fingerprint(path: Path) -> str:
    """A content fingerprint that survives moving or renaming the file."""
    path = Path(path)
    size = path.stat().st_size
    digest = hashlib.sha256(str(size).encode())
    with path.open("rb") as handle:
        for offset in (0, max(0, size // 2 - _SAMPLE // 2), max(0, size - _SAMPLE)):
            handle.seek(offset)
            digest.update(handle.read(_SAMPLE))
    return "s3:" + digest.hexdigest()


def probe(path: Path | str) -> Media:
    """Describe a recording, or raise MediaError saying why it cannot be used."""
    path = Path(path)
    size = require_file(path)
    info = _ffprobe_json(path)
    streams = info.get("streams", [])
    has_audio = any(s.get("codec_type") == "audio" for s in streams)
    has_video = any(
        s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
        for s in streams
    )
    if not has_audio:
        what = "video without a sound track" if has_video else "not a recording Desk can read"
        raise MediaError(f"{path.name} has no audio stream ({what})")
    duration = _duration(info)
    if duration <= 0:
        raise MediaError(f"{path.name} has no playable length (corrupt or truncated?)")
    return Media(
        path=str(path.resolve()),
        size=size,
        fingerprint=fingerprint(path),
        duration=duration,
        has_video=has_video,
        has_audio=has_audio,
    )


def _ffprobe_json(path: Path) -> dict[str, Any]:
    cmd = [
        ffprobe_path(), "-v", "error", "-print_format", "json",
        "-show_format", "-show_streams", str(path),
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired as exc:
        raise MediaError(f"{path.name}: ffprobe did not answer within 60 s") from exc
    if done.returncode != 0:
        reason = _first_line(done.stderr.decode("utf-8", "replace"))
        raise MediaError(f"{path.name} is not a readable recording ({reason})")
    try:
        info: dict[str, Any] = json.loads(done.stdout or b"{}")
        return info
    except json.JSONDecodeError as exc:
        raise MediaError(f"{path.name}: ffprobe gave unreadable output") from exc


def _duration(info: dict[str, Any]) -> float:
    candidates = [info.get("format", {}).get("duration")]
    candidates += [s.get("duration") for s in info.get("streams", [])]
    values = []
    for value in candidates:
        try:
            values.append(float(value))
        except (TypeError, ValueError):
            continue
    return max(values, default=0.0)


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return "unknown format"
    line = lines[-1]
    # ffprobe prefixes the path; keep the message short and free of it.
    if ": " in line:
        line = line.rsplit(": ", 1)[-1]
    return line[:160]
