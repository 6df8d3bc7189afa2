"""Round trips of every table through the store, and opening rules."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import InputError, ProjectError
from desk.core.records import Media, Segment, Silence, Tag, Transcript, Word
from desk.core.store import Project
from desk.core.store.schema import SCHEMA_VERSION


def _media() -> Media:
    return Media(path="/rec/Schlagabtausch ü.mp4", size=123, fingerprint="s3:ff", duration=600.0,
                 has_video=True)


def test_every_table_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "Projekt ü.desk"
    with Project.create(path, media=_media()) as project:
        tag = project.tags.add(Tag("praise exchange", "mutual admiration", "#2ca02c", key=3,
                                   keywords=["amazing"]))
        transcript = project.transcripts.create(
            Transcript("openai", "tiny.en", "en", {"beam_size": 5}, total=600.0))
        words = [Word(10.0, 10.4, "You're"), Word(10.4, 10.9, "amazing", 0.93)]
        project.transcripts.add_segments(transcript.id, [Segment(
            10.0, 11.0, "You're amazing", words, -0.25, 0.02, 1.1, speaker="Donald Trump")],
            progress=11.0)
        project.annotations.add("praise exchange", 10.0, 11.0, note="first", annotator="anna")
        project.media.set_silences([Silence(0.0, 9.5)])
        project.media.set_waveform("s3:ff", 10.0, np.array([[-0.5, 0.5], [-0.1, 0.2]]))
        project.transcripts.update(transcript.id, status="complete", progress=600.0)

    with Project.open(path, writable=False) as project:
        expected = _media()
        expected.id = 1
        assert project.media.get() == expected
        assert project.tags.get("Praise Exchange").keywords == ["amazing"]
        assert project.tags.get(tag.id).key == 3
        stored = project.transcripts.current()
        assert (stored.status, stored.progress, stored.settings) == ("complete", 600.0,
                                                                     {"beam_size": 5})
        (segment,) = project.transcripts.segments()
        assert (segment.text, segment.speaker, segment.avg_logprob) == (
            "You're amazing", "Donald Trump", -0.25)
        assert [(w.start, w.end, w.text, w.probability) for w in segment.words] == [
            (10.0, 10.4, "You're", None), (10.4, 10.9, "amazing", 0.93)]
        (annotation,) = project.annotations.list()
        assert (annotation.tag, annotation.start, annotation.end, annotation.note,
                annotation.annotator, annotation.source) == (
            "praise exchange", 10.0, 11.0, "first", "anna", "manual")
        assert project.media.silences()[0].end == 9.5
        bps, peaks = project.media.waveform("s3:ff")
        assert bps == 10.0 and peaks.shape == (2, 2) and peaks[0, 1] == 0.5
        assert project.edits.speakers() == ["Donald Trump"]


def test_file_is_wal_with_foreign_keys_and_version(tmp_project: Project) -> None:
    conn = tmp_project.database.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_time_range_queries_use_indexes(tmp_project: Project) -> None:
    plan = tmp_project.database.conn.execute(
        'EXPLAIN QUERY PLAN SELECT * FROM annotations WHERE start < 5 AND "end" > 1'
    ).fetchall()
    assert any("annotations_time" in row[-1] for row in plan)


def test_search_uses_full_text_index(tmp_project: Project) -> None:
    t = tmp_project.transcripts.create(Transcript("openai", "tiny.en"))
    tmp_project.transcripts.add_segments(t.id, [
        Segment(1, 2, "Kamala Harris is a disaster"), Segment(3, 4, "The border is open"),
        Segment(5, 6, "Harris-Walz ticket, Café Müller")])
    assert [h.start for h in tmp_project.transcripts.search("harris")] == [1, 5]
    assert tmp_project.transcripts.search("bord")[0].snippet == "The [border] is open"
    assert tmp_project.transcripts.search("cafe muller")[0].start == 5  # diacritics folded
    assert tmp_project.transcripts.search('") OR (') == []  # typed syntax is never an error


def test_new_project_refuses_to_overwrite(tmp_project: Project) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_project.path)


@pytest.mark.parametrize("content, message", [
    (b"", "not a Desk project"),
    (b"hello world, not a database at all" * 10, "not a Desk project"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "damaged"),
])
def test_non_projects_are_refused_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "thing.desk"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message):
        Project.open(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "other.desk"
    sqlite3.connect(path).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(ProjectError, match="not a Desk project"):
        Project.open(path)


def test_missing_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not found"):
        Project.open(tmp_path / "nope.desk")


def test_corrupt_project_is_reported(tmp_project: Project, tmp_path: Path) -> None:
    tmp_project.annotations.add("delay", 0, 5)
    tmp_project.close()
    broken = tmp_path / "broken.desk"
    shutil.copy(tmp_project.path, broken)
    data = bytearray(broken.read_bytes())
    data[4096:12288] = b"\xff" * 8192  # smash pages after the header
    broken.write_bytes(bytes(data))
    with pytest.raises(ProjectError, match="damaged|not a Desk project"):
        project = Project.open(broken)
        project.annotations.list()


def test_annotation_rules(tmp_project: Project) -> None:
    with pytest.raises(InputError, match="unknown tag"):
        tmp_project.annotations.add("nope", 0, 1)
    with pytest.raises(InputError, match="after start"):
        tmp_project.annotations.add("delay", 5, 5)
    with pytest.raises(InputError, match="after the end"):
        tmp_project.annotations.add("delay", 5, 31)
    assert tmp_project.annotations.count() == 0
    a = tmp_project.annotations.add("delay", 1, 2, annotator="anna")
    b = tmp_project.annotations.update(a.id, tag="DDoS claim", end=3.25, note="n")
    assert (b.tag, b.start, b.end, b.note, b.annotator) == ("DDoS claim", 1, 3.25, "n", "anna")
    tmp_project.annotations.delete(a.id)
    assert tmp_project.annotations.list() == []
