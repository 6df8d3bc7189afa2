"""Batched decoding with faster-whisper: Whisper's own loop, run on several lanes at once.

Why: faster-whisper's `transcribe()` encodes and decodes one 30 s step at a
time, which leaves a laptop's cores waiting on per-step overhead; a decoder
step for eight sequences costs far less than eight steps for one
(benchmarks/README.md has the figures).

faster-whisper's own `BatchedInferencePipeline` cuts the audio into fixed
chunks and decodes each exactly once. Whisper, however, often closes a
segment and stops before the end of its 30 s, expecting the caller to go on
from there; the pipeline drops that rest, and on the benchmark speech its
word error rate doubled. Here a window is cut at pauses into lanes of about
two minutes (lane_plan.py). Each lane runs Whisper's sequential loop (decode
30 s, continue at the last timestamp), and one step of up to `batch_size`
lanes is encoded and decoded as one batch. A step whose text looks broken (a
repetition loop, very low confidence) is decoded again by the sequential path,
which has Whisper's temperature fallback.

It uses faster-whisper's feature extractor, prompt builder and word aligner
(`WhisperModel.get_prompt`, `add_word_timestamps`), which is why pyproject
pins faster-whisper to the minor versions this was tested against.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.engines.base import SAMPLE_RATE, Progress
from desk.core.pipeline.engines.lane_plan import LanePlan, plan_lanes
from desk.core.pipeline.engines.progress_meter import DECODE_SHARE, ENCODE_SHARE, ProgressMeter
from desk.core.pipeline.engines.second_look import SecondLook, StepLook
from desk.core.pipeline.engines.segments import SILENCE_AVG_LOGPROB, is_silence_hallucination

MAX_TOKENS = 448  # Whisper's text context
COMPRESSION_RATIO_LIMIT = 2.4  # Whisper's thresholds: a repetition loop ...
LOGPROB_LIMIT = SILENCE_AVG_LOGPROB  # ... or text the model itself does not believe
MIN_ADVANCE_SECONDS = 1.0  # a step that stops earlier moves on to the next 30 s
MIN_REST_SECONDS = 0.3
ENCODER_BATCH = 2
DECODER_HYPOTHESES = 20  # sequences per decoder call: 4 lanes at beam 5, 8 greedy
PUNCTUATION_BEFORE = "\"'“¿([{-"
PUNCTUATION_AFTER = "\"'.。,，!！?？:：”)]}、"

# Words as (start, end, text, probability), seconds from the window's start.
RawWord = tuple[float, float, str, float | None]


@dataclass
class RawSegment:
    """One decoded segment, times in seconds from the window's start."""

    start: float
    end: float
    text: str
    words: list[RawWord] = field(default_factory=list)
    avg_logprob: float | None = None
    no_speech_prob: float | None = None
    compression_ratio: float | None = None


@dataclass
class _Lane:
    index: int
    span: Window
    seek: float
    segments: list[RawSegment] = field(default_factory=list)
    finished: bool = False


# The sequential path for one stretch of audio: (audio, start offset) -> segments.
Fallback = Callable[[np.ndarray, float], list[RawSegment]]


def compression_ratio(text: str) -> float:
    """Whisper's repetition measure: how well the text compresses (a loop compresses well)."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def split_at_timestamps(
    tokens: list[int], timestamp_begin: int, precision: float
) -> tuple[list[tuple[float, float | None, list[int]]], float | None]:
    """Whisper's output as (start, end, tokens) segments, and where to continue, if anywhere.

    As in Whisper's own loop: when the output ends on a single timestamp, or
    has none, the step is finished; when it ends on a closed segment (two
    timestamps in a row), or in the middle of one, decoding must continue at
    the last closed segment's end, and an unclosed tail is dropped (it is
    decoded again from there). An end of None means "the end of the audio".
    """
    stamps = [i for i, t in enumerate(tokens) if t >= timestamp_begin]
    single_ending = len(tokens) >= 2 and tokens[-2] < timestamp_begin <= tokens[-1]
    pairs = [i for i in stamps if i > 0 and tokens[i - 1] >= timestamp_begin]
    if not pairs:
        text = [t for t in tokens if t < timestamp_begin]
        times = [(tokens[i] - timestamp_begin) * precision for i in stamps]
        end = times[-1] if times and times[-1] > 0 else None
        return ([(0.0, end, text)] if text else []), None
    cuts = [*pairs, len(tokens)] if single_ending else pairs
    segments: list[tuple[float, float | None, list[int]]] = []
    first = 0
    for cut in cuts:
        piece = tokens[first:cut]
        start = (piece[0] - timestamp_begin) * precision
        end = (piece[-1] - timestamp_begin) * precision
        text = [t for t in piece if t < timestamp_begin]
        if text:
            segments.append((start, end, text))
        first = cut
    resume = None if single_ending else (tokens[pairs[-1] - 1] - timestamp_begin) * precision
    return segments, resume


class BatchedDecoder:
    """Decodes one window lane by lane, several lanes per batch; see the module doc."""

    def __init__(
        self,
        model: Any,  # faster_whisper.WhisperModel
        language: str,
        beam_size: int,
        initial_prompt: str | None,
        word_timestamps: bool,
        batch_size: int,
        fallback: Fallback,
        second_look: SecondLook | None = None,
    ) -> None:
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        self._model = model
        self._tokenizer = Tokenizer(
            model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
        )
        previous = self._tokenizer.encode(" " + initial_prompt.strip()) if initial_prompt else []
        self._prompt = model.get_prompt(self._tokenizer, previous, without_timestamps=False)
        self._suppress = get_suppressed_tokens(self._tokenizer, [-1])
        self._beam_size = max(1, beam_size)
        self._word_timestamps = word_timestamps
        self._batch_size = max(1, batch_size)
        self._fallback = fallback
        # Adaptive decoding: the first pass is greedy, doubtful steps get the beam.
        self._second_look = second_look if self._beam_size > 1 else None
        if self._second_look is not None:
            self._beam_size = 1
        self.steps = 0  # lane steps decoded, and how many of them were decoded again
        self.steps_again = 0

    def decode(self, audio: np.ndarray, progress: Progress | None = None) -> Iterator[RawSegment]:
        """Segments of the window in time order, each lane's as soon as it is complete.

        Lanes join the batch in time order and leave it when finished, so the
        batch stays full and early lanes finish first. `progress(seconds)` is
        told how much of the window is handled, across all lanes (the pauses
        between lanes count as handled), several times per step.
        """
        plan = plan_lanes(audio, self._batch_size)
        lanes = [_Lane(i, span, span.start) for i, span in enumerate(plan.lanes)]
        meter = ProgressMeter(audio.size / SAMPLE_RATE, lanes, progress)
        waiting = deque(lanes)
        active: list[_Lane] = []
        next_out = 0
        meter.report()
        while waiting or active:
            while waiting and len(active) < self._batch_size:
                active.append(waiting.popleft())
            self._step(audio, active, plan, meter)
            active = [lane for lane in active if not lane.finished]
            meter.report()
            while next_out < len(lanes) and lanes[next_out].finished:
                lane = lanes[next_out]
                yield from _owned(sorted(lane.segments, key=lambda s: s.start), lane.span)
                next_out += 1

    def _step(
        self, audio: np.ndarray, lanes: list[_Lane], plan: LanePlan, meter: ProgressMeter
    ) -> None:
        """Decode the next 30 s of every lane in `lanes` as one batch and move each lane on."""
        from faster_whisper.audio import pad_or_trim

        spans = [(lane.seek, plan.step_end(lane.seek, lane.span.end)) for lane in lanes]
        meter.step([end - start for start, end in spans])
        pieces = [audio[round(s * SAMPLE_RATE) : round(e * SAMPLE_RATE)] for s, e in spans]
        features = np.stack(
            [pad_or_trim(self._model.feature_extractor(p)[..., :-1]) for p in pieces]
        )
        encoded = self._encode(features, meter)
        share = DECODE_SHARE if self._second_look is None else DECODE_SHARE / 2
        outputs = self._generate(encoded, list(range(len(lanes))), self._beam_size, meter, share)
        self.steps += len(lanes)
        if self._second_look is not None:
            outputs = self._look_again(encoded, outputs, spans, meter, share)
        decoded: list[list[dict[str, Any]]] = []
        moves: list[float] = []
        for lane, (start, end), piece, output in zip(lanes, spans, pieces, outputs, strict=True):
            segments, next_seek = self._read_output(output, start, end)
            if segments is None:  # broken text: the sequential path decodes this step again
                lane.segments += self._fallback(piece, start)
                segments = []
            decoded.append(segments)
            moves.append(next_seek)
        if self._word_timestamps:
            self._add_words(decoded, encoded, [p.size for p in pieces])
        for lane, segments, next_seek, (_, end) in zip(lanes, decoded, moves, spans, strict=True):
            lane.segments += [self._raw_segment(s, end) for s in segments]
            lane.seek = next_seek
            rest = lane.span.end - lane.seek
            lane.finished = rest < MIN_REST_SECONDS or not plan.has_sound(lane.seek, lane.span.end)

    def _generate(self, encoded: Any, rows: list[int], beam_size: int, meter: ProgressMeter,
                  share: float) -> list[Any]:
        """Decoder outputs for these rows of the batch, a few lanes per call.

        One call says nothing until its last lane is done: eight lanes at beam 5
        held the bar still for 6 s on two idle cores, over 20 s on busy ones.
        Calls of `DECODER_HYPOTHESES` sequences give the same output at +10–14 %
        of decoder CPU (~5 % of a beam-5 job; benchmarks/decoder_calls.py), and
        the meter credits `share` of the step as each call ends.
        """
        per_call = max(1, DECODER_HYPOTHESES // beam_size)
        outputs: list[Any] = []
        for first in range(0, len(rows), per_call):
            group = rows[first : first + per_call]
            whole = len(group) == encoded.shape[0]
            outputs += self._decode_call(encoded if whole else _rows(encoded, group),
                                         len(group), beam_size)
            meter.phase_done(share * len(group) / len(rows))
        return outputs

    def _decode_call(self, encoded: Any, count: int, beam_size: int) -> Any:
        return self._model.model.generate(
            encoded,
            [list(self._prompt) for _ in range(count)],
            beam_size=beam_size,
            max_length=MAX_TOKENS,
            suppress_blank=True,
            suppress_tokens=self._suppress,
            return_scores=True,
            return_no_speech_prob=True,
            max_initial_timestamp_index=50,  # Whisper's 1 s limit for the first timestamp
        )

    def _look_again(
        self, encoded: Any, outputs: list[Any], spans: list[tuple[float, float]],
        meter: ProgressMeter, share: float,
    ) -> list[Any]:
        """Greedy outputs, with the doubtful ones replaced by a beam search of the same audio."""
        rule = self._second_look
        assert rule is not None
        doubtful = [
            i for i, (output, (start, end)) in enumerate(zip(outputs, spans, strict=True))
            if rule.doubtful(self.look(output, end - start))
        ]
        if not doubtful:
            meter.phase_done(share)
            return outputs
        self.steps_again += len(doubtful)
        again = self._generate(encoded, doubtful, rule.beam_size, meter, share)
        outputs = list(outputs)
        for i, output in zip(doubtful, again, strict=True):
            outputs[i] = output
        return outputs

    def look(self, output: Any, seconds: float) -> StepLook:
        """What a decoded step says about itself (the second look's evidence)."""
        tokens = output.sequences_ids[0]
        text_tokens = [t for t in tokens if t < self._tokenizer.eot]
        return StepLook(
            avg_logprob=output.scores[0] * len(tokens) / (len(tokens) + 1),
            compression_ratio=compression_ratio(self._tokenizer.decode(text_tokens)),
            tokens=len(text_tokens),
            seconds=seconds,
            no_speech_prob=output.no_speech_prob,
        )

    def _read_output(
        self, output: Any, start: float, end: float
    ) -> tuple[list[dict[str, Any]] | None, float]:
        """One lane's decoded step as segment dicts (None: broken), and where the lane goes on."""
        tokens = output.sequences_ids[0]
        avg_logprob = output.scores[0] * len(tokens) / (len(tokens) + 1)
        if is_silence_hallucination(output.no_speech_prob, avg_logprob):
            return [], end  # silence: Whisper would invent text here
        text = self._tokenizer.decode([t for t in tokens if t < self._tokenizer.eot])
        if compression_ratio(text) > COMPRESSION_RATIO_LIMIT or avg_logprob < LOGPROB_LIMIT:
            return None, end
        segments, resume = split_at_timestamps(
            tokens, self._tokenizer.timestamp_begin, self._model.time_precision
        )
        seek = round(start * self._model.frames_per_second)
        found = [
            {
                "start": start + seg_start,
                "end": end if seg_end is None else start + seg_end,
                "tokens": seg_tokens,
                "seek": seek,
                "avg_logprob": avg_logprob,
                "no_speech_prob": output.no_speech_prob,
            }
            for seg_start, seg_end, seg_tokens in segments
        ]
        go_on = resume is not None and resume >= MIN_ADVANCE_SECONDS
        return found, start + resume if go_on and resume is not None else end

    def _encode(self, features: np.ndarray, meter: ProgressMeter) -> Any:
        """The encoder output of a batch, computed two steps at a time.

        CTranslate2's encoder is about 20 % slower per step in batches of four
        or more (measured on 2 cores), while the decoder gains from large batches.
        """
        count = features.shape[0]
        if count <= ENCODER_BATCH:
            encoded = self._model.encode(features)
            meter.phase_done(ENCODE_SHARE)
            return encoded
        from faster_whisper.transcribe import get_ctranslate2_storage

        parts = []
        for i in range(0, count, ENCODER_BATCH):
            parts.append(np.asarray(self._model.encode(features[i : i + ENCODER_BATCH])))
            meter.phase_done(ENCODE_SHARE * min(ENCODER_BATCH, count - i) / count)
        return get_ctranslate2_storage(np.concatenate(parts))

    def _add_words(self, decoded: list[list[dict[str, Any]]], encoded: Any,
                   sizes: list[int]) -> None:
        """Word timings for every segment of the batch, by cross-attention alignment."""
        keep = [i for i, found in enumerate(decoded) if found]
        if not keep:
            return
        if len(keep) < len(decoded):
            encoded = _rows(encoded, keep)
        hop = self._model.feature_extractor.hop_length
        self._model.add_word_timestamps(
            [decoded[i] for i in keep],
            self._tokenizer,
            encoded,
            [min(sizes[i] // hop, 3000) for i in keep],
            PUNCTUATION_BEFORE,
            PUNCTUATION_AFTER,
            0.0,
        )

    def _raw_segment(self, segment: dict[str, Any], step_end: float) -> RawSegment:
        text = self._tokenizer.decode(segment["tokens"])
        words = segment.get("words", ())
        return RawSegment(
            start=segment["start"],
            end=min(segment["end"], step_end),
            text=text,
            words=[(w["start"], w["end"], w["word"], w["probability"]) for w in words],
            avg_logprob=segment["avg_logprob"],
            no_speech_prob=segment["no_speech_prob"],
            compression_ratio=compression_ratio(text),
        )


def _rows(encoded: Any, rows: list[int]) -> Any:
    """Some rows of an encoder output (a CTranslate2 storage view)."""
    from faster_whisper.transcribe import get_ctranslate2_storage

    return get_ctranslate2_storage(np.ascontiguousarray(np.asarray(encoded)[rows]))


def _owned(segments: list[RawSegment], span: Window) -> Iterator[RawSegment]:
    """What a lane may report: at a hard cut, only the words on its own side."""
    if span.owned_from <= span.start and span.owned_until >= span.end:
        yield from segments
        return
    for segment in segments:
        words = span.owned_words(segment.start, segment.end, segment.words,
                                 lambda w: (w[0], w[1]))
        if words is None:
            continue
        if words and len(words) < len(segment.words):
            text = "".join(w[2] for w in words)
            segment = RawSegment(
                words[0][0], words[-1][1], text, words, segment.avg_logprob,
                segment.no_speech_prob, compression_ratio(text),
            )
        yield segment
