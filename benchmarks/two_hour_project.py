"""The synthetic coded 2-hour livestream every benchmark (and the 2-hour export test) measures.

2,500 segments of 10 words (25,000 words) from two speakers and 1,000
annotations over the trump-musk-x-2024 codebook, written the way a
transcription job and a coder would. Callers vary only what they measure:
the random seed, the vocabulary (export wants markup-hostile words), the
notes and coders (export wants `<i>&</i>` notes by three coders) and the
recording (the app benchmarks want a real file libvlc can play).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

from desk.core.coding.codebook import load_codebook
from desk.core.records import Annotation, Media, Segment, Transcript, Word
from desk.core.store import Project

DURATION = 7200.0
SEGMENTS = 2500
WORDS_PER_SEGMENT = 10
ANNOTATIONS = 1000
SPEAKERS = ("Donald Trump", "Elon Musk")
VOCAB = ("the border is open Kamala Harris massive attack on the servers amazing job great "
         "people country election economy inflation tremendous incredible very").split()
MARKUP_VOCAB = [*VOCAB, "&", "<b>", '"quote"']  # words that exporters must escape
THREE_CODERS = ("anna", "ben", "chloé")


def no_notes(index: int) -> str:
    return ""


def markup_notes(index: int) -> str:
    """Every third annotation has a note that exporters must escape."""
    return f"note {index} <i>&</i>" if index % 3 == 0 else ""


def build_two_hour_project(path: Path, *, seed: int, vocab: Sequence[str] = VOCAB,
                           notes: Callable[[int], str] = no_notes,
                           annotators: Sequence[str] = ("bench",),
                           media: Media | None = None, annotations: int = ANNOTATIONS) -> None:
    """Write the project to `path` (closed afterwards).

    `notes(i)` is the note of the i-th annotation; `media` defaults to a
    2-hour recording that does not exist (enough for the store and exports).
    """
    rng = random.Random(seed)
    if media is None:
        media = Media(str(path.with_suffix(".mp4")), 10**9, "s3:bench", DURATION, True)
    with Project.create(path, media=media,
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        transcript = project.transcripts.create(
            Transcript("openai", "tiny.en", "en", {"beam_size": 5}, status="complete",
                       total=DURATION))
        assert transcript.id is not None
        step = DURATION / SEGMENTS
        gap = step * 0.9 / WORDS_PER_SEGMENT
        batch: list[Segment] = []
        for i in range(SEGMENTS):
            start = i * step
            tokens = [rng.choice(vocab) for _ in range(WORDS_PER_SEGMENT)]
            words = [Word(start + k * gap, start + (k + 1) * gap, token, rng.random())
                     for k, token in enumerate(tokens)]
            batch.append(Segment(start, start + step * 0.9, " ".join(tokens), words, -0.3, 0.01,
                                 speaker=rng.choice(SPEAKERS)))
        project.transcripts.add_segments(transcript.id, batch, progress=DURATION)
        tags = [t.name for t in project.tags.list()]
        with project.database.transaction():
            for i in range(annotations):
                start = rng.uniform(0, DURATION - 30)
                project.annotations.add(rng.choice(tags), start, start + rng.uniform(1, 30),
                                        note=notes(i), annotator=rng.choice(annotators))


def add_parallel_coding(path: Path, annotators: Sequence[str], *, seed: int,
                        events: int = ANNOTATIONS, jitter: float = 1.0,
                        miss: float = 0.1, confuse: float = 0.05) -> None:
    """Several coders code the same `events` moments, each making mistakes of their own.

    Each coder writes one annotation per event (so `events` each): usually the
    event with its boundaries off by `jitter` seconds (normal), now and then
    (`confuse`) with another tag, and for a `miss` share of events a range
    somewhere else instead. This is what intercoder agreement is measured on.
    """
    rng = random.Random(seed)
    with Project.open(path) as project:
        tags = [t.name for t in project.tags.list()]
        truth = []
        for _ in range(events):
            start = rng.uniform(0, DURATION - 30)
            truth.append((rng.choice(tags), start, start + rng.uniform(1, 30)))
        for coder in annotators:
            coded = []
            for tag, start, end in truth:
                if rng.random() < miss:
                    tag, start = rng.choice(tags), rng.uniform(0, DURATION - 30)
                    end = start + rng.uniform(1, 30)
                elif rng.random() < confuse:
                    tag = rng.choice(tags)
                s = min(max(0.0, start + rng.gauss(0, jitter)), DURATION - 1)
                e = min(max(s + 0.5, end + rng.gauss(0, jitter)), DURATION)
                coded.append(Annotation(tag, round(s, 3), round(e, 3), annotator=coder,
                                        tag_id=project.tags.get(tag).id))
            project.annotations.add_many(coded, f"coding by {coder}", coder)
