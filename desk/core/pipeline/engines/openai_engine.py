"""The reference engine: openai-whisper on PyTorch, CPU by default.

It needs a `.pt` checkpoint; a CTranslate2 model (the embedded tiny.en) is
converted once into Desk's model folder. torch and whisper are imported when
an engine is built, never when this module is imported, so the GUI starts fast.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import logging
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from desk.core.errors import ModelError
from desk.core.pipeline.engines import base
from desk.core.pipeline.engines.base import SAMPLE_RATE, ModelRef, Progress, TranscribeOptions
from desk.core.pipeline.engines.segments import build_segment, check_language, engine_input
from desk.core.records import Segment

# Options a caller may pass through TranscribeOptions.extra.
EXTRA_DECODE_KEYS = ("temperature", "best_of", "patience", "length_penalty")


def _alignment_mask_dump(heads: list[list[int]], n_layer: int, n_head: int) -> bytes:
    """Encode (layer, head) pairs the way `Whisper.set_alignment_heads` expects."""
    mask = np.zeros((n_layer, n_head), dtype=bool)
    for layer, head in heads:
        if not (0 <= layer < n_layer and 0 <= head < n_head):
            raise ModelError(f"alignment head ({layer}, {head}) is outside the model")
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes()))


def load_whisper_checkpoint(path: Path, name: str, threads: int) -> Any:
    """Build a `whisper.model.Whisper` from a .pt file, with the right alignment heads.

    `whisper.load_model(path)` falls back to "last half of the decoder heads"
    for any file it does not know by name, which blurs word timestamps; Desk
    restores the heads from the checkpoint (converted models) or from
    openai-whisper's table (official files).
    """
    import torch
    import whisper
    from whisper.model import ModelDimensions, Whisper

    torch.set_num_threads(threads)
    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=True)
        dims = ModelDimensions(**checkpoint["dims"])
        model = Whisper(dims)
        model.load_state_dict(checkpoint["model_state_dict"])
    except Exception as exc:  # a damaged file fails in any of pickle's or torch's ways
        logging.getLogger("desk.engines").warning("cannot load %s: %r", path, exc)
        raise ModelError(f"cannot load the Whisper checkpoint {path}: the file is damaged or "
                         f"not a Whisper model ({type(exc).__name__}); download it again or "
                         "pick another model") from None
    heads = checkpoint.get("alignment_heads")
    if heads:
        model.set_alignment_heads(_alignment_mask_dump(heads, dims.n_text_layer, dims.n_text_head))
    elif name in whisper._ALIGNMENT_HEADS:
        model.set_alignment_heads(whisper._ALIGNMENT_HEADS[name])
    return model.to("cpu").eval()


class OpenAIWhisperEngine:
    """openai-whisper behind Desk's `Engine` interface."""

    name = "openai"

    def __init__(self, model: ModelRef, threads: int | None = None) -> None:

        self._threads = threads or base.default_threads()
        self._language: str | None = None
        checkpoint = self._checkpoint_for(model)
        self._model = load_whisper_checkpoint(checkpoint, model.name, self._threads)
        # The file, not its name, says whether it knows other languages.
        self.model_ref = replace(model, multilingual=bool(self._model.is_multilingual))

    @staticmethod
    def _checkpoint_for(model: ModelRef) -> Path:
        if model.format == "openai":
            return Path(model.path)
        if model.format == "ct2":
            from desk.core.weights.ct2 import ensure_openai_checkpoint
            from desk.core.weights.model_folder import model_dir

            return ensure_openai_checkpoint(Path(model.path), model_dir(), model.name)
        raise ModelError(f"the openai engine cannot read a '{model.format}' model")

    @property
    def detected_language(self) -> str | None:
        return self._language

    def _decode_options(self, options: TranscribeOptions) -> dict[str, Any]:
        decode: dict[str, Any] = {
            "fp16": False,  # float16 on CPU is slower and openai-whisper warns about it
            "beam_size": options.beam_size,
            "language": options.language,
        }
        # No second look here: "adaptive" decodes as "accurate" (beam search everywhere).
        if options.beam_size is None or options.decoding == "faster":
            decode.pop("beam_size")
        decode.update({k: options.extra[k] for k in EXTRA_DECODE_KEYS if k in options.extra})
        return decode

    def transcribe(
        self,
        audio: np.ndarray,
        options: TranscribeOptions,
        offset: float = 0.0,
        progress: Progress | None = None,
    ) -> Iterator[Segment]:
        """Transcribe one window; segments come after the whole window is decoded.

        openai-whisper reports its position only to its own progress bar, so
        `progress` is fed from a stand-in for that bar, once per 30 s step.
        """
        import torch
        import whisper

        check_language(self.model_ref, options.language)
        prepared = engine_input(audio)
        if prepared is None:
            return
        audio = prepared
        torch.set_num_threads(self._threads)
        with _progress_from_bar(progress):
            result = whisper.transcribe(
                self._model,
                audio,
                verbose=None,
                word_timestamps=options.word_timestamps,
                initial_prompt=options.initial_prompt or None,
                condition_on_previous_text=options.condition_on_previous_text,
                **self._decode_options(options),
            )
        self._language = result.get("language") if options.language is None else options.language
        for raw in result["segments"]:
            words = [
                (w["start"], w["end"], w["word"], w.get("probability"))
                for w in raw.get("words", []) or []
            ]
            segment = build_segment(
                raw["start"],
                raw["end"],
                raw["text"],
                words,
                offset,
                raw.get("avg_logprob"),
                raw.get("no_speech_prob"),
                raw.get("compression_ratio"),
            )
            if segment is not None:
                yield segment


FRAMES_PER_SECOND = SAMPLE_RATE // 160  # whisper's mel frames: hop length 160


class _Bar:
    """What whisper.transcribe needs of tqdm's bar: it counts mel frames done."""

    def __init__(self, progress: Progress, **_: object) -> None:
        self._progress = progress
        self._frames = 0

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def update(self, frames: int) -> None:
        self._frames += frames
        self._progress(self._frames / FRAMES_PER_SECOND)


@contextlib.contextmanager
def _progress_from_bar(progress: Progress | None) -> Iterator[None]:
    """Route whisper.transcribe's progress bar (the module's `tqdm`) into `progress`."""
    module = sys.modules["whisper.transcribe"]
    if progress is None or not hasattr(module, "tqdm"):
        yield
        return
    original = module.tqdm
    report = progress

    class _Tqdm:
        @staticmethod
        def tqdm(**kwargs: object) -> _Bar:
            return _Bar(report, **kwargs)

    setattr(module, "tqdm", _Tqdm)  # noqa: B010 (a module of an untyped library)
    try:
        yield
    finally:
        setattr(module, "tqdm", original)  # noqa: B010
