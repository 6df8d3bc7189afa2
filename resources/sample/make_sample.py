"""Make Desk's sample recording: a short synthetic stand-in for the livestream.

Run with the project's Python (it needs numpy, espeak-ng and ffmpeg):

    .venv/bin/python resources/sample/make_sample.py

It writes `resources/sample/sample.mp4` and the ground truth
`transcripts/sample.truth.json`. The recording mirrors the structure reported
for the August 2024 interview, paraphrased and synthesised: dead air before the
stream starts (a faint mains hum), then two speakers taking turns — the host
apologises for the late start and blames a DDoS attack on the servers, the two
praise each other, the guest attacks an opponent named Kamala Harris and talks
about the border, and the host lets a claim pass. The voices are espeak-ng
(`en-us` low for HOST, `en-gb` high for GUEST) so the file is free to ship.

Timings in the ground truth are measured from the synthesised audio itself
(trimmed of espeak's own leading/trailing silence), and the script is
deterministic: the same tools give the same utterances and timings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUTPUT = HERE / "sample.mp4"
TRUTH = REPO / "transcripts" / "sample.truth.json"

SAMPLE_RATE = 22_050  # espeak-ng's native rate: no resampling before AAC
DEAD_AIR_SECONDS = 18.0
TAIL_SECONDS = 1.0
HUM_DBFS = -60.0  # RMS of the 60 Hz hum under the whole recording
SPEECH_PEAK = 0.7
VIDEO_SIZE = "320x180"
VIDEO_FPS = 10
TRIM_LEVEL = 10 ** (-50 / 20)  # espeak pads its output with digital silence


@dataclass(frozen=True)
class Voice:
    espeak: str
    pitch: int
    speed: int
    colour: str  # name card colour in the video


VOICES = {
    "HOST": Voice("en-us", pitch=35, speed=160, colour="0x7fd3ff"),
    "GUEST": Voice("en-gb", pitch=72, speed=150, colour="0xffc27f"),
}

TURNS: list[tuple[str, str]] = [
    (
        "HOST",
        "Hello everyone, and thank you for your patience. Sorry for the late start. "
        "It looks like there was a massive DDoS attack on our servers, "
        "but we are up and running now.",
    ),
    ("GUEST", "Thank you. It is great to be here. You have done an incredible job with this."),
    ("HOST", "Thanks, it is an honour to have you. You are a real fighter, and people love that."),
    (
        "GUEST",
        "Well, I appreciate it. Now, Kamala Harris has been a disaster. "
        "She is weak, and she has done nothing for working families.",
    ),
    ("HOST", "Let us talk about the border. What would you change?"),
    (
        "GUEST",
        "The border is wide open. Millions of people are coming in, "
        "and nobody knows who they are. We will close it on day one.",
    ),
    ("HOST", "Right. That makes sense."),
    ("GUEST", "And my crowds are the biggest anyone has ever seen. Bigger than ever before."),
    ("HOST", "Absolutely. Let us move on to energy."),
]

# Pauses between turns (seconds), cycled; 0.5-1 s like a live conversation.
PAUSES = [0.6, 0.9, 0.5, 0.8, 0.7, 1.0, 0.6, 0.9]


def synthesise(text: str, voice: Voice, workdir: Path, index: int) -> np.ndarray:
    """One utterance as float samples at SAMPLE_RATE, without espeak's silent padding."""
    target = workdir / f"turn{index:02d}.wav"
    subprocess.run(
        [
            require("espeak-ng"), "-v", voice.espeak, "-p", str(voice.pitch),
            "-s", str(voice.speed), "-w", str(target), text,
        ],
        check=True,
        capture_output=True,
    )
    with wave.open(str(target), "rb") as handle:
        if handle.getframerate() != SAMPLE_RATE or handle.getnchannels() != 1:
            raise SystemExit(f"unexpected espeak-ng output format in {target}")
        raw = handle.readframes(handle.getnframes())
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    loud = np.flatnonzero(np.abs(samples) > TRIM_LEVEL)
    if loud.size == 0:
        raise SystemExit(f"espeak-ng produced silence for: {text!r}")
    trimmed = samples[loud[0] : loud[-1] + 1]
    return trimmed * (SPEECH_PEAK / np.max(np.abs(trimmed)))


def build_audio(workdir: Path) -> tuple[np.ndarray, list[dict]]:
    """The whole soundtrack and the utterance timings measured while placing it."""
    pieces: list[np.ndarray] = [np.zeros(round(DEAD_AIR_SECONDS * SAMPLE_RATE))]
    cursor = pieces[0].size
    utterances = []
    for index, (speaker, text) in enumerate(TURNS):
        if index:
            gap = np.zeros(round(PAUSES[(index - 1) % len(PAUSES)] * SAMPLE_RATE))
            pieces.append(gap)
            cursor += gap.size
        speech = synthesise(text, VOICES[speaker], workdir, index)
        utterances.append(
            {
                "start": round(cursor / SAMPLE_RATE, 3),
                "end": round((cursor + speech.size) / SAMPLE_RATE, 3),
                "speaker": speaker,
                "text": text,
            }
        )
        pieces.append(speech)
        cursor += speech.size
    pieces.append(np.zeros(round(TAIL_SECONDS * SAMPLE_RATE)))
    audio = np.concatenate(pieces)
    t = np.arange(audio.size) / SAMPLE_RATE
    hum_amplitude = 10 ** (HUM_DBFS / 20) * np.sqrt(2)
    audio = audio + hum_amplitude * np.sin(2 * np.pi * 60.0 * t)
    return audio, utterances


def write_wav(samples: np.ndarray, target: Path) -> None:
    pcm = np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2")
    with wave.open(str(target), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(SAMPLE_RATE)
        handle.writeframes(pcm.tobytes())


def video_filter(utterances: list[dict], font: str | None) -> str:
    """A name card: who speaks (or 'waiting'), and a running timestamp."""
    if font is None:
        return "null"
    fontfile = font.replace("\\", "/").replace(":", "\\:")
    common = f"fontfile='{fontfile}':x=(w-text_w)/2"
    parts = [
        f"drawtext={common}:y=60:fontsize=16:fontcolor=0xaaaaaa:text='Waiting for the stream'"
        f":enable='lt(t,{DEAD_AIR_SECONDS})'"
    ]
    for turn in utterances:
        colour = VOICES[turn["speaker"]].colour
        parts.append(
            f"drawtext={common}:y=60:fontsize=28:fontcolor={colour}:text='{turn['speaker']}'"
            f":enable='between(t,{turn['start']},{turn['end']})'"
        )
    parts.append(
        f"drawtext={common}:y=140:fontsize=14:fontcolor=white:text='%{{pts\\:hms}}'"
    )
    return ",".join(parts)


def encode(wav: Path, duration: float, utterances: list[dict], target: Path) -> None:
    """MP4 with a 320x180 10 fps H.264 card and AAC audio, bit-exact flags for repeatability."""
    font = find_font()
    source = (
        f"color=c=0x1c2630:s={VIDEO_SIZE}:r={VIDEO_FPS}:d={duration}"
        if font
        else f"testsrc2=s={VIDEO_SIZE}:r={VIDEO_FPS}:d={duration}"
    )
    command = [
        require("ffmpeg"), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", source, "-i", str(wav),
        "-vf", video_filter(utterances, font),
        "-map", "0:v", "-map", "1:a", "-t", f"{duration:.3f}",
        "-c:v", "libx264", "-preset", "slow", "-crf", "32", "-tune", "stillimage",
        "-pix_fmt", "yuv420p", "-g", str(VIDEO_FPS * 10), "-threads", "1",
        "-c:a", "aac", "-b:a", "48k",
        "-map_metadata", "-1", "-fflags", "+bitexact",
        "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-movflags", "+faststart", str(target),
    ]
    subprocess.run(command, check=True)


def find_font() -> str | None:
    """A TrueType font for drawtext, or None (the video falls back to a test pattern)."""
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(
            [fc_match, "-f", "%{file}", "DejaVu Sans:style=Book"], capture_output=True, text=True
        ).stdout.strip()
        if found and Path(found).is_file():
            return found
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/Library/Fonts/Arial.ttf", "C:/Windows/Fonts/arial.ttf"):
        if Path(candidate).is_file():
            return candidate
    return None


def require(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise SystemExit(f"{tool} is needed to make the sample (e.g. apt install {tool})")
    return found


def truth_document(utterances: list[dict], duration: float) -> dict:
    return {
        "description": "Ground truth for resources/sample/sample.mp4 (made by make_sample.py)",
        "media": "resources/sample/sample.mp4",
        "duration": round(duration, 3),
        "dead_air": [{"start": 0.0, "end": DEAD_AIR_SECONDS}],
        "speakers": {
            name: {"voice": voice.espeak, "pitch": voice.pitch, "speed": voice.speed}
            for name, voice in VOICES.items()
        },
        "utterances": utterances,
    }


def main(output: Path = OUTPUT, truth: Path = TRUTH) -> dict:
    with tempfile.TemporaryDirectory(prefix="desk-sample-") as tmp:
        workdir = Path(tmp)
        audio, utterances = build_audio(workdir)
        duration = audio.size / SAMPLE_RATE
        wav = workdir / "sample.wav"
        write_wav(audio, wav)
        output.parent.mkdir(parents=True, exist_ok=True)
        encode(wav, duration, utterances, output)
    document = truth_document(utterances, duration)
    truth.parent.mkdir(parents=True, exist_ok=True)
    truth.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"{output}: {duration:.1f} s, {len(utterances)} utterances, "
          f"{output.stat().st_size / 1024:.0f} KiB; truth in {truth}")
    return document


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
