"""Which stretch of the recording the timeline shows, and how it zooms and scrolls.

Plain arithmetic (no Qt) so it can be tested exactly: a view starts at
`start` seconds and shows `seconds_per_pixel` seconds in each of `width`
pixels. Zooming keeps the time under the mouse where it is; the view never
scrolls outside the recording and never zooms out beyond the whole of it,
nor in beyond a millisecond per pixel (a word is then ~300 px wide).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_SECONDS_PER_PIXEL = 0.001


@dataclass
class TimeWindow:
    duration: float = 0.0
    width: int = 1
    start: float = 0.0
    seconds_per_pixel: float = 1.0

    @property
    def end(self) -> float:
        return self.start + self.width * self.seconds_per_pixel

    @property
    def visible_seconds(self) -> float:
        return self.width * self.seconds_per_pixel

    def max_seconds_per_pixel(self) -> float:
        return max(MIN_SECONDS_PER_PIXEL, self.duration / max(1, self.width))

    def x_of(self, seconds: float) -> float:
        return (seconds - self.start) / self.seconds_per_pixel

    def time_at(self, x: float) -> float:
        return self.start + x * self.seconds_per_pixel

    def is_fully_zoomed_out(self) -> bool:
        return self.seconds_per_pixel >= self.max_seconds_per_pixel() - 1e-12

    def set_duration(self, duration: float) -> None:
        whole = self.is_fully_zoomed_out() or self.duration <= 0
        self.duration = max(0.0, duration)
        if whole:
            self.fit()
        else:
            self._clamp()

    def resize(self, width: int) -> None:
        whole = self.is_fully_zoomed_out()
        self.width = max(1, int(width))
        if whole:
            self.fit()
        else:
            self._clamp()

    def fit(self) -> None:
        """Show the whole recording."""
        self.seconds_per_pixel = self.max_seconds_per_pixel()
        self.start = 0.0

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """factor > 1 zooms in; the time at `anchor_x` (default: the middle) stays put."""
        anchor_x = self.width / 2 if anchor_x is None else anchor_x
        anchor = self.time_at(anchor_x)
        self.seconds_per_pixel = min(
            self.max_seconds_per_pixel(),
            max(MIN_SECONDS_PER_PIXEL, self.seconds_per_pixel / factor),
        )
        self.start = anchor - anchor_x * self.seconds_per_pixel
        self._clamp()

    def show_range(self, start: float, end: float, margin: float = 0.1) -> None:
        """Zoom and scroll so that [start, end] fills the view with a margin."""
        span = max(end - start, MIN_SECONDS_PER_PIXEL * self.width / (1 + 2 * margin))
        self.seconds_per_pixel = min(self.max_seconds_per_pixel(),
                                     max(MIN_SECONDS_PER_PIXEL,
                                         span * (1 + 2 * margin) / self.width))
        self.start = start - margin * span
        self._clamp()

    def set_view(self, start: float, seconds_per_pixel: float) -> None:
        """A remembered view (reopening a project), kept inside the recording."""
        self.seconds_per_pixel = min(self.max_seconds_per_pixel(),
                                     max(MIN_SECONDS_PER_PIXEL, seconds_per_pixel))
        self.scroll_to(start)

    def scroll_to(self, start: float) -> None:
        self.start = start
        self._clamp()

    def scroll_by_pixels(self, pixels: float) -> None:
        self.scroll_to(self.start + pixels * self.seconds_per_pixel)

    def follow(self, seconds: float) -> bool:
        """Page forward (or back) when `seconds` leaves the view; True if it scrolled."""
        if self.start <= seconds <= self.end:
            return False
        self.scroll_to(seconds - 0.1 * self.visible_seconds)
        return True

    def _clamp(self) -> None:
        latest = max(0.0, self.duration - self.visible_seconds)
        self.start = min(max(0.0, self.start), latest)
