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
from desk.core.records import Media, Segment, Transcript, Word
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
                           media: Media | None = None) -> None:
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
            for i in range(ANNOTATIONS):
                start = rng.uniform(0, DURATION - 30)
                project.annotations.add(rng.choice(tags), start, start + rng.uniform(1, 30),
                                        note=notes(i), annotator=rng.choice(annotators))
