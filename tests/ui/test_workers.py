"""Background tasks: results on the GUI thread, in order, dropped once the owner is gone."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from desk.core.errors import MediaError
from desk.ui.workers import TaskRunner, error_message, run_task, wait_for_tasks


def test_runner_delivers_in_order_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: list[tuple[int, bool, bool]] = []
    for n in range(3):
        # One thread: the slow first task still finishes first.
        runner.run(lambda n=n: (time.sleep(0.05 * (3 - n)), n)[1],
                   lambda n: seen.append((n, threading.get_ident() == gui, runner.busy())))
    assert runner.busy()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
    assert [n for n, _, _ in seen] == [0, 1, 2]
    assert all(on_gui for _, on_gui, _ in seen)
    assert [busy for _, _, busy in seen] == [True, True, False]  # over once its callback runs


def test_errors_become_messages(qtbot: QtBot) -> None:
    runner = TaskRunner()
    messages: list[str] = []

    def broken() -> None:
        raise MediaError("cannot decode talk.mp4")

    runner.run(broken, on_error=lambda exc: messages.append(error_message(exc)))
    runner.run(lambda: 1 / 0, on_error=lambda exc: messages.append(error_message(exc)))
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=5000)
    assert messages == ["cannot decode talk.mp4", "unexpected error: division by zero"]
    assert not runner.busy()


def test_result_dropped_when_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    runner = TaskRunner(owner)
    started = threading.Event()
    release = threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        return "late"

    run_task(slow, delivered.append, delivered.append, owner=owner)
    runner.run(slow, delivered.append, delivered.append)
    assert started.wait(5)
    del runner
    owner.deleteLater()
    qtbot.waitSignal(owner.destroyed, timeout=2000)
    release.set()
    assert wait_for_tasks(5000)
    qtbot.wait(50)  # let the queued results arrive
    assert delivered == []
