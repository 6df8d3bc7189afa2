"""The copy an upgrade makes first: one per upgrade that happened, never one per attempt.

The copy is written under a temp name (`.NAME.vN-backup-DATE.PID.part`) and
gets its real name (`NAME.vN-backup-DATE`) only once the migration has
committed. A migration that fails or is killed leaves the file at format N, so
its copy is redundant: the next opening removes it. One killed after its
commit but before the rename left a complete copy: the next opening names it.
Either way at most one backup remains per upgrade, however often it was tried.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from desk.core.atomic import writer_gone


def backup_target(path: Path, version: int) -> Path:
    """Where the copy of `path` at format `version` goes: `NAME.vN-backup-DATE`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.v{version}-backup-{stamp}")


def part_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def write_copy(conn: sqlite3.Connection, part: Path) -> None:
    """Copy the open database into `part` with SQLite's backup API (never plain file I/O).

    The copy keeps no journal of its own: a copy that was stopped is removed, never
    repaired, and a `-journal` beside it would only be left behind.
    """
    dest = sqlite3.connect(part)
    try:
        dest.execute("PRAGMA journal_mode=OFF")
        conn.backup(dest)
    finally:
        dest.close()


def settle_parts(path: Path, version_now: int) -> None:
    """Name the complete copies killed upgrades left, remove the redundant ones."""
    pattern = re.compile(re.escape(f".{path.name}.v") + r"(\d+)(-backup-[\d-]+)\.(\d+)\.part"
                         r"(-journal)?")
    try:
        found = [(p, m) for p in path.parent.iterdir() if (m := pattern.fullmatch(p.name))]
    except OSError:
        return
    for part, match in found:
        version, pid = int(match.group(1)), int(match.group(3))
        if not writer_gone(pid, part):
            continue  # an upgrade still running in another process
        with contextlib.suppress(OSError):
            if match.group(4):  # the journal of a copy stopped by an earlier Desk
                part.unlink()
            elif version_now > version:  # that upgrade committed after its copy was complete
                os.replace(part, path.with_name(f"{path.name}.v{version}{match.group(2)}"))
            else:
                part.unlink()
