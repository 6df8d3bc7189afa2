"""Both engines end to end: real tiny.en weights, real speech made by espeak-ng, no network."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import InputError
from desk.core.pipeline.engines.base import SAMPLE_RATE, Engine, ModelRef, TranscribeOptions
from desk.core.pipeline.engines.registry import load_engine
from desk.core.records import Segment
from desk.core.weights.catalog import resolve_model
from desk.core.wer import word_error_rate

pytestmark = pytest.mark.slow

SCRIPT = (
    "The show started late because the servers failed. "
    "Musk said that a large attack had slowed the stream. "
    "Both men praised each other for a long time. "
    "Later they spoke about the election and the economy. "
    "Many people listened to the entire conversation."
)
OFFSET = 12.5  # the window's position in the recording
# Greedy decoding: openai-whisper's beam search is ~3x slower on CPU; beam 5 is checked apart.
GREEDY = TranscribeOptions(beam_size=None)


def decode_pcm(path: Path) -> np.ndarray:
    pcm = subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-i",
            str(path),
            "-f",
            "f32le",
            "-ac",
            "1",
            "-ar",
            str(SAMPLE_RATE),
            "-",
        ],
        check=True,
        capture_output=True,
    ).stdout
    return np.frombuffer(pcm, dtype=np.float32).copy()


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """~17 s of synthetic English speech, 16 kHz mono float32."""
    folder = tmp_path_factory.mktemp("speech")
    raw, wav = folder / "raw.wav", folder / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "145", "-w", str(raw), SCRIPT], check=True)
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-i",
            str(raw),
            "-ar",
            "16000",
            "-ac",
            "1",
            str(wav),
        ],
        check=True,
    )
    audio = decode_pcm(wav)
    assert 14 * SAMPLE_RATE < audio.size < 22 * SAMPLE_RATE
    return audio


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Desk's model folder for this module: the converted .pt is made once and reused."""
    return tmp_path_factory.mktemp("desk-models")


@pytest.fixture
def in_model_dir(model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_MODEL_DIR", str(model_dir))
    return model_dir


@pytest.fixture(scope="module")
def tiny_en(model_dir: Path) -> ModelRef:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DESK_MODEL_DIR", str(model_dir))
        return resolve_model("tiny.en")


def _load(name: str, model: ModelRef, model_dir: Path) -> Engine:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DESK_MODEL_DIR", str(model_dir))
        return load_engine(name, model)


@pytest.fixture(scope="module")
def openai_engine(tiny_en: ModelRef, model_dir: Path) -> Engine:
    return _load("openai", tiny_en, model_dir)


@pytest.fixture(scope="module")
def faster_engine(tiny_en: ModelRef, model_dir: Path) -> Engine:
    return _load("faster", tiny_en, model_dir)


@pytest.fixture(scope="module")
def openai_segments(openai_engine: Engine, speech: np.ndarray) -> list[Segment]:
    return list(openai_engine.transcribe(speech, GREEDY, offset=OFFSET))


@pytest.fixture(scope="module")
def faster_segments(faster_engine: Engine, speech: np.ndarray) -> list[Segment]:
    return list(faster_engine.transcribe(speech, GREEDY, offset=OFFSET))


def _text(segments: list[Segment]) -> str:
    return " ".join(s.text for s in segments)


def _check_timing(segments: list[Segment], duration: float) -> None:
    assert segments
    previous_start = OFFSET
    for segment in segments:
        assert OFFSET <= segment.start <= segment.end <= OFFSET + duration + 0.5
        assert segment.start >= previous_start
        previous_start = segment.start
        assert segment.words, "word timestamps were asked for"
        last = segment.start
        for word in segment.words:
            assert segment.start <= word.start <= word.end <= segment.end
            assert word.start >= last
            last = word.start
            assert word.probability is not None and 0.0 <= word.probability <= 1.0
        assert segment.avg_logprob is not None and segment.avg_logprob < 0
        assert segment.no_speech_prob is not None and segment.compression_ratio is not None


@pytest.mark.parametrize("segments_fixture", ["openai_segments", "faster_segments"])
def test_engine_transcribes_speech_accurately(
    segments_fixture: str, request: pytest.FixtureRequest, speech: np.ndarray
) -> None:
    segments = request.getfixturevalue(segments_fixture)
    wer = word_error_rate(SCRIPT, _text(segments))
    assert wer <= 0.15, f"WER {wer:.2f}: {_text(segments)!r}"
    _check_timing(segments, speech.size / SAMPLE_RATE)
    # Speech starts at once in the clip, so the first word sits at the window's offset.
    assert segments[0].words[0].start == pytest.approx(OFFSET, abs=0.7)


def test_engines_agree(openai_segments: list[Segment], faster_segments: list[Segment]) -> None:
    assert word_error_rate(_text(openai_segments), _text(faster_segments)) <= 0.1
    starts_a = [s.start for s in openai_segments]
    starts_b = [s.start for s in faster_segments]
    assert len(starts_a) == len(starts_b)
    assert np.allclose(starts_a, starts_b, atol=0.5)


@pytest.mark.parametrize("engine_fixture", ["openai_engine", "faster_engine"])
def test_beam_search(
    engine_fixture: str, request: pytest.FixtureRequest, speech: np.ndarray
) -> None:
    """The default options (beam of 5, word timestamps) on the first sentence."""
    engine = request.getfixturevalue(engine_fixture)
    segments = list(engine.transcribe(speech[: 4 * SAMPLE_RATE], TranscribeOptions()))
    first_sentence = SCRIPT.split(". ")[0]
    assert word_error_rate(first_sentence, _text(segments)) <= 0.15
    assert segments[0].words


def test_engines_detect_english(
    openai_engine: Engine,
    faster_engine: Engine,
    openai_segments: list[Segment],
    faster_segments: list[Segment],
) -> None:
    assert openai_engine.detected_language == "en"
    assert faster_engine.detected_language == "en"


@pytest.mark.parametrize("engine_fixture", ["openai_engine", "faster_engine"])
def test_silence_yields_no_invented_text(
    engine_fixture: str, request: pytest.FixtureRequest
) -> None:
    engine = request.getfixturevalue(engine_fixture)
    rng = np.random.default_rng(7)
    hiss = (rng.standard_normal(6 * SAMPLE_RATE) * 1e-4).astype(np.float32)
    assert list(engine.transcribe(hiss, GREEDY)) == []
    assert list(engine.transcribe(np.zeros(0, dtype=np.float32), GREEDY)) == []


@pytest.mark.parametrize("engine_fixture", ["openai_engine", "faster_engine"])
def test_english_only_model_refuses_other_language(
    engine_fixture: str, request: pytest.FixtureRequest, speech: np.ndarray
) -> None:
    engine = request.getfixturevalue(engine_fixture)
    with pytest.raises(InputError, match="only knows English"):
        list(engine.transcribe(speech, TranscribeOptions(language="de")))


def test_initial_prompt_and_greedy_decoding(
    openai_engine: Engine, faster_engine: Engine, speech: np.ndarray
) -> None:
    """A vocabulary prompt and beam_size=None (greedy) are accepted by both engines."""
    piece = speech[: 4 * SAMPLE_RATE]
    options = TranscribeOptions(
        beam_size=None, initial_prompt="Musk, servers, stream.", word_timestamps=False
    )
    for engine in (openai_engine, faster_engine):
        segments = list(engine.transcribe(piece, options))
        assert "show started" in _text(segments).lower()
        assert all(s.words == [] for s in segments)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt to open a connection fails and is recorded."""
    attempts: list[str] = []

    def refuse(self: socket.socket, address: object, *args: object) -> None:
        attempts.append(repr(address))
        raise OSError("network access is blocked in this test")

    def refuse_lookup(host: object, *args: object, **kwargs: object) -> None:
        attempts.append(f"lookup {host!r}")
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    yield attempts


def test_loading_and_transcribing_never_touch_the_network(
    no_network: list[str], in_model_dir: Path, speech: np.ndarray, openai_engine: Engine
) -> None:
    """Resolve, load both engines afresh (conversion cached) and transcribe, with sockets off."""
    model = resolve_model("tiny.en")
    piece = speech[: 4 * SAMPLE_RATE]
    for name in ("openai", "faster"):
        engine = load_engine(name, model)
        text = _text(list(engine.transcribe(piece, GREEDY)))
        assert "show started" in text.lower()
    assert no_network == []


@pytest.mark.parametrize("name", ["openai", "faster"])
def test_both_engines_report_progress_through_the_window(
        name: str, request: pytest.FixtureRequest, speech: np.ndarray) -> None:
    engine: Engine = request.getfixturevalue(f"{name}_engine")
    reports: list[float] = []
    segments = list(engine.transcribe(speech, GREEDY, offset=OFFSET, progress=reports.append))
    duration = speech.size / SAMPLE_RATE
    assert segments and reports
    assert reports == sorted(reports)  # seconds of this window, never going back
    assert reports[-1] == pytest.approx(duration, abs=1.0)
