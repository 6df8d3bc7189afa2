"""What the fault tests share: a project made by `desk new`, and its checked state."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.cli_run import run
from tests.conftest import project_digest, undo_hot_journal


@pytest.fixture
def project_path(tmp_path: Path, tone_media: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project made by `desk new` on a copy of the tone recording, with a few codes."""
    media = tmp_path / "tone.mp4"
    shutil.copy(tone_media, media)
    assert run(capsys, "new", media)[0] == 0
    project = tmp_path / "tone.desk"
    assert run(capsys, "tag", project, "1", "4", "delay", "--note", "ok;=1+1")[0] == 0
    return project


def checked_digest(path: Path) -> str:
    """The content hash of a project that SQLite finds intact (full integrity_check)."""
    undo_hot_journal(path)
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    return project_digest(path)

