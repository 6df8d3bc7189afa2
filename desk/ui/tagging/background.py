"""Running slow work (waveform peaks, the dead-air scan) off the GUI thread.

Only plain computations run in the pool: the project's SQLite connection is
used on the GUI thread alone, so results are stored by the `on_done` callback,
which Qt delivers back on the GUI thread.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desk.core.errors import DeskError

log = logging.getLogger(__name__)
_runners: weakref.WeakSet[BackgroundRunner] = weakref.WeakSet()


@atexit.register
def _wait_for_all() -> None:
    """A task still running when Python shuts down would crash in a half-torn interpreter."""
    for runner in list(_runners):
        with contextlib.suppress(RuntimeError):
            runner.wait()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            outcome, value = "done", self._func()
        except DeskError as exc:
            outcome, value = "failed", str(exc)
        except Exception as exc:  # a bug: keep the app alive, log the details
            log.exception("background task failed")
            outcome, value = "failed", f"unexpected error: {exc}"
        # The window may have gone away while we worked: then nobody wants the result.
        with contextlib.suppress(RuntimeError):
            getattr(self._relay, outcome).emit(value)


class BackgroundRunner(QObject):
    """A small private thread pool whose tasks can be waited for at shutdown."""

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()
        _runners.add(self)

    def run(self, func: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[str], None]) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        relay.done.connect(on_done)
        relay.failed.connect(on_error)
        relay.done.connect(finish)
        relay.failed.connect(finish)
        self._pool.start(_Task(func, relay))

    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = -1) -> bool:
        """Block until running tasks end (their results are still delivered later)."""
        return self._pool.waitForDone(msecs)
