"""A `desk` command that stops at a chosen moment to be killed: `writer_session.py STOP ARGS...`.

The real command (`desk ARGS`, Desk's own CLI code in this process) runs
unchanged; only two seams are wrapped, so the test can SIGKILL it where a
crash hurts most:

- `commit:N`: inside the N-th outermost transaction, every write of it done,
  just before its COMMIT (for a migration run by the opening, N=1);
- `rename`: a finished temp file (`*.part`: an export, an upgrade's backup
  copy) about to replace its target;
- `done`: after the command returned.

At that moment the process prints one JSON line (`{"step": ...}`) and waits;
the command's own output goes to stderr. A job's child (`--speaker-worker
PROJECT OPTIONS`) runs the same way; its events share stdout with the steps
(the test reads past them).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator

from desk.cli import main
from desk.core.store.database import Database

# The test's channel, kept before a job's child makes its own from stdout (and points fd 1
# at stderr).
STEPS = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)


def _stop(step: str) -> None:
    print(json.dumps({"step": step}), file=STEPS, flush=True)
    time.sleep(600)


def _stop_before_commit(number: int) -> None:
    original = Database.transaction
    seen = 0

    @contextlib.contextmanager
    def transaction(self: Database) -> Iterator[object]:
        nonlocal seen
        outer = not self.conn.in_transaction
        with original(self) as conn:
            yield conn
            if outer:
                seen += 1
                if seen == number:
                    _stop("inside")

    Database.transaction = transaction  # type: ignore[assignment,method-assign]


def _stop_before_rename() -> None:
    original = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if os.fspath(src).endswith(".part"):
            _stop("rename")
        original(src, dst)

    os.replace = replace  # type: ignore[assignment]


def run(stop: str, args: list[str]) -> None:
    if stop.startswith("commit:"):
        _stop_before_commit(int(stop.split(":")[1]))
    elif stop == "rename":
        _stop_before_rename()
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries only the steps
        code = main(args)
    _stop(f"done {code}")


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2:])
