"""Evidence clips: one media file per annotation, cut from the recording with ffmpeg.

Clips are stream copies where possible (fast, no quality loss, `-ss` before
`-i` so ffmpeg seeks instead of decoding from the start). A copy starts at the
keyframe before the annotation, so it is used only when that keyframe is at
most `COPY_SLACK` seconds early (ffmpeg lists the keyframes just before the start);
otherwise, with `precise=True`, or when ffmpeg refuses the copy, the clip is
re-encoded for a frame-exact cut. Names say tag and time:
`harris-attacks_00-12-03.500.mp4`. Each clip is written to a temporary name
and renamed when complete; which annotations are cut is the export's
selection (a tag, an annotator), and the folder's provenance.json says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from desk.core.errors import FormatError, InputError, MediaError
from desk.core.formats.audio_clips import SUFFIX as LISTENING_SUFFIX
from desk.core.formats.audio_clips import write_listening_clip
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.pipeline.ffmpeg_tools import ffmpeg_path
from desk.core.records import Annotation, Media
from desk.core.timecode import format_time

CLIP_TIMEOUT = 600
COPY_SLACK = 1.0  # seconds a stream-copied clip may start before the annotation


def slug(text: str) -> str:
    """A file-name-safe form of a tag: lower case, words joined by '-'."""
    cleaned = re.sub(r"[^\w]+", "-", text.casefold(), flags=re.UNICODE).strip("-_")
    return cleaned[:60] or "tag"


def clip_name(tag: str, start: float, suffix: str) -> str:
    return f"{slug(tag)}_{format_time(start, millis=True).replace(':', '-')}{suffix}"


# showinfo's line for each frame it passes: "... n:   0 pts:      0 pts_time:4  ..."
_PTS_TIME = re.compile(r"\bpts_time:(-?[\d.]+)")


def keyframe_before(media: Path, time: float, window: float = 20.0) -> float | None:
    """The last video keyframe at or before `time` (None: none within `window` seconds).

    ffmpeg decodes only the keyframes (`-skip_frame nokey`) of the `window`
    seconds before `time` and its showinfo filter prints their times, counted
    from the seek point.
    """
    since = max(0.0, time - window)
    cmd = [ffmpeg_path(), "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info",
           "-skip_frame", "nokey", "-ss", f"{since:.3f}", "-i", str(media),
           "-t", f"{time - since + 0.001:.3f}", "-map", "0:v:0", "-vf", "showinfo",
           "-f", "null", "-"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False,
                              encoding="utf-8", errors="replace")
    except subprocess.TimeoutExpired:
        return None
    times = [round(since + float(m.group(1)), 3) for line in done.stderr.splitlines()
             if "Parsed_showinfo" in line and (m := _PTS_TIME.search(line))]
    before = [k for k in times if k <= time + 0.001]
    return max(before) if before else None


def can_copy(media: Path, start: float, has_video: bool) -> bool:
    """Whether a stream copy would start close enough to `start` (audio always does)."""
    if not has_video:
        return True
    keyframe = keyframe_before(media, start)
    return keyframe is not None and start - keyframe <= COPY_SLACK


def _cut(media: Path, annotation: Annotation, target: Path, precise: bool,
         has_video: bool) -> None:
    part = target.with_name(f".{target.stem}.part{target.suffix}")
    base = [ffmpeg_path(), "-nostdin", "-loglevel", "error", "-y",
            "-ss", f"{annotation.start:.3f}", "-i", str(media),
            "-t", f"{annotation.end - annotation.start:.3f}", "-map", "0:v?", "-map", "0:a?"]
    copy = ["-c", "copy", "-avoid_negative_ts", "make_zero"]
    encode: list[str] = []  # ffmpeg's default encoders for the container (mp4: H.264 + AAC)
    copyable = not precise and can_copy(media, annotation.start, has_video)
    attempts = [copy, encode] if copyable else [encode]
    error = ""
    try:
        for codec in attempts:
            try:
                done = subprocess.run([*base, *codec, str(part)], capture_output=True,
                                      timeout=CLIP_TIMEOUT, check=False)
            except subprocess.TimeoutExpired:
                error = f"ffmpeg took longer than {CLIP_TIMEOUT} s"
                continue
            if done.returncode == 0 and part.exists() and part.stat().st_size > 0:
                os.replace(part, target)
                return
            text = done.stderr.decode("utf-8", "replace")
            if os.strerror(errno.ENOSPC) in text:  # ffmpeg's last line hides it
                raise FormatError(f"cannot write {target.name}: no space left on device")
            lines = text.strip().splitlines()
            error = lines[-1][:200] if lines else ""
    finally:
        with contextlib.suppress(OSError):
            part.unlink()
    raise MediaError(f"could not cut {target.name} from {media.name}: {error or 'ffmpeg failed'}")


def export_clips(snapshot: ProjectSnapshot, folder: Path, precise: bool = False,
                 normalise: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Cut a clip per selected annotation into `folder`; returns the folder.

    `normalise`: audio-only listening copies, equally loud (audio_clips.py).
    `progress(done, total)` is called before each clip and at the end (it may
    raise to stop: the clips already cut stay, each complete)."""
    if snapshot.media is None:
        raise InputError("the project has no recording to cut clips from")
    media = Path(snapshot.media.path)
    if not media.is_file():
        raise MediaError(f"recording not found: {media} (was it moved? relink it first)")
    if not snapshot.annotations:
        tags = snapshot.selection.tags
        raise InputError("no annotations to cut" + (
            f" with tag {', '.join(repr(t) for t in sorted(tags))}" if tags else ""))
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise FormatError(f"{folder} is a file; clips go into a folder")
    if not folder.parent.is_dir():
        raise FormatError(f"folder does not exist: {folder.parent}")
    folder.mkdir(exist_ok=True)
    for stale in folder.glob(".*.part.*"):  # a clip a killed export was cutting
        with contextlib.suppress(OSError):
            stale.unlink()
    used: set[str] = set()
    total = len(snapshot.annotations)
    suffix = LISTENING_SUFFIX if normalise else media.suffix.lower()
    for done, annotation in enumerate(snapshot.annotations):
        if progress is not None:
            progress(done, total)
        name = clip_name(annotation.tag, annotation.start, suffix)
        stem, n = Path(name).stem, 2
        while name in used:
            name, n = f"{stem}_{n}{suffix}", n + 1
        used.add(name)
        if normalise:
            write_listening_clip(media, annotation, folder / name)
        else:
            _cut(media, annotation, folder / name, precise, snapshot.media.has_video)
    if progress is not None:
        progress(total, total)
    return folder


def export_clip(media: Media, annotation: Annotation, folder: Path,
                precise: bool = False) -> Path:
    """One annotation's clip into `folder` (the window's "Export clip…"); returns its path.

    Takes the recording's record, not the project, so it can run off the GUI thread."""
    recording = Path(media.path)
    if not recording.is_file():
        raise MediaError(f"recording not found: {recording} (was it moved? relink it first)")
    if not Path(folder).is_dir():
        raise FormatError(f"folder does not exist: {folder}")
    target = Path(folder) / clip_name(annotation.tag, annotation.start, recording.suffix.lower())
    _cut(recording, annotation, target, precise, media.has_video)
    return target
