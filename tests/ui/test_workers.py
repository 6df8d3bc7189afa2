"""Background tasks: results on the GUI thread, a handle saying when, dropped with the owner."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from desk.core.errors import MediaError
from desk.ui.workers import error_message, run_task, wait_for_tasks


def test_results_arrive_on_the_gui_thread_and_the_task_says_when(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[int, bool, bool]] = []
    tasks = []
    for n in range(3):
        task = run_task(lambda n=n: (time.sleep(0.02 * (3 - n)), n)[1],
                        lambda n: seen.append((n, threading.get_ident() == gui,
                                               tasks[n].pending())))
        tasks.append(task)
    assert all(task.pending() for task in tasks)
    assert all(task.wait(5000) for task in tasks)  # the functions returned...
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)  # ...and the results arrived
    assert sorted(n for n, _, _ in seen) == [0, 1, 2]
    assert all(on_gui for _, on_gui, _ in seen)
    assert not any(pending for _, _, pending in seen)  # over once its callback runs
    assert not any(task.pending() for task in tasks)


def test_errors_become_messages(qtbot: QtBot) -> None:
    messages: list[str] = []

    def broken() -> None:
        raise MediaError("cannot decode talk.mp4")

    first = run_task(broken, on_error=lambda exc: messages.append(error_message(exc)))
    second = run_task(lambda: 1 / 0, on_error=lambda exc: messages.append(error_message(exc)))
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=5000)
    assert sorted(messages) == ["cannot decode talk.mp4", "unexpected error: division by zero"]
    assert not first.pending() and not second.pending()


def test_result_dropped_when_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    started = threading.Event()
    release = threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        return "late"

    task = run_task(slow, delivered.append, delivered.append, owner=owner)
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not task._owner_alive, timeout=2000)
    release.set()
    assert wait_for_tasks(5000) and task.wait(0)
    qtbot.wait(50)  # let the queued result arrive
    assert delivered == [] and not task.pending()


def test_a_gone_owner_stops_a_cancellable_task(qtbot: QtBot) -> None:
    """The function learns its owner is gone and ends early instead of working for nobody."""
    owner = QObject()
    started, cancel = threading.Event(), threading.Event()
    rounds: list[int] = []

    def cancellable() -> int:
        started.set()
        for n in range(500):  # 10 s unless stopped
            if cancel.is_set():
                return n
            rounds.append(n)
            time.sleep(0.02)
        return 500

    task = run_task(cancellable, owner=owner, stop=cancel.set)
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(cancel.is_set, timeout=2000)
    assert task.wait(2000)
    assert len(rounds) < 500


def test_stop_is_not_called_for_a_task_already_over(qtbot: QtBot) -> None:
    owner = QObject()
    stops: list[str] = []
    results: list[object] = []
    task = run_task(lambda: "done", results.append, owner=owner,
                    stop=lambda: stops.append("stop"))
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not task._owner_alive, timeout=2000)
    assert not task.pending() and stops == []
