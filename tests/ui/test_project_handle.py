"""The one open project: who hears of opening and closing, and in which order."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import ProjectError
from desk.core.store import Project
from desk.ui.project_handle import ProjectHandle


def test_open_close_and_the_order_everyone_is_told(tmp_path: Path) -> None:
    handle = ProjectHandle()
    heard: list[tuple[str, object]] = []
    handle.opened.connect(lambda p: heard.append(("opened", p)))
    handle.closing.connect(lambda p: heard.append(("closing", handle.project is p)))
    handle.closed.connect(lambda: heard.append(("closed", handle.project)))
    first = Project.create(tmp_path / "a.desk")
    second = Project.create(tmp_path / "b.desk")
    handle.open(first)
    assert handle.project is first and handle.writable
    handle.open(second)  # the first one is closed before the second is shown
    assert heard == [("opened", first), ("closing", True), ("closed", None),
                     ("opened", second)]
    with pytest.raises(ProjectError, match="closed database"):  # the first file is closed
        first.annotations.count()
    handle.close()
    handle.close()  # nothing open: nothing to say
    assert handle.project is None and not handle.writable
    assert heard[-2:] == [("closing", True), ("closed", None)]
    with pytest.raises(ProjectError, match="closed database"):
        second.annotations.count()
