"""The contract every transcription engine meets.

An engine turns a window of 16 kHz mono float32 audio into `Segment`s with
word timestamps. The job runner (desk.core.pipeline.jobs) cuts the recording into
windows, shifts times by the window's offset and stores the result, so an
engine knows nothing about projects, chunking or resume.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from desk.core.records import Segment

SAMPLE_RATE = 16_000

# The progress channel: told the seconds of the current window handled so far
# (0 .. the window's length, never going back), several times per 30 s step.
Progress = Callable[[float], None]


@dataclass
class TranscribeOptions:
    """What the analyst chose for a transcription, stored with the transcript."""

    language: str | None = None  # None = detect
    initial_prompt: str | None = None  # vocabulary: "Kamala Harris, DDoS, ..."
    # Off by default: conditioning on previous text is the known cause of
    # repetition loops on long recordings (Buzz #379, noScribe #110).
    condition_on_previous_text: bool = False
    beam_size: int | None = 5  # the width of beam search, wherever it is used
    # adaptive: greedy first, beam search where the greedy step is doubtful (second_look.py);
    # accurate: beam search everywhere; faster: greedy everywhere.
    decoding: str = "accurate"
    word_timestamps: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def to_settings(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "initial_prompt": self.initial_prompt,
            "condition_on_previous_text": self.condition_on_previous_text,
            "beam_size": self.beam_size,
            "decoding": self.decoding,
            "word_timestamps": self.word_timestamps,
            **self.extra,
        }


@dataclass
class ModelRef:
    """A resolved model: where its weights are and in which format."""

    name: str  # "tiny.en", "base", or a file name
    path: Path  # a .pt checkpoint, or a CTranslate2 folder
    format: str  # "openai" (.pt) | "ct2" (CTranslate2 folder)
    multilingual: bool = False
    source: str = ""  # where it came from: "embedded", "whisper-cache", "file", ...


class Engine(Protocol):
    """A loaded Whisper model that can transcribe windows of audio."""

    name: str  # "openai" | "faster"

    def transcribe(
        self,
        audio: np.ndarray,
        options: TranscribeOptions,
        offset: float = 0.0,
        progress: Progress | None = None,
    ) -> Iterator[Segment]:
        """Yield segments for `audio` (16 kHz mono float32), times shifted by `offset`.

        Segments come with words (start, end, probability) when
        `options.word_timestamps` is set, and with avg_logprob / no_speech_prob.
        `progress` is told how many seconds of `audio` are handled while the
        engine works, so a bar moves even when segments come in bursts.
        """
        ...

    @property
    def detected_language(self) -> str | None:
        """The language of the last window, when it was detected."""
        ...


def default_threads() -> int:
    """CPU threads for inference: half the cores this process may use, or `$DESK_THREADS`.

    Half, because the analyst keeps playing and tagging the recording while it
    is transcribed, and because PyTorch threads that outnumber free cores spin
    and run several times slower (measured: tiny.en on 2 busy cores took 27 s
    with 2 threads and 8 s with 1).
    """
    override = os.environ.get("DESK_THREADS", "").strip()
    if override.isdigit() and int(override) > 0:
        return int(override)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        cores = os.cpu_count() or 1
    return max(1, min(8, cores // 2))
