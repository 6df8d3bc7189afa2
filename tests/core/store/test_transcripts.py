"""Transcripts in the store: time-range queries use indexes, full-text search is safe."""

from __future__ import annotations

from desk.core.records import Segment, Transcript
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
