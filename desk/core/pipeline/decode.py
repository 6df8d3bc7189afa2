"""Decoding any recording to 16 kHz mono float32 through an ffmpeg pipe.

Whisper, the dead-air scan and the waveform all want plain samples, but a
livestream recording is hours long: decoding it whole would need gigabytes.
So ffmpeg writes raw `f32le` to a pipe and we read it in bounded chunks; memory
stays flat (one chunk plus ffmpeg's own buffers) whatever the length.

ffmpeg's stderr goes to a temporary file rather than a pipe, so a chatty decoder
can never fill a pipe buffer and deadlock the reader; when ffmpeg fails, its
complaint is condensed to one line inside a `MediaError`.
"""

from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections.abc import Generator
from pathlib import Path
from typing import IO

import numpy as np

from desk.core.errors import InputError, MediaError
from desk.core.file_checks import require_file
from desk.core.pipeline.ffmpeg_tools import FFMPEG_HINT, ffmpeg_path

SAMPLE_RATE = 16_000
_BYTES_PER_SAMPLE = 4
_ONE_BUFFER_SECONDS = 3600.0
_SLACK_BYTES = 4096  # room for ffmpeg's rounding of the window length
# Sample n is at time n / rate on the player's clock, even when the audio track
# starts late or has gaps or overlaps (cut livestreams, joined files): ffmpeg
# pads or trims to follow the timestamps instead of just counting samples.
_FOLLOW_TIMESTAMPS = "aresample=async=1:first_pts=0"
_PREFIX = re.compile(r"^\[[^\]]+ @ 0x[0-9a-f]+\]\s*")

log = logging.getLogger(__name__)


def iter_audio(
    path: Path | str,
    start: float = 0.0,
    end: float | None = None,
    chunk_seconds: float = 30.0,
    sample_rate: int = SAMPLE_RATE,
) -> Generator[np.ndarray, None, None]:
    """Yield mono float32 chunks of at most `chunk_seconds` from `start` to `end`.

    Times are seconds of the recording; `end=None` means to the end of the
    audio. Every chunk but the last has exactly `chunk_seconds * sample_rate`
    samples, and sample n is at `start + n / sample_rate` on the player's clock
    (silence fills in where the audio track starts late or has gaps).
    Stopping the iteration early (break, close) stops ffmpeg.
    Bad arguments, a missing file and a missing ffmpeg raise at once; a file
    ffmpeg cannot decode, without audio, or truncated raises MediaError while
    iterating (after yielding whatever could be decoded).
    """
    media = _checked_media(path)
    _check_range(start, end)
    if chunk_seconds <= 0:
        raise InputError(f"chunk length must be positive, not {chunk_seconds}")
    if end is not None and end <= start:
        return _no_chunks()
    command = _command(media, start, end, sample_rate)
    chunk_bytes = max(1, round(chunk_seconds * sample_rate)) * _BYTES_PER_SAMPLE
    # With a known end, never allocate a full chunk just to learn that the pipe
    # is at its end: that would double the peak for a one-chunk window.
    expected = None if end is None else round((end - start) * sample_rate) * _BYTES_PER_SAMPLE
    return _stream(media, command, chunk_bytes, expected)


def _no_chunks() -> Generator[np.ndarray, None, None]:
    """An empty generator (closable, like the real one)."""
    yield from ()


def _stream(
    media: Path, command: list[str], chunk_bytes: int, expected: int | None
) -> Generator[np.ndarray, None, None]:
    """Run ffmpeg and hand out its output chunk by chunk (starts on the first `next`)."""
    with tempfile.TemporaryFile() as errors:
        process = _spawn(command, errors)
        finished = False
        try:
            assert process.stdout is not None
            while True:
                size = chunk_bytes
                if expected is not None:
                    size = min(chunk_bytes, max(expected, 0) + _SLACK_BYTES)
                chunk = _read_exactly(process.stdout, size)
                if chunk is None:
                    break
                if expected is not None:
                    expected -= chunk.nbytes
                yield chunk
            finished = True
        finally:
            if not finished:
                process.kill()
            if process.stdout is not None:
                process.stdout.close()
            code = process.wait()
        _raise_for_failure(media, code, errors)


def read_audio(
    path: Path | str,
    start: float = 0.0,
    end: float | None = None,
    sample_rate: int = SAMPLE_RATE,
) -> np.ndarray:
    """One window of audio as a single float32 array (fast seek with `-ss` before `-i`).

    Meant for transcription windows of tens of minutes (20 min = 77 MB);
    use `iter_audio` for anything that should not be held at once.
    """
    # A window of known length is read into one buffer (peak memory = the window);
    # anything open-ended or huge is gathered in chunks and joined (twice that).
    span = None if end is None else end - start
    chunk_seconds = span if span is not None and 0 < span <= _ONE_BUFFER_SECONDS else 60.0
    chunks = list(iter_audio(path, start, end, chunk_seconds, sample_rate))
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    if len(chunks) == 1:
        return chunks[0]
    return np.concatenate(chunks)


def waveform_peaks(
    path: Path | str,
    buckets_per_second: float = 50.0,
    sample_rate: int = 8_000,
    chunk_seconds: float = 30.0,
) -> np.ndarray:
    """Min and max sample per bucket, shape (n, 2), computed while streaming.

    Bucket i covers [i / buckets_per_second, (i + 1) / buckets_per_second) of
    the recording; boundaries are computed from the absolute sample index, so
    they never drift however long the file. 8 kHz is plenty for a drawing and
    halves the decoding cost; the last bucket may be partial.
    """
    if buckets_per_second <= 0 or buckets_per_second > sample_rate:
        raise InputError(f"buckets per second must be in (0, {sample_rate}]")
    results: list[np.ndarray] = []
    carry = np.zeros(0, dtype=np.float32)
    carry_start = 0  # absolute index of carry[0]
    bucket = 0  # index of the bucket that starts at carry[0]
    for chunk in iter_audio(path, chunk_seconds=chunk_seconds, sample_rate=sample_rate):
        samples = np.concatenate([carry, chunk]) if carry.size else chunk
        available_end = carry_start + samples.size
        last_complete = int(available_end * buckets_per_second // sample_rate)  # exclusive
        if last_complete > bucket:
            bounds = _bucket_starts(bucket, last_complete + 1, buckets_per_second, sample_rate)
            offsets = bounds - carry_start
            results.append(_min_max(samples[: offsets[-1]], offsets[:-1]))
            carry = samples[offsets[-1] :]
            carry_start += int(offsets[-1])
            bucket = last_complete
        else:
            carry = samples
    if carry.size:
        results.append(_min_max(carry, np.array([0])))
    if not results:
        return np.zeros((0, 2), dtype=np.float32)
    return np.concatenate(results).astype(np.float32, copy=False)


def _bucket_starts(first: int, stop: int, per_second: float, sample_rate: int) -> np.ndarray:
    """Absolute sample index where each bucket in [first, stop) begins (ceil, so no drift)."""
    indices = np.arange(first, stop, dtype=np.int64)
    return np.ceil(indices * sample_rate / per_second - 1e-9).astype(np.int64)


def _min_max(samples: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.stack(
        [np.minimum.reduceat(samples, starts), np.maximum.reduceat(samples, starts)], axis=1
    )


def _checked_media(path: Path | str) -> Path:
    media = Path(path)
    require_file(media)
    return media


def _check_range(start: float, end: float | None) -> None:
    if start < 0:
        raise InputError(f"start time cannot be negative ({start})")
    if end is not None and end < start:
        raise InputError(f"end time {end} is before start time {start}")


def _command(media: Path, start: float, end: float | None, sample_rate: int) -> list[str]:
    command = [ffmpeg_path(), "-nostdin", "-hide_banner", "-loglevel", "error"]
    if start > 0:
        command += ["-ss", f"{start:.6f}"]
    command += ["-i", str(media)]
    if end is not None:
        command += ["-t", f"{end - start:.6f}"]
    command += ["-map", "0:a:0", "-vn", "-sn", "-dn", "-af", _FOLLOW_TIMESTAMPS]
    command += ["-f", "f32le", "-acodec", "pcm_f32le", "-ac", "1", "-ar", str(sample_rate), "-"]
    return command


def _spawn(command: list[str], errors: IO[bytes]) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors
        )
    except OSError as exc:  # vanished between which() and exec, or not executable
        raise MediaError(f"ffmpeg could not be started ({exc}); {FFMPEG_HINT}") from exc


def _read_exactly(stream: IO[bytes], size: int) -> np.ndarray | None:
    """Fill one chunk from the pipe; a short chunk only at the end, None after it."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    filled = 0
    while filled < size:
        count = stream.readinto(view[filled:])  # type: ignore[attr-defined]
        if not count:
            break
        filled += count
    filled -= filled % _BYTES_PER_SAMPLE
    if filled == 0:
        return None
    if filled < size:
        del view
        del buffer[filled:]
    return np.frombuffer(buffer, dtype=np.float32)


def _raise_for_failure(media: Path, code: int, errors: IO[bytes]) -> None:
    errors.seek(0)
    text = errors.read(64_000).decode("utf-8", "replace")
    if code < 0:
        return  # we killed it because the caller stopped early
    if code != 0:
        raise MediaError(_explain(media, text))
    if "partial file" in text:
        raise MediaError(
            f"{media.name} is truncated: its audio stops before the end (partial file)"
        )
    if text.strip():
        log.warning("ffmpeg reported problems decoding %s: %s", media.name, _condense(text, media))


def _explain(media: Path, stderr: str) -> str:
    name = media.name
    if "matches no streams" in stderr:
        return f"{name} has no audio stream (a video without sound, or not a recording)"
    if "moov atom not found" in stderr:
        if _looks_like_mp4(media):
            return f"{name} is truncated or not a finished MP4 (moov atom not found)"
        return f"{name} is not a recording ffmpeg can read (no MP4 header)"
    if "Invalid data found when processing input" in stderr:
        return f"{name} is not a recording ffmpeg can read, or it is corrupt"
    return f"cannot decode {name}: {_condense(stderr, media)}"


def _looks_like_mp4(media: Path) -> bool:
    """An ISO media file begins with an `ftyp` box; a renamed text file does not."""
    with media.open("rb") as handle:
        return handle.read(12)[4:8] == b"ftyp"


def _condense(stderr: str, media: Path) -> str:
    """ffmpeg's complaint as one short line: no addresses, no path, no repeats."""
    seen: list[str] = []
    for raw in stderr.splitlines():
        line = _PREFIX.sub("", raw.strip()).replace(str(media), media.name)
        if line and line not in seen:
            seen.append(line)
    if not seen:
        return "ffmpeg failed without saying why"
    return "; ".join(seen[-2:])[:200]
