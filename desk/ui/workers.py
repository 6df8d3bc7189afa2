"""Running slow work off the GUI thread and getting the answer back on it.

`run_task(func, on_done, on_error)` runs a plain function on Qt's thread pool
and calls back on the GUI thread (a queued signal), the pattern Picard uses
for its file loading. The callbacks never touch a closed window: a task whose
owner was destroyed is simply dropped. `JobRunner` is the long-lived variant:
a QThread that iterates a transcription job's blocking event stream and
re-emits each event as a signal.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_live: set[_Relay] = set()  # relays kept alive until their task reports


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to here."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 owner: QObject | None) -> None:
        super().__init__(None)
        self._on_done = on_done
        self._on_error = on_error
        self._owner_alive = True
        if owner is not None:
            owner.destroyed.connect(self._owner_gone)
        self.finished.connect(self._done)
        self.failed.connect(self._error)

    def _owner_gone(self) -> None:
        self._owner_alive = False

    @Slot(object)
    def _done(self, result: Any) -> None:
        _live.discard(self)
        if self._owner_alive and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _error(self, error: BaseException) -> None:
        _live.discard(self)
        if self._owner_alive and self._on_error is not None:
            self._on_error(error)
        elif self._owner_alive:
            log.error("background task failed: %s", error)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            log.debug("task failed:\n%s", traceback.format_exc())
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


def run_task(func: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             owner: QObject | None = None) -> None:
    """Run `func()` on the thread pool; `on_done(result)` / `on_error(exc)` run on the GUI thread.

    `func` must not touch widgets or the GUI's project connection.
    """
    relay = _Relay(on_done, on_error, owner)
    _live.add(relay)
    QThreadPool.globalInstance().start(_Task(func, relay))


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Block until pool tasks end (shutdown and tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


class EventSource(Protocol):
    def start(self) -> None: ...
    def events(self) -> Iterator[Any]: ...
    def cancel(self) -> None: ...


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
