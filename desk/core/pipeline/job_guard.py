"""A job child that dies with its parent, and claims that name a live process.

Two things keep a transcript written by one job at a time (issue #11):

* The child never outlives the parent that started it. On Linux the kernel
  kills it when the parent goes (`PR_SET_PDEATHSIG`); everywhere, a watchdog
  thread reads the child's stdin, a pipe the parent holds open and never
  writes to, and ends the child at its end of file. A parent killed with
  SIGKILL therefore leaves no child that keeps appending segments.
* A job claims its transcript with its process identity (see
  `TranscriptStore.claim`); a claim whose process is gone is stale, so a
  killed job never blocks the next resume, while a live one refuses it.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import sys
import threading
from pathlib import Path

PARENT_ENV = "DESK_JOB_PARENT"  # the parent's pid, set by TranscriptionJob.start
EXIT_ORPHANED = 3
_PR_SET_PDEATHSIG = 1
_expected_parent = 0


def die_with_parent(kernel_signal: bool = sys.platform.startswith("linux")) -> None:
    """In the child, first thing: end when the parent that started it ends.

    Does nothing when the child was not started by `TranscriptionJob` (no
    PARENT_ENV): its stdin is then no watchdog pipe. `kernel_signal`: ask
    Linux for SIGKILL at the parent's death as well (the watchdog has to
    notice the end of the pipe first, a few milliseconds later).
    """
    global _expected_parent
    parent = int(os.environ.get(PARENT_ENV, "0") or 0)
    if not parent:
        return
    _expected_parent = parent
    if kernel_signal:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(
                _PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    stop_if_orphaned()  # the parent may have died before the signal was asked for
    threading.Thread(target=_watch_pipe, name="parent-watchdog", daemon=True).start()


def stop_if_orphaned() -> None:
    """End the child at once (writing nothing more) if its parent is gone."""
    if _expected_parent and os.getppid() != _expected_parent:
        os._exit(EXIT_ORPHANED)


def _watch_pipe() -> None:
    """The parent never writes to our stdin: its end of file means the parent is gone."""
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    os._exit(EXIT_ORPHANED)


# -- who holds a claim ------------------------------------------------------------------
def this_process() -> str:
    """This process as a claim holder: pid, host and (Linux) start time, as JSON."""
    pid = os.getpid()
    return json.dumps({"pid": pid, "host": socket.gethostname(), "started": _started(pid)})


def holder_pid(holder: str) -> int | None:
    with contextlib.suppress(ValueError, TypeError, AttributeError):
        return int(json.loads(holder)["pid"])
    return None


def is_stale(holder: str) -> bool:
    """Whether the process that made a claim is gone (an unreadable claim is stale).

    A claim from another computer (a project on a shared folder) cannot be
    checked and counts as live.
    """
    try:
        data = json.loads(holder)
        pid, host, started = int(data["pid"]), str(data["host"]), data.get("started")
    except (ValueError, TypeError, KeyError, AttributeError):
        return True
    if host != socket.gethostname():
        return False
    if not _alive(pid):
        return True
    return started is not None and _started(pid) not in (None, started)  # pid reused


def _started(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (Linux), telling a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return int(stat.rpartition(")")[2].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        return not has_ended(Path(f"/proc/{pid}/stat").read_text(encoding="ascii",
                                                                  errors="replace"))
    return True


PF_EXITING = 0x4  # the kernel's flag for a process inside exit(): no user code runs again


def has_ended(stat: str) -> bool:
    """Whether a Linux /proc/PID/stat line is of a process that can write no more.

    A zombie has ended; so has one still tearing down (freeing a large model's
    memory can take a second after SIGKILL), which would otherwise keep its
    job's claim looking live.
    """
    fields = stat.rpartition(")")[2].split()
    try:
        return fields[0] in ("Z", "X", "x") or bool(int(fields[6]) & PF_EXITING)
    except (IndexError, ValueError):
        return False


def _alive_windows(pid: int) -> bool:
    still_active, query_limited = 259, 0x1000
    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(query_limited, False, pid)
    if not handle:
        denied = ctypes.get_last_error() == 5  # type: ignore[attr-defined]
        return bool(denied)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and \
            code.value == still_active
    finally:
        kernel.CloseHandle(handle)
