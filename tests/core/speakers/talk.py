"""Test recordings of known voices: espeak-ng utterances in turn, and who spoke when."""

from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desk.core.records import Segment, Word

RATE = 16_000
GAP = 0.6  # seconds of quiet between turns


@dataclass(frozen=True)
class Voice:
    espeak: str
    pitch: int
    speed: int = 160


# HOST and GUEST are the sample's voices; the others are far from both (another
# timbre, and the top of espeak's pitch range).
HOST = Voice("en-us", 35)
GUEST = Voice("en-gb", 72, 150)
OTHER_A = Voice("en-us+f3", 60)
OTHER_B = Voice("en-us", 95, 170)

SENTENCES_A = [
    "Good evening and welcome to the programme, we have a lot to talk about tonight.",
    "The markets were calm this morning, but the afternoon brought a sharp fall in prices.",
    "Our first guest has travelled a long way to be with us in the studio today.",
    "Many listeners wrote in to ask about the new rules for small businesses.",
    "Let us turn now to the weather, which has been unusually warm for the season.",
    "Thank you for joining us, and please stay with us for the rest of the hour.",
]
SENTENCES_B = [
    "Yesterday the council voted to build a new bridge across the river.",
    "Farmers in the north say the harvest is the best they have seen in years.",
    "The museum will open its doors again next month after a long renovation.",
    "Scientists have found a new species of frog in the mountain forests.",
    "Traffic on the motorway was slow because of roadworks near the junction.",
    "The school choir won first prize at the national festival on Sunday.",
]


@dataclass
class Turn:
    start: float
    end: float
    speaker: str
    text: str


def speak(text: str, voice: Voice, workdir: Path, name: str) -> np.ndarray:
    raw = workdir / f"{name}.raw.wav"
    subprocess.run(["espeak-ng", "-v", voice.espeak, "-p", str(voice.pitch), "-s",
                    str(voice.speed), "-w", str(raw), text], check=True, capture_output=True)
    out = workdir / f"{name}.wav"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(raw), "-ar", str(RATE),
                    "-ac", "1", str(out)], check=True)
    with wave.open(str(out)) as stream:
        samples = np.frombuffer(stream.readframes(stream.getnframes()), "<i2")
    loud = np.flatnonzero(np.abs(samples) > 300)
    return samples[loud[0] : loud[-1] + 1] if len(loud) else samples


def recording(path: Path, turns: list[tuple[str, Voice, str]]) -> list[Turn]:
    """Write `turns` (speaker, voice, text) to a 16 kHz wav at `path`; the truth per turn."""
    workdir = path.parent / (path.stem + "-parts")
    workdir.mkdir(exist_ok=True)
    pieces: list[np.ndarray] = [np.zeros(int(GAP * RATE), "<i2")]
    truth: list[Turn] = []
    at = GAP
    for index, (speaker, voice, text) in enumerate(turns):
        speech = speak(text, voice, workdir, f"{index:02d}")
        truth.append(Turn(at, at + len(speech) / RATE, speaker, text))
        at += len(speech) / RATE + GAP
        pieces += [speech, np.zeros(int(GAP * RATE), "<i2")]
    with wave.open(str(path), "wb") as stream:
        stream.setnchannels(1)
        stream.setsampwidth(2)
        stream.setframerate(RATE)
        stream.writeframes(np.concatenate(pieces).tobytes())
    return truth


def segments_for(turns: list[Turn]) -> list[Segment]:
    """One segment per turn, its words spread evenly: a transcript with no speakers yet."""
    result = []
    for turn in turns:
        tokens = turn.text.split()
        step = (turn.end - turn.start) / len(tokens)
        words = [Word(turn.start + i * step, turn.start + (i + 1) * step, t)
                 for i, t in enumerate(tokens)]
        result.append(Segment(turn.start, turn.end, turn.text, words))
    return result
