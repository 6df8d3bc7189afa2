"""The speaker recipes on a project: label its current transcript, or take one voice print.

`identify` diarizes the current transcript's words, lets the profile library
name the voices it knows (a profile the analyst rejected for this project is
not offered again) and applies the result in one step (store/speaker_turns.py).
`voice_print` makes a profile from what one speaker says in the transcript, as
corrected by the analyst. Both run in the speaker job's child (torch stays out
of the app's process) and need the `speakers` extra.
"""

from __future__ import annotations

from pathlib import Path

from desk.core.errors import InputError, MediaError
from desk.core.records import Segment, Word
from desk.core.speakers import regions
from desk.core.speakers.diarize import Diarization, Progress, diarize, embed_speech
from desk.core.speakers.model import SpeakerEmbedder
from desk.core.speakers.profiles import Voice, VoiceLibrary, match_voices, unit
from desk.core.store import Project
from desk.core.store.speaker_turns import LabelledWord, TurnSummary, VoiceMatch


def recording(project: Project) -> Path:
    """The project's recording, which must be where the project says."""
    media = project.media.get()
    if media is None:
        raise InputError(f"{project.path.name} has no recording attached")
    path = Path(media.path)
    if not path.is_file():
        raise MediaError(f"the recording is missing: {path} (moved? relink it in Desk)")
    return path


def transcript_segments(project: Project) -> list[Segment]:
    """The current transcript's segments; none is an input error (transcribe first)."""
    segments = project.transcripts.segments()
    if not segments:
        raise InputError(f"{project.path.name} has no transcript to find speakers in: "
                         "transcribe it first")
    return segments


def identify(project: Project, speakers: int | None = None, replace: bool = False,
             library: VoiceLibrary | None = None, annotator: str = "",
             progress: Progress | None = None,
             embedder: SpeakerEmbedder | None = None) -> TurnSummary:
    """Find who speaks when in the current transcript and store it as one undoable step."""
    media = recording(project)
    result = diarize(media, transcript_segments(project), speakers, progress, embedder)
    matches = profile_matches(project, result, library) if library is not None else []
    return project.speaker_turns.apply(labelled_words(result), matches, replace, annotator)


def labelled_words(result: Diarization) -> list[LabelledWord]:
    """Every word of the run with its voice and the confidence of its stretch."""
    return [LabelledWord(w.start, w.end, part.label, part.confidence)
            for s in result.segments for part in s.parts
            for w in s.segment.words[part.first : part.last + 1]]


def profile_matches(project: Project, result: Diarization,
                    library: VoiceLibrary) -> list[VoiceMatch]:
    """The library's profiles that recognise a voice of the run, except rejected ones."""
    rejected = {s.matched_profile for s in project.speakers.list()
                if s.match_status == "rejected"}
    voices = [v for v in library.list() if v.name not in rejected]
    return [VoiceMatch(m.cluster, m.voice, m.score)
            for m in match_voices(result.clustering.centres, voices)]


def voice_print(project: Project, speaker: str, name: str | None = None,
                embedder: SpeakerEmbedder | None = None,
                progress: Progress | None = None) -> Voice:
    """A profile of what `speaker` says in the current transcript (its mean voice print)."""
    who, said = spoken_by(project, speaker)
    return voice_of(recording(project), who, said, name, embedder, progress)


def voice_of(media: Path, who: str, said: list[Word], name: str | None = None,
             embedder: SpeakerEmbedder | None = None,
             progress: Progress | None = None) -> Voice:
    """The mean voice print of the words `said` by `who`, embedded as diarization embeds
    (diarize.embed_speech), so profiles and runs compare."""
    _, vectors = embed_speech(media, regions.from_words(said), embedder or SpeakerEmbedder(),
                              progress)
    if len(vectors) == 0:
        raise InputError(f"'{who}' speaks too little for a voice print")
    return Voice((name or who).strip(), unit(vectors.sum(axis=0)), len(vectors),
                 Path(media).name)


def spoken_by(project: Project, speaker: str) -> tuple[str, list[Word]]:
    """The speaker's stored name and the words they say in the current transcript (with
    timings); no such speaker, or no words, is refused."""
    who = project.speakers.get(speaker)
    said = [w for s in transcript_segments(project) if s.speaker == who.name
            for w in (s.words or [])]
    if not said:
        raise InputError(f"'{who.name}' says nothing with word timings in the transcript")
    return who.name, said
