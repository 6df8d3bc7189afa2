"""End to end through real ffmpeg, real Whisper weights and a real project file."""

from __future__ import annotations

import itertools
import json
import shutil
import socket
from pathlib import Path

import pytest

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline import transcription
from desk.core.pipeline.jobs import JobOptions, run_transcription
from desk.core.pipeline.media import probe
from desk.core.pipeline.transcription import drop_words_in_dead_air
from desk.core.records import Segment, Silence, Word
from desk.core.store import Project
from desk.core.wer import word_error_rate

TRUTH = json.loads((Path(__file__).resolve().parents[3] / "transcripts" /
                    "sample.truth.json").read_text(encoding="utf-8"))
PROMPT = "Kamala Harris, DDoS"


def new_sample_project(folder: Path, sample_media: Path, name: str = "Probe ü.desk") -> Path:
    media = folder / "Aufnahme mit Leerzeichen ü.mp4"
    shutil.copy(sample_media, media)
    path = folder / name
    Project.create(path, media=probe(media), codebook=load_codebook("trump-musk-x-2024")).close()
    return path


def check_against_truth(project_path: Path) -> None:
    with Project.open(project_path, writable=False) as project:
        transcript = project.transcripts.current()
        segments = project.transcripts.segments()
        silences = project.media.silences()
    assert transcript.status == "complete" and transcript.language == "en"
    reference = " ".join(u["text"] for u in TRUTH["utterances"])
    hypothesis = " ".join(s.text for s in segments)
    assert word_error_rate(reference, hypothesis) <= 0.10, hypothesis
    # every utterance of the truth starts a segment within ±0.5 s
    starts = [s.start for s in segments]
    for utterance in TRUTH["utterances"]:
        assert min(abs(utterance["start"] - s) for s in starts) <= 0.5, utterance["text"]
    # words are monotonic and inside their segment; nothing is placed in the dead air
    dead_end = TRUTH["dead_air"][0]["end"]
    previous = 0.0
    for segment in segments:
        assert segment.words
        for word in segment.words:
            assert segment.start - 0.01 <= word.start <= word.end <= segment.end + 0.01
            assert word.start >= previous - 0.01
            previous = word.start
            assert word.start >= dead_end - 0.3
    assert silences and silences[0].start == 0 and abs(silences[0].end - dead_end) < 1.0


@pytest.mark.parametrize("engine", ["faster", "openai"])
def test_engine_transcribes_sample_end_to_end(tmp_path: Path, sample_media: Path,
                                              engine: str) -> None:
    path = new_sample_project(tmp_path, sample_media)
    events = []
    final = run_transcription(path, JobOptions(engine=engine, prompt=PROMPT), events.append)
    assert final.kind == "finished", final.message
    kinds = [e.kind for e in events]
    assert kinds[0] == "started" and "segments" in kinds and kinds[-1] == "finished"
    done = [e.done for e in events if e.kind in ("progress", "segments")]
    assert done == sorted(done) and final.done == final.total
    check_against_truth(path)


def test_cancel_then_resume_has_no_gap_and_no_duplicate(tmp_path: Path,
                                                        sample_media: Path) -> None:
    from desk.core.pipeline.jobs import TranscriptionJob

    path = new_sample_project(tmp_path, sample_media)
    options = JobOptions(engine="faster", prompt=PROMPT, window_seconds=20.0)
    job = TranscriptionJob(path, options)
    job.start()
    for event in job.events():
        if event.kind == "segments" and event.done > 35:
            job.cancel()
    assert job.last_event.kind == "cancelled" and job.needs_recording
    with Project.open(path) as project:
        job.record_ending(project)  # what the CLI and the app do with their own Project
        kept = [(s.start, s.text) for s in project.transcripts.segments()]
        assert project.transcripts.current().status == "cancelled"
    assert kept and kept[-1][0] < 60
    final = run_transcription(path, JobOptions(engine="faster", prompt=PROMPT, resume=True,
                                               window_seconds=20.0))
    assert final.kind == "finished", final.message
    with Project.open(path, writable=False) as project:
        segments = project.transcripts.segments()
        assert len(project.transcripts.list()) == 1
    assert [(s.start, s.text) for s in segments][: len(kept)] == kept  # kept untouched
    for a, b in itertools.pairwise(segments):
        assert a.end <= b.start + 0.05, (a.text, b.text)  # no overlap = no duplicate
    check_against_truth(path)


def test_sigkilled_job_is_recorded_and_resumes(tmp_path: Path, sample_media: Path) -> None:
    import os
    import signal

    from desk.core.pipeline.jobs import TranscriptionJob

    path = new_sample_project(tmp_path, sample_media)
    job = TranscriptionJob(path, JobOptions(engine="faster", prompt=PROMPT, window_seconds=20.0))
    job.start()
    for event in job.events():
        if event.kind == "segments":
            os.kill(job._process.pid, signal.SIGKILL)
            break
    remaining = list(job.events())
    assert remaining[-1].kind == "failed" and "stopped unexpectedly" in remaining[-1].message
    with Project.open(path) as project:
        job.record_ending(project)
        assert project.transcripts.current().status == "failed"
        assert project.transcripts.count()[0] >= 1
    final = run_transcription(path, JobOptions(engine="faster", prompt=PROMPT, resume=True,
                                               window_seconds=20.0))
    assert final.kind == "finished", final.message
    check_against_truth(path)


def test_no_network_during_a_job(tmp_path: Path, sample_media: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The job code path, run in this process with sockets blocked, still completes."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args[1:]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    path = new_sample_project(tmp_path, sample_media)
    for engine in ("faster", "openai"):
        options = JobOptions(engine=engine, prompt=PROMPT, beam_size=None)
        plan = transcription.prepare(path, options)
        try:
            final = transcription.run(plan, options, lambda event: None)
        finally:
            plan.project.close()
        assert final.kind == "finished"


def test_words_in_dead_air_are_dropped() -> None:
    dead = [Silence(0.0, 18.0)]
    segment = Segment(16.0, 20.0, "Thank you. Hello there",
                      [Word(16.0, 16.5, "Thank"), Word(16.5, 17.0, "you."),
                       Word(18.2, 18.6, "Hello"), Word(18.6, 19.0, "there")])
    cleaned = drop_words_in_dead_air(segment, dead)
    assert cleaned is not None
    assert (cleaned.text, cleaned.start, cleaned.end) == ("Hello there", 18.2, 19.0)
    assert drop_words_in_dead_air(Segment(3, 5, "Thank you.", [Word(3, 5, "Thank")]), dead) is None
