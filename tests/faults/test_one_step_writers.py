"""Every writing command is one transaction: no crash or full disk can split an edit.

The fault tests kill or starve a writer at any moment and find the project
unchanged or fully changed; that holds only if each command commits its
change once. Here each writer of tests/faults/writers.py runs in-process
with SQLite's statement trace on every connection Desk opens: the COMMITs
are counted, and so is any write run outside BEGIN … COMMIT (SQLite would
commit it on its own). One each; an upgrade of an old file is its own step
first, so two.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desk.core.store import database
from tests.cli.cli_run import run
from tests.faults.writers import WRITERS, Builder, migration

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")


def commits(statements: list[str]) -> int:
    """How many transactions these statements of one connection committed."""
    done, inside = 0, False
    for sql in statements:
        word = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if word == "BEGIN":
            inside = True
        elif word in ("COMMIT", "END"):
            inside, done = False, done + 1
        elif word == "ROLLBACK" and "TO" not in sql.upper():
            inside = False
        elif word in WRITES and not inside:
            done += 1  # an autocommitted write: a step of its own
    return done


@pytest.mark.parametrize("make", WRITERS, ids=[w.__name__ for w in WRITERS])
def test_a_writer_commits_once(make: Builder, tmp_path: Path, project_path: Path,
                               monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    writer = make(project_path, inputs)
    traced: list[list[str]] = []
    connect = database._connect

    def traced_connect(path: Path, writable: bool, immutable: bool = False) -> sqlite3.Connection:
        conn = connect(path, writable, immutable)
        if Path(path).resolve() == writer.project.resolve():
            statements: list[str] = []
            traced.append(statements)
            # Statements of triggers come as "-- TRIGGER ..." lines: part of their statement.
            conn.set_trace_callback(lambda sql: None if sql.startswith("--")
                                    else statements.append(sql))
        return conn

    monkeypatch.setattr(database, "_connect", traced_connect)
    code, _, err = run(capsys, *writer.args)
    assert code == 0, err
    assert writer.done()
    assert traced, "the command never opened the project"
    assert sum(commits(s) for s in traced) == (2 if make is migration else 1), traced
