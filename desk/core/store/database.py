"""Opening a .desk file safely: checks, migrations with a backup, transactions.

Every user action runs in one `transaction()`: it is either entirely on disk
when the call returns, or not at all. WAL lets a reader (the GUI, `desk
segments`) and a writer (a transcription job) work on one file at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.core.errors import ProjectError
from desk.core.store.backups import backup_target, part_of, settle_parts, write_copy
from desk.core.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, tables_at

if TYPE_CHECKING:  # imported on first use (see Database.db)
    import sqlite_utils

BUSY_TIMEOUT_MS = int(os.environ.get("DESK_BUSY_TIMEOUT_MS", "5000"))
FULL_BELOW_BYTES = 1 << 20  # an I/O error with less free space than this is a full disk


def where_terms(terms: list[tuple[str, object]]) -> tuple[list[str], list[object]]:
    """The WHERE conditions and parameters of the (condition, value) pairs with a value."""
    kept = [(condition, value) for condition, value in terms if value is not None]
    return [c for c, _ in kept], [v for _, v in kept]


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The row id an INSERT just made (SQLite always gives one for a rowid table)."""
    row_id = cursor.lastrowid
    if row_id is None:
        raise ProjectError("the database gave no id for a new row")
    return row_id


def utc_now() -> str:
    """Timestamps are stored as ISO 8601 UTC text: sortable and readable in exports."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Database:
    """One connection to a project file, with Desk's pragmas and transaction rules."""

    def __init__(self, path: Path, conn: sqlite3.Connection, writable: bool) -> None:
        self.path = path
        self.conn = conn
        self.writable = writable
        self._sqlite_utils_db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection.

        What sqlite-utils is for here: its `atomic()` gives nested transactions
        as savepoints (an import's tags, transcript and annotations inside one
        outer transaction). It is imported on first use: sqlite-utils imports
        pandas when it is installed, which would add a second to start-up.
        """
        if self._sqlite_utils_db is None:
            import sqlite_utils

            self._sqlite_utils_db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._sqlite_utils_db

    # -- opening --------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> Database:
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path} already exists; open it instead of creating it")
        if not path.parent.is_dir():
            raise ProjectError(f"folder does not exist: {path.parent}")
        if not os.access(path.parent, os.W_OK):
            raise ProjectError(f"cannot create a project in {path.parent}: the folder is read-only")
        conn = _connect(path, writable=True)
        database = cls(path, conn, writable=True)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            with database.transaction():
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                for migration in MIGRATIONS:
                    migration(conn)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('created_at', ?)", (utc_now(),)
                )
        except BaseException as exc:
            conn.close()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            if isinstance(exc, sqlite3.Error):  # a full disk, say: one line, not a traceback
                raise _explain(exc, path) from exc
            raise
        return database

    @classmethod
    def open(cls, path: Path, writable: bool = True) -> Database:
        """Open and check a project; only SQLite ever opens the file (see `_check_path`)."""
        path = Path(path)
        _check_path(path)
        if writable and not os.access(path, os.W_OK):
            raise ProjectError(f"{path.name} is read-only; copy it somewhere writable to edit it")
        if writable and not os.access(path.parent, os.W_OK):
            raise ProjectError(
                f"{path.name} is in a read-only folder; copy it somewhere writable to edit it"
            )
        conn = _connect(path, writable)
        try:
            database = cls(path, conn, writable)
            database._check_and_migrate()
        except BaseException:
            conn.close()
            raise
        return database

    def close(self) -> None:
        self.conn.close()

    # -- transactions -----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing writes. Nested calls become savepoints of the outer one."""
        if not self.writable:
            raise ProjectError(f"{self.path.name} was opened read-only")
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _explain(exc, self.path) from exc
        try:
            yield self.conn
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error) and _disk_full(exc, self.path):
                # A large step spills pages into the -wal before COMMIT, so a full
                # disk can stop any statement of it: say so, as a failed COMMIT does.
                raise _explain(exc, self.path) from exc
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise _explain(exc, self.path) from exc

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise _explain(exc, self.path) from exc

    # -- versions -----------------------------------------------------------------
    def _check_and_migrate(self) -> None:
        app_id, version = _header(self.conn, self.path)
        if app_id != APPLICATION_ID:
            raise ProjectError(f"{self.path.name} is an SQLite file but not a Desk project")
        self._check_integrity()
        if version > SCHEMA_VERSION:
            raise ProjectError(
                f"{self.path.name} was written by a newer Desk (file format {version}; "
                f"this Desk reads up to {SCHEMA_VERSION}). Update Desk to open it."
            )
        self._check_tables(version)
        if version < SCHEMA_VERSION:
            if not self.writable:
                raise ProjectError(
                    f"{self.path.name} uses an older file format ({version}) and must be "
                    "upgraded; open it for editing once"
                )
            self._migrate(version)
        elif self.writable:
            settle_parts(self.path, version)  # an upgrade killed before naming its copy
        if self.writable:
            self.conn.execute("PRAGMA journal_mode=WAL")

    def _check_tables(self, version: int) -> None:
        """A Desk header over missing tables is a damaged file: refuse it before migrating."""
        present = {r[0] for r in self.query("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(tables_at(version) - present)
        if missing:
            raise ProjectError(
                f"{self.path.name} is damaged (a Desk project without its tables: "
                f"{', '.join(missing[:3])}{'…' if len(missing) > 3 else ''}); open a backup copy"
            )

    def _migrate(self, version: int) -> None:
        """Back up, then run the missing migrations in one transaction.

        The copy gets its name only after the commit (see backups.py): a failed
        or killed migration leaves the file as it was and its copy redundant,
        so retrying never piles up backups.
        """
        part, target = self.backup_before_migration(version)
        try:
            with self.transaction():
                for migration in MIGRATIONS[version:]:
                    migration(self.conn)
                self.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except BaseException as exc:
            part.unlink(missing_ok=True)
            if isinstance(exc, sqlite3.Error):
                if _disk_full(exc, self.path):
                    raise _explain(exc, self.path) from exc
                raise ProjectError(
                    f"{self.path.name} could not be upgraded from file format {version} "
                    f"({exc}); it is unchanged"
                ) from exc
            raise
        with contextlib.suppress(OSError):  # else the next opening names it
            os.replace(part, target)

    def _check_integrity(self) -> None:
        """Refuse a damaged file before the analyst edits it (cheap: no index cross-check)."""
        try:
            result = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise _explain(exc, self.path) from exc
        if result != "ok":
            detail = " ".join(result.split())  # SQLite's report spans lines; ours is one
            raise ProjectError(
                f"{self.path.name} is damaged (corrupt SQLite file: {detail[:80]}); "
                "open a backup copy"
            )

    def backup_before_migration(self, version: int) -> tuple[Path, Path]:
        """Copy the file with SQLite's backup API before touching its layout.

        Returns the copy, still under its temp name, and the name it gets once
        the migration has committed.
        """
        settle_parts(self.path, version)
        target = backup_target(self.path, version)
        part = part_of(target)
        try:
            write_copy(self.conn, part)
        except (sqlite3.Error, OSError) as exc:
            part.unlink(missing_ok=True)
            raise ProjectError(
                f"{self.path.name} needs an upgrade, but its backup copy could not be "
                f"written ({_reason(exc)}); it is unchanged"
            ) from exc
        return part, target


# A read-only connection may not undo a hot rollback journal (what a Desk stopped inside a
# change in rollback mode leaves: an upgrade of an older file, which runs before WAL is on).
READONLY_ROLLBACK = 776  # SQLITE_READONLY_ROLLBACK


def _connect(path: Path, writable: bool, immutable: bool = False,
             recover: bool = True) -> sqlite3.Connection:
    """A connection with Desk's pragmas; read-only, immutable when no -shm can exist.

    SQLite reads a WAL file only with a -shm beside it; on a read-only mount
    or in a locked folder it cannot create one. A file closed cleanly has no
    -wal, so reading it as immutable sees everything; with a -wal left over
    (not closed cleanly) that would hide edits, so it is refused instead.
    A hot journal is first undone by a writable connection, as any writer's
    opening would: it only restores the last committed state.
    """
    query = "" if writable else "?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(
            path.resolve().as_uri() + query, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None, check_same_thread=False,
        )
    except sqlite3.DatabaseError as exc:
        raise _explain(exc, path) from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous=NORMAL")  # the first statement that reads the file
    except sqlite3.DatabaseError as exc:
        conn.close()
        if not writable and getattr(exc, "sqlite_errorcode", None) == READONLY_ROLLBACK:
            if recover and _undo_hot_journal(path):
                return _connect(path, writable=False, immutable=immutable, recover=False)
            raise ProjectError(
                f"{path.name} was left half-changed by a Desk that stopped (its -journal is "
                "beside it) and cannot be repaired where it is; copy both somewhere writable "
                "to open it") from exc
        if writable or immutable or "unable to open" not in str(exc):
            raise _explain(exc, path) from exc
        if Path(f"{path}-wal").exists():
            raise ProjectError(
                f"{path.name} was not closed cleanly and sits in a read-only place; copy it "
                "with its -wal file somewhere writable to open it"
            ) from exc
        return _connect(path, writable=False, immutable=True)
    return conn


def _undo_hot_journal(path: Path) -> bool:
    """Let SQLite roll back a stopped writer's -journal (its first read does); False if the
    file or its folder is read-only."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return False
    try:
        conn = sqlite3.connect(path.resolve().as_uri(), uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def _header(conn: sqlite3.Connection, path: Path) -> tuple[int, int]:
    """(application_id, user_version), read by SQLite: it alone opens the file."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _explain(exc, path) from exc
    return int(app_id), int(version)


def _check_path(path: Path) -> None:
    """What can be told without opening the file.

    Never open a project with Python's own file I/O: on POSIX, closing any
    descriptor of a file drops every lock this process holds on it, and the
    next SQLite connection to close would then delete the journal of one
    still open (SQLite's "How To Corrupt", section 2.2).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ProjectError(f"project not found: {path}") from None
    except OSError as exc:
        raise ProjectError(f"cannot read {path.name}: {exc.strerror}") from exc
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not a Desk project")
    if info.st_size == 0:
        raise ProjectError(f"{path.name} is empty, not a Desk project")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def _explain(exc: sqlite3.Error, path: Path) -> ProjectError:
    """Turn SQLite's wording into a sentence the analyst can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return ProjectError(
            f"{path.name} is locked by another program; close it there or try again"
        )
    if "readonly" in text or "read-only" in text:
        return ProjectError(f"{path.name} is read-only; copy it somewhere writable to edit it")
    if "not a database" in text:
        return ProjectError(
            f"{path.name} is not a Desk project, or is damaged (SQLite cannot read it)")
    if "malformed" in text or "corrupt" in text:
        return ProjectError(f"{path.name} is damaged (corrupt SQLite file); open a backup copy")
    if _disk_full(exc, path):
        return ProjectError(f"the disk holding {path.name} is full; free some space and try "
                            "again (nothing was saved of this step)")
    if "unable to open" in text:
        return ProjectError(f"cannot open {path.name}: {exc}")
    return ProjectError(f"{path.name}: database error: {exc}")


def _disk_full(exc: sqlite3.Error, path: Path) -> bool:
    """SQLite says "disk I/O error" when a full disk stops its -shm or -wal from growing."""
    text = str(exc).lower()
    if "disk is full" in text:
        return True
    if "disk i/o error" not in text:
        return False
    try:
        return shutil.disk_usage(path.parent).free < FULL_BELOW_BYTES
    except OSError:
        return False
