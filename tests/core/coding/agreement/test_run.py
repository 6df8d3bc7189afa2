"""Agreement on a project: its recording, its coders, suggestions and blind coding."""

from __future__ import annotations

import pytest

from desk.core.coding.adjudication import decide
from desk.core.coding.agreement.measure import Settings
from desk.core.coding.agreement.run import compare, compare_file, project_agreement
from desk.core.errors import InputError, JobCancelled
from desk.core.store import Project


def test_a_project_coded_by_two(tmp_project: Project) -> None:
    for coder in ("ann", "ben"):
        tmp_project.annotations.add("delay", 0, 10, annotator=coder)
    tmp_project.annotations.add("delay", 20, 25, annotator="cleo", source="suggested")
    result = project_agreement(tmp_project, settings=Settings(replicates=20))
    assert result.annotators == ("ann", "ben")  # cleo only has a suggestion
    assert result.overall.figures["alpha"].value == pytest.approx(1.0)
    assert result.tags[0].coded_seconds == {"ann": 10.0, "ben": 10.0}
    tmp_project.settings.set_blind_coding(True)
    with pytest.raises(InputError, match="blind coding is on"):
        project_agreement(tmp_project)


def test_compare_gives_figures_disagreements_and_what_is_settled(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0, 10, annotator="ann")
    tmp_project.annotations.add("delay", 0, 10, annotator="ben")
    tmp_project.annotations.add("delay", 20, 25, annotator="ann")
    settings = Settings(replicates=20)
    found = compare(tmp_project, settings=settings)
    assert [d.kind for d in found.disagreements] == ["missing"]
    assert found.decided == set()
    decide(tmp_project, found.disagreements[0], "take", "judge", annotator="ann")
    path = tmp_project.path
    tmp_project.close()
    again = compare_file(path, settings=settings)
    assert again.decided == {found.disagreements[0].key}
    assert again.result.overall.figures["alpha"].value == pytest.approx(
        found.result.overall.figures["alpha"].value)


def test_progress_counts_every_tag_and_cancelling_stops_the_run(tmp_project: Project) -> None:
    for tag in ("delay", "praise exchange"):
        for coder, shift in (("ann", 0.0), ("ben", 0.5)):
            tmp_project.annotations.add(tag, 1 + shift, 9 + shift, annotator=coder)
    steps: list[tuple[int, int]] = []
    compare(tmp_project, settings=Settings(replicates=20), progress=lambda *s: steps.append(s))
    # Nothing done, each of the 2 tags, the pooled row, the disagreements: 4 steps in all.
    assert steps == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    asked: list[int] = []

    def stop_after_the_first_tag() -> bool:
        asked.append(len(steps))
        return len(steps) > 6  # once the second run has said its first tag is done

    with pytest.raises(JobCancelled):
        compare(tmp_project, settings=Settings(replicates=20),
                progress=lambda *s: steps.append(s), cancelled=stop_after_the_first_tag)
    assert steps[5:] == [(0, 4), (1, 4)]  # no second tag, no disagreements
    assert len(asked) > 2  # asked between γ's random continua too, not only between tags
