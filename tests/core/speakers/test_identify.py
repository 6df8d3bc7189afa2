"""The speaker recipes on a real project: the sample's turns stored, voice prints, profiles."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import InputError
from desk.core.speakers.identify import identify, voice_print
from desk.core.speakers.model import SpeakerEmbedder
from desk.core.speakers.profiles import VoiceLibrary
from desk.core.store import Project
from tests.conftest import sample_truth


@pytest.fixture(scope="module")
def embedder() -> SpeakerEmbedder:
    return SpeakerEmbedder()


def speakers_of(project: Project) -> list[str | None]:
    return [s.speaker for s in project.transcripts.segments()]


def test_the_samples_turns_are_stored_as_its_ground_truth(
        truth_project: Path, embedder: SpeakerEmbedder) -> None:
    truth = {"HOST": "Speaker 1", "GUEST": "Speaker 2"}  # the host speaks first
    with Project.open(truth_project) as project:
        actions = len(project.history.actions())
        summary = identify(project, embedder=embedder)
        assert speakers_of(project) == [truth[s.speaker or ""] for s in sample_truth()]
        assert (summary.segments, summary.split, summary.kept) == (9, 0, 0)
        segments = project.transcripts.segments()
        assert all(s.speaker_source == "auto" and (s.speaker_confidence or 0) >= 0.35
                   for s in segments)
        assert len(project.history.actions()) == actions + 1
        project.history.undo()
        assert set(speakers_of(project)) == {None} and project.speakers.list() == []


def test_a_voice_print_names_its_speaker_in_the_next_run(
        truth_project: Path, tmp_path: Path, embedder: SpeakerEmbedder) -> None:
    library = VoiceLibrary(tmp_path / "voices.json")
    with Project.open(truth_project) as project:
        identify(project, embedder=embedder)
        voice = voice_print(project, "Speaker 1", "Host", embedder)
        assert voice.windows > 10 and voice.source == "sample.mp4"
        library.add(voice)
        summary = identify(project, library=library, embedder=embedder)
        assert summary.speakers == ["Host", "Speaker 2"] and summary.matched["Host"] > 0.9
        host = project.speakers.get("Host")
        assert (host.matched_profile, host.match_status) == ("Host", "suggested")
        truth = {"HOST": "Host", "GUEST": "Speaker 2"}
        assert speakers_of(project) == [truth[s.speaker or ""] for s in sample_truth()]
        # Rejected here, the profile is not offered again for this project.
        project.speaker_edits.reject_match("Host")
        again = identify(project, library=library, embedder=embedder)
        assert again.matched == {} and "Host" not in again.speakers


def test_a_voice_print_needs_a_speaker_who_says_something(
        truth_project: Path, embedder: SpeakerEmbedder) -> None:
    with Project.open(truth_project) as project:
        with pytest.raises(InputError, match="no speaker"):
            voice_print(project, "Nobody", embedder=embedder)
        project.speaker_edits.add("Silent")
        with pytest.raises(InputError, match="says nothing"):
            voice_print(project, "Silent", embedder=embedder)
