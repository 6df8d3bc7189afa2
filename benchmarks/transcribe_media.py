"""The recordings `benchmarks/transcribe.py` measures, and what was said in each.

Every file is joined by stream copy from two pieces encoded exactly as
`make_long_media.py` encodes them (60 s of dead air: a plain card and a quiet
hum; the sample's speech part), so the dead-air file is the long file's first
40 minutes and a speech file is its speech part, cut shorter. Files are kept in
`$DESK_BENCH_DIR` (default ~/.cache/desk-bench) and reused.
"""

from __future__ import annotations

import json
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.make_long_media import (
    AUDIO,
    DEAD_AIR_SECONDS,
    DEAD_PIECE_SECONDS,
    SAMPLE,
    TOTAL_SECONDS,
    TRUTH,
    VIDEO,
    bench_dir,
    duration_of,
    ensure_long_media,
    ffmpeg,
)
from desk.core.wer import normalized_words

TRUTH_DATA = json.loads(TRUTH.read_text(encoding="utf-8"))
SPEECH_FROM = TRUTH_DATA["dead_air"][0]["end"] - 0.5  # where make_long_media cuts the speech


@dataclass
class BenchMedia:
    """One recording and what is known about it."""

    label: str
    path: Path
    duration: float  # seconds
    speech_seconds: float  # seconds of it that are not leading dead air
    reference: str | None  # what was said, when known ("" = nothing was said)


def dead_piece() -> Path:
    target = bench_dir() / "piece-dead-air.mp4"
    if not target.is_file():
        _encode(target, "-f", "lavfi", "-i",
                f"color=c=0x1c2630:s=320x180:r=10:d={DEAD_PIECE_SECONDS}",
                "-f", "lavfi", "-i",
                f"sine=f=60:r=22050:d={DEAD_PIECE_SECONDS},volume=0.0113",
                *VIDEO, *AUDIO, "-shortest")
    return target


def speech_piece() -> Path:
    target = bench_dir() / "piece-speech.mp4"
    if not target.is_file():
        _encode(target, "-ss", str(SPEECH_FROM), "-i", str(SAMPLE), *VIDEO, *AUDIO)
    return target


def _encode(target: Path, *args: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name("partial-" + target.name)
    ffmpeg(*args, str(partial))
    partial.replace(target)


def joined(name: str, pieces: list[tuple[Path, int]]) -> Path:
    """`pieces` (file, times) joined by stream copy into bench_dir()/name, once."""
    target = bench_dir() / name
    if target.is_file():
        return target
    with tempfile.TemporaryDirectory(dir=bench_dir()) as tmp:
        listing = Path(tmp) / "pieces.txt"
        listing.write_text("".join(f"file '{p}'\n" * n for p, n in pieces))
        partial = Path(tmp) / name
        ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy",
               "-movflags", "+faststart", str(partial))
        partial.replace(target)
    return target


def sample_text() -> str:
    return " ".join(u["text"] for u in TRUTH_DATA["utterances"])


def sample_media() -> BenchMedia:
    duration = TRUTH_DATA["duration"]
    return BenchMedia("sample", SAMPLE, duration, duration - TRUTH_DATA["dead_air"][0]["end"],
                      sample_text())


def dead_air_media(minutes: int) -> BenchMedia:
    path = joined(f"dead-air-{minutes}min.mp4", [(dead_piece(), minutes)])
    return BenchMedia(f"dead air {minutes} min", path, duration_of(path), 0.0, "")


def speech_media(repeats: int) -> BenchMedia:
    path = joined(f"speech-x{repeats}.mp4", [(speech_piece(), repeats)])
    return BenchMedia(f"speech x{repeats}", path, duration_of(path), duration_of(path),
                      " ".join([sample_text()] * repeats))


def late_start_media(dead_minutes: int, repeats: int) -> BenchMedia:
    """Dead air, then speech: the shape of the memory test's recording."""
    path = joined(f"late-start-{dead_minutes}min-x{repeats}.mp4",
                  [(dead_piece(), dead_minutes), (speech_piece(), repeats)])
    duration = duration_of(path)
    return BenchMedia(f"{dead_minutes} min dead + speech x{repeats}", path, duration,
                      duration - dead_minutes * 60, " ".join([sample_text()] * repeats))


def long_media() -> BenchMedia:
    """The 2 h 40 min file; what was said is the sample's speech, repeated until the cut."""
    path = ensure_long_media()
    piece = duration_of(speech_piece())
    said: list[str] = []
    for k in range(math.ceil((TOTAL_SECONDS - DEAD_AIR_SECONDS) / piece)):
        start = DEAD_AIR_SECONDS + k * piece - SPEECH_FROM
        said += [u["text"] for u in TRUTH_DATA["utterances"] if start + u["end"] <= TOTAL_SECONDS]
    return BenchMedia("long 2h40", path, duration_of(path), TOTAL_SECONDS - DEAD_AIR_SECONDS,
                      " ".join(said))


def word_error_rate(reference: str, hypothesis: str) -> float | None:
    """Word error rate like desk.core.wer's, vectorised so 13,000-word texts take a second.

    Each row of the edit-distance table is computed at once; the within-row
    insertion chain is a running minimum of (cost - column), plus the column.
    """
    ref, hyp = normalized_words(reference), normalized_words(hypothesis)
    if not ref:
        return None
    vocabulary: dict[str, int] = {}
    ref_ids = [vocabulary.setdefault(w, len(vocabulary)) for w in ref]
    hyp_ids = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in hyp], dtype=np.int32)
    columns = np.arange(len(hyp) + 1, dtype=np.int32)
    row = columns.copy()
    best = np.empty_like(row)
    for i, word in enumerate(ref_ids, start=1):
        best[0] = i
        np.minimum(row[:-1] + (hyp_ids != word), row[1:] + 1, out=best[1:])
        row = np.minimum.accumulate(best - columns) + columns
    return float(row[-1]) / len(ref)
