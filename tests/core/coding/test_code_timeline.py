"""What the code timeline picture shows."""

from __future__ import annotations

from desk.core.coding.code_timeline import code_timeline
from desk.core.store import Project


def test_rows_follow_the_codebook_and_skip_suggestions(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0.0, 10.0)
    tmp_project.annotations.add("delay", 5.0, 12.0)
    tmp_project.annotations.add("praise exchange", 20.0, 22.0, source="suggested")
    tmp_project.tags.update("unchallenged claim", archived=True)
    picture = code_timeline(tmp_project)
    assert picture.title == "test"
    assert abs(picture.duration - 30.0) < 0.1
    names = [r.tag for r in picture.rows]
    assert names == ["delay", "DDoS claim", "praise exchange", "Harris attacks",
                     "migration remarks"]
    delay = picture.rows[0]
    assert delay.colour == "#7f7f7f"
    assert delay.ranges == [(0.0, 10.0), (5.0, 12.0)]
    assert delay.covered == 12.0
    assert picture.rows[2].ranges == []
