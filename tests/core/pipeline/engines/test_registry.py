"""Choosing an engine for a model (fast, no weights loaded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.errors import InputError, ModelError
from desk.core.pipeline.engines import registry
from desk.core.pipeline.engines.base import ModelRef

CT2 = ModelRef("tiny.en", Path("/models/tiny.en"), "ct2")
PT = ModelRef("small", Path("/models/small.pt"), "openai", multilingual=True)


def test_auto_prefers_faster_for_ct2_models() -> None:
    assert registry.choose_engine("auto", CT2) == "faster"
    assert registry.choose_engine("auto", PT) == "openai"
    assert registry.choose_engine("openai", CT2) == "openai"


def test_auto_falls_back_to_openai(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "engine_installed", lambda name: name == "openai")
    assert registry.choose_engine("auto", CT2) == "openai"
    with pytest.raises(ModelError, match=r"faster engine is not installed \(pip install"):
        registry.choose_engine("faster", CT2)


def test_unknown_engine() -> None:
    with pytest.raises(InputError, match="unknown engine 'whisperx'"):
        registry.choose_engine("whisperx", CT2)


def test_faster_engine_refuses_a_pt_checkpoint() -> None:
    with pytest.raises(ModelError, match="needs a CTranslate2 model"):
        registry.load_engine("faster", PT)


def test_faster_engine_refuses_a_folder_without_tokenizer(tmp_path: Path) -> None:
    (tmp_path / "model.bin").write_bytes(b"\0")
    with pytest.raises(ModelError, match="lacks tokenizer.json"):
        registry.load_engine("faster", ModelRef("x", tmp_path, "ct2"))


def test_importing_engines_and_models_stays_light() -> None:
    """The GUI imports these at start; torch, whisper and faster_whisper must wait."""
    code = (
        "import sys, desk.core.weights.catalog, desk.core.pipeline.engines.registry, "
        "desk.core.weights.ct2, "
        "desk.core.pipeline.engines.openai_engine, desk.core.pipeline.engines.faster_engine; "
        "print(sorted(m for m in ('torch', 'whisper', 'faster_whisper', 'ctranslate2') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[4],
    )
    assert out.stdout.strip() == "[]"
