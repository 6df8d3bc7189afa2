"""A small, fully coded project for the format tests: hostile text included.

Six segments on the 30 s tone (three speakers, one segment without a
speaker), words with confidences, overlapping annotations of one tag by two
coders, a tag and notes full of HTML/Markdown/CSV specials, and one
suggestion (left out of exports unless asked for).
"""

from __future__ import annotations

from pathlib import Path

from desk.core.coding.codebook import load_codebook
from desk.core.pipeline.media import probe
from desk.core.records import Segment, Tag, Transcript, Word
from desk.core.store import Project

HOSTILE_TAG = '<b>bold</b> & "tag"'
HOSTILE_NOTE = '<script>alert("note")</script>'
SEGMENTS = [
    (3.0, 6.5, "Donald Trump", "Thank you, Elon. It's great to be here."),
    (6.5, 10.0, "Elon Musk", "You have done an incredible job — truly amazing."),
    (10.2, 14.0, None, "Kamala Harris has been a disaster & weak <b>really</b>."),
    (14.0, 18.5, "Donald Trump",
     "Müller said “the border is open” | *stars* _under_ [link](http://x) # no"),
    (19.0, 24.0, "Elon Musk", 'A massive DDoS attack <script>alert("seg")</script>'),
    (24.0, 28.0, "Donald Trump", "=SUM(A1) +1 -2 @me right."),
]
# (tag, start, end, note, annotator)
ANNOTATIONS = [
    ("delay", 0.0, 3.0, "dead air before the start", "anna"),
    ("praise exchange", 3.0, 10.0, "mutual praise", "anna"),
    ("praise exchange", 8.0, 12.0, "", "ben"),
    ("Harris attacks", 10.2, 14.0, HOSTILE_NOTE, "ben"),
    (HOSTILE_TAG, 14.5, 16.0, "| * _ [x](y) # heading\n- item", "Zoë <z@x>"),
    ("DDoS claim", 19.0, 24.0, "massive DDoS attack", "anna"),
]
SUGGESTION = ("migration remarks", 14.0, 18.5)


def words_for(start: float, end: float, text: str) -> list[Word]:
    tokens = text.split()
    step = (end - start) / len(tokens)
    return [Word(round(start + k * step, 3), round(start + (k + 1) * step, 3), token,
                 round(0.5 + 0.01 * k, 4)) for k, token in enumerate(tokens)]


def build_annotated_project(path: Path, media: Path) -> Project:
    """A new project at `path` on `media` (≥ 30 s), transcribed and coded."""
    project = Project.create(path, media=probe(media),
                             codebook=load_codebook("trump-musk-x-2024"))
    project.tags.add(Tag(HOSTILE_TAG, description="a <tag> & more", colour="#123456", key=9))
    transcript = project.transcripts.create(
        Transcript("openai", "tiny.en", "en", {"beam_size": 5}, total=30.0))
    assert transcript.id is not None
    project.transcripts.add_segments(transcript.id, [
        Segment(start, end, text, words_for(start, end, text), avg_logprob=-0.25,
                no_speech_prob=0.01, compression_ratio=1.2, speaker=speaker)
        for start, end, speaker, text in SEGMENTS])
    project.transcripts.update(transcript.id, status="complete", progress=30.0)
    for tag, start, end, note, annotator in ANNOTATIONS:
        project.annotations.add(tag, start, end, note=note, annotator=annotator)
    project.annotations.add(SUGGESTION[0], SUGGESTION[1], SUGGESTION[2], source="suggested")
    return project


def segment_facts(project: Project, words: bool = True) -> list[tuple]:
    facts = []
    for s in project.transcripts.segments():
        fact: tuple = (s.start, s.end, s.speaker, s.text)
        if words:
            fact += (tuple((w.start, w.end, w.text, w.probability) for w in s.words),)
        facts.append(fact)
    return facts


def annotation_facts(project: Project, include_suggested: bool = False) -> list[tuple]:
    return sorted((a.tag, a.start, a.end, a.note, a.annotator)
                  for a in project.annotations.list(include_suggested=include_suggested))


def tag_facts(project: Project) -> list[tuple]:
    return [(t.name, t.description, t.colour, t.key, tuple(t.keywords))
            for t in project.tags.list(include_archived=True)]


# The labelling cases: a range running 0.12 s into the next speaker's line of praise, and
# its mirror, a 1 s code inside a 10 s line; then two words coded as words.
LABEL_LINES = [
    (10.0, 14.0, "Donald Trump", "Kamala Harris is a total disaster, believe me."),
    (14.0, 18.0, "Elon Musk", "You are doing an amazing job, truly amazing."),
    (18.0, 28.0, "Elon Musk", "A massive DDoS attack took the servers down for forty "
                              "minutes tonight."),
]
LABEL_CODES = [("Harris attacks", 10.0, 14.12), ("DDoS claim", 21.0, 22.0)]


def build_labelling_project(path: Path, media: Path) -> Project:
    """Three lines; Harris attacks 10–14.12 s (0.12 s into the praise), DDoS claim 21–22 s."""
    project = Project.create(path, media=probe(media),
                             codebook=load_codebook("trump-musk-x-2024"))
    transcript = project.transcripts.create(Transcript("openai", "tiny.en", "en", total=30.0))
    assert transcript.id is not None
    project.transcripts.add_segments(transcript.id, [
        Segment(start, end, text, words_for(start, end, text), speaker=speaker)
        for start, end, speaker, text in LABEL_LINES])
    project.transcripts.update(transcript.id, status="complete", progress=30.0)
    for tag, start, end in LABEL_CODES:
        project.annotations.add(tag, start, end, annotator="anna")
    return project
