"""Real speech for the speaker tests: espeak-ng voices in turn, and a real phone call.

The phone call is the pyannote-audio wheel's sample (two people, 30 s, with its
RTTM truth). Desk does not install pyannote-audio (it would pull a second torch
stack); `.ci/setup` downloads the wheel into `.venv/wheels` and the tests read
the sample from the zip.
"""

from __future__ import annotations

import itertools
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.core.records import Segment, Word
from tests.core.speakers.talk import (
    GUEST,
    HOST,
    OTHER_A,
    OTHER_B,
    SENTENCES_A,
    SENTENCES_B,
    Turn,
    Voice,
    recording,
    segments_for,
)

SAMPLE = "pyannote/audio/sample/"


@dataclass
class Talk:
    path: Path
    truth: list[Turn]

    def segments(self) -> list[Segment]:
        return segments_for(self.truth)


@dataclass
class PhoneCall:
    wav: Path
    turns: list[tuple[float, float, str]]  # the RTTM truth
    lines: list[tuple[float, float, str, str]]  # the STM transcript: start, end, who, text

    def segments(self, start: float = 0.0, end: float = 1e9) -> list[Segment]:
        """The transcript's lines in [start, end] as segments, words spread over each."""
        result = []
        for s, e, _who, text in self.lines:
            if s >= start and e <= end:
                tokens = text.split()
                step = (e - s) / len(tokens)
                result.append(Segment(s, e, text, [Word(s + i * step, s + (i + 1) * step, t)
                                                   for i, t in enumerate(tokens)]))
        return result


def pyannote_wheel() -> Path | None:
    found = sorted((Path(sys.prefix) / "wheels").glob("pyannote_audio-*.whl"))
    return found[-1] if found else None


@pytest.fixture(scope="session")
def phone_call(tmp_path_factory: pytest.TempPathFactory) -> PhoneCall:
    wheel = pyannote_wheel()
    if wheel is None:
        pytest.skip("the pyannote-audio wheel is not in .venv/wheels (run .ci/setup)")
    folder = tmp_path_factory.mktemp("phone-call")
    with zipfile.ZipFile(wheel) as archive:
        for name in ("sample.wav", "sample.rttm", "sample.stm"):
            (folder / name).write_bytes(archive.read(SAMPLE + name))
    turns = []
    for line in (folder / "sample.rttm").read_text().splitlines():
        part = line.split()
        turns.append((float(part[3]), float(part[3]) + float(part[4]), part[7]))
    lines = []
    for line in (folder / "sample.stm").read_text().splitlines():
        part = line.split(maxsplit=5)
        lines.append((float(part[3]), float(part[4]), part[2], part[5]))
    return PhoneCall(folder / "sample.wav", turns, lines)


def _talk(folder: Path, name: str, voices: dict[str, Voice], sentences: list[str]) -> Talk:
    cycle = itertools.cycle(voices.items())
    turns = [(speaker, voice, text) for (speaker, voice), text in zip(cycle, sentences,
                                                                        strict=False)]
    path = folder / f"{name}.wav"
    return Talk(path, recording(path, turns))


@pytest.fixture(scope="session")
def talks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Talk]:
    """first: HOST and GUEST; second: GUEST and HOST, other sentences; others: two other
    voices."""
    folder = tmp_path_factory.mktemp("talks")
    return {
        "first": _talk(folder, "first", {"HOST": HOST, "GUEST": GUEST}, SENTENCES_A),
        "second": _talk(folder, "second", {"GUEST": GUEST, "HOST": HOST}, SENTENCES_B),
        "others": _talk(folder, "others", {"A": OTHER_A, "B": OTHER_B}, SENTENCES_B),
    }
