"""A job child dies with its parent; a claim names a live process or is stale."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desk.core.pipeline import job_guard
from desk.core.store import Project

# A parent that starts a child as TranscriptionJob does (watchdog pipe, PARENT_ENV), prints
# the child's pid and waits; the child only waits to be ended.
PARENT = """
import os, subprocess, sys, time
env = dict(os.environ, DESK_JOB_PARENT=str(os.getpid()))
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdin=subprocess.PIPE, env=env)
print(child.pid, flush=True)
time.sleep(60)
"""
CHILD = """
import sys, time
from desk.core.pipeline import job_guard
job_guard.die_with_parent()
time.sleep(60)
"""


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if job_guard.is_stale(json.dumps({"pid": pid, "host": socket.gethostname()})):
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("kernel_signal", [True, False], ids=["linux", "watchdog-only"])
def test_the_child_dies_with_its_parent(kernel_signal: bool) -> None:
    """With Linux's parent-death signal, and with the pipe watchdog alone (macOS, Windows)."""
    child_code = CHILD.replace("die_with_parent()", f"die_with_parent({kernel_signal})")
    parent = subprocess.Popen([sys.executable, "-c", PARENT, child_code],
                              stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    time.sleep(0.5)  # the child has set its guard up
    assert not _gone(child, within=0.1)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert _gone(child), "the child outlived its parent"


def test_a_child_whose_parent_is_already_gone_ends_at_once() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], env=dict(os.environ, DESK_JOB_PARENT="1"),
                          stdin=subprocess.PIPE, timeout=30)
    assert done.returncode == job_guard.EXIT_ORPHANED


def test_without_a_parent_pipe_the_guard_is_off() -> None:
    env = {k: v for k, v in os.environ.items() if k != job_guard.PARENT_ENV}
    done = subprocess.run([sys.executable, "-c", CHILD.replace("time.sleep(60)", "print('ran')")],
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ran"


def test_claims_of_live_and_gone_processes() -> None:
    me = job_guard.this_process()
    assert not job_guard.is_stale(me) and job_guard.holder_pid(me) == os.getpid()
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert job_guard.is_stale(json.dumps({"pid": ended.pid, "host": socket.gethostname()}))
    assert job_guard.is_stale("not json") and job_guard.holder_pid("not json") is None
    elsewhere = json.dumps({"pid": 1, "host": socket.gethostname() + "-elsewhere"})
    assert not job_guard.is_stale(elsewhere)  # another computer's job cannot be checked
    if Path("/proc/self/stat").exists():  # a reused pid: same number, another start time
        data = json.loads(me)
        assert job_guard.is_stale(json.dumps({**data, "started": data["started"] - 1}))


@pytest.mark.parametrize(("stat", "ended"), [
    ("4242 (python3) S 1 4242 4242 0 -1 4194560 900 0 0 0", False),  # sleeping
    ("4242 (python3) R 1 4242 4242 0 -1 4194304 900 0 0 0", False),  # running
    ("4242 (py (x) 3) Z 1 4242 4242 0 -1 4227084 900 0 0 0", True),  # zombie, odd name
    ("4242 (python3) D 1 4242 4242 0 -1 4227084 900 0 0 0", True),  # in exit(): PF_EXITING
    ("4242 (python3) X 1 4242 4242 0 -1 4194304 900 0 0 0", True),  # dead
    ("4242 (python3)", False),  # unreadable: assume it still runs
])
def test_a_process_tearing_down_has_ended(stat: str, ended: bool) -> None:
    """After SIGKILL a child freeing a large model is already past writing (0x40840c seen)."""
    assert job_guard.has_ended(stat) is ended


def test_this_process_has_not_ended() -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("Linux /proc only")
    assert not job_guard.has_ended(Path("/proc/self/stat").read_text())


def test_one_claim_per_transcript(tmp_project: Project) -> None:
    store = tmp_project.transcripts
    live, gone = job_guard.this_process(), json.dumps({"pid": 0, "host": socket.gethostname()})
    assert store.claim(7, gone, job_guard.is_stale) is None
    assert store.claim(7, live, job_guard.is_stale) is None  # a gone holder is taken over
    other = json.dumps({"pid": os.getppid(), "host": socket.gethostname()})
    assert store.claim(7, other, job_guard.is_stale) == live  # a live one is not
    assert store.claim_holder(7) == live
    store.release(7, other)  # only the holder's own claim is released
    assert store.claim_holder(7) == live
    store.release(7, live)
    assert store.claim_holder(7) is None
