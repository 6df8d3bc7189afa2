"""Diarization on real speech: the sample's two voices, one voice alone, a real phone call."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from desk.core.errors import InputError
from desk.core.speakers import diarize as diarize_module
from desk.core.speakers.diarize import Diarization, diarize, embed_speech, parse_count
from desk.core.speakers.model import SpeakerEmbedder
from desk.core.speakers.regions import Region
from tests.conftest import sample_truth
from tests.core.speakers.conftest import PhoneCall, Talk


@pytest.fixture(scope="module")
def embedder() -> SpeakerEmbedder:
    return SpeakerEmbedder()


def turns(result: Diarization) -> list[list[int]]:
    return [[p.label for p in s.parts] for s in result.segments]


def test_the_samples_turns_match_its_ground_truth(sample_media: Path,
                                                  embedder: SpeakerEmbedder) -> None:
    segments = sample_truth()
    seen: list[float] = []
    result = diarize(sample_media, segments, progress=lambda d, t: seen.append(d / t),
                     embedder=embedder)
    assert result.speaker_count == 2 and not result.clustering.count_given
    labels = {"HOST": 0, "GUEST": 1}  # the host speaks first: Speaker 1
    assert turns(result) == [[labels[s.speaker or ""]] for s in segments]
    assert result.uncertain() == []
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_one_real_voice_is_one_speaker(phone_call: PhoneCall,
                                       embedder: SpeakerEmbedder) -> None:
    """One side of the phone call alone. (One *espeak* voice reading different sentences
    splits in two: for synthetic speech CAM++ hears the sentence more than the voice.)"""
    diane = [s for s, line in zip(phone_call.segments(), phone_call.lines, strict=True)
             if line[2] == "Diane"]
    result = diarize(phone_call.wav, diane, embedder=embedder)
    assert result.speaker_count == 1
    assert all(p.confidence == 1.0 for s in result.segments for p in s.parts)


def test_turns_of_two_voices_and_a_given_count(talks: dict[str, Talk],
                                                embedder: SpeakerEmbedder) -> None:
    talk = talks["second"]
    result = diarize(talk.path, talk.segments(), embedder=embedder)
    assert turns(result) == [[i % 2] for i in range(len(talk.truth))]
    given = diarize(talk.path, talk.segments(), speakers=3, embedder=embedder)
    assert given.speaker_count == 3 and given.clustering.count_given


def test_the_phone_call_within_15_percent_der(phone_call: PhoneCall,
                                               embedder: SpeakerEmbedder) -> None:
    from pyannote.core import Annotation
    from pyannote.core import Segment as Span
    from pyannote.metrics.diarization import DiarizationErrorRate

    result = diarize(phone_call.wav, phone_call.segments(), embedder=embedder)
    assert result.speaker_count == 2
    reference, hypothesis = Annotation(), Annotation()
    for start, end, who in phone_call.turns:
        reference[Span(start, end)] = who
    for s in result.segments:
        for p in s.parts:
            hypothesis[Span(s.segment.words[p.first].start,
                            s.segment.words[p.last].end)] = p.label
    der = DiarizationErrorRate(collar=0.25, skip_overlap=False)(reference, hypothesis)
    assert der <= 0.15


def test_a_segment_without_words_is_scored_whole(talks: dict[str, Talk],
                                                 embedder: SpeakerEmbedder) -> None:
    talk = talks["second"]
    segments = talk.segments()
    segments[1].words = []
    result = diarize(talk.path, segments, embedder=embedder)
    assert [p.label for p in result.segments[1].parts] == [1]


def test_two_lanes_give_exactly_the_voice_prints_of_one(phone_call: PhoneCall,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """Batches run in parallel threads, each with its own regions' context stretches: a
    lane must never see another's (the CAM layers are shared), nor put prints out of order."""
    monkeypatch.setattr(diarize_module, "POOL_FRAMES", 400)  # many small batches in flight
    speech = [Region(s, e) for s, e, _, _ in phone_call.lines]
    ran_in: set[str] = set()
    two = SpeakerEmbedder(2)
    embed_regions = two.embed_regions

    def spy(*args: object) -> list[np.ndarray]:
        ran_in.add(threading.current_thread().name)
        return embed_regions(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(two, "embed_regions", spy)
    spans, parallel = embed_speech(phone_call.wav, speech, two)
    one_spans, alone = embed_speech(phone_call.wav, speech, SpeakerEmbedder(1))
    assert spans == one_spans and len(spans) > 20
    assert np.allclose(parallel, alone, atol=1e-5)
    assert ran_in and all(name.startswith("desk-cam") for name in ran_in)


def test_a_cancel_during_the_voice_prints_leaves_no_lane_running(
        phone_call: PhoneCall, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diarize_module, "POOL_FRAMES", 400)

    class Cancelled(Exception):
        pass

    def cancel(done: float, total: float) -> None:
        raise Cancelled

    speech = [Region(s, e) for s, e, _, _ in phone_call.lines]
    with pytest.raises(Cancelled):
        embed_speech(phone_call.wav, speech, SpeakerEmbedder(2), cancel)
    assert not [t for t in threading.enumerate() if t.name.startswith("desk-cam")]


def test_the_count_is_auto_or_a_number() -> None:
    assert parse_count(None) is None and parse_count("auto") is None
    assert parse_count("3") == 3 and parse_count(2) == 2
    for bad in ("two", "0", "-1"):
        with pytest.raises(InputError):
            parse_count(bad)
