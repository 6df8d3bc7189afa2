"""Running the `desk` command in-process, as the CLI tests do."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `desk ARGS`."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    """The file's SHA-256: proves a failed command changed nothing."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
