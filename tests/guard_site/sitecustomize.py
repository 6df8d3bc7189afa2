"""The open guard: no plain file I/O on a project file while Desk has it open (issue #11).

On POSIX, closing *any* descriptor of a file drops every lock the process
holds on it; SQLite then no longer knows another connection of this process
uses the file, and the next connection to close deletes the journal under
it. So nothing may `open()` / `os.open()` a .desk file, or its -wal, -shm or
-journal, while a Desk `Database` on it is open in the same process.

tests/conftest.py installs this in the test process; it also puts this
folder on PYTHONPATH with DESK_OPEN_GUARD=1, so Python starts it as
`sitecustomize` in every child (the CLI, the job child, the scripted app).
Standard library only, and silent unless the rule is broken.
"""

from __future__ import annotations

import contextlib
import os
import sys
import weakref

JOURNALS = ("-wal", "-shm", "-journal")
violations: list[str] = []
_databases: weakref.WeakSet = weakref.WeakSet()
_patched = False


class ProjectFileOpened(BaseException):
    """Raised at the offending open(); a BaseException so no `except Exception` hides it."""


def _held() -> dict[str, str]:
    """base name → real path of every project file a live, unclosed Database holds."""
    held = {}
    for database in list(_databases):
        if not getattr(database, "_guard_closed", False):
            path = os.path.realpath(database.path)
            held[os.path.basename(path)] = path
    return held


def _patch_database() -> None:
    """Track Desk's Database objects once desk.core.store.database is imported."""
    global _patched
    module = sys.modules.get("desk.core.store.database")
    cls = getattr(module, "Database", None)
    if cls is None:
        return
    _patched = True
    init, close = cls.__init__, cls.close

    def tracked_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        init(self, *args, **kwargs)
        _databases.add(self)

    def tracked_close(self):  # type: ignore[no-untyped-def]
        self._guard_closed = True
        close(self)

    cls.__init__, cls.close = tracked_init, tracked_close


def _hook(event: str, args: tuple) -> None:
    if not _patched:
        _patch_database()
    if event != "open" or not _databases:
        return
    target = args[0]
    if isinstance(target, int) or target is None:
        return
    try:
        name = os.fsdecode(target)
    except TypeError:
        return
    base = os.path.basename(name)
    for suffix in JOURNALS:
        if base.endswith(suffix):
            base, name = base[: -len(suffix)], name[: -len(suffix)]
    held = _held()
    if base in held and os.path.realpath(name) == held[base]:
        message = f"open-guard: {args[0]!r} opened with plain file I/O while Desk has it open"
        violations.append(message)
        print(message, file=sys.stderr, flush=True)
        raise ProjectFileOpened(message)


def install() -> None:
    if getattr(sys, "_desk_open_guard", False):
        return
    sys._desk_open_guard = True  # type: ignore[attr-defined]
    sys.addaudithook(_hook)


if os.environ.get("DESK_OPEN_GUARD") == "1" and __name__ == "sitecustomize":
    with contextlib.suppress(Exception):  # never break a child over its test harness
        install()
