"""From speech regions to what CAM++ reads: 80-band log-mel frames, cut into short windows.

Each region's filterbank is computed once (kaldi-native-fbank, Kaldi's settings, no
dither, so the same audio always gives the same voice print); its 1.5 s windows at a
0.75 s hop are what gets a voice print each (model.embed_regions). A region shorter
than a window is one window, so a short "Yes." still gets a voice.
The recording is read in spans of a few minutes, never whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desk.core.pipeline.decode import SAMPLE_RATE, read_audio
from desk.core.speakers.model import FEATURE_BINS
from desk.core.speakers.regions import Region

FRAMES_PER_SECOND = 100  # Kaldi's 10 ms frame shift
WINDOW_SECONDS = 1.5
HOP_SECONDS = 0.75
MIN_REGION_SECONDS = 0.3  # shorter bursts carry too little voice to tell anyone by
READ_SPAN_SECONDS = 300.0


@dataclass(frozen=True)
class Window:
    start: float
    end: float


def fbank(samples: np.ndarray) -> np.ndarray:
    """(frames, 80) log-mel energies of 16 kHz float samples in [-1, 1]."""
    import kaldi_native_fbank as knf

    options = knf.FbankOptions()
    options.frame_opts.dither = 0.0
    options.frame_opts.samp_freq = SAMPLE_RATE
    options.mel_opts.num_bins = FEATURE_BINS
    bank = knf.OnlineFbank(options)
    # Kaldi expects 16-bit sample values; the scale only shifts the log energies,
    # which the per-window mean removes, but it keeps the energy floor where Kaldi has it.
    bank.accept_waveform(SAMPLE_RATE, (samples * 32768.0).astype(np.float32))
    bank.input_finished()
    count = bank.num_frames_ready
    if count == 0:
        return np.zeros((0, FEATURE_BINS), np.float32)
    return np.stack([bank.get_frame(i) for i in range(count)]).astype(np.float32)


def window_spans(count: int, window_seconds: float = WINDOW_SECONDS,
                 hop_seconds: float = HOP_SECONDS) -> list[tuple[int, int]]:
    """(first, end) frames of the windows of a region `count` frames long (shorter: itself)."""
    size = round(window_seconds * FRAMES_PER_SECOND)
    hop = max(1, round(hop_seconds * FRAMES_PER_SECOND))
    if count <= size:
        return [(0, count)]
    offsets = list(range(0, count - size + 1, hop))
    if offsets[-1] != count - size:
        offsets.append(count - size)  # the region's end gets a window of its own
    return [(offset, offset + size) for offset in offsets]


def window_of(start: float, span: tuple[int, int]) -> Window:
    """The time span of frames `span` of a region whose frames begin at `start` seconds."""
    return Window(start + span[0] / FRAMES_PER_SECOND, start + span[1] / FRAMES_PER_SECOND)


def too_short(frames: np.ndarray) -> bool:
    return len(frames) < MIN_REGION_SECONDS * FRAMES_PER_SECOND


def region_frames(media: Path, regions: list[Region]) -> Iterator[tuple[Region, np.ndarray]]:
    """Each region's filterbank frames, in time order, read a few minutes at a time."""
    for span_start, span_end, group in _spans(regions):
        audio = read_audio(media, span_start, span_end)
        for region in group:
            first = round((region.start - span_start) * SAMPLE_RATE)
            last = round((region.end - span_start) * SAMPLE_RATE)
            yield region, fbank(audio[max(0, first) : max(0, last)])


def _spans(regions: list[Region]) -> Iterator[tuple[float, float, list[Region]]]:
    group: list[Region] = []
    for region in regions:
        if group and region.end - group[0].start > READ_SPAN_SECONDS:
            yield group[0].start, group[-1].end, group
            group = []
        group.append(region)
    if group:
        yield group[0].start, group[-1].end, group
