"""Who speaks when, for a transcript: regions → voice prints → speakers → every word labelled.

Runs on a transcript's words (which say where the speech is), reading the audio
of those stretches only. Nothing here writes: the result is a plan the store
applies in one step (store/speaker_turns.py), so an interrupted run leaves the
project as it was and can simply run again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desk.core.errors import InputError
from desk.core.records import Segment, Word
from desk.core.speakers import assign, features, regions
from desk.core.speakers.clustering import Clustering, cluster
from desk.core.speakers.features import Window
from desk.core.speakers.model import EMBEDDING_SIZE, SpeakerEmbedder

BATCH = 32  # CAM++ windows per forward pass: 16–32 was fastest on 2 cores
# Regions are gathered up to this many frames (~2 min of speech), sorted by length and
# batched, so that little of a batch is padding.
POOL_FRAMES = 12_000
Progress = Callable[[float, float], None]  # (seconds of speech done, of speech in all)


@dataclass
class Diarization:
    windows: list[Window]
    embeddings: np.ndarray
    clustering: Clustering
    segments: list[assign.SegmentSpeakers]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def speaker_count(self) -> int:
        return len(self.clustering.centres)

    def window_counts(self) -> list[int]:
        """How many windows each speaker's voice print was made from."""
        return [int((self.clustering.labels == k).sum()) for k in range(self.speaker_count)]

    def uncertain(self) -> list[assign.SegmentSpeakers]:
        """Segments (or parts) whose speaker the voices did not settle."""
        return [s for s in self.segments
                if any(p.confidence < assign.LOW_CONFIDENCE for p in s.parts)]


def parse_count(text: str | int | None) -> int | None:
    """`auto` (or nothing) → None; a whole number ≥ 1 → itself; else InputError."""
    if text is None or text == "auto" or text == "":
        return None
    try:
        count = int(text)
    except ValueError:
        raise InputError(f"--speakers takes 'auto' or a number, not '{text}'") from None
    if count < 1:
        raise InputError("--speakers must be at least 1")
    return count


def diarize(media: Path, segments: list[Segment], speakers: int | None = None,
            progress: Progress | None = None,
            embedder: SpeakerEmbedder | None = None) -> Diarization:
    """Label every word of `segments` (in time order) with a speaker; `speakers` None: count."""
    timings: dict[str, float] = {}
    began = time.perf_counter()
    words = [w for s in segments for w in _words_of(s)]
    speech = regions.from_words(words)
    embedder = embedder or SpeakerEmbedder()
    timings["load"] = time.perf_counter() - began
    started = time.perf_counter()
    spans, embeddings = embed_speech(media, speech, embedder, progress)
    timings["embeddings"] = time.perf_counter() - started
    started = time.perf_counter()
    grouping = cluster(embeddings, speakers)
    scores = embeddings @ grouping.centres.T if len(embeddings) else np.zeros((0, 0))
    per_word = assign.word_scores(words, spans, scores)
    labels, confidence = assign.label_words(per_word)
    labels = assign.smooth(words, labels, confidence)
    timings["clustering"] = time.perf_counter() - started
    with_words = [s if s.words else _with_one_word(s) for s in segments]
    return Diarization(spans, embeddings, grouping,
                       assign.split_segments(with_words, labels, confidence), timings)


def embed_speech(media: Path, speech: list[regions.Region], embedder: SpeakerEmbedder,
                 progress: Progress | None = None) -> tuple[list[Window], np.ndarray]:
    """The 1.5 s windows of every region (a shorter region: one window), and their prints.

    Each region goes through CAM++ once (its windows share the work), in batches of
    regions of about the same length.
    """
    total = sum(r.duration for r in speech)
    size = round(features.WINDOW_SECONDS * features.FRAMES_PER_SECOND)
    spans: list[Window] = []
    rows: list[np.ndarray] = []
    pending: list[tuple[int, np.ndarray, list[tuple[int, int]]]] = []  # (row, frames, cuts)
    embedded = 0.0  # seconds of speech with voice prints: the progress, batch by batch

    def flush() -> None:
        nonlocal embedded
        pending.sort(key=lambda item: len(item[1]))
        while pending:
            count = 1
            while (count < len(pending)
                   and (count + 1) * max(size, len(pending[count][1])) <= BATCH * size):
                count += 1
            group, pending[:count] = pending[:count], []
            done = embedder.embed_regions([f for _, f, _ in group], [c for _, _, c in group])
            for (row, _, _), vectors in zip(group, done, strict=True):
                rows[row : row + len(vectors)] = list(vectors)
            embedded += sum(len(f) for _, f, _ in group) / features.FRAMES_PER_SECOND
            if progress:
                progress(min(total, embedded), total)

    gathered = 0
    for region, frames in features.region_frames(media, speech):
        if features.too_short(frames):
            continue
        cuts = features.window_spans(len(frames))
        pending.append((len(rows), frames - frames.mean(axis=0), cuts))
        spans.extend(features.window_of(region.start, cut) for cut in cuts)
        rows.extend(np.zeros(EMBEDDING_SIZE, np.float32) for _ in cuts)
        gathered += len(frames)
        if gathered >= POOL_FRAMES:
            flush()
            gathered = 0
    flush()
    if progress:
        progress(total, total)
    embeddings = np.stack(rows) if rows else np.zeros((0, EMBEDDING_SIZE), np.float32)
    return spans, embeddings


def _words_of(segment: Segment) -> list[Word]:
    return segment.words or [Word(segment.start, segment.end, segment.text)]


def _with_one_word(segment: Segment) -> Segment:
    """A segment without word timings is scored as one word spanning it."""
    return Segment(segment.start, segment.end, segment.text, _words_of(segment),
                   speaker=segment.speaker, id=segment.id,
                   transcript_id=segment.transcript_id)
