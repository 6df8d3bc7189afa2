"""Transcribing a project's recording, window by window, saving as it goes.

This is what runs *inside* the job's child process (see jobs.py for the
parent side). The recording is scanned once for pauses and dead air; dead air
is stored (the app offers it as `delay` suggestions) and skipped; the speech is
cut into 10-20 minute windows at pauses; each window is decoded with ffmpeg and
handed to the engine, and every segment is committed to the project as soon as
it exists. The job's progress moves only when a window is done: it is the
boundary the stored segments prove complete. A resumed job discards what the
interrupted window had stored and redoes that window from its start, with the
same windows, decoding and prompt, so the resumed transcript equals an
uninterrupted one word for word. One job at a time owns a transcript (a claim
with its process, see job_guard.py).
"""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desk.core.errors import InputError, MediaError
from desk.core.pipeline.audio_windows import Window, plan_windows, resume_point
from desk.core.pipeline.engines.base import Engine, ModelRef, Progress, TranscribeOptions
from desk.core.pipeline.engines.registry import choose_engine, load_engine
from desk.core.pipeline.engines.segments import check_language
from desk.core.pipeline.job_guard import holder_pid, is_stale, stop_if_orphaned, this_process
from desk.core.pipeline.job_messages import DECODINGS, JobEvent, JobOptions
from desk.core.pipeline.job_progress import JobProgress
from desk.core.pipeline.silence import (
    DEAD_AIR_SECONDS,
    PAUSE_SECONDS,
    LevelTrack,
    measure_levels,
)
from desk.core.pipeline.window_audio import WindowAudio
from desk.core.records import Segment, Silence, Transcript, Word
from desk.core.store import Project
from desk.core.store.transcripts import RESUMABLE
from desk.core.weights.catalog import resolve_model

Emit = Callable[[JobEvent], None]


@dataclass
class _Plan:
    project: Project
    media_path: Path
    duration: float
    model: ModelRef
    engine_name: str
    transcript: Transcript | None  # the one to resume, if any (claimed by this job)
    holder: str  # this job's claim on its transcript


def prepare(project_path: Path, options: JobOptions) -> _Plan:
    """Check everything that can fail on bad input, before anything is written."""
    project = Project.open(project_path)
    try:
        media = project.media.get()
        if media is None:
            raise InputError(f"{project_path.name} has no recording attached")
        media_path = Path(media.path)
        if not media_path.is_file():
            raise MediaError(f"the recording is missing: {media_path} (moved? relink it in Desk)")
        if options.language in ("", "auto"):
            options.language = None
        if options.decoding not in DECODINGS:
            raise InputError(f"unknown decoding '{options.decoding}': choose one of "
                             + ", ".join(DECODINGS))
        holder = this_process()
        transcript = _claim_interrupted(project, holder) if options.resume else None
        if transcript is not None:
            _continue_as_begun(options, transcript)
        model = resolve_model(options.model)
        check_language(model, options.language)
        engine_name = choose_engine(options.engine, model)
        return _Plan(project, media_path, media.duration, model, engine_name, transcript, holder)
    except BaseException:
        project.close()
        raise


def _claim_interrupted(project: Project, holder: str) -> Transcript:
    """The interrupted transcript, claimed for this job; refused while another job has it."""
    transcript = project.versions.newest(RESUMABLE)
    if transcript is None or transcript.id is None:
        raise InputError("there is no interrupted transcription to resume")
    tid = transcript.id
    other = project.transcripts.claim(tid, holder, is_stale)
    if other is not None:
        pid = holder_pid(other)
        raise InputError(
            f"transcript {tid} is being transcribed by another job"
            + (f" (process {pid})" if pid else "") + "; wait for it to end, or cancel it")
    transcript = project.transcripts.get(tid)  # as it is now that it is ours
    if transcript.status not in RESUMABLE:
        project.transcripts.release(tid, holder)
        raise InputError("there is no interrupted transcription to resume")
    return transcript


def _continue_as_begun(options: JobOptions, transcript: Transcript) -> None:
    """A resumed job decodes the rest exactly as the interrupted one began (same engine,
    model, prompt, decoding and windows), whatever the resuming command asked for."""
    began = transcript.settings
    options.engine, options.model = transcript.engine, transcript.model
    options.language = began.get("language") if isinstance(began.get("language"), str) else None
    options.prompt = began.get("prompt") if isinstance(began.get("prompt"), str) else None
    beam = began.get("beam_size", options.beam_size)
    options.beam_size = beam if isinstance(beam, int) or beam is None else options.beam_size
    if began.get("decoding") in DECODINGS:
        options.decoding = str(began["decoding"])
    if isinstance(began.get("window_seconds"), (int, float)):
        options.window_seconds = float(began["window_seconds"])


def run(plan: _Plan, options: JobOptions, emit: Emit) -> JobEvent:
    """Transcribe the planned recording; returns the final event (finished)."""
    project, total = plan.project, plan.duration
    transcribe_options = TranscribeOptions(
        language=options.language, initial_prompt=options.prompt, beam_size=options.beam_size,
        decoding=options.decoding,
        extra={"engine": plan.engine_name, "model": plan.model.name},
    )
    transcript = plan.transcript
    with project.database.transaction():  # the claim, the discarded tail and the status at once
        if transcript is None:
            transcript = project.transcripts.create(Transcript(
                engine=plan.engine_name, model=plan.model.name, language=options.language,
                settings={**transcribe_options.to_settings(), "prompt": options.prompt,
                          "window_seconds": options.window_seconds},
                status="running", total=total))
            assert transcript.id is not None
            project.transcripts.claim(transcript.id, plan.holder, is_stale)
        else:
            assert transcript.id is not None
            project.transcripts.discard_after(transcript.id, transcript.progress)
            project.transcripts.update(transcript.id, status="running", error=None)
    tid = transcript.id
    assert tid is not None
    try:
        final = _transcribe(plan, options, transcribe_options, transcript, emit)
    finally:
        project.transcripts.release(tid, plan.holder)
    return final


def _transcribe(plan: _Plan, options: JobOptions, transcribe_options: TranscribeOptions,
                transcript: Transcript, emit: Emit) -> JobEvent:
    project, total, tid = plan.project, plan.duration, transcript.id
    assert tid is not None
    emit(JobEvent("started", tid, transcript.progress, total,
                  message=f"{plan.engine_name} engine, model {plan.model.name}"))

    started = time.monotonic()
    levels = _level_track(project, plan.media_path, lambda s: emit(
        JobEvent("scanning", tid, s, total, message="finding dead air")))
    dead_air = levels.silences(DEAD_AIR_SECONDS)
    project.media.set_silences(dead_air)
    windows = plan_windows(total, levels.silences(PAUSE_SECONDS), options.window_seconds,
                           max(options.window_seconds * 4 / 3, options.window_seconds))
    todo = resume_point(windows, transcript.progress or None)

    # The first window is read while the model loads, each next one while Whisper works.
    with WindowAudio(plan.media_path, todo) as reader:
        engine = load_engine(plan.engine_name, plan.model, options.threads)
        meter = JobProgress(emit, functools.partial(JobEvent, transcript_id=tid), total,
                            todo, transcript.progress, dead_air)
        with meter.heartbeat():
            for window, audio in reader:
                meter.begin(window)
                for segment in _window_segments(engine, audio, transcribe_options, window,
                                                dead_air, meter.engine_progress):
                    stop_if_orphaned()
                    ids = project.transcripts.add_segments(tid, [segment])
                    meter.segments(ids, segment.end)
                stop_if_orphaned()
                project.transcripts.update(tid, progress=window.owned_until)
                if engine.detected_language and not options.language:
                    project.transcripts.update(tid, language=engine.detected_language)
                meter.end(window)
    project.versions.complete(tid, total)  # only now does the new version become current
    segments, words = project.transcripts.count(tid)
    elapsed = time.monotonic() - started
    speed = total / elapsed if elapsed > 0 else 0.0
    language = project.transcripts.get(tid).language or "?"
    return JobEvent(
        "finished", tid, total, total, 0.0,
        message=(f"{segments} segments, {words} words, language {language}, "
                 f"{plan.engine_name} engine, model {plan.model.name}, "
                 f"{elapsed:.1f} s ({speed:.1f}x real time)"),
    )


def _level_track(project: Project, media_path: Path,
                 on_progress: Callable[[float], None]) -> LevelTrack:
    """The recording's levels: scanned once and stored, so a resumed job starts decoding at once."""
    media = project.media.get()
    fingerprint = media.fingerprint if media is not None else ""
    stored = project.media.level_track(fingerprint) if fingerprint else None
    if stored is not None:
        return LevelTrack(stored[2], stored[0], stored[1])
    levels = measure_levels(media_path, on_progress=on_progress)
    if fingerprint:
        project.media.set_level_track(fingerprint, levels.frame_seconds, levels.duration,
                                      levels.levels_db)
    return levels


def _window_segments(engine: Engine, audio: np.ndarray, options: TranscribeOptions,
                     window: Window, dead_air: list[Silence],
                     progress: Progress) -> Iterator[Segment]:
    """The window's segments that it owns, without words placed in dead air."""
    for segment in engine.transcribe(audio, options, offset=window.start, progress=progress):
        owned = _owned_part(segment, window)
        if owned is None:
            continue
        cleaned = drop_words_in_dead_air(owned, dead_air)
        if cleaned is not None:
            yield from split_at_pauses(cleaned)


def _owned_part(segment: Segment, window: Window) -> Segment | None:
    """The words of `segment` that this window owns (by midpoint), or None.

    Where windows overlap (a hard cut, or a resumed window that re-reads a
    second of context), words stored by the neighbour are not stored again.
    """
    words = window.owned_words(segment.start, segment.end, segment.words,
                               lambda w: (w.start, w.end))
    if words is None:
        return None
    if words and len(words) != len(segment.words):
        _keep_words(segment, words)
    return segment


def _keep_words(segment: Segment, words: list[Word]) -> None:
    """Narrow a segment to some of its words: text and bounds follow the words."""
    if len(words) != len(segment.words):
        segment.text = " ".join(w.text.strip() for w in words)
    segment.words = words
    segment.start, segment.end = words[0].start, max(words[-1].end, words[0].start)


def split_at_pauses(segment: Segment, sentence_gap: float = 0.35,
                    any_gap: float = 1.0) -> list[Segment]:
    """Split a segment where the speech pauses, so turns start their own line.

    Whisper sometimes returns 30 s of two speakers as one segment; an analyst
    codes and assigns speakers per line. A sentence end followed by a pause
    (or any long pause) starts a new segment; the word timings decide.
    """
    words = segment.words
    if len(words) < 2:
        return [segment]
    parts: list[list[Word]] = [[words[0]]]
    for previous, word in itertools.pairwise(words):
        gap = word.start - previous.end
        sentence_end = previous.text.rstrip().endswith((".", "?", "!"))
        if gap >= any_gap or (sentence_end and gap >= sentence_gap):
            parts.append([])
        parts[-1].append(word)
    if len(parts) == 1:
        return [segment]
    return [
        Segment(part[0].start, part[-1].end, " ".join(w.text.strip() for w in part), part,
                segment.avg_logprob, segment.no_speech_prob, segment.compression_ratio,
                segment.speaker)
        for part in parts
    ]


def drop_words_in_dead_air(segment: Segment, dead_air: list[Silence],
                           tolerance: float = 0.15) -> Segment | None:
    """Keep words out of dead air: Whisper hallucinates there ("Thank you.").

    Words lying inside a silent stretch are dropped; a word that starts (or
    ends) inside one is trimmed to its edge, since Whisper tends to place the
    first word of a window at the window's very start, in the padding.
    """
    def inside(start: float, end: float) -> bool:
        return any(s.start - tolerance <= start and end <= s.end + tolerance for s in dead_air)

    if not segment.words:
        return None if inside(segment.start, segment.end) else segment
    kept = [w for w in segment.words if not inside(w.start, w.end)]
    if not kept:
        return None
    for word in kept:
        for silence in dead_air:
            if silence.start <= word.start < silence.end < word.end:
                word.start = silence.end
            if word.start < silence.start < word.end <= silence.end:
                word.end = silence.start
    _keep_words(segment, kept)
    return segment


