"""Merging a colleague's coding: their layer, tag choices, one undo, idempotent, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.coding.merge import apply_merge, merge_file, plan_file, plan_merge
from desk.core.errors import InputError
from desk.core.formats.registry import export_format
from desk.core.store import Project
from tests.conftest import make_media, project_digest
from tests.core.coding.analysts import ANNA, BEN, analyst_project


@pytest.fixture
def mine(tmp_path: Path, tone_media: Path) -> Path:
    return analyst_project(tmp_path / "anna.desk", tone_media, "anna", ANNA)


@pytest.fixture
def theirs(tmp_path: Path, tone_media: Path) -> Path:
    return analyst_project(tmp_path / "ben.desk", tone_media, "ben", BEN,
                           speakers=("Elon Musk", "Donald Trump"))


def _layer(project: Project, name: str) -> list[tuple[str, float, float]]:
    return [(a.tag, a.start, a.end) for a in project.annotations.list(annotator=name)]


def test_their_layer_arrives_whole_and_one_undo_takes_it_back(mine: Path, theirs: Path) -> None:
    with Project.open(mine) as project:
        plan = plan_merge(project, theirs)
        assert plan.annotators == ["ben"] and len(plan.annotations) == 4
        assert [t.name for t in plan.new_tags] == ["crowd noise"]
        assert plan.uses == {"crowd noise": 1}
        summary = apply_merge(project, plan, add_tags=["crowd noise"], annotator="anna")
        assert summary.added == 4 and summary.tags_added == ["crowd noise"]
        assert sorted(_layer(project, "ben")) == sorted(BEN)
        assert {a.source for a in project.annotations.list(annotator="ben")} == {"imported"}
        assert _layer(project, "anna") == ANNA  # untouched
        assert project.tags.get("crowd noise").description == "their own tag"
        history = project.history.actions(limit=1)[0]
        assert history.label.startswith("merge 4 annotations from ben.desk") and (
            history.annotator == "anna")
        project.history.undo()
        assert _layer(project, "ben") == []
        with pytest.raises(InputError):
            project.tags.get("crowd noise")


def test_merging_twice_adds_nothing(mine: Path, theirs: Path) -> None:
    with Project.open(mine) as project:
        apply_merge(project, plan_merge(project, theirs), add_tags=["crowd noise"])
        count = project.annotations.count()
        actions = len(project.history.actions())
        again = plan_merge(project, theirs)
        assert again.annotations == [] and again.already == 4
        summary = apply_merge(project, again)
        assert summary.added == 0 and summary.already == 4
        assert project.annotations.count() == count
        assert len(project.history.actions()) == actions  # no empty undo step either


def test_new_tags_are_only_made_when_chosen(mine: Path, theirs: Path) -> None:
    with Project.open(mine) as project:
        summary = apply_merge(project, plan_merge(project, theirs))
        assert summary.added == 3 and summary.skipped == {"crowd noise": 1}
        assert summary.tags_added == []
        with pytest.raises(InputError, match="unknown tag"):
            project.tags.get("crowd noise")
        with pytest.raises(InputError, match="not a new tag"):
            apply_merge(project, plan_merge(project, theirs), add_tags=["delay"])


def test_codebook_and_speakers_come_in_only_when_asked(mine: Path, theirs: Path) -> None:
    with Project.open(theirs) as project:
        project.tags.update("delay", description="their reading of a delay",
                            keywords=["late"])
    with Project.open(mine) as project:
        plan = plan_merge(project, theirs)
        assert [ours.name for ours, _ in plan.definitions] == ["delay"]
        assert len(plan.speakers) == 2
        apply_merge(project, plan, add_tags=["crowd noise"])
        assert project.tags.get("delay").description != "their reading of a delay"
        assert {s.speaker for s in project.transcripts.segments()} == {None}
        project.history.undo()
        summary = apply_merge(project, plan_merge(project, theirs), codebook=True,
                              speakers=True)
        assert summary.definitions == 1 and summary.speakers == 2
        assert summary.tags_added == ["crowd noise"]  # --codebook takes every tag of theirs
        assert project.tags.get("delay").keywords == ["late"]
        assert [s.speaker for s in project.transcripts.segments()] == ["Elon Musk",
                                                                       "Donald Trump"]
        project.history.undo()  # one step, speakers and definitions included
        assert project.tags.get("delay").keywords == []
        assert {s.speaker for s in project.transcripts.segments()} == {None}


def test_a_different_recording_is_refused_and_nothing_changes(mine: Path,
                                                              tmp_path: Path) -> None:
    other_media = make_media(tmp_path / "other.mp4", seconds=30.0,
                             audio="sine=frequency=880")
    other = analyst_project(tmp_path / "other.desk", other_media, "ben", BEN)
    before = project_digest(mine)
    with Project.open(mine) as project, pytest.raises(InputError,
                                                     match="different recording"):
        plan_merge(project, other)
    assert project_digest(mine) == before


def test_a_name_that_codes_here_needs_as(mine: Path, tmp_path: Path, tone_media: Path) -> None:
    namesake = analyst_project(tmp_path / "anna2.desk", tone_media, "anna", BEN)
    with Project.open(mine) as project:
        with pytest.raises(InputError, match="anna already codes in this project"):
            plan_merge(project, namesake)
        summary = apply_merge(project, plan_merge(project, namesake, as_name="anna (laptop)"),
                              add_tags=["crowd noise"])
        assert summary.annotators == ["anna (laptop)"] and summary.added == 4
        with pytest.raises(InputError, match="itself"):
            plan_merge(project, mine)


@pytest.mark.parametrize("fmt", ["json", "eaf"])
def test_exports_of_another_desk_merge_like_the_file(mine: Path, theirs: Path, tmp_path: Path,
                                                     fmt: str) -> None:
    out = tmp_path / f"ben.{fmt}"
    with Project.open(theirs, writable=False) as project:
        export_format(fmt).export(project, out)
    with Project.open(mine) as project:
        summary = apply_merge(project, plan_merge(project, out), add_tags=["crowd noise"],
                              speakers=True)
        assert summary.added == 4 and summary.speakers == 2
        assert sorted(_layer(project, "ben")) == sorted(BEN)
        assert apply_merge(project, plan_merge(project, out)).added == 0


def test_an_export_without_a_fingerprint_is_refused(mine: Path, tmp_path: Path) -> None:
    stray = tmp_path / "elan.eaf"
    stray.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT FORMAT="3.0">'
        '<HEADER TIME_UNITS="milliseconds"/><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" '
        'TIME_VALUE="0"/><TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="1000"/></TIME_ORDER>'
        '<TIER TIER_ID="delay" ANNOTATOR="zoe"><ANNOTATION><ALIGNABLE_ANNOTATION '
        'ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2"><ANNOTATION_VALUE>'
        '</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>',
        encoding="utf-8")
    with Project.open(mine) as project, pytest.raises(InputError, match="no fingerprint"):
        plan_merge(project, stray)


def test_a_merge_on_its_own_connection_says_which_action_it_was(mine: Path,
                                                                theirs: Path) -> None:
    plan = plan_file(mine, theirs)
    summary, action = merge_file(mine, plan, add_tags=["crowd noise"])
    assert summary.added == 4 and action is not None
    with Project.open(mine) as project:
        assert project.history.last_action_id() == action
        assert {a.annotator for a in project.annotations.list()} == {"anna", "ben"}
    assert merge_file(mine, plan_file(mine, theirs))[1] is None  # nothing new: no action
