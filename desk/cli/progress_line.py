"""A job's progress on stderr: one line redrawn on a terminal, a line per 10 % in a log."""

from __future__ import annotations

import sys
import time

from desk.core.pipeline.job_messages import JobEvent
from desk.core.timecode import format_time


class ProgressLine:
    """A one-line progress bar on stderr (plain lines when stderr is not a terminal)."""

    def __init__(self, doing: str = "transcribing") -> None:
        self.doing = doing
        self.tty = sys.stderr.isatty()
        self.last_print = 0.0
        self.last_percent = -10
        self.scanning = False

    def __call__(self, event: JobEvent) -> None:
        if event.kind == "started":
            print(f"{self.doing}: {event.message}", file=sys.stderr)
            return
        if event.kind not in ("scanning", "progress", "segments") or not event.total:
            return
        if self.scanning != (event.kind == "scanning"):  # the scan is over: a new bar
            self.scanning = event.kind == "scanning"
            self.last_percent = -10
        percent = int(100 * event.done / event.total)
        eta = f" ETA {format_time(event.eta)}" if event.eta is not None else ""
        text = (f"{percent:3d}% {format_time(event.done)}/{format_time(event.total)}{eta}"
                + (f" {event.message}" if event.message else ""))
        if self.tty:
            now = time.monotonic()
            if now - self.last_print > 0.2:
                bar = "#" * (percent // 4) + "-" * (25 - percent // 4)
                sys.stderr.write(f"\r[{bar}] {text}\033[K")
                sys.stderr.flush()
                self.last_print = now
        elif percent >= self.last_percent + 10:
            print(text, file=sys.stderr)
            self.last_percent = percent

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\r\033[K")
