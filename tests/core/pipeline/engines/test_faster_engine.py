"""The faster engine's own rules: which model folders it takes, how wide it searches."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import ModelError
from desk.core.pipeline.engines.base import ModelRef, TranscribeOptions
from desk.core.pipeline.engines.faster_engine import FasterWhisperEngine, beam_width


def test_beam_width_follows_the_decoding_choice() -> None:
    assert beam_width(TranscribeOptions(beam_size=5)) == 5
    assert beam_width(TranscribeOptions(beam_size=5, decoding="faster")) == 1
    assert beam_width(TranscribeOptions(beam_size=None)) == 1


def test_only_a_complete_ctranslate2_folder_is_taken(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="needs a CTranslate2 model"):
        FasterWhisperEngine(ModelRef("tiny.en", tmp_path / "tiny.en.pt", "openai"))
    (tmp_path / "model.bin").write_bytes(b"\0")
    with pytest.raises(ModelError, match="lacks tokenizer.json"):
        FasterWhisperEngine(ModelRef("x", tmp_path, "ct2"))
