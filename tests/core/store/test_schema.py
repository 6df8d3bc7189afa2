"""Opening files written by older and newer versions of Desk."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desk.core.errors import ProjectError
from desk.core.store import Project
from desk.core.store.schema import APPLICATION_ID, SCHEMA_VERSION, speaker_colour
from tests.conftest import project_digest

V1 = Path(__file__).resolve().parents[2] / "fixtures" / "v1.desk"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "old project.desk"
    shutil.copy(V1, target)
    return target


def test_v1_file_is_backed_up_then_migrated(v1_copy: Path) -> None:
    original = v1_copy.read_bytes()
    with Project.open(v1_copy) as project:
        assert project.database.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (annotation,) = project.annotations.list()
        assert (annotation.tag, annotation.end, annotation.note) == (
            "delay", 2400.0, "forty minutes of nothing")
        (segment,) = project.transcripts.segments()
        assert segment.speaker == "Elon Musk" and len(segment.words) == 2
        # v6: a speaker named before numbering gets a number and a colour, its segments
        # count as the analyst's (diarization leaves them alone)
        (speaker,) = project.speakers.list()
        assert (speaker.position, speaker.colour, speaker.origin) == (1, "#0072B2", "manual")
        assert segment.speaker_source == "manual"
        # what v2 added works on the migrated data
        assert project.transcripts.search("ddos")[0].segment_id == segment.id
        assert project.tags.get("delay").keywords == []
        project.media.set_silences([])
    backups = list(v1_copy.parent.glob("old project.desk.v1-backup-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT note FROM annotations").fetchone()[0] == (
            "forty minutes of nothing")
    assert original != v1_copy.read_bytes()


def test_read_only_open_of_old_file_does_not_migrate(v1_copy: Path) -> None:
    before = v1_copy.read_bytes()
    with pytest.raises(ProjectError, match="older file format"):
        Project.open(v1_copy, writable=False)
    assert v1_copy.read_bytes() == before


def test_failed_migration_leaves_file_untouched(v1_copy: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.store import database, schema

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(database, "MIGRATIONS", [schema.MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        Project.open(v1_copy)
    with sqlite3.connect(v1_copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables


def test_newer_file_is_refused_and_untouched(tmp_project: Project) -> None:
    path = tmp_project.path
    tmp_project.close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="newer Desk"):
        Project.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("version", [1, SCHEMA_VERSION])
def test_desk_header_over_no_tables_is_damaged_and_leaves_no_backups(tmp_path: Path,
                                                                     version: int) -> None:
    path = tmp_path / "hollow.desk"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version={version}")
    conn.close()
    for _ in range(3):
        with pytest.raises(ProjectError, match="damaged .*without its tables: actions, "):
            Project.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hollow.desk"]


def test_migration_failing_in_sqlite_is_explained_and_drops_its_backup(
        v1_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.store import database, schema

    def clashing(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE tags (x)")  # already there: sqlite3.OperationalError

    monkeypatch.setattr(database, "MIGRATIONS", [schema.MIGRATIONS[0], clashing])
    before = project_digest(v1_copy)
    for _ in range(2):
        with pytest.raises(ProjectError, match="could not be upgraded from file format 1 .*"
                                               "it is unchanged"):
            Project.open(v1_copy)
    assert project_digest(v1_copy) == before
    assert list(v1_copy.parent.glob("*backup*")) == []


def test_speaker_colours_repeat_after_the_palette() -> None:
    assert speaker_colour(1) == "#0072B2" and speaker_colour(2) == "#E69F00"
    assert speaker_colour(11) == speaker_colour(1)
