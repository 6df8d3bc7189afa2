"""The CLI tests' project: a copy of the tone recording with an umlaut in its name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.cli_run import run


@pytest.fixture
def project_path(tmp_path: Path, tone_media: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """`desk new` on the recording; the project beside it."""
    media = tmp_path / "Schlagabtausch ü.mp4"
    shutil.copy(tone_media, media)
    code, out, _ = run(capsys, "new", media)
    assert code == 0 and "created" in out
    return tmp_path / "Schlagabtausch ü.desk"
