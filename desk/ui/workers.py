"""Running slow work off the GUI thread and getting the answer back on it.

`run_task(func, on_done, on_error, owner)` is the one way the app runs a
background task (the waveform, the dead-air scan, preparing the demo): a
plain function runs on Qt's thread pool and its result or error is delivered
on the GUI thread (a queued signal), the pattern Picard uses for its file
loading. A task whose owner was destroyed is simply dropped, so callbacks
never touch a closed window; `stop` (e.g. a cancel flag's `set`) is then
called, so a cancellable function does not go on working for nobody. The
returned `Task` says whether it is still pending and can be waited for;
every task is waited for at interpreter exit, because one still running then
would crash in a half-torn interpreter.
`error_message(exc)` turns a task's failure into what the user reads.
`JobRunner` is the long-lived exception, for the transcription child process:
a QThread that iterates the job's blocking event stream and re-emits each
event as a signal.
"""

from __future__ import annotations

import atexit
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from desk.core.errors import DeskError

log = logging.getLogger(__name__)

_live: set[Task] = set()  # tasks kept alive until their result is delivered
EXIT_WAIT_SECONDS = 30.0


class Task(QObject):
    """One background function; lives on the GUI thread, the worker emits, Qt queues to here."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 owner: QObject | None, stop: Callable[[], None] | None = None) -> None:
        super().__init__(None)
        self._on_done = on_done
        self._on_error = on_error
        self._stop = stop
        self._owner_alive = True
        self._pending = True
        self.returned = threading.Event()  # set on the worker thread when the function ends
        if owner is not None:
            owner.destroyed.connect(self._owner_gone)
        self.finished.connect(self._done)
        self.failed.connect(self._error)

    def pending(self) -> bool:
        """True from `run_task` until the result is delivered (or dropped)."""
        return self._pending

    def wait(self, msecs: int = -1) -> bool:
        """Block until the function has returned (its callback is still delivered later)."""
        return self.returned.wait(None if msecs < 0 else msecs / 1000)

    @Slot()
    def _owner_gone(self) -> None:
        self._owner_alive = False
        if self._pending and self._stop is not None:
            self._stop()

    def _settle(self) -> None:
        """Forget the task before its callback runs, so the callback sees it as over."""
        self._pending = False
        _live.discard(self)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._settle()
        if self._owner_alive and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _error(self, error: BaseException) -> None:
        self._settle()
        if self._owner_alive and self._on_error is not None:
            self._on_error(error)
        elif self._owner_alive:
            log.error("background task failed: %s", error)


def _outcome(func: Callable[[], Any]) -> tuple[bool, Any]:
    """(True, result) or (False, exception).

    Caught here, outside the runnable, so the exception's traceback (which a
    callback or a log record may keep) holds no frame of the QRunnable, whose
    C++ side the pool deletes when it ends: freeing that wrapper later crashes.
    """
    try:
        return True, func()
    except BaseException as exc:  # reported to the GUI thread, never swallowed
        log.debug("task failed:\n%s", traceback.format_exc())
        return False, exc


class _Runnable(QRunnable):
    def __init__(self, func: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._func = func
        self._task = task

    def run(self) -> None:
        ok, value = _outcome(self._func)
        self._task.returned.set()
        (self._task.finished if ok else self._task.failed).emit(value)


def run_task(func: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             owner: QObject | None = None, stop: Callable[[], None] | None = None) -> Task:
    """Run `func()` on the thread pool; `on_done(result)` / `on_error(exc)` run on the GUI thread.

    `func` must not touch widgets or the GUI's project connection. `stop()` is
    called if `owner` is destroyed while `func` still runs.
    """
    task = Task(on_done, on_error, owner, stop)
    _live.add(task)
    QThreadPool.globalInstance().start(_Runnable(func, task))
    return task


def error_message(error: BaseException) -> str:
    """What to show for a failed task: a DeskError's own message; anything else is a bug, logged."""
    if isinstance(error, DeskError):
        return str(error)
    log.error("background task failed unexpectedly", exc_info=error)
    return f"unexpected error: {error}"


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Block until every background task's function has returned (shutdown and tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


@atexit.register
def _wait_at_exit() -> None:
    for task in list(_live):
        task.returned.wait(EXIT_WAIT_SECONDS)


class EventSource(Protocol):
    def start(self) -> None: ...
    def events(self) -> Iterator[Any]: ...
    def cancel(self) -> None: ...
    @property
    def needs_recording(self) -> bool: ...
    def record_ending(self, project: Any) -> None: ...


class JobRunner(QThread):
    """Starts a job and relays its blocking event stream as `job_event` signals."""

    job_event = Signal(object)  # not `event`: that would hide QObject.event()
    crashed = Signal(object)  # an exception from start()/events() (not a job failure)

    def __init__(self, job: EventSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        try:
            self.job.start()
            for item in self.job.events():
                self.job_event.emit(item)
        except BaseException as exc:
            log.exception("transcription job runner failed")
            self.crashed.emit(exc)

    def stop(self, wait: bool) -> bool:
        """Cancel the job; `wait` (closing): until its thread ends. True when it was waited for."""
        self.job.cancel()
        if wait:
            self.wait(10000)
        return wait
