"""A full disk for the fault tests: a tiny tmpfs when this process may mount, else injected.

As root (CI containers, this project's machine) `full_disk` mounts a tmpfs of a
few hundred KiB and fills it until `free` bytes are left, so SQLite, ffmpeg
and Python all meet the real ENOSPC. Without mount rights, `inject_enospc`
makes every fsync of a file in the folder fail with ENOSPC, which reaches
Python writers only (SQLite's own writes cannot be injected that way: those
tests need the mount and are skipped without it).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@functools.cache
def can_mount() -> bool:
    """Whether this process may mount a tmpfs (root, and not forbidden by the container)."""
    if os.geteuid() != 0:
        return False
    probe = Path(f"/tmp/desk-mount-probe-{os.getpid()}")
    probe.mkdir(exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                              capture_output=True, check=False)
        if done.returncode != 0:
            return False
        subprocess.run(["umount", str(probe)], check=True)
        return True
    finally:
        probe.rmdir()


@contextlib.contextmanager
def tmpfs(folder: Path, size_kib: int = 512) -> Iterator[Path]:
    """`folder` on its own small tmpfs (fill it with `fill` when the test is ready)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
                   check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


@contextlib.contextmanager
def full_disk(folder: Path, size_kib: int = 512, free: int = 0) -> Iterator[Path]:
    """`folder` on its own tmpfs of `size_kib`, filled until about `free` bytes are left."""
    with tmpfs(folder, size_kib):
        fill(folder, free)
        yield folder


def fill(folder: Path, free: int = 0) -> None:
    """Fill the file system holding `folder` until about `free` bytes (whole pages) remain.

    `unfill(folder)` gives the space back (as the analyst freeing the disk).
    """
    filler = folder / ".filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, b"\0" * 4096):
                pass
    finally:
        os.close(fd)
    if free:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - free))


def unfill(folder: Path) -> None:
    (folder / ".filler").unlink(missing_ok=True)


def inject_enospc(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every fsync of a file inside `folder` fails as on a full disk (Linux: /proc/self/fd)."""
    folder.mkdir(parents=True, exist_ok=True)
    real = os.fsync
    inside = str(folder.resolve())

    def fsync(fd: int) -> None:
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = ""
        if target.startswith(inside + os.sep):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return folder


def full_folder(folder: Path, stack: contextlib.ExitStack,
                monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder where writing a file fails with ENOSPC: mounted when possible, else injected."""
    if can_mount():
        return stack.enter_context(full_disk(folder))
    return inject_enospc(folder, monkeypatch)
