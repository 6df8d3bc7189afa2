"""A project on a read-only mount (a CD, a locked stick, a read-only share) opens and exports.

SQLite cannot create the -shm there, so Desk reads the file as immutable
(database.py); the real `desk` commands that only read must work, the ones
that write must refuse in one line, and nothing may appear in the folder.
As root the folder is a read-only bind mount; otherwise its modes are
cleared (tests/conftest.py: read_only_view, which skips where neither works).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.formats.registry import EXPORTERS
from tests.cli.cli_run import run
from tests.conftest import read_only_view
from tests.faults.conftest import checked_digest

SRT = "1\n00:00:01,000 --> 00:00:02,500\nHello from the stream\n\n"


@pytest.fixture
def closed_project(project_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The fault tests' project with one transcript line, closed cleanly (no -wal)."""
    srt = project_path.with_name("line.srt")
    srt.write_text(SRT, encoding="utf-8")
    assert run(capsys, "import", project_path, srt)[0] == 0
    srt.unlink()
    return project_path


def test_read_only_project_opens_and_exports(closed_project: Path,
                                             tmp_path_factory: pytest.TempPathFactory,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = checked_digest(closed_project)
    out = tmp_path_factory.mktemp("exports")  # not in the project's folder: that one is viewed
    with read_only_view(closed_project.parent) as view:
        project = view / closed_project.name
        listed = sorted(p.name for p in view.iterdir())
        code, text, err = run(capsys, "annotations", project, "--json")
        assert code == 0, err
        assert [a["tag"] for a in json.loads(text)] == ["delay"]
        code, text, err = run(capsys, "segments", project)
        assert code == 0 and "Hello from the stream" in text, err
        for fmt in sorted(set(EXPORTERS) - {"clips"}):
            target = out / f"export.{fmt}"
            code, _, err = run(capsys, "export", project, "-f", fmt, "-o", target)
            assert code == 0, (fmt, err)
        exported = json.loads((out / "export.json").read_text(encoding="utf-8"))
        assert [s["text"] for s in exported["transcript"]["segments"]] == [
            "Hello from the stream"]
        code, _, err = run(capsys, "export", project, "-f", "clips", "-o", out / "clips")
        assert code == 0 and len(list((out / "clips").glob("*.mp4"))) == 1, err
        assert sorted(p.name for p in view.iterdir()) == listed  # no -shm, no -wal, no .part
    assert checked_digest(closed_project) == before


@pytest.mark.parametrize("args", [["tag", "{p}", "5", "6", "delay"], ["undo", "{p}"],
                                  ["export", "{p}", "-f", "json"]],
                         ids=["tag", "undo", "export beside it"])
def test_writing_on_a_read_only_mount_is_one_line(args: list[str], closed_project: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = checked_digest(closed_project)
    with read_only_view(closed_project.parent) as view:
        listed = sorted(p.name for p in view.iterdir())
        code, _, err = run(capsys, *[a.format(p=view / closed_project.name) for a in args])
        assert code == 2 and err.count("\n") == 1 and err.startswith("desk: error: "), err
        assert "read-only" in err.lower(), err
        assert sorted(p.name for p in view.iterdir()) == listed
    assert checked_digest(closed_project) == before
