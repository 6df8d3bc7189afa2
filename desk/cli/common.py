"""What every CLI command needs: opening projects, common arguments, output."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

from desk.core.store import Project


def open_project(path: str | Path, writable: bool = True) -> Project:
    return Project.open(Path(path), writable=writable)


def remove_project_file(path: Path) -> None:
    """Delete a project this command made and then failed to fill (no connection is open)."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()


def add_project_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="a .desk project file")


def add_json_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """A plain aligned table; the last column is left ragged (long text)."""
    if not rows:
        return
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers) - 1)]
    for row in [headers, *rows]:
        cells = [str(c).ljust(w) for c, w in zip(row[:-1], widths, strict=False)]
        print("  ".join([*cells, str(row[-1])]).rstrip())
