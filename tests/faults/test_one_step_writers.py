"""Every writing command is one transaction: no crash or full disk can split an edit.

The fault tests kill or starve a writer at any moment and find the project
unchanged or fully changed; that holds only if each command commits its
change once. Here each writer of tests/faults/writers.py runs in-process
with SQLite's statement trace on every connection Desk opens: the COMMITs
are counted, and so is any write run outside BEGIN … COMMIT (SQLite would
commit it on its own). One each; an upgrade of an old file is its own step
first, so two. A job's claim on a transcript and its release are steps of
their own, but bookkeeping only (a row in `meta` naming the job): they are
counted apart, and the speaker job has exactly two of them around its one
step. A writer whose work runs in a job's child is traced running that work.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desk.core.store import database
from tests.cli.cli_run import run
from tests.faults.writers import WRITERS, Builder, diarizing, migration

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")


def transactions(statements: list[str]) -> list[list[str]]:
    """The writes of each transaction these statements of one connection committed."""
    done: list[list[str]] = []
    current: list[str] | None = None
    for sql in statements:
        word = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if word == "BEGIN":
            current = []
        elif word in ("COMMIT", "END") and current is not None:
            done.append(current)
            current = None
        elif word == "ROLLBACK" and "TO" not in sql.upper():
            current = None
        elif word in WRITES:
            if current is None:
                done.append([sql])  # an autocommitted write: a step of its own
            else:
                current.append(sql)
    return done


def bookkeeping(writes: list[str]) -> bool:
    """A job's claim or release: it only writes its own row of `meta` ('job:ID')."""
    return bool(writes) and all(" meta" in w and "'job:" in w for w in writes)


def test_claims_count_apart_from_steps() -> None:
    claim = ["BEGIN IMMEDIATE", "SELECT value FROM meta WHERE key='job:1'",
             "INSERT INTO meta(key, value) VALUES ('job:1', 'pid 7')", "COMMIT"]
    step = ["BEGIN", "UPDATE segments SET speaker_id=1", "DELETE FROM meta WHERE "
            "key='job:1'", "COMMIT"]
    found = transactions(claim + step + ["INSERT INTO tags VALUES (1)"])
    assert [bookkeeping(t) for t in found] == [True, False, False]


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
    if writer.job is not None:
        writer.job()  # what the job's child does, in this process
    else:
        code, _, err = run(capsys, *writer.args)
        assert code == 0, err
    assert writer.done()
    assert traced, "the command never opened the project"
    committed = [t for s in traced for t in transactions(s)]
    steps = [t for t in committed if not bookkeeping(t)]
    assert len(steps) == (2 if make is migration else 1), traced
    assert len(committed) - len(steps) == (2 if make is diarizing else 0), traced
