"""No committed edit is ever lost, even when the process is killed mid-write."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from desk.core.store import Project

WRITER = """
import os
import sys
from desk.core.store import Project
project = Project.open(sys.argv[1])
i = 0
while True:
    i += 1
    a = project.annotations.add("delay", (i % 20) * 1.0, (i % 20) * 1.0 + 0.5,
                                note=f"n{os.getpid()}-{i}", annotator="crash-test")
    print(a.id, flush=True)
"""


def test_sigkill_never_loses_a_reported_annotation(tmp_project: Project) -> None:
    path = tmp_project.path
    tmp_project.close()
    rng = random.Random(20240812)
    reported: set[int] = set()
    for _ in range(20):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()  # the writer is running and committing
        assert first.strip().isdigit()
        reported.add(int(first))
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        reported.update(int(line) for line in rest.split() if line.isdigit())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM annotations")}
    assert len(reported) > 20
    assert reported <= stored
    with Project.open(path) as project:  # and Desk still opens it
        assert project.annotations.count() == len(stored)
