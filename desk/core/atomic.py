"""Atomic file writes: a temp file beside the target, fsync, then rename.

An export or a codebook file is either the old one or the complete new one,
never half written (Buzz #850: exports crashing at 100 %). The temp file is
`.NAME.PID-RANDOM.part`: a writer killed before its rename leaves one behind,
and the next write of NAME removes those whose process is gone. A full disk
or any other OSError while writing is a FormatError saying so, and the temp
file is removed. Inside `all_or_nothing()` (an export of several files: CSV
tables and their provenance) every finished temp file waits, and they all
replace their targets at the end, or none does.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from desk.core.errors import FormatError

PART_SUFFIX = ".part"
# Without a portable way to ask whether a pid lives (Windows), a part this old is stale.
STALE_AFTER_S = 24 * 3600
# The (temp file, target) pairs of the files written inside all_or_nothing().
_PENDING: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar(
    "desk_atomic_pending", default=None)


@contextlib.contextmanager
def all_or_nothing() -> Iterator[None]:
    """Files written by `atomic_writer` inside appear together when the block succeeds.

    On any error every finished temp file is removed and no target changes.
    The renames at the end need no space, so a full disk cannot split them.
    """
    if _PENDING.get() is not None:  # inside an outer group: it decides
        yield
        return
    pending: list[tuple[str, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        _discard(pending)
        raise
    finally:
        _PENDING.reset(token)
    for done, (tmp, target) in enumerate(pending):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            _discard(pending[done:])
            raise FormatError(f"cannot write {target.name}: {_reason(exc)}") from exc


def _discard(pending: list[tuple[str, Path]]) -> None:
    for tmp, _ in pending:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Yield a file to write; it replaces `path` only if the block succeeds."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FormatError(f"folder does not exist: {path.parent}")
    remove_stale_parts(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=PART_SUFFIX,
                                   dir=path.parent)
    except OSError as exc:
        raise FormatError(f"cannot write to {path.parent}: {exc.strerror}") from exc
    text = "b" not in mode
    try:
        # mkstemp makes the file private (0600); an export is an ordinary document.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, mode, encoding=encoding if text else None,
                       newline="" if text else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        pending = _PENDING.get()
        if pending is None:
            os.replace(tmp, path)
        else:
            pending.append((tmp, path))
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise FormatError(f"cannot write {path.name}: {_reason(exc)}; nothing was "
                              "written") from exc
        raise


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove the temp files a killed writer of `path` left; returns what was removed."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)-\w+" + re.escape(PART_SUFFIX))
    removed: list[Path] = []
    try:
        candidates = [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return removed
    for part in candidates:
        match = pattern.fullmatch(part.name)
        assert match is not None
        if writer_gone(int(match.group(1)), part):
            with contextlib.suppress(OSError):
                part.unlink()
                removed.append(part)
    return removed


def writer_gone(pid: int, part: Path) -> bool:
    """Whether the process that made `part` is gone (its temp file is then stale)."""
    if pid == os.getpid():
        return False  # another write of the same file in this process, still going
    if sys.platform != "win32":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False  # alive, another user's
        return False
    try:
        return time.time() - part.stat().st_mtime > STALE_AFTER_S
    except OSError:
        return False


def _reason(exc: OSError) -> str:
    if exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb", encoding=None) as handle:
        handle.write(data)
