"""The fast engine: faster-whisper (CTranslate2), int8 on CPU.

faster-whisper treats any string that is not an existing folder as a Hugging
Face hub name and downloads it, and fetches a tokenizer from the hub when the
folder has none. Desk therefore only ever hands it a resolved folder that holds
model.bin and tokenizer.json, and turns off hub access before importing it.

Windows are decoded in batches of lanes (batched_decoder.py), which is about
1.25x faster than faster-whisper's own one-step-at-a-time loop on 2 cores;
that loop is still used for a step whose text looks broken, and when the
analyst asks for conditioning on previous text or sampling options.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from desk.core.errors import ModelError
from desk.core.pipeline.engines import base
from desk.core.pipeline.engines.base import SAMPLE_RATE, ModelRef, Progress, TranscribeOptions
from desk.core.pipeline.engines.batched_decoder import BatchedDecoder, RawSegment
from desk.core.pipeline.engines.second_look import SecondLook
from desk.core.pipeline.engines.segments import build_segment, check_language, engine_input
from desk.core.records import Segment

EXTRA_DECODE_KEYS = ("temperature", "best_of", "patience", "length_penalty")
REQUIRED_FILES = ("model.bin", "tokenizer.json")
# Lanes decoded as one batch: the decoder's cost per step falls with the batch (step_costs.py).
BATCH_SIZE = 8
FALLBACK_TEMPERATURES = (0.2, 0.4, 0.6, 0.8, 1.0)


def _check_folder(model: ModelRef) -> Path:
    if model.format != "ct2":
        raise ModelError(
            f"the faster engine needs a CTranslate2 model, but '{model.name}' is a "
            f"{model.format} checkpoint ({model.path}); use the openai engine for it"
        )
    folder = Path(model.path)
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise ModelError(
            f"the CTranslate2 model folder {folder} lacks {', '.join(missing)}; "
            "faster-whisper would try to download it"
        )
    return folder


def beam_width(options: TranscribeOptions) -> int:
    """The beam of a full decode: 1 (greedy) for "faster" or no beam; None means greedy."""
    return 1 if options.decoding == "faster" else max(1, options.beam_size or 1)


class FasterWhisperEngine:
    """faster-whisper behind Desk's `Engine` interface."""

    name = "faster"

    def __init__(self, model: ModelRef, threads: int | None = None) -> None:

        folder = _check_folder(model)
        # Belt and braces: even a mistake further down cannot reach the hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from faster_whisper import WhisperModel

        self._language: str | None = None
        self.last_decoder: BatchedDecoder | None = None
        try:
            self._model = WhisperModel(
                str(folder),
                device="cpu",
                compute_type="int8",
                cpu_threads=threads or base.default_threads(),
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model in {folder}: {exc}") from None
        # The loaded model, not the name, says whether it knows other languages.
        self.model_ref = replace(model, multilingual=bool(self._model.model.is_multilingual))

    @property
    def detected_language(self) -> str | None:
        return self._language

    def _decode_options(self, options: TranscribeOptions) -> dict[str, Any]:
        decode: dict[str, Any] = {
            "language": options.language,
            "beam_size": beam_width(options),
            "word_timestamps": options.word_timestamps,
            "initial_prompt": options.initial_prompt or None,
            "condition_on_previous_text": options.condition_on_previous_text,
            "vad_filter": False,  # Desk finds silences itself, before transcribing
        }
        decode.update({k: options.extra[k] for k in EXTRA_DECODE_KEYS if k in options.extra})
        return decode

    def transcribe(
        self,
        audio: np.ndarray,
        options: TranscribeOptions,
        offset: float = 0.0,
        progress: Progress | None = None,
    ) -> Iterator[Segment]:
        """Transcribe one window; segments are yielded as they are decoded.

        Batched decoding (batched_decoder.py) is used unless the analyst asked
        for what only the sequential loop offers: conditioning on previous
        text, or sampling options (there, "adaptive" decodes as "accurate").
        """
        check_language(self.model_ref, options.language)
        prepared = engine_input(audio)
        if prepared is None:
            return
        audio = prepared
        sequential = options.condition_on_previous_text or any(
            k in options.extra for k in EXTRA_DECODE_KEYS)
        if sequential:
            raw_segments = self._sequential(audio, options, 0.0)
        else:
            raw_segments = self._batched(audio, options, progress)
        for raw in raw_segments:
            if sequential and progress is not None:
                progress(raw.end)  # the sequential loop's only measure
            segment = build_segment(
                raw.start,
                raw.end,
                raw.text,
                raw.words,
                offset,
                raw.avg_logprob,
                raw.no_speech_prob,
                raw.compression_ratio,
            )
            if segment is not None:
                yield segment

    def _batched(
        self, audio: np.ndarray, options: TranscribeOptions, progress: Progress | None = None
    ) -> Iterator[RawSegment]:
        language = options.language or self._detect_language(audio)
        self._language = language
        # The batched pass was Whisper's temperature 0; a broken step goes on from there.
        retry = {**options.extra, "temperature": list(FALLBACK_TEMPERATURES)}
        sequential = replace(options, language=language, extra=retry)
        decoder = BatchedDecoder(
            self._model,
            language=language,
            beam_size=beam_width(options),
            initial_prompt=options.initial_prompt or None,
            word_timestamps=options.word_timestamps,
            batch_size=int(options.extra.get("batch_size", BATCH_SIZE)),
            fallback=lambda piece, start: list(self._sequential(piece, sequential, start)),
            second_look=SecondLook(beam_width(options)) if options.decoding == "adaptive" else None,
        )
        self.last_decoder = decoder  # its step counts, for benchmarks and the log
        return decoder.decode(audio, progress)

    def _detect_language(self, audio: np.ndarray) -> str:
        """English for English-only models; otherwise what Whisper hears in the first 30 s."""
        if not self.model_ref.multilingual:
            return "en"
        language, _probability, _all = self._model.detect_language(audio=audio[: 30 * SAMPLE_RATE])
        return str(language)

    def _sequential(
        self, audio: np.ndarray, options: TranscribeOptions, start: float
    ) -> Iterator[RawSegment]:
        """faster-whisper's own loop, with Whisper's temperature fallback; times from `start`."""
        raw_segments, info = self._model.transcribe(audio, **self._decode_options(options))
        self._language = info.language if options.language is None else options.language
        for raw in raw_segments:
            yield RawSegment(
                start + raw.start,
                start + raw.end,
                raw.text,
                [(start + w.start, start + w.end, w.word, w.probability) for w in raw.words or []],
                raw.avg_logprob,
                raw.no_speech_prob,
                raw.compression_ratio,
            )
