"""The committed sample recording matches what make_sample.py says it is.

Nothing is regenerated here: the test reads the committed MP4 and ground truth.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from desk.core.pipeline.decode import SAMPLE_RATE, read_audio
from desk.core.pipeline.media import probe
from desk.core.pipeline.silence import detect_silences

REPO = Path(__file__).resolve().parents[2]
TRUTH = REPO / "transcripts" / "sample.truth.json"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample", REPO / "resources" / "sample" / "make_sample.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads(TRUTH.read_text(encoding="utf-8"))


def test_file_is_small_with_a_small_video_and_aac_audio(sample_media: Path, truth: dict) -> None:
    assert sample_media.stat().st_size <= 2 * 2**20
    shown = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries",
         "stream=codec_type,codec_name,width,height,r_frame_rate", "-of", "json",
         str(sample_media)],
        capture_output=True, check=True, text=True,
    )
    streams = {s["codec_type"]: s for s in json.loads(shown.stdout)["streams"]}
    assert streams["video"]["codec_name"] == "h264"
    assert (streams["video"]["width"], streams["video"]["height"]) == (320, 180)
    assert streams["video"]["r_frame_rate"] == "10/1"
    assert streams["audio"]["codec_name"] == "aac"
    media = probe(sample_media)
    assert media.has_video and media.has_audio
    assert media.duration == pytest.approx(truth["duration"], abs=0.1)
    assert 60 <= media.duration <= 120


def test_truth_describes_the_scripted_conversation(script: ModuleType, truth: dict) -> None:
    utterances = truth["utterances"]
    assert [(u["speaker"], u["text"]) for u in utterances] == script.TURNS
    assert truth["dead_air"] == [{"start": 0.0, "end": script.DEAD_AIR_SECONDS}]
    assert 15 <= script.DEAD_AIR_SECONDS <= 20
    assert utterances[0]["start"] == pytest.approx(script.DEAD_AIR_SECONDS)
    for before, after in itertools.pairwise(utterances):
        assert before["speaker"] != after["speaker"]
        assert 0.5 - 1e-3 <= after["start"] - before["end"] <= 1.0 + 1e-3
    assert all(u["end"] > u["start"] for u in utterances)
    assert utterances[-1]["end"] < truth["duration"]
    words = " ".join(u["text"] for u in utterances)
    for needle in ("DDoS", "Kamala Harris", "border", "late start"):
        assert needle in words


def test_audio_has_speech_exactly_where_the_truth_says(sample_media: Path, truth: dict) -> None:
    audio = read_audio(sample_media)
    assert audio.size / SAMPLE_RATE == pytest.approx(truth["duration"], abs=0.1)

    def level(start: float, end: float) -> float:
        part = audio[round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)]
        return float(10 * np.log10(np.mean(part.astype(np.float64) ** 2)))

    dead = truth["dead_air"][0]
    assert level(dead["start"], dead["end"] - 0.1) < -55  # the faint hum only
    for turn in truth["utterances"]:
        assert level(turn["start"], turn["end"]) > -30, turn["text"]
        # The first and last 50 ms of each utterance already carry sound.
        assert level(turn["start"], turn["start"] + 0.05) > -50
        assert level(turn["end"] - 0.05, turn["end"]) > -50


def test_dead_air_is_detected_where_the_truth_says(sample_media: Path, truth: dict) -> None:
    silences = detect_silences(sample_media)
    dead = truth["dead_air"][0]
    assert silences[0].start == pytest.approx(dead["start"], abs=0.3)
    assert silences[0].end == pytest.approx(dead["end"], abs=0.3)
    assert len(silences) == 1  # turn-taking pauses are under 2 s
