"""Running the `desk` command in-process, as the CLI tests do."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.cli import main
from tests.conftest import project_digest


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `desk ARGS`."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    """The project's content hash: proves a failed command changed nothing."""
    return project_digest(path)
