"""Batched decoding: Whisper's loop per lane, checked with scripted decoder output.

The real tiny.en model computes the features, the encoder output and the word
alignment; only the decoder's answers are scripted, so the continuation and
fallback rules can be tested exactly. The real decoder runs end to end in
tests/core/pipeline/test_transcription.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.engines.base import SAMPLE_RATE
from desk.core.pipeline.engines.batched_decoder import (
    BatchedDecoder,
    RawSegment,
    compression_ratio,
    split_at_timestamps,
)
from desk.core.pipeline.engines.second_look import SecondLook
from desk.core.weights.catalog import resolve_model

pytest.importorskip("faster_whisper")

TS = 50_000  # a stand-in for the tokenizer's timestamp_begin in pure tests
PRECISION = 0.02


def stamp(seconds: float) -> int:
    return TS + round(seconds / PRECISION)


def test_single_timestamp_ending_finishes_the_step() -> None:
    tokens = [stamp(0.0), 1, 2, stamp(2.0), stamp(2.0), 3, stamp(4.5)]
    segments, resume = split_at_timestamps(tokens, TS, PRECISION)
    assert [(s, e, t) for s, e, t in segments] == [(0.0, 2.0, [1, 2]), (2.0, 4.5, [3])]
    assert resume is None


def test_a_closed_segment_at_the_end_continues_from_its_end() -> None:
    tokens = [stamp(0.0), 1, 2, stamp(2.0), stamp(2.0), 3, stamp(4.5), stamp(4.5)]
    segments, resume = split_at_timestamps(tokens, TS, PRECISION)
    assert [t for _, _, t in segments] == [[1, 2], [3]]
    assert resume == pytest.approx(4.5)


def test_an_unclosed_tail_is_dropped_and_decoded_again() -> None:
    tokens = [stamp(0.0), 1, stamp(2.0), stamp(2.0), 3, 4]  # cut off inside a segment
    segments, resume = split_at_timestamps(tokens, TS, PRECISION)
    assert [t for _, _, t in segments] == [[1]]
    assert resume == pytest.approx(2.0)


def test_output_without_timestamps_is_one_segment_to_the_end() -> None:
    segments, resume = split_at_timestamps([1, 2, 3], TS, PRECISION)
    assert segments == [(0.0, None, [1, 2, 3])] and resume is None
    assert split_at_timestamps([], TS, PRECISION) == ([], None)


def test_compression_ratio_flags_repetition_loops() -> None:
    assert compression_ratio("thank you " * 40) > 2.4
    assert compression_ratio("Kamala Harris has been a disaster, said the former president.") < 2.4
    assert compression_ratio("") == 0.0


@dataclass
class Output:
    """What CTranslate2's generate returns per sequence (the fields Desk reads)."""

    sequences_ids: list[list[int]]
    scores: list[float]
    no_speech_prob: float


class ScriptedDecoder:
    """The CTranslate2 model with generate() answering from a script; the rest stays real."""

    def __init__(self, real: object, answers: list[list[int]],
                 scores: list[float] | None = None) -> None:
        self.real = real
        self.answers = list(answers)
        self.scores = list(scores or [-0.1] * len(answers))
        self.is_multilingual = False
        self.batches: list[int] = []
        self.beams: list[int] = []

    def generate(self, encoded: object, prompts: list[list[int]],
                 **options: object) -> list[Output]:
        self.batches.append(len(prompts))
        self.beams.append(int(options["beam_size"]))  # type: ignore[call-overload]
        out = []
        for _prompt in prompts:
            if self.answers:
                out.append(Output([self.answers.pop(0)], [self.scores.pop(0)], 0.01))
            else:  # nothing more to say: silence
                out.append(Output([[]], [-2.0], 0.95))
        return out

    def __getattr__(self, name: str) -> object:  # encode, align, device: the real model's
        return getattr(self.real, name)


@pytest.fixture(scope="module")
def whisper() -> object:
    from faster_whisper import WhisperModel

    model = resolve_model("tiny.en")
    return WhisperModel(str(model.path), device="cpu", compute_type="int8", cpu_threads=2)


@pytest.fixture
def speech() -> np.ndarray:
    """Sound for 40 s (steady noise: one lane, no pauses)."""
    rng = np.random.default_rng(3)
    return (rng.standard_normal(40 * SAMPLE_RATE) * 0.2).astype(np.float32)


def scripted(whisper: object, answers_text: list[list[object]],
             scores: list[float] | None = None) -> ScriptedDecoder:
    from faster_whisper.tokenizer import Tokenizer

    tokenizer = Tokenizer(whisper.hf_tokenizer, False, task="transcribe", language="en")
    begin = tokenizer.timestamp_begin
    answers = [
        [begin + round(x / 0.02) if isinstance(x, float) else t
         for x in answer for t in ([0] if isinstance(x, float) else tokenizer.encode(x))]
        for answer in answers_text
    ]
    return ScriptedDecoder(whisper.model, answers, scores)


def decode(whisper: object, script: ScriptedDecoder, audio: np.ndarray,
           fallback: object = None, words: bool = True, batch: int = 1,
           second_look: SecondLook | None = None, progress: object = None) -> list[RawSegment]:
    """Decode with the scripted answers (batch 1: the 40 s of noise stay one lane)."""
    real = whisper.model
    whisper.model = script
    try:
        decoder = BatchedDecoder(whisper, "en", 5 if second_look else 1, None, words, batch,
                                 fallback or (lambda piece, start: []), second_look)
        return list(decoder.decode(audio, progress))
    finally:
        whisper.model = real


def bursts(count: int, gap_seconds: float) -> np.ndarray:
    """`count` bursts of 8 s of sound with `gap_seconds` of silence between: one lane each."""
    rng = np.random.default_rng(5)
    burst = (rng.standard_normal(8 * SAMPLE_RATE) * 0.2).astype(np.float32)
    gap = np.zeros(round(gap_seconds * SAMPLE_RATE), dtype=np.float32)
    return np.concatenate([part for _ in range(count) for part in (burst, gap)][:-1])


def test_a_step_that_stops_early_is_continued_from_its_last_timestamp(
        whisper: object, speech: np.ndarray) -> None:
    answers = [
        [0.0, " Hello there.", 4.0, 4.0],  # closed, then stopped: continue at 4 s
        [0.0, " Welcome back.", 3.0],  # single timestamp: this step is done
    ]
    script = scripted(whisper, answers)
    segments = decode(whisper, script, speech, words=False)
    assert [(s.text.strip(), s.start, s.end) for s in segments] == [
        ("Hello there.", 0.0, 4.0),
        ("Welcome back.", 4.0, 7.0),  # times are the window's, not the step's
    ]
    # step 1 (0-30 s), step 2 from 4 s, then silence answers until the lane is done
    assert script.batches[:2] == [1, 1] and len(script.answers) == 0

    # with word timestamps, the real aligner places the words inside each step
    first, second = decode(whisper, scripted(whisper, answers), speech)
    assert [w[2].strip() for w in first.words] == ["Hello", "there."]
    assert [w[2].strip() for w in second.words] == ["Welcome", "back."]
    assert second.words[0][0] >= 4.0 - 0.01
    for segment in (first, second):
        starts = [w[0] for w in segment.words]
        assert starts == sorted(starts)


def test_a_repetition_loop_goes_to_the_sequential_fallback(
        whisper: object, speech: np.ndarray) -> None:
    calls: list[tuple[float, int]] = []

    def fallback(piece: np.ndarray, start: float) -> list[RawSegment]:
        calls.append((start, piece.size))
        return [RawSegment(start + 1.0, start + 2.0, " Fixed.")]

    script = scripted(whisper, [[0.0, " thank you" * 60, 30.0]])
    segments = decode(whisper, script, speech, fallback)
    assert calls == [(0.0, 30 * SAMPLE_RATE)]
    assert [s.text for s in segments] == [" Fixed."]


def test_many_lanes_share_one_batch(whisper: object) -> None:
    # four bursts of 8 s, 6 s of silence between: four lanes, decoded together
    audio = bursts(4, 6.0)
    script = scripted(whisper, [[0.0, f" Part {i}.", 2.0] for i in range(4)])
    segments = decode(whisper, script, audio, words=False, batch=8)
    assert script.batches[0] == 4
    assert [s.text.strip() for s in segments] == ["Part 0.", "Part 1.", "Part 2.", "Part 3."]
    starts = [s.start for s in segments]
    assert starts == sorted(starts) and starts[1] == pytest.approx(14.0 - 0.5, abs=0.1)  # 0.5 s pad


def test_a_hard_cut_keeps_only_the_words_on_its_own_side() -> None:
    from desk.core.pipeline.engines.batched_decoder import _owned

    span = Window(0.0, 31.0, keep_from=0.0, keep_until=30.0)
    words = [(28.0, 28.5, " before", 0.9), (29.6, 30.6, " across", 0.9),
             (30.2, 30.8, " after", 0.9)]
    kept = list(_owned([RawSegment(28.0, 30.8, " before across after", words)], span))
    assert [w[2] for w in kept[0].words] == [" before"]
    assert kept[0].text == " before" and kept[0].end == 28.5


def test_the_engine_keeps_the_sequential_loop_for_what_only_it_offers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.pipeline.engines.base import TranscribeOptions
    from desk.core.pipeline.engines.registry import load_engine

    engine = load_engine("faster", resolve_model("tiny.en"), 1)
    calls: list[str] = []
    monkeypatch.setattr(engine, "_sequential",
                        lambda audio, options, start: calls.append("sequential") or iter(()))
    monkeypatch.setattr(engine, "_batched",
                        lambda audio, options, progress: calls.append("batched") or iter(()))
    audio = np.zeros(SAMPLE_RATE, dtype=np.float32)
    list(engine.transcribe(audio, TranscribeOptions(condition_on_previous_text=True)))
    list(engine.transcribe(audio, TranscribeOptions(extra={"temperature": 0.4})))
    list(engine.transcribe(audio, TranscribeOptions()))
    assert calls == ["sequential", "sequential", "batched"]


def test_the_second_look_decodes_only_the_doubtful_step_again_with_the_beam(
        whisper: object) -> None:
    # two lanes in one greedy batch: lane 0 sure of itself, lane 1 hesitant (log-prob -0.7)
    script = scripted(whisper, [[0.0, " Part zero.", 2.0], [0.0, " Part won.", 2.0],
                                [0.0, " Part one.", 2.0]], scores=[-0.1, -0.7, -0.1])
    segments = decode(whisper, script, bursts(2, 6.0), words=False, batch=8,
                      second_look=SecondLook(beam_size=5))
    assert script.beams[:2] == [1, 5] and script.batches[:2] == [2, 1]  # greedy, then lane 1
    assert [s.text.strip() for s in segments] == ["Part zero.", "Part one."]


def test_progress_counts_dead_air_between_lanes_as_handled(whisper: object) -> None:
    audio = bursts(2, 40.0)  # 8 s of sound, 40 s of dead air, 8 s of sound: 56 s
    reports: list[float] = []
    seen_at_first_segment: list[int] = []

    def progress(seconds: float) -> None:
        reports.append(seconds)

    script = scripted(whisper, [[0.0, " First.", 2.0], [0.0, " Second.", 2.0]])
    real = whisper.model
    whisper.model = script
    try:
        decoder = BatchedDecoder(whisper, "en", 1, None, False, 1, lambda piece, start: [])
        for _segment in decoder.decode(audio, progress):
            seen_at_first_segment.append(len(reports))
    finally:
        whisper.model = real
    assert seen_at_first_segment[0] > 1  # reports came while the first lane was decoded
    # the dead air needs no decoding: handled from the start (less the lanes' 0.5 s pads)
    assert reports[0] >= 40.0 - 2 * 0.5 - 0.05
    assert reports == sorted(reports) and reports[-1] == pytest.approx(56.0, abs=0.05)


def test_a_step_of_eight_lanes_at_beam_5_moves_the_progress_between_decoder_calls(
        whisper: object) -> None:
    # eight lanes in one step: one decoder call would say nothing until all eight are done
    reports: list[float] = []
    before_call: list[float] = []
    script = scripted(whisper, [[0.0, f" Part {i}.", 2.0] for i in range(8)])
    generate = script.generate

    def timed_generate(encoded: object, prompts: list[list[int]], **options: object) -> object:
        before_call.append(reports[-1])
        return generate(encoded, prompts, **options)

    script.generate = timed_generate  # type: ignore[method-assign]
    real = whisper.model
    whisper.model = script
    try:
        decoder = BatchedDecoder(whisper, "en", 5, None, False, 8, lambda piece, start: [])
        segments = list(decoder.decode(bursts(8, 6.0), reports.append))
    finally:
        whisper.model = real
    assert script.batches[:2] == [4, 4] and script.beams[:2] == [5, 5]
    assert before_call[1] > before_call[0]  # the first four lanes' decoding was credited
    assert [s.text.strip() for s in segments] == [f"Part {i}." for i in range(8)]
    assert reports == sorted(reports)
