"""Adjudication: take / union / intersection / edit into the consensus, with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.coding import adjudication
from desk.core.errors import InputError
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.core.store.adjudications import CONSENSUS


@pytest.fixture
def project(tmp_project: Project) -> Project:
    add = tmp_project.annotations.add
    add("delay", 0, 4, annotator="ann")
    add("delay", 0.2, 4.1, annotator="ben")  # agreed
    add("praise exchange", 6, 12, annotator="ann")  # missing for ben
    add("Harris attacks", 15, 21, annotator="ann")
    add("Harris attacks", 17, 24, annotator="ben")  # boundaries
    add("migration remarks", 25, 29, annotator="ann")
    add("unchallenged claim", 25.2, 28.8, annotator="ben")  # same span, other tag
    return tmp_project


def _consensus(project: Project) -> list[tuple[str, float, float]]:
    return [(a.tag, a.start, a.end) for a in project.annotations.list(annotator=CONSENSUS)]


def _find(project: Project, kind: str) -> adjudication.Disagreement:
    return next(d for d in adjudication.disagreements(project) if d.kind == kind)


def test_each_rule_writes_the_consensus_and_says_who_and_from_what(project: Project) -> None:
    boundaries = _find(project, "boundaries")
    decision = adjudication.decide(project, boundaries, "take", "lead", annotator="ben")
    assert _consensus(project) == [("Harris attacks", 17, 24)]
    assert decision.rule == "take ben" and decision.decided_by == "lead"
    assert sorted(s["annotator"] for s in decision.sources) == ["ann", "ben"]
    assert project.adjudications.list()[0].results == decision.results
    assert project.history.actions(limit=1)[0].annotator == "lead"
    # Deciding again replaces the earlier decision's consensus range.
    adjudication.decide(project, boundaries, "union", "lead")
    assert _consensus(project) == [("Harris attacks", 15, 24)]
    adjudication.decide(project, boundaries, "intersection", "lead")
    assert _consensus(project) == [("Harris attacks", 17, 21)]
    adjudication.decide(project, boundaries, "edit", "lead",
                        edit=("Harris attacks", 16, 22.5))
    assert _consensus(project) == [("Harris attacks", 16, 22.5)]
    assert boundaries.key in adjudication.decided_keys(project)


def test_taking_nothing_and_other_tags(project: Project) -> None:
    missing = _find(project, "missing")
    decision = adjudication.decide(project, missing, "take", "lead", annotator="ben")
    assert decision.results == [] and _consensus(project) == []  # "nothing goes here"
    assert missing.key in adjudication.decided_keys(project)
    other_tag = _find(project, "tag")
    adjudication.decide(project, other_tag, "union", "lead")
    assert sorted(_consensus(project)) == [("migration remarks", 25, 29),
                                           ("unchallenged claim", 25.2, 28.8)]
    with pytest.raises(InputError, match="no time and tag in common"):
        adjudication.decide(project, other_tag, "intersection", "lead")
    with pytest.raises(InputError, match="take whose coding"):
        adjudication.decide(project, other_tag, "take", "lead", annotator="zoe")


def test_a_decision_is_one_undo_step(project: Project) -> None:
    boundaries = _find(project, "boundaries")
    adjudication.decide(project, boundaries, "take", "lead", annotator="ann")
    adjudication.decide(project, boundaries, "take", "lead", annotator="ben")
    project.history.undo()
    assert _consensus(project) == [("Harris attacks", 15, 21)]
    assert [a.rule for a in project.adjudications.list()] == ["take ann"]
    project.history.redo()
    assert _consensus(project) == [("Harris attacks", 17, 24)]


def test_agreements_come_in_at_once_and_only_once(project: Project) -> None:
    assert adjudication.take_agreements(project, decided_by="lead") == 1
    assert _consensus(project) == [("delay", 0, 4.1)]
    assert adjudication.take_agreements(project, decided_by="lead") == 0
    assert project.adjudications.list()[0].rule == "agreed (1)"


def test_choices_are_checked(project: Project, tmp_path: Path, tone_media: Path) -> None:
    found = adjudication.disagreements(project)
    assert adjudication.find(found, "1") is found[0]
    assert adjudication.find(found, found[2].key) is found[2]
    with pytest.raises(InputError, match="no disagreement '99'"):
        adjudication.find(found, "99")
    with pytest.raises(InputError, match="no annotations by zoe"):
        adjudication.disagreements(project, ["ann", "zoe"])
    with pytest.raises(InputError, match="at least two annotators"):
        adjudication.disagreements(project, ["ann"])
    with pytest.raises(InputError, match="tolerance"):
        adjudication.disagreements(project, tolerance=-1)
    lone = Project.create(tmp_path / "lone.desk", media=probe(tone_media))
    with lone, pytest.raises(InputError, match="at least two annotators"):
        adjudication.disagreements(lone)
