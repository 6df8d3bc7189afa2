"""Running slow work off the GUI thread and getting the answer back on it.

`run_task(func, on_done, on_error)` runs a plain function on Qt's thread pool
and calls back on the GUI thread (a queued signal), the pattern Picard uses
for its file loading. The callbacks never touch a closed window: a task whose
owner was destroyed is simply dropped. `TaskRunner` is the same with a private
pool (one thread by default, so its tasks run in order) that can say whether
it is busy and be waited for; every runner is waited for at interpreter exit,
because a task still running then would crash in a half-torn interpreter.
`error_message(exc)` turns a task's failure into what the user reads.
`JobRunner` is the long-lived variant: a QThread that iterates a transcription
job's blocking event stream and re-emits each event as a signal.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import time
import traceback
import weakref
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from desk.core.errors import DeskError

log = logging.getLogger(__name__)

_live: set[_Relay] = set()  # relays kept alive until their task reports
_runners: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to here."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 owner: QObject | None,
                 settled: Callable[[], None] | None = None) -> None:
        super().__init__(None)
        self._on_done = on_done
        self._on_error = on_error
        self._settled = settled
        self._owner_alive = True
        if owner is not None:
            owner.destroyed.connect(self._owner_gone)
        self.finished.connect(self._done)
        self.failed.connect(self._error)

    @Slot()
    def _owner_gone(self) -> None:
        self._owner_alive = False

    def _settle(self) -> None:
        """Forget the task before its callback runs, so the callback sees it as over."""
        _live.discard(self)
        if self._owner_alive and self._settled is not None:
            self._settled()

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


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        ok, value = _outcome(self._func)
        (self._relay.finished if ok else self._relay.failed).emit(value)


def run_task(func: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             owner: QObject | None = None) -> None:
    """Run `func()` on the thread pool; `on_done(result)` / `on_error(exc)` run on the GUI thread.

    `func` must not touch widgets or the GUI's project connection.
    """
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)
    QThreadPool.globalInstance().start(_Task(func, relay))


def error_message(error: BaseException) -> str:
    """What to show for a failed task: a DeskError's own message; anything else is a bug, logged."""
    if isinstance(error, DeskError):
        return str(error)
    log.error("background task failed unexpectedly", exc_info=error)
    return f"unexpected error: {error}"


class TaskRunner(QObject):
    """A private pool (one thread by default: tasks run in order) that can be waited for.

    Results and errors are delivered like `run_task`'s, on the GUI thread, and
    dropped once the runner (and so its parent window) is gone.
    """

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._pending = 0
        _runners.add(self)

    def run(self, func: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Queue `func()`; `on_done(result)` / `on_error(exc)` run on the GUI thread."""
        self._pending += 1
        relay = _Relay(on_done, on_error, self, settled=self._settled)
        _live.add(relay)
        self._pool.start(_Task(func, relay))

    def _settled(self) -> None:
        self._pending -= 1

    def busy(self) -> bool:
        """True from `run` until the task's callback is delivered."""
        return self._pending > 0

    def wait(self, msecs: int = -1) -> bool:
        """Block until running tasks end (their callbacks are still delivered later)."""
        return self._pool.waitForDone(msecs)


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Block until the shared pool's and every runner's tasks end (shutdown and tests)."""
    deadline = time.monotonic() + msecs / 1000
    ended = QThreadPool.globalInstance().waitForDone(msecs)
    for runner in list(_runners):
        left = -1 if msecs < 0 else max(0, int((deadline - time.monotonic()) * 1000))
        with contextlib.suppress(RuntimeError):  # the runner's window is already gone
            ended = runner.wait(left) and ended
    return ended


@atexit.register
def _wait_for_runners() -> None:
    for runner in list(_runners):
        with contextlib.suppress(RuntimeError):
            runner.wait()


class EventSource(Protocol):
    def start(self) -> None: ...
    def events(self) -> Iterator[Any]: ...
    def cancel(self) -> None: ...
    @property
    def needs_recording(self) -> bool: ...
    def record_ending(self, project: Any) -> None: ...


class JobRunner(QThread):
    """Starts a job and relays its blocking event stream as `event` signals."""

    event = Signal(object)
    crashed = Signal(object)  # an exception from start()/events() (not a job failure)

    def __init__(self, job: EventSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        try:
            self.job.start()
            for item in self.job.events():
                self.event.emit(item)
        except BaseException as exc:
            log.exception("transcription job runner failed")
            self.crashed.emit(exc)

    def cancel(self) -> None:
        self.job.cancel()
