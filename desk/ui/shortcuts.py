"""Every keyboard shortcut of the app in one table: defaults, user overrides, the help sheet.

Keys 1–9 without a modifier are deliberately absent: they belong to the tagging
pane (live coding). Playback shortcuts are application-wide so that Ctrl+Space
plays and pauses even while the analyst is typing a correction.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from desk.ui.settings import Settings


@dataclass(frozen=True)
class ShortcutSpec:
    action: str  # stable id, also the settings key
    default: str  # portable text, e.g. "Ctrl+Space"
    group: str
    label: str  # English source text, translated at display time
    global_: bool = False  # works while a text field has focus


def _spec(action: str, default: str, group: object, label: object,
          global_: bool = False) -> ShortcutSpec:
    """`group` and `label` come from QT_TRANSLATE_NOOP (typed `object`, a str at run time)."""
    return ShortcutSpec(action, default, str(group), str(label), global_)


SHORTCUTS: list[ShortcutSpec] = [
    _spec("play_pause", "Ctrl+Space", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Play / pause"), True),
    _spec("back", "Ctrl+Left", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Back (skip length)"), True),
    _spec("forward", "Ctrl+Right", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Forward (skip length)"), True),
    _spec("faster", "Ctrl+Up", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Faster (+0.1×)"), True),
    _spec("slower", "Ctrl+Down", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Slower (−0.1×)"), True),
    _spec("normal_speed", "Ctrl+0", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Normal speed"), True),
    _spec("mute", "Ctrl+M", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Mute / unmute"), True),
    _spec("frame_back", ",", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Previous frame (when not typing)")),
    _spec("frame_forward", ".", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Next frame (when not typing)")),
    _spec("frame_back_any", "Ctrl+Alt+Left", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Previous frame"), True),
    _spec("frame_forward_any", "Ctrl+Alt+Right", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Next frame"), True),
    _spec("nudge_back", "Ctrl+Shift+Left", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Back 1 s")),
    _spec("nudge_forward", "Ctrl+Shift+Right", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Forward 1 s")),
    _spec("play_segment", "Ctrl+P", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Play this segment")),
    _spec("loop_selection", "Ctrl+R", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Loop the selection (again: stop)")),
    _spec("go_to_time", "Ctrl+G", QT_TRANSLATE_NOOP("shortcuts", "Playback"),
          QT_TRANSLATE_NOOP("shortcuts", "Go to a time…")),
    _spec("new_project", "Ctrl+N", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "New project from a recording…")),
    _spec("open_project", "Ctrl+O", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "Open project…")),
    _spec("import_file", "Ctrl+I", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "Import…")),
    _spec("export", "Ctrl+E", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "Export…")),
    _spec("merge_coding", "Ctrl+Shift+O", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "Merge coding from…")),
    _spec("close_project", "Ctrl+W", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "Close project")),
    _spec("quit", "Ctrl+Q", QT_TRANSLATE_NOOP("shortcuts", "File"),
          QT_TRANSLATE_NOOP("shortcuts", "Quit")),
    _spec("undo", "Ctrl+Z", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Undo")),
    _spec("redo", "Ctrl+Shift+Z", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Redo")),
    _spec("history", "Ctrl+Shift+H", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Edit history…")),
    _spec("find", "Ctrl+F", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Find in transcript")),
    _spec("find_next", "F3", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Find next")),
    _spec("find_previous", "Shift+F3", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Find previous")),
    _spec("settings", "Ctrl+,", QT_TRANSLATE_NOOP("shortcuts", "Edit"),
          QT_TRANSLATE_NOOP("shortcuts", "Settings…")),
    _spec("edit_segment", "F2", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Edit the segment's text")),
    _spec("split_segment", "Ctrl+Shift+S", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Split the segment at the cursor")),
    _spec("merge_segment", "Ctrl+Shift+M", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Merge with the next segment")),
    _spec("segment_times", "Ctrl+Shift+T", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Adjust the segment's times…")),
    _spec("assign_speaker", "Ctrl+Shift+K", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Assign a speaker…")),
    _spec("rename_speaker", "Ctrl+Shift+R", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Rename a speaker…")),
    _spec("copy_with_time", "Ctrl+Shift+C", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Copy the selection with timestamps")),
    _spec("follow_playback", "Ctrl+L", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Follow playback")),
    _spec("go_to_playhead", "Ctrl+J", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Jump to the segment playing")),
    _spec("transcribe", "Ctrl+T", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Transcribe…")),
    _spec("versions", "Ctrl+Shift+V", QT_TRANSLATE_NOOP("shortcuts", "Transcript"),
          QT_TRANSLATE_NOOP("shortcuts", "Versions…")),
    _spec("shortcuts_sheet", "F1", QT_TRANSLATE_NOOP("shortcuts", "Help"),
          QT_TRANSLATE_NOOP("shortcuts", "Keyboard shortcuts")),
]
BY_ACTION = {s.action: s for s in SHORTCUTS}

# Keys that are not rebindable (they belong to one pane or to the mouse), listed in the sheet.
FIXED_KEYS: list[tuple[str, object]] = [  # (keys, QT_TRANSLATE_NOOP text)
    ("1–9", QT_TRANSLATE_NOOP("shortcuts", "Code the selection with the tag of that key; while "
                                           "playing, press to open a range and again to close it")),
    ("Esc", QT_TRANSLATE_NOOP("shortcuts", "Cancel live coding; close the find bar; cancel an "
                                           "edit")),
    ("Shift+←/→", QT_TRANSLATE_NOOP("shortcuts", "Transcript: select word by word")),
    ("Shift+Click", QT_TRANSLATE_NOOP("shortcuts", "Transcript: select the words up to here")),
    ("Enter", QT_TRANSLATE_NOOP("shortcuts", "Save the text being edited")),
    ("Del", QT_TRANSLATE_NOOP("shortcuts", "Annotations: delete the selected ones")),
    ("Alt+←/→", QT_TRANSLATE_NOOP("shortcuts", "Annotations: nudge the start by 0.1 s")),
    ("Alt+Shift+←/→", QT_TRANSLATE_NOOP("shortcuts", "Annotations: nudge the end by 0.1 s")),
    ("F2", QT_TRANSLATE_NOOP("shortcuts", "Annotations, codebook: edit the cell (also a "
                                          "double-click on Note or End)")),
    ("Ctrl+Wheel", QT_TRANSLATE_NOOP("shortcuts", "Timeline: zoom around the mouse")),
    ("Wheel", QT_TRANSLATE_NOOP("shortcuts", "Timeline: scroll")),
    ("Menu", QT_TRANSLATE_NOOP("shortcuts", "Context menu (as a right-click)")),
]


def label(spec: ShortcutSpec) -> str:
    return QCoreApplication.translate("shortcuts", spec.label)


def group_label(group: str) -> str:
    return QCoreApplication.translate("shortcuts", group)


def keys_for(action: str, settings: Settings) -> QKeySequence:
    """The user's override if any (empty = unbound), else the default."""
    override = settings.shortcut(action)
    text = BY_ACTION[action].default if override is None else override
    return QKeySequence(text, QKeySequence.SequenceFormat.PortableText)


def clashes(bindings: Iterable[str]) -> list[str]:
    """The key texts bound more than once (empty = unbound, never a clash), in order."""
    seen: set[str] = set()
    twice: list[str] = []
    for keys in bindings:
        if keys and keys in seen and keys not in twice:
            twice.append(keys)
        seen.add(keys)
    return twice


def bind(action: QAction, name: str, settings: Settings) -> QAction:
    """Give a QAction its configured shortcut and the right scope."""
    spec = BY_ACTION[name]
    action.setShortcut(keys_for(name, settings))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut if spec.global_
                              else Qt.ShortcutContext.WindowShortcut)
    action.setObjectName(f"action_{name}")
    return action


def sheet_html(settings: Settings) -> str:
    """The Help → Keyboard shortcuts sheet, grouped, with the user's current keys."""
    native = QKeySequence.SequenceFormat.NativeText
    parts = []
    group = None
    for spec in SHORTCUTS:
        if spec.group != group:
            if group is not None:
                parts.append("</table>")
            group = spec.group
            parts.append(f"<h3>{html.escape(group_label(group))}</h3><table cellpadding='3'>")
        keys = keys_for(spec.action, settings).toString(native) or "—"
        parts.append(f"<tr><td><b>{html.escape(keys)}</b></td>"
                     f"<td>{html.escape(label(spec))}</td></tr>")
    parts.append("</table>")
    translate = QCoreApplication.translate
    parts.append(f"<h3>{html.escape(translate('shortcuts', 'Fixed keys and the mouse'))}</h3>"
                 "<table cellpadding='3'>")
    for keys, text in FIXED_KEYS:
        parts.append(f"<tr><td><b>{html.escape(keys)}</b></td>"
                     f"<td>{html.escape(translate('shortcuts', str(text)))}</td></tr>")
    parts.append("</table>")
    return "".join(parts)
