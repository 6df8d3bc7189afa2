"""Transcripts in the store: time-range queries use indexes, full-text search is safe."""

from __future__ import annotations

from desk.core.records import Lines, Segment, Transcript
from desk.core.store import Project


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


def test_lines_as_columns_are_stored_as_the_same_segments(tmp_project: Project) -> None:
    """An import's `Lines` (no record a row) and records store the same rows and speakers."""
    stored = []
    for segments in ([Segment(1.0004, 2, " Hi there ", speaker="Anna"), Segment(3, 4, "Yes")],
                     Lines([1.0004, 3.0], [2.0, 4.0], [" Hi there ", "Yes"], ["Anna", None])):
        t = tmp_project.transcripts.create(Transcript("import", "x"))
        assert t.id is not None
        ids = tmp_project.transcripts.add_segments(t.id, segments)
        assert len(ids) == 2
        stored.append([(s.start, s.end, s.text, s.speaker, s.speaker_source, s.edited, s.words)
                       for s in tmp_project.transcripts.segments(t.id)])
    assert stored[0] == stored[1] == [(1.0, 2.0, "Hi there", "Anna", "", False, []),
                                      (3.0, 4.0, "Yes", None, "", False, [])]
    assert tmp_project.transcripts.search("there")[0].start == 1.0
