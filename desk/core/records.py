"""The plain records that travel between Desk's layers.

Engines produce `Segment`s with `Word`s; the project stores them and hands them
back with ids; exports read them. Times are seconds from the start of the
recording, as floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass
class Word:
    start: float
    end: float
    text: str
    probability: float | None = None
    id: int | None = None
    segment_id: int | None = None


@dataclass
class Segment:
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    avg_logprob: float | None = None
    no_speech_prob: float | None = None
    compression_ratio: float | None = None
    speaker: str | None = None
    edited: bool = False
    id: int | None = None
    transcript_id: int | None = None
    speaker_source: str = ""  # '' unknown, 'auto' diarization, 'manual' the analyst
    speaker_confidence: float | None = None  # 0..1, from diarization
    overlap: bool = False  # diarization heard more than one voice here


class Lines(NamedTuple):
    """Lines of a transcript without words or scores, as columns of one length.

    How an import hands 10⁶ lines to the store without making a `Segment` for
    each (~0.8 µs a record, seconds for a large ELAN file).
    """

    starts: Sequence[float]
    ends: Sequence[float]
    texts: Sequence[str]
    speakers: Sequence[str | None]


@dataclass
class Media:
    path: str
    size: int
    fingerprint: str
    duration: float
    has_video: bool
    has_audio: bool = True
    id: int | None = None


@dataclass
class Transcript:
    engine: str
    model: str
    language: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    status: str = "pending"  # pending | running | cancelled | failed | complete
    progress: float = 0.0  # seconds of the recording done
    total: float = 0.0
    error: str | None = None
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class TranscriptVersion:
    """One transcription run (or imported transcript) as the analyst sees it in Versions."""

    transcript: Transcript
    name: str = ""  # the analyst's name for it; empty: described by engine, model and date
    current: bool = False
    edited: bool = False  # text or times corrected by hand since it was made
    segments: int = 0

    @property
    def id(self) -> int:
        assert self.transcript.id is not None
        return self.transcript.id

    @property
    def partial(self) -> bool:
        """A run that stopped (cancelled, failed, killed) or is still running."""
        return self.transcript.status != "complete"

    @property
    def label(self) -> str:
        t = self.transcript
        made = (t.created_at or "")[:16].replace("T", " ")
        return self.name or f"{t.engine} {t.model}" + (f", {made}" if made else "")

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape of `desk transcripts --json`."""
        t = self.transcript
        return {"id": t.id, "name": self.name, "label": self.label, "current": self.current,
                "status": t.status, "partial": self.partial, "edited": self.edited,
                "engine": t.engine, "model": t.model, "language": t.language,
                "settings": t.settings, "segments": self.segments,
                "progress": round(t.progress, 3), "total": round(t.total, 3),
                "created_at": t.created_at, "updated_at": t.updated_at}


@dataclass
class Speaker:
    """A voice in the recording: "Speaker 3" until the analyst (or a voice profile) names it.

    `origin` 'auto' means diarization made it and may still rename it (a
    profile match); 'manual' means the analyst made or named it, so
    diarization leaves it alone. `match_status` is '' (no match),
    'suggested' (a voice profile matched, not yet checked), 'confirmed' or
    'rejected' by the analyst.
    """

    name: str
    colour: str | None = None
    id: int | None = None
    position: int | None = None
    origin: str = "manual"
    matched_profile: str | None = None
    matched_score: float | None = None
    match_status: str = ""


@dataclass
class Tag:
    name: str
    description: str = ""
    colour: str = "#888888"
    key: int | None = None  # 1-9: the keyboard shortcut for coding
    position: int = 0
    archived: bool = False
    keywords: list[str] = field(default_factory=list)  # rules for suggestions
    id: int | None = None


@dataclass
class Annotation:
    tag: str
    start: float
    end: float
    note: str = ""
    annotator: str = ""
    source: str = "manual"  # manual | suggested | imported
    id: int | None = None
    tag_id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None

    @property
    def duration(self) -> float:
        return self.end - self.start

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape of `desk annotations --json`."""
        return {
            "id": self.id,
            "tag": self.tag,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "note": self.note,
            "annotator": self.annotator,
            "source": self.source,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass
class Silence:
    start: float
    end: float
    id: int | None = None

    @property
    def duration(self) -> float:
        return self.end - self.start
