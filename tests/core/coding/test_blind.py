"""Blind coding: others' layers neither show nor steer suggestions; comparing waits."""

from __future__ import annotations

import pytest

from desk.core.coding import adjudication, suggest
from desk.core.coding.blind import visible, visible_annotator
from desk.core.errors import InputError
from desk.core.records import Silence
from desk.core.store import Project


@pytest.fixture
def project(tmp_project: Project) -> Project:
    tmp_project.media.set_silences([Silence(0.0, 12.0)])
    tmp_project.annotations.add("delay", 0, 10, annotator="ann")
    tmp_project.annotations.add("praise exchange", 14, 18, annotator="ben")
    return tmp_project


def test_the_switch_is_kept_in_the_file(project: Project) -> None:
    assert not project.settings.blind_coding
    assert visible_annotator(project, "ben") is None
    project.settings.set_blind_coding(True)
    with Project.open(project.path, writable=False) as again:
        assert again.settings.blind_coding
    assert visible_annotator(project, "ben") == "ben"
    shown = visible(project.annotations.list(), visible_annotator(project, "ben"))
    assert [a.annotator for a in shown] == ["ben"]


def test_suggestions_ignore_other_coders_while_blind(project: Project) -> None:
    # Open coding: ann's delay already covers the dead air, nothing is suggested to ben.
    assert suggest.suggest_delays(project, 5.0, "ben") == []
    project.settings.set_blind_coding(True)
    [offered] = suggest.suggest_delays(project, 5.0, "ben")
    assert (offered.annotator, offered.start, offered.end) == ("ben", 0.0, 12.0)
    assert suggest.pending(project, "ann") == []
    assert [a.id for a in suggest.pending(project, "ben")] == [offered.id]
    assert suggest.accept(project, None, "ann") == []  # "accept all" is all of one's own
    project.settings.set_blind_coding(False)
    assert [a.id for a in suggest.pending(project, "ann")] == [offered.id]


def test_comparing_waits_until_blind_coding_is_off(project: Project) -> None:
    project.settings.set_blind_coding(True)
    with pytest.raises(InputError, match="blind coding is on"):
        adjudication.disagreements(project)
    project.settings.set_blind_coding(False)
    assert len(adjudication.disagreements(project)) == 2
