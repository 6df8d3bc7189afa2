"""What the parent and the child of a job (transcription, speakers) tell each other, as JSON.

Plain records with no heavy imports: the parent (jobs.py, the CLI, the app)
builds options and reads events without loading numpy or the decoders that
the child (transcription.py) needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How steps are decoded: greedy first and beam search where doubtful, beam search
# everywhere, or greedy everywhere (desk/core/pipeline/engines/second_look.py).
DECODINGS = ("adaptive", "accurate", "faster")


@dataclass
class JobOptions:
    """What the analyst asked for; stored with the transcript as its settings."""

    engine: str = "auto"
    model: str = "tiny.en"
    language: str | None = None  # None or "auto" = detect
    prompt: str | None = None
    resume: bool = False
    beam_size: int | None = 5
    decoding: str = "accurate"  # adaptive | accurate | faster (engines/base.py)
    window_seconds: float = 900.0
    threads: int | None = None  # None: half the cores, leaving room for playback in the app

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JobOptions:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass
class JobEvent:
    """One report from a job; the CLI prints them, the app shows them."""

    kind: str  # started | scanning | progress | segments | finished | failed | cancelled
    transcript_id: int | None = None
    done: float = 0.0  # seconds of the recording handled (scanning: scanned for dead air)
    total: float = 0.0  # the recording's duration
    eta: float | None = None  # seconds until done, once measurable
    segment_ids: list[int] = field(default_factory=list)
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # what a finished job found

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JobEvent:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


# What a speaker job does: label the current transcript's speakers, or save one
# speaker's voice print to the profile library (desk/core/speakers/identify.py).
SPEAKER_TASKS = ("identify", "voiceprint")


@dataclass
class SpeakerJobOptions:
    """What the analyst asked a speaker job for (`desk speakers`, `desk voices add`)."""

    task: str = "identify"
    speakers: int | None = None  # identify: None = find the number
    replace: bool = False  # identify: relabel segments whose speaker was set by hand
    use_profiles: bool = True  # identify: name voices the profile library knows
    speaker: str | None = None  # voiceprint: whose voice
    profile: str | None = None  # voiceprint: the profile's name (default: the speaker's)
    library: str | None = None  # the profile library file (default: Desk's data folder)
    threads: int | None = None
    annotator: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpeakerJobOptions:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
