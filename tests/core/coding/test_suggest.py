"""Suggestions: dead air → suggested delays, keyword rules, accept, reject, never again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.coding import stats, suggest
from desk.core.coding.codebook import load_codebook
from desk.core.errors import InputError
from desk.core.pipeline.media import probe
from desk.core.records import Segment, Silence, Transcript
from desk.core.services.dead_air import ensure_dead_air
from desk.core.store import Project

REPO = Path(__file__).resolve().parents[3]


def _add_segments(project: Project, texts: list[tuple[float, float, str]]) -> None:
    transcript = project.transcripts.create(Transcript(engine="test", model="none"))
    project.transcripts.add_segments(transcript.id, [Segment(s, e, t) for s, e, t in texts])


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((REPO / "transcripts" / "sample.truth.json").read_text())


def test_sample_dead_air_becomes_one_suggested_delay(tmp_path: Path, sample_media: Path,
                                                      truth: dict) -> None:
    """Real recording, real silence scan: the dead air at the start is one suggestion."""
    dead = truth["dead_air"][0]
    with Project.create(tmp_path / "s.desk", media=probe(sample_media),
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        assert project.media.silences() == []
        silences = ensure_dead_air(project)
        assert silences, "the scan stored the dead air"
        made = suggest.suggest_delays(project, min_silence=5.0, annotator="ana")
        assert len(made) == 1
        delay = made[0]
        assert delay.tag == "delay" and delay.source == "suggested"
        assert abs(delay.start - dead["start"]) <= 1.0
        assert abs(delay.end - dead["end"]) <= 1.0
        # Not coded until accepted.
        assert {t.tag: t.count for t in stats.tag_stats(project)}["delay"] == 0
        # Asking again proposes nothing new.
        assert suggest.suggest_delays(project, min_silence=5.0) == []
        # Accepting makes it a normal annotation with the acceptor's name.
        accepted = suggest.accept(project, [delay.id], annotator="bea")
        assert accepted[0].source == "manual" and accepted[0].annotator == "bea"
        assert {t.tag: t.count for t in stats.tag_stats(project)}["delay"] == 1
    # Survives reopening.
    with Project.open(tmp_path / "s.desk") as project:
        [kept] = project.annotations.list(tag="delay")
        assert kept.source == "manual" and kept.id == delay.id


def test_reject_removes_and_is_not_suggested_again(tmp_project: Project) -> None:
    tmp_project.media.set_silences([Silence(2.0, 9.0), Silence(12.0, 13.0), Silence(20.0, 29.0)])
    made = suggest.suggest_delays(tmp_project, min_silence=3.0)
    assert [(a.start, a.end) for a in made] == [(2.0, 9.0), (20.0, 29.0)]
    assert suggest.reject(tmp_project, [made[0].id]) == 1
    assert [a.id for a in suggest.pending(tmp_project)] == [made[1].id]
    # Neither the dismissed one nor the pending one comes back.
    assert suggest.suggest_delays(tmp_project, min_silence=3.0) == []
    # A slightly different scan of the same dead air is still the dismissed one.
    tmp_project.media.set_silences([Silence(2.2, 8.9)])
    assert suggest.suggest_delays(tmp_project, min_silence=3.0) == []
    # Reject all.
    assert suggest.reject(tmp_project) == 1
    assert suggest.pending(tmp_project) == []


def test_each_batch_is_one_undo_step(tmp_project: Project) -> None:
    tmp_project.media.set_silences([Silence(1.0, 7.0), Silence(10.0, 17.0)])
    made = suggest.suggest_delays(tmp_project, min_silence=5.0)
    assert len(made) == 2
    tmp_project.history.undo()
    assert tmp_project.annotations.count() == 0
    tmp_project.history.redo()
    assert tmp_project.annotations.count() == 2
    suggest.accept(tmp_project)
    assert suggest.pending(tmp_project) == []
    tmp_project.history.undo()
    assert len(suggest.pending(tmp_project)) == 2
    suggest.reject(tmp_project)
    assert tmp_project.annotations.count() == 0
    assert len(suggest.dismissed_ranges(tmp_project)["delay"]) == 2
    tmp_project.history.undo()
    assert tmp_project.annotations.count() == 2
    # Undoing the reject forgets the dismissal too: the ranges may be suggested again.
    assert suggest.dismissed_ranges(tmp_project) == {}
    tmp_project.history.redo()
    assert len(suggest.dismissed_ranges(tmp_project)["delay"]) == 2


def test_manual_coding_is_not_suggested_over(tmp_project: Project) -> None:
    tmp_project.annotations.add("delay", 0.0, 6.0)
    tmp_project.media.set_silences([Silence(0.5, 8.0), Silence(15.0, 30.5)])
    made = suggest.suggest_delays(tmp_project, min_silence=5.0)
    # The first overlaps the manual one; the second is clipped to the 30 s recording.
    assert [(a.start, a.end) for a in made] == [(15.0, 30.0)]


def test_keyword_rules_propose_matching_segments(tmp_project: Project) -> None:
    _add_segments(tmp_project, [
        (1.0, 4.0, "Kamala is a disaster, believe me."),
        (4.5, 8.0, "The border is open, migrants are coming."),
        (9.0, 12.0, "It was a massive DDoS attack."),
        (13.0, 15.0, "Thank you, nice to be here."),
        (16.0, 18.0, "Harrisburg is a city."),
    ])
    made = suggest.suggest_keywords(tmp_project, annotator="ana")
    found = {(a.tag, a.start, a.end) for a in made}
    assert ("Harris attacks", 1.0, 4.0) in found
    assert ("migration remarks", 4.5, 8.0) in found
    assert ("DDoS claim", 9.0, 12.0) in found
    assert all(a.source == "suggested" for a in made)
    assert not any(a.start == 13.0 for a in made)
    notes = {a.tag: a.note for a in made}
    assert notes["Harris attacks"] == "keyword: Kamala"
    assert suggest.suggest_keywords(tmp_project) == []


def test_bad_input_changes_nothing(tmp_project: Project) -> None:
    tmp_project.media.set_silences([Silence(1.0, 9.0)])
    with pytest.raises(InputError, match="more than 0"):
        suggest.suggest_delays(tmp_project, min_silence=0)
    with pytest.raises(InputError, match="unknown tag 'pause'"):
        suggest.suggest_delays(tmp_project, tag="pause")
    manual = tmp_project.annotations.add("delay", 20.0, 21.0)
    [made] = suggest.suggest_delays(tmp_project)
    with pytest.raises(InputError, match="is not a suggestion"):
        suggest.accept(tmp_project, [made.id, manual.id])
    with pytest.raises(InputError, match="no annotation with id 999"):
        suggest.reject(tmp_project, [999])
    assert suggest.pending(tmp_project)[0].id == made.id
    assert tmp_project.annotations.count() == 2
