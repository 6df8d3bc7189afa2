"""openai's published Whisper checkpoints: their names, hashes, and the one way to fetch them.

The SHA-256 of each checkpoint is part of openai-whisper's download URL; it is
copied here so that checking a file in the cache does not import torch
(tests compare this table with `whisper._MODELS`). Downloading is the only code
in Desk that touches the network, and only when the user asks for it.
"""

from __future__ import annotations

import hashlib
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from desk.core.errors import ModelError
from desk.core.pipeline.engines.base import ModelRef
from desk.core.weights.model_folder import CHUNK, model_dir, record_verified, sha256_file

OFFICIAL_SHA256: dict[str, str] = {
    "tiny.en": "d3dd57d32accea0b295c96e26691aa14d8822fac7d9d27d5dc00b4ca2826dd03",
    "tiny": "65147644a518d12f04e32d6f3b26facc3f8dd46e5390956a9424a650c0ce22b9",
    "base.en": "25a8566e1d0c1e2231d1c762132cd20e0f96a85d16145c3a00adf5d1ac670ead",
    "base": "ed3a0b6b1c0edf879ad9b11b1af5a0e6ab5db9205f891f668f8b0e6c6326e34e",
    "small.en": "f953ad0fd29cacd07d5a9eda5624af0f6bcf2258be67c92b79389873d91e0872",
    "small": "9ecf779972d90ba49c06d968637d720dd632c55bbf19d441fb42bf17a411e794",
    "medium.en": "d7440d1dc186f76616474e0ff0b3b6b879abc9d1a4926b7adfa41db2d497ab4f",
    "medium": "345ae4da62f9b3d59415adc60127b97c714f32e89e936602e85993674d08dcb1",
    "large-v1": "e4b87e7e0bf463eb8e6956e646f1e277e901512310def2c24bf0e11bd3c28e9a",
    "large-v2": "81f7c96c852ee8fc832187b0132e569d6c3065a3252ed18e56effd0b6a73e524",
    "large-v3": "e5b1a55b89c1367dacf97e3e19bfd829a01529dbfdeefa8caeb59b3f1b81dadb",
    "large": "e5b1a55b89c1367dacf97e3e19bfd829a01529dbfdeefa8caeb59b3f1b81dadb",
    "large-v3-turbo": "aff26ae408abcba5fbf8813c21e62b0941638c5f6eebfb145be0c9839262a19a",
    "turbo": "aff26ae408abcba5fbf8813c21e62b0941638c5f6eebfb145be0c9839262a19a",
}
# Short names openai-whisper stores under the full name's file.
ALIASES = {"large": "large-v3", "turbo": "large-v3-turbo"}
DOWNLOAD_TIMEOUT = 30.0

ProgressCallback = Callable[[int, int], None]  # (bytes done, bytes total; 0 when unknown)


def checkpoint_file_name(name: str) -> str:
    """The file openai-whisper keeps a model in ("large" → "large-v3.pt")."""
    return f"{ALIASES.get(name, name)}.pt"


def _official_url(name: str) -> str:
    """openai-whisper's own URL for `name` (it embeds the expected SHA-256)."""
    import whisper

    url = str(whisper._MODELS[name])
    if url.split("/")[-2] != OFFICIAL_SHA256[name]:
        raise ModelError(f"openai-whisper's URL for '{name}' does not match Desk's checksum table")
    return url


def download_model(name: str, progress_cb: ProgressCallback | None = None) -> ModelRef:
    """Fetch an official checkpoint into Desk's model folder, checksum-verified.

    Like openai-whisper's `_download`: same URL, same SHA-256 check, but the bytes
    go to `NAME.pt.part` and are renamed only once complete and verified, so an
    interrupted download (no network, cancel raised from `progress_cb`) leaves
    nothing behind.
    """
    if name not in OFFICIAL_SHA256:
        known = ", ".join(OFFICIAL_SHA256)
        raise ModelError(f"unknown model '{name}': Desk can download {known}")
    folder = model_dir()
    target = folder / checkpoint_file_name(name)
    expected = OFFICIAL_SHA256[name]
    multilingual = not name.endswith(".en")
    if target.is_file() and sha256_file(target) == expected:
        record_verified(target, expected)
        return ModelRef(name, target, "openai", multilingual, "desk")
    url = _official_url(name)
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _fetch(url, partial, expected, progress_cb)
        os.replace(partial, target)
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ModelError(
            f"could not download model '{name}' ({reason}); check the internet connection, "
            f"or copy {target.name} into {folder}"
        ) from None
    finally:
        Path(partial).unlink(missing_ok=True)
    record_verified(target, expected)
    return ModelRef(name, target, "openai", multilingual, "desk")


def _fetch(url: str, partial: Path, expected: str, progress_cb: ProgressCallback | None) -> None:
    digest = hashlib.sha256()
    with (
        urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as source,
        partial.open("wb") as output,
    ):
        total = int(source.headers.get("Content-Length") or 0)
        done = 0
        while chunk := source.read(CHUNK):
            output.write(chunk)
            digest.update(chunk)
            done += len(chunk)
            if progress_cb:
                progress_cb(done, total)
    if digest.hexdigest() != expected:
        raise ModelError(f"the download from {url} is corrupt (SHA-256 mismatch); please try again")
