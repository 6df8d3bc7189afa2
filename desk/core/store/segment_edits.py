"""The analyst's corrections to a transcript, each one undoable step.

Editing text keeps the word timings of unchanged words (difflib alignment) and
spreads new words over the gap they fill, so highlighting and word-level
coding keep working after a correction.
"""

from __future__ import annotations

import difflib
import re

from desk.core.errors import InputError
from desk.core.records import Segment, Word
from desk.core.store.database import Database, inserted_id, utc_now
from desk.core.store.history import History
from desk.core.store.speaker_edits import SpeakerEditor
from desk.core.store.transcripts import TranscriptStore, insert_words
from desk.core.timecode import seconds_text

# Punctuation that belongs to the word before it: never the start of a line, no space before.
_TRAILING = re.compile(r"^\s*([,.;:!?…%)\]}»”]+)")


def split_text(text: str, offset: int) -> tuple[str, str]:
    """The two halves of a split: a comma or full stop after the cut stays with the word
    before it, and each half has clean spacing ("start," | "the servers")."""
    left, right = text[:offset], text[offset:]
    attached = _TRAILING.match(right)
    if attached:
        left, right = left.rstrip() + attached.group(1), right[attached.end():]
    return " ".join(left.split()), " ".join(right.split())


def join_text(first: str, second: str) -> str:
    """Two lines merged: one space between them, none before punctuation ("start, the")."""
    first, second = " ".join(first.split()), " ".join(second.split())
    if not first or not second:
        return first or second
    return first + second if _TRAILING.match(second) else f"{first} {second}"


class SegmentEditor:
    def __init__(self, database: Database, history: History,
                 transcripts: TranscriptStore, speakers: SpeakerEditor) -> None:
        self._db = database
        self._history = history
        self._transcripts = transcripts
        self._speakers = speakers

    def set_text(self, segment_id: int, text: str, annotator: str = "") -> Segment:
        segment = self._transcripts.segment(segment_id)
        text = " ".join(text.split())
        if not text:
            raise InputError("a segment cannot be empty; merge or delete it instead")
        if text == segment.text:
            return segment
        words = realign_words(segment.words, text, segment.start, segment.end)
        with self._history.action(f"edit segment {segment_id}", annotator) as act:
            before = act.before("segment", segment_id)
            self._db.conn.execute(
                "UPDATE segments SET text=?, edited=1, updated_at=? WHERE id=?",
                (text, utc_now(), segment_id),
            )
            self._replace_words(segment_id, words)
            act.record("segment", segment_id, before)
        return self._transcripts.segment(segment_id)

    def set_times(self, segment_id: int, start: float, end: float,
                  annotator: str = "") -> Segment:
        segment = self._transcripts.segment(segment_id)
        start, end = round(start, 3), round(end, 3)
        if start < 0 or end <= start:
            raise InputError(f"a segment must end after it starts ({seconds_text(start)} to "
                             f"{seconds_text(end)})")
        words = [Word(max(start, min(w.start, end)), max(start, min(w.end, end)), w.text,
                      w.probability) for w in segment.words]
        with self._history.action(f"retime segment {segment_id}", annotator) as act:
            before = act.before("segment", segment_id)
            self._db.conn.execute(
                'UPDATE segments SET start=?, "end"=?, edited=1, updated_at=? WHERE id=?',
                (start, end, utc_now(), segment_id),
            )
            self._replace_words(segment_id, words)
            act.record("segment", segment_id, before)
        return self._transcripts.segment(segment_id)

    def split(self, segment_id: int, char_offset: int, annotator: str = "") -> tuple[int, int]:
        """Split at a character offset of the text; words go to the side they start on."""
        segment = self._transcripts.segment(segment_id)
        left_text, right_text = split_text(segment.text, char_offset)
        if not left_text or not right_text:
            raise InputError("split inside the text, not at its start or end")
        left_count = len(left_text.split())
        left_words, right_words = segment.words[:left_count], segment.words[left_count:]
        if right_words:
            cut = right_words[0].start
        else:
            cut = segment.start + (segment.end - segment.start) * len(left_text) / len(
                segment.text
            )
        cut = min(max(cut, segment.start + 0.001), segment.end - 0.001)
        now = utc_now()
        with self._history.action(f"split segment {segment_id}", annotator) as act:
            before = act.before("segment", segment_id)
            self._db.conn.execute(
                'UPDATE segments SET text=?, "end"=?, edited=1, updated_at=? WHERE id=?',
                (left_text, round(cut, 3), now, segment_id),
            )
            self._replace_words(segment_id, realign_words(left_words, left_text,
                                                          segment.start, cut))
            cursor = self._db.conn.execute(
                'INSERT INTO segments(transcript_id, start, "end", text, speaker_id, avg_logprob, '
                "no_speech_prob, compression_ratio, edited, created_at, updated_at, "
                "speaker_source, speaker_confidence, overlap) "
                "SELECT transcript_id, ?, \"end\", ?, speaker_id, avg_logprob, no_speech_prob, "
                "compression_ratio, 1, ?, ?, speaker_source, speaker_confidence, overlap "
                "FROM segments WHERE id=?",
                (round(cut, 3), right_text, now, now, segment_id),
            )
            new_id = inserted_id(cursor)
            self._db.conn.execute('UPDATE segments SET "end"=? WHERE id=?',
                                  (segment.end, new_id))
            insert_words(self._db.conn, new_id,
                         realign_words(right_words, right_text, cut, segment.end))
            act.record("segment", segment_id, before)
            act.record("segment", new_id, None)
        return segment_id, new_id

    def merge_with_next(self, segment_id: int, annotator: str = "") -> Segment:
        segment = self._transcripts.segment(segment_id)
        following = self._db.query(
            "SELECT id FROM segments WHERE transcript_id=? "
            "AND (start > ? OR (start = ? AND id > ?))"
            " ORDER BY start, id LIMIT 1",
            (segment.transcript_id, segment.start, segment.start, segment_id),
        )
        if not following:
            raise InputError("this is the last segment; there is nothing to merge it with")
        other = self._transcripts.segment(following[0]["id"])
        with self._history.action(f"merge segments {segment_id}+{other.id}", annotator) as act:
            before = act.before("segment", segment_id)
            before_other = act.before("segment", other.id)
            self._db.conn.execute(
                'UPDATE segments SET text=?, "end"=?, edited=1, updated_at=? WHERE id=?',
                (join_text(segment.text, other.text), max(segment.end, other.end),
                 utc_now(), segment_id),
            )
            self._replace_words(segment_id, segment.words + other.words)
            self._db.conn.execute("DELETE FROM segments WHERE id=?", (other.id,))
            act.record("segment", segment_id, before)
            act.record("segment", other.id, before_other)
        return self._transcripts.segment(segment_id)

    def set_speaker(self, segment_ids: list[int], name: str | None,
                    annotator: str = "") -> None:
        """Assign a speaker (created on first use) to segments; None clears it."""
        self._speakers.assign(segment_ids, name, annotator)

    def rename_speaker(self, old: str, new: str, annotator: str = "") -> None:
        """Rename a speaker everywhere (Speaker 1 → Elon Musk); merges into an existing name."""
        self._speakers.rename_or_merge(old, new, annotator)

    def speakers(self) -> list[str]:
        return [r["name"] for r in self._db.query("SELECT name FROM speakers ORDER BY name")]

    def _replace_words(self, segment_id: int, words: list[Word]) -> None:
        self._db.conn.execute("DELETE FROM words WHERE segment_id=?", (segment_id,))
        insert_words(self._db.conn, segment_id, words)


def realign_words(old: list[Word], text: str, start: float, end: float) -> list[Word]:
    """Words for `text`: timings of unchanged words kept, new words spread over their gap."""
    tokens = text.split()
    if not tokens:
        return []
    if not old:
        return _spread(tokens, start, end, None)
    matcher = difflib.SequenceMatcher(
        a=[_norm(w.text) for w in old], b=[_norm(t) for t in tokens], autojunk=False
    )
    result: list[Word | None] = [None] * len(tokens)
    for a0, b0, size in matcher.get_matching_blocks():
        for k in range(size):
            w = old[a0 + k]
            result[b0 + k] = Word(w.start, w.end, tokens[b0 + k], w.probability)
    i = 0
    while i < len(tokens):
        if result[i] is not None:
            i += 1
            continue
        j = i
        while j < len(tokens) and result[j] is None:
            j += 1
        before = result[i - 1] if i > 0 else None
        after = result[j] if j < len(tokens) else None
        gap_start = before.end if before else start
        gap_end = after.start if after else end
        if gap_end < gap_start:
            gap_end = gap_start
        for k, word in enumerate(_spread(tokens[i:j], gap_start, gap_end, None)):
            result[i + k] = word
        i = j
    return [w for w in result if w is not None]


def _spread(tokens: list[str], start: float, end: float, probability: float | None) -> list[Word]:
    step = (end - start) / len(tokens) if tokens else 0.0
    return [Word(start + k * step, start + (k + 1) * step, t, probability)
            for k, t in enumerate(tokens)]


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
