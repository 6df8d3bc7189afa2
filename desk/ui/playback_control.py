"""Moving through the recording precisely: frame steps, 1 s nudges, a segment, a loop.

The keys live in the shortcut table (desk/ui/shortcuts.py); this is what they
do. "Play this segment" plays the transcript line under the cursor (or the one
playing) and stops at its end; "Loop the selection" repeats the selected words,
lines or annotation until pressed again or paused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desk.ui.player import Player
from desk.ui.tagging.coding_controller import CodingController
from desk.ui.transcript_view import TranscriptView

NUDGE = 1.0  # seconds

translate = QCoreApplication.translate


class PlaybackControl:
    def __init__(self, player: Player, transcript: TranscriptView, coding: CodingController,
                 status: Callable[[str], None]) -> None:
        self.player = player
        self.transcript = transcript
        self.coding = coding
        self.status = status

    def step_frames(self, frames: int) -> None:
        self.player.step_frames(frames)

    def nudge(self, direction: int) -> None:
        self.player.skip(direction * NUDGE)

    def segment_span(self) -> tuple[float, float] | None:
        """The transcript line with the cursor, else the one at the playhead."""
        model = self.transcript.transcript_model
        row = self.transcript.currentIndex().row()
        if row < 0:
            rows = self.transcript.selected_rows()
            row = rows[0] if rows else model.row_at_time(self.player.position())
        if not 0 <= row < model.rowCount():
            return None
        segment = model.row(row)
        return segment.start, segment.end

    def selection_span(self) -> tuple[float, float] | None:
        """The selected words or lines, else the selected annotations."""
        span = self.transcript.selected_time_range()
        if span is not None:
            return span
        chosen = [a for a in self.coding.annotations if a.id in set(self.coding.selected)]
        if not chosen:
            return None
        return min(a.start for a in chosen), max(a.end for a in chosen)

    def play_segment(self) -> None:
        span = self.segment_span()
        if span is None:
            self.status(translate("playback", "No transcript line to play."))
            return
        self.player.play_range(*span)

    def toggle_loop(self) -> None:
        playing = self.player.playing_range()
        if playing is not None and playing[2]:
            self.player.pause()
            return
        span = self.selection_span()
        if span is None:
            self.status(translate("playback", "Select words, lines or an annotation to loop."))
            return
        self.player.play_range(*span, loop=True)
