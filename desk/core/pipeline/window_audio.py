"""The windows' audio, read one window ahead while Whisper works on the current one.

ffmpeg decodes a 15-minute window in a second or two, in its own process;
started early, that time overlaps the model's work instead of adding to it,
and the first window is read while the model loads (a resumed job decodes
sooner). At most two windows are held: the one being transcribed and the next.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import numpy as np

from desk.core.pipeline.audio_windows import Window
from desk.core.pipeline.decode import read_audio


class WindowAudio:
    """Iterate (window, audio); the first read starts when this is made. A context manager."""

    def __init__(self, media_path: Path, windows: Sequence[Window]) -> None:
        self._path = media_path
        self._windows = list(windows)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="window-audio")
        self._next = self._read(0)

    def _read(self, index: int) -> Future[np.ndarray] | None:
        if index >= len(self._windows):
            return None
        window = self._windows[index]
        return self._pool.submit(read_audio, self._path, window.start, window.end)

    def __enter__(self) -> WindowAudio:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[tuple[Window, np.ndarray]]:
        for index, window in enumerate(self._windows):
            pending = self._next
            assert pending is not None
            audio = pending.result()
            self._next = self._read(index + 1)
            yield window, audio

    def close(self) -> None:
        """Stop reading ahead (a read under way finishes; its audio is dropped)."""
        if self._next is not None:
            self._next.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
