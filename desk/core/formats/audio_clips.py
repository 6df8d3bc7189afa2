"""Listening copies of annotations: the audio alone, cut with pydub and loudness-normalised.

An analyst comparing evidence side by side (one attack after another, two
coders' versions of one exchange) wants the clips equally loud, whatever the
microphone did. pydub (on ffmpeg) reads only the annotation's stretch of the
recording, measures its loudness (RMS, in dBFS) and applies one gain towards
`TARGET_DBFS`, capped so that the loudest sample stays under
`PEAK_CEILING_DBFS`: nothing clips and the speech is not compressed. The same
cut serves anything that plays an annotation on its own.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from desk.core.errors import FormatError, MediaError
from desk.core.records import Annotation

TARGET_DBFS = -20.0  # average loudness of speech in broadcast-style listening copies
PEAK_CEILING_DBFS = -1.0
SUFFIX = ".m4a"  # AAC in an MPEG-4 container: plays everywhere, small


def annotation_audio(media: Path, start: float, end: float) -> Any:
    """The recording's audio from `start` to `end` (a pydub AudioSegment)."""
    from pydub import AudioSegment  # imported when clips are cut: it probes for ffmpeg

    try:
        return AudioSegment.from_file(str(media), start_second=start, duration=end - start)
    except Exception as exc:  # pydub raises CouldntDecodeError or ffmpeg's failure as is
        raise MediaError(f"could not read the audio of {media.name} at {start:.3f} s: "
                         f"{str(exc).strip().splitlines()[-1][:200] if str(exc) else exc}"
                         ) from exc


def loudness_gain(average_dbfs: float, peak_dbfs: float, target: float = TARGET_DBFS) -> float:
    """The gain (dB) that brings the average to `target` without the peak passing the ceiling."""
    if math.isinf(average_dbfs):  # digital silence: nothing to bring up
        return 0.0
    return min(target - average_dbfs, PEAK_CEILING_DBFS - peak_dbfs)


def normalised(audio: Any, target: float = TARGET_DBFS) -> Any:
    return audio.apply_gain(loudness_gain(audio.dBFS, audio.max_dBFS, target))


def write_listening_clip(media: Path, annotation: Annotation, target: Path) -> None:
    """The annotation's audio, normalised, written to `target` (whole or not at all)."""
    audio = normalised(annotation_audio(media, annotation.start, annotation.end))
    part = target.with_name(f".{target.stem}.part{target.suffix}")
    try:
        audio.export(str(part), format="ipod", codec="aac", bitrate="128k").close()
        os.replace(part, target)
    except OSError as exc:  # pydub copies ffmpeg's output into the file: a full disk, say
        raise FormatError(f"cannot write {target.name}: "
                          f"{(exc.strerror or str(exc)).lower()}") from exc
    finally:
        part.unlink(missing_ok=True)
