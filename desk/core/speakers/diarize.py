"""Who speaks when, for a transcript: regions → voice prints → speakers → every word labelled.

Runs on a transcript's words (which say where the speech is), reading the audio
of those stretches only. Nothing here writes: the result is a plan the store
applies in one step (store/speaker_turns.py), so an interrupted run leaves the
project as it was and can simply run again.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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
    regions of about the same length. The batches run in the embedder's lanes (threads of
    one torch thread each: on 2 cores, 1.6x the speed of one batch at a time on two)
    while this thread reads and filters the next stretch of audio.
    """
    total = sum(r.duration for r in speech)
    spans: list[Window] = []
    rows: list[np.ndarray] = []
    pending: list[_Region] = []
    gathered = 0
    with _Lanes(embedder, rows, total, progress) as lanes:
        for region, frames in features.region_frames(media, speech):
            if features.too_short(frames):
                continue
            cuts = features.window_spans(len(frames))
            pending.append(_Region(len(rows), frames - frames.mean(axis=0), cuts))
            spans.extend(features.window_of(region.start, cut) for cut in cuts)
            rows.extend(np.zeros(EMBEDDING_SIZE, np.float32) for _ in cuts)
            gathered += len(frames)
            if gathered >= POOL_FRAMES:
                lanes.submit(pending)
                pending, gathered = [], 0
        lanes.submit(pending)
    if progress:
        progress(total, total)
    embeddings = np.stack(rows) if rows else np.zeros((0, EMBEDDING_SIZE), np.float32)
    return spans, embeddings


@dataclass
class _Region:
    row: int  # where its windows' voice prints go
    frames: np.ndarray
    cuts: list[tuple[int, int]]


class _Lanes:
    """Batches of regions through CAM++ in the embedder's lanes, prints put back in order."""

    def __init__(self, embedder: SpeakerEmbedder, rows: list[np.ndarray], total: float,
                 progress: Progress | None) -> None:
        self._embedder = embedder
        self._rows = rows
        self._total = total
        self._progress = progress
        self._embedded = 0.0  # seconds of speech with voice prints
        self._pool = ThreadPoolExecutor(embedder.lanes, thread_name_prefix="desk-cam")
        self._running: deque[tuple[list[_Region], Future[list[np.ndarray]]]] = deque()

    def __enter__(self) -> _Lanes:
        return self

    def __exit__(self, failed: type[BaseException] | None, *_: object) -> None:
        try:
            if failed is None:
                self._collect(0)
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, pending: list[_Region]) -> None:
        """Cut `pending` (sorted by length) into batches of about BATCH windows of padding."""
        size = round(features.WINDOW_SECONDS * features.FRAMES_PER_SECOND)
        pending = sorted(pending, key=lambda region: len(region.frames))
        while pending:
            count = 1
            while (count < len(pending)
                   and (count + 1) * max(size, len(pending[count].frames)) <= BATCH * size):
                count += 1
            group, pending = pending[:count], pending[count:]
            future = self._pool.submit(self._embedder.embed_regions,
                                       [r.frames for r in group], [r.cuts for r in group])
            self._running.append((group, future))
            self._collect(2 * self._embedder.lanes)  # a few batches ahead, no more

    def _collect(self, ahead: int) -> None:
        while len(self._running) > ahead:
            group, future = self._running.popleft()
            for region, vectors in zip(group, future.result(), strict=True):
                self._rows[region.row : region.row + len(vectors)] = list(vectors)
            self._embedded += sum(len(r.frames) for r in group) / features.FRAMES_PER_SECOND
            if self._progress:
                self._progress(min(self._total, self._embedded), self._total)


def _words_of(segment: Segment) -> list[Word]:
    return segment.words or [Word(segment.start, segment.end, segment.text)]


def _with_one_word(segment: Segment) -> Segment:
    """A segment without word timings is scored as one word spanning it."""
    return Segment(segment.start, segment.end, segment.text, _words_of(segment),
                   speaker=segment.speaker, id=segment.id,
                   transcript_id=segment.transcript_id)
