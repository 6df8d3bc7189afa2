"""Choose and load a transcription engine for a resolved model.

Engine modules import torch / faster-whisper when an engine is built; this
module only checks what is installed, so the GUI can offer the choices
without paying for those imports.
"""

from __future__ import annotations

import importlib.util

from desk.core.errors import InputError, ModelError
from desk.core.pipeline.engines.base import Engine, ModelRef

ENGINE_NAMES = ("auto", "openai", "faster")


def engine_installed(name: str) -> bool:
    """Whether the library behind engine `name` can be imported (without importing it)."""
    module = {"openai": "whisper", "faster": "faster_whisper"}.get(name)
    return module is not None and importlib.util.find_spec(module) is not None


def available_engines() -> list[str]:
    """The concrete engines installed here, fastest first."""
    return [name for name in ("faster", "openai") if engine_installed(name)]


def choose_engine(name: str, model: ModelRef) -> str:
    """The concrete engine for a request: "auto" prefers faster-whisper for CTranslate2 models."""
    if name not in ENGINE_NAMES:
        raise InputError(f"unknown engine '{name}': choose one of {', '.join(ENGINE_NAMES)}")
    if name == "auto":
        if model.format == "ct2" and engine_installed("faster"):
            return "faster"
        name = "openai"
    if not engine_installed(name):
        extra = " (pip install 'desk[fast]')" if name == "faster" else ""
        raise ModelError(f"the {name} engine is not installed{extra}")
    return name


def load_engine(name: str, model: ModelRef, threads: int | None = None) -> Engine:
    """Load `model` into engine `name` ("auto", "openai" or "faster")."""
    chosen = choose_engine(name, model)
    if chosen == "faster":
        from desk.core.pipeline.engines.faster_engine import FasterWhisperEngine

        return FasterWhisperEngine(model, threads)
    from desk.core.pipeline.engines.openai_engine import OpenAIWhisperEngine

    return OpenAIWhisperEngine(model, threads)
