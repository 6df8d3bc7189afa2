"""Reopening a project puts the analyst back where they stopped: playhead, speed, zoom.

The view is kept in the project file (desk.core.store.project_settings), not in
this computer's preferences, so it travels with the file; it is written once,
when the project closes, and never for a read-only file.
"""

from __future__ import annotations

from desk.core.store import Project
from desk.core.store.project_settings import ViewState
from desk.ui.player import Player
from desk.ui.project_handle import ProjectHandle
from desk.ui.tagging.timeline import TimelineCanvas


class ViewMemory:
    def __init__(self, projects: ProjectHandle, player: Player, canvas: TimelineCanvas) -> None:
        """Make it after the parts that load the project, so it restores over their defaults."""
        self.player = player
        self.canvas = canvas
        projects.opened.connect(self.restore)
        projects.closing.connect(self.keep)

    def current(self) -> ViewState:
        window = self.canvas.window_
        zoomed = not window.is_fully_zoomed_out()
        return ViewState(position=self.player.position(), rate=self.player.rate(),
                         view_start=window.start if zoomed else 0.0,
                         seconds_per_pixel=window.seconds_per_pixel if zoomed else 0.0)

    def restore(self, project: Project) -> None:
        state = project.settings.view_state()
        self.player.set_rate(state.rate)
        if state.position > 0:
            self.player.seek(state.position)
        window = self.canvas.window_
        if state.seconds_per_pixel > 0:
            window.set_view(state.view_start, state.seconds_per_pixel)
        else:
            window.fit()
        self.canvas.invalidate()
        self.canvas.view_changed.emit()

    def keep(self, project: Project) -> None:
        if project.writable:
            project.settings.set_view_state(self.current())
