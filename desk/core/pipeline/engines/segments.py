"""What both engines do to their raw output before Desk sees it.

Each engine library returns its own segment objects; Desk wants `Segment`s in
recording time, with words that stay inside their segment and never go back
in time (the timeline and the exports rely on that), and without the text
Whisper invents over silence.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from desk.core.errors import InputError
from desk.core.pipeline.engines.base import ModelRef
from desk.core.records import Segment, Word

# Whisper's own thresholds for "this window is silence" (no_speech_threshold and
# logprob_threshold in openai-whisper): when both hold, the text is invented.
SILENCE_NO_SPEECH_PROB = 0.6
SILENCE_AVG_LOGPROB = -1.0


def is_silence_hallucination(no_speech_prob: float | None, avg_logprob: float | None) -> bool:
    """True for a segment Whisper produced over silence (high no-speech, low confidence)."""
    if no_speech_prob is None or avg_logprob is None:
        return False
    return no_speech_prob > SILENCE_NO_SPEECH_PROB and avg_logprob < SILENCE_AVG_LOGPROB


def check_language(model: ModelRef, language: str | None) -> None:
    """Refuse a non-English language on an English-only model instead of mistranscribing."""
    if language and not model.multilingual and language.lower() not in ("en", "english"):
        raise InputError(
            f"model '{model.name}' only knows English; choose a multilingual model "
            f"(e.g. base) to transcribe '{language}'"
        )


def _tidy_words(
    raw: Iterable[tuple[float, float, str, float | None]], start: float, end: float
) -> list[Word]:
    """Clamp words into [start, end] and make their times non-decreasing."""
    words: list[Word] = []
    previous = start
    for w_start, w_end, text, probability in raw:
        if not text.strip():
            continue
        w_start = min(max(float(w_start), previous, start), end)
        w_end = min(max(float(w_end), w_start), end)
        words.append(
            Word(w_start, w_end, text.strip(), None if probability is None else float(probability))
        )
        previous = w_start
    return words


def build_segment(
    start: float,
    end: float,
    text: str,
    words: Iterable[tuple[float, float, str, float | None]],
    offset: float,
    avg_logprob: float | None = None,
    no_speech_prob: float | None = None,
    compression_ratio: float | None = None,
) -> Segment | None:
    """A Desk segment in recording time, or None when there is nothing real to keep."""
    text = text.strip()
    if not text or is_silence_hallucination(no_speech_prob, avg_logprob):
        return None
    start, end = float(start) + offset, float(end) + offset
    end = max(end, start)
    shifted = ((s + offset, e + offset, t, p) for s, e, t, p in words)
    return Segment(
        start=start,
        end=end,
        text=text,
        words=_tidy_words(shifted, start, end),
        avg_logprob=None if avg_logprob is None else float(avg_logprob),
        no_speech_prob=None if no_speech_prob is None else float(no_speech_prob),
        compression_ratio=None if compression_ratio is None else float(compression_ratio),
    )


def engine_input(audio: np.ndarray) -> np.ndarray | None:
    """The window as both engines want it: contiguous, writable float32; None when empty."""
    audio = np.ascontiguousarray(audio, dtype=np.float32)
    if not audio.flags.writeable:  # torch.from_numpy warns on read-only buffers
        audio = audio.copy()
    return audio if audio.size else None
