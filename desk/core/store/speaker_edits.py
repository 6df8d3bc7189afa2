"""The analyst's speaker edits: name, assign, merge, split off, colour, check a voice match.

Each call is one transaction and one step in the history, so Ctrl+Z in the
window and `desk undo` take it back whole. Every segment the analyst gives a
speaker is marked `speaker_source='manual'`: diarization run again leaves it
alone unless told to replace hand-made edits.
"""

from __future__ import annotations

import re
import sqlite3

from desk.core.errors import InputError
from desk.core.records import Segment, Speaker, Word
from desk.core.store.database import Database, inserted_id, utc_now
from desk.core.store.history import ActionRecorder, History
from desk.core.store.speakers import (
    SpeakerStore,
    free_auto_name,
    insert_speaker,
    speaker_id_for,
)
from desk.core.store.transcripts import TranscriptStore, insert_words

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class SpeakerEditor:
    def __init__(self, database: Database, history: History, speakers: SpeakerStore,
                 transcripts: TranscriptStore) -> None:
        self._db = database
        self._history = history
        self._speakers = speakers
        self._transcripts = transcripts

    def add(self, name: str | None = None, annotator: str = "") -> Speaker:
        """A new speaker ("Speaker N" when no name is given), to assign segments to."""
        name = _clean(name) if name is not None else None
        with self._history.action(f"new speaker {name or ''}".strip(), annotator) as act:
            speaker_id = insert_speaker(self._db.conn, name)
            act.record("speaker", speaker_id, None)
        return self._speakers.get(speaker_id)

    def rename(self, which: int | str, name: str, annotator: str = "") -> Speaker:
        """Name a speaker everywhere at once; the name is the analyst's from now on."""
        speaker = self._speakers.get(which)
        name = _clean(name)
        if name == speaker.name:
            return speaker
        clash = self._db.conn.execute(
            "SELECT 1 FROM speakers WHERE name=? AND id<>?", (name, speaker.id)).fetchone()
        if clash:
            raise InputError(f"there is already a speaker named '{name}'; merge the two instead")
        with self._history.action(f"rename speaker {speaker.name} → {name}", annotator) as act:
            self._update_speaker(act, speaker, "name=?, origin='manual'", (name,))
        return self._speakers.get(speaker.id or 0)

    def rename_or_merge(self, old: str, new: str, annotator: str = "") -> Speaker:
        """Rename; a name another speaker already has merges the two (one step)."""
        new = _clean(new)
        source = self._speakers.get(old)
        if source.name != new and self._exists(new):
            return self.merge(source.name, new, annotator)
        return self.rename(source.name, new, annotator)

    def merge(self, source: int | str, target: int | str, annotator: str = "") -> Speaker:
        """Give every segment of `source` to `target` and remove `source` (one step)."""
        gone, kept = self._speakers.get(source), self._speakers.get(target)
        if gone.id == kept.id:
            raise InputError(f"'{gone.name}' cannot be merged with itself")
        ids = [int(r["id"]) for r in self._db.query(
            "SELECT id FROM segments WHERE speaker_id=? ORDER BY id", (gone.id,))]
        with self._history.action(f"merge speaker {gone.name} into {kept.name}",
                                  annotator) as act:
            self._set_segments(act, ids, kept.id)
            before = act.before("speaker", gone.id)
            self._db.conn.execute("DELETE FROM speakers WHERE id=?", (gone.id,))
            act.record("speaker", gone.id, before)
        return self._speakers.get(kept.id or 0)

    def assign(self, segment_ids: list[int], name: str | None, annotator: str = "") -> None:
        """Give whole segments a speaker (made on first use); None clears it."""
        name = name.strip() if name else None
        with self._history.action(f"speaker {name or '(none)'}", annotator) as act:
            speaker_id = self._target(act, name) if name else None
            for segment_id in segment_ids:
                if self._db.conn.execute("SELECT 1 FROM segments WHERE id=?",
                                         (segment_id,)).fetchone() is None:
                    raise InputError(f"no segment with id {segment_id}")
            self._set_segments(act, segment_ids, speaker_id)

    def reassign_span(self, start: float, end: float, name: str,
                      from_speaker: str | None = None, annotator: str = "") -> int:
        """Split off what is said in [start, end] (of one speaker, if given) to `name`.

        Words belong to the span when their middle lies inside it; a segment
        partly inside is split at word boundaries, so only those words change
        speaker. Returns how many segments now carry `name` in the span.
        """
        if end <= start:
            raise InputError(f"the span must end after it starts ({start:.3f}–{end:.3f} s)")
        source = self._speakers.get(from_speaker) if from_speaker else None
        segments = [s for s in self._transcripts.segments(start=start, end=end)
                    if source is None or s.speaker == source.name]
        with self._history.action(f"split off {name} {start:.2f}–{end:.2f}", annotator) as act:
            speaker_id = self._target(act, _clean(name))
            moved = []
            for segment in segments:
                inside = _inside(segment, start, end)
                if inside is not None:
                    moved.append(self._split_off(act, segment, *inside))
            self._set_segments(act, moved, speaker_id)
        return len(moved)

    def set_colour(self, which: int | str, colour: str, annotator: str = "") -> Speaker:
        if not _COLOUR.match(colour):
            raise InputError(f"a colour is written #RRGGBB, not {colour!r}")
        speaker = self._speakers.get(which)
        with self._history.action(f"colour of {speaker.name}", annotator) as act:
            self._update_speaker(act, speaker, "colour=?", (colour.upper(),))
        return self._speakers.get(speaker.id or 0)

    def confirm_match(self, which: int | str, annotator: str = "") -> Speaker:
        """The analyst agrees the voice profile named this speaker rightly."""
        speaker = self._matched(which)
        with self._history.action(f"confirm voice match {speaker.name}", annotator) as act:
            self._update_speaker(act, speaker, "match_status='confirmed', origin='manual'", ())
        return self._speakers.get(speaker.id or 0)

    def reject_match(self, which: int | str, annotator: str = "") -> Speaker:
        """Not that person: the speaker goes back to "Speaker N" unless renamed since."""
        speaker = self._matched(which)
        name = speaker.name
        if speaker.matched_profile == speaker.name:
            name = free_auto_name(self._db.conn, speaker.position or 1)
        with self._history.action(f"reject voice match {speaker.name}", annotator) as act:
            self._update_speaker(act, speaker, "match_status='rejected', name=?", (name,))
        return self._speakers.get(speaker.id or 0)

    # -- inside one action -------------------------------------------------------
    def _update_speaker(self, act: ActionRecorder, speaker: Speaker, assignments: str,
                        values: tuple[object, ...]) -> None:
        before = act.before("speaker", speaker.id)
        self._db.conn.execute(f"UPDATE speakers SET {assignments} WHERE id=?",
                              (*values, speaker.id))
        act.record("speaker", speaker.id, before)

    def _target(self, act: ActionRecorder, name: str) -> int:
        speaker_id, made = speaker_id_for(self._db.conn, name)
        if made:
            act.record("speaker", speaker_id, None)
        return speaker_id

    def _set_segments(self, act: ActionRecorder, segment_ids: list[int],
                      speaker_id: int | None) -> None:
        """Segments' speaker, marked as the analyst's; the history keeps rows, not words."""
        now = utc_now()
        for segment_id in segment_ids:
            before = act.before("segment_speaker", segment_id)
            self._db.conn.execute(
                "UPDATE segments SET speaker_id=?, speaker_source='manual', updated_at=? "
                "WHERE id=?", (speaker_id, now, segment_id))
            act.record("segment_speaker", segment_id, before)

    def _split_off(self, act: ActionRecorder, segment: Segment, first: int, last: int) -> int:
        """Cut the words first..last out of a segment into their own; return its id.

        The segment keeps its first piece; the others become new segments of
        the same transcript and speaker, the last one ending where it ended.
        """
        words = segment.words
        if not words or (first == 0 and last == len(words) - 1):
            return segment.id or 0
        pieces = [p for p in (words[:first], words[first:last + 1], words[last + 1:]) if p]
        before = act.before("segment", segment.id)
        end = segment.end if len(pieces) == 1 else pieces[0][-1].end
        self._db.conn.execute(
            'UPDATE segments SET text=?, "end"=?, edited=1, updated_at=? WHERE id=?',
            (words_text(pieces[0]), end, utc_now(), segment.id))
        self._db.conn.execute("DELETE FROM words WHERE segment_id=?", (segment.id,))
        insert_words(self._db.conn, segment.id or 0, pieces[0])
        act.record("segment", segment.id, before)
        made = [segment.id or 0]
        for k, piece in enumerate(pieces[1:], start=1):
            end = segment.end if k == len(pieces) - 1 else piece[-1].end
            made.append(copy_segment(self._db.conn, segment.id or 0, piece, end))
            act.record("segment", made[-1], None)
        return made[1 if first > 0 else 0]

    def _matched(self, which: int | str) -> Speaker:
        speaker = self._speakers.get(which)
        if not speaker.matched_profile:
            raise InputError(f"'{speaker.name}' was not matched to a voice profile")
        return speaker

    def _exists(self, name: str) -> bool:
        return self._db.conn.execute(
            "SELECT 1 FROM speakers WHERE name=?", (name,)).fetchone() is not None


def copy_segment(conn: sqlite3.Connection, segment_id: int, words: list[Word], end: float,
                 edited: bool = True) -> int:
    """A new segment of the same transcript and speaker holding `words` (a cut-off piece).

    Runs inside the caller's action, which records the new row.
    """
    now = utc_now()
    cursor = conn.execute(
        'INSERT INTO segments(transcript_id, start, "end", text, speaker_id, avg_logprob, '
        "no_speech_prob, compression_ratio, edited, created_at, updated_at, "
        "speaker_source, speaker_confidence, overlap) "
        'SELECT transcript_id, ?, ?, ?, speaker_id, avg_logprob, no_speech_prob, '
        "compression_ratio, CASE WHEN ? THEN 1 ELSE edited END, ?, ?, speaker_source, "
        "speaker_confidence, overlap FROM segments WHERE id=?",
        (words[0].start, end, words_text(words), int(edited), now, now, segment_id))
    new_id = inserted_id(cursor)
    insert_words(conn, new_id, words)
    return new_id


def _inside(segment: Segment, start: float, end: float) -> tuple[int, int] | None:
    """The first and last word index whose middle is in [start, end]; None: no word.

    A segment without word timings counts by its own middle.
    """
    if not segment.words:
        middle = (segment.start + segment.end) / 2
        return (0, 0) if start <= middle <= end else None
    hits = [i for i, w in enumerate(segment.words) if start <= (w.start + w.end) / 2 <= end]
    return (hits[0], hits[-1]) if hits else None


def words_text(words: list[Word]) -> str:
    return " ".join(w.text.strip() for w in words if w.text.strip())


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InputError("a speaker needs a name")
    return name
