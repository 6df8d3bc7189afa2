"""The openai engine's own rules: what it decodes with, which checkpoints it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import ModelError
from desk.core.pipeline.engines.base import ModelRef, TranscribeOptions
from desk.core.pipeline.engines.openai_engine import OpenAIWhisperEngine, load_whisper_checkpoint


def test_decode_options_follow_the_choice() -> None:
    engine = OpenAIWhisperEngine.__new__(OpenAIWhisperEngine)  # options only: no weights
    accurate = engine._decode_options(TranscribeOptions(language="en", beam_size=5,
                                                        extra={"temperature": 0.0}))
    assert accurate == {"fp16": False, "beam_size": 5, "language": "en", "temperature": 0.0}
    faster = engine._decode_options(TranscribeOptions(beam_size=5, decoding="faster"))
    assert "beam_size" not in faster and faster["fp16"] is False


def test_an_unknown_model_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read a 'gguf' model"):
        OpenAIWhisperEngine._checkpoint_for(ModelRef("x", tmp_path / "x.gguf", "gguf"))
    assert OpenAIWhisperEngine._checkpoint_for(
        ModelRef("tiny.en", tmp_path / "tiny.en.pt", "openai")) == tmp_path / "tiny.en.pt"


@pytest.mark.parametrize("data", [b"\x80\x02" + bytes(range(256)) * 8, b"\x80\x04\x95garbage"])
def test_a_damaged_checkpoint_is_a_model_error_in_one_line(tmp_path: Path, data: bytes) -> None:
    """torch.load fails on a damaged file with IndexError, UnpicklingError, EOFError, …"""
    checkpoint = tmp_path / "damaged.pt"
    checkpoint.write_bytes(data)
    with pytest.raises(ModelError, match="damaged or not a Whisper model") as raised:
        load_whisper_checkpoint(checkpoint, "damaged", 1)
    assert "\n" not in str(raised.value)
