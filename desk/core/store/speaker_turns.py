"""A diarization run applied to the current transcript: one transaction, one undo step.

The run (desk/core/speakers) says, word by word, which voice spoke and how
sure it is; nothing is written while it works, so a run killed half-way
leaves the project as it was. Here the words' labels become segment
speakers: a segment where the voice changes is cut at that word, each piece
keeps its speaker's confidence (the mean over its words), and voices a
profile recognised are named after it and marked "matched by voice (score)"
for the analyst to confirm or reject. Words are looked up by time, not by
index, so segments edited while the run worked are labelled all the same.
Segments whose speaker the analyst set by hand are left alone unless
`replace` is asked for. An unmatched voice keeps the speaker that had most of
its words (a "Speaker 1" the analyst renamed "Donald Trump" stays Trump; the
same number and colour), else takes a free automatic one; earlier automatic
speakers left without a segment go.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from desk.core.errors import InputError
from desk.core.records import Segment, Speaker, Word
from desk.core.store.database import Database, utc_now
from desk.core.store.history import ActionRecorder, History
from desk.core.store.speaker_edits import copy_segment, words_text
from desk.core.store.speakers import SpeakerStore, insert_speaker, speaker_from_row
from desk.core.store.transcripts import TranscriptStore, insert_words

Run = tuple[int, int, int, float]  # label, first word, last word, mean confidence


@dataclass(frozen=True)
class LabelledWord:
    """One word of the run: when, which voice (0-based, by first appearance), how sure."""

    start: float
    end: float
    label: int
    confidence: float


@dataclass(frozen=True)
class VoiceMatch:
    """A voice (label) a profile recognised: named after it until the analyst decides."""

    label: int
    profile: str
    score: float


@dataclass
class TurnSummary:
    speakers: list[str] = field(default_factory=list)  # the names given, by first appearance
    segments: int = 0  # segments given a speaker by this run
    split: int = 0  # segments cut where the voice changes
    kept: int = 0  # segments whose speaker the analyst set, left alone
    matched: dict[str, float] = field(default_factory=dict)  # profile → score
    action_id: int | None = None  # the history action: the window's one undo step


class SpeakerTurns:
    def __init__(self, database: Database, history: History, speakers: SpeakerStore,
                 transcripts: TranscriptStore) -> None:
        self._db = database
        self._history = history
        self._speakers = speakers
        self._transcripts = transcripts

    def apply(self, words: list[LabelledWord], matches: list[VoiceMatch] | None = None,
              replace: bool = False, annotator: str = "") -> TurnSummary:
        """Give the current transcript's segments the run's speakers (see the module doc)."""
        if self._transcripts.current() is None:
            raise InputError("the project has no transcript yet: transcribe it first")
        if not words:
            raise InputError("the speaker run found no speech to label")
        lookup = _WordLookup(words)
        summary = TurnSummary()
        with self._history.action("identify speakers", annotator) as act:
            summary.action_id = act.action_id
            planned, heard = self._plan(lookup, replace, summary)  # read under the write lock
            names = _Names(self._db, self._speakers, matches or [], heard)
            for segment, runs in planned:
                ids = [names.speaker_id(act, label) for label, _, _, _ in runs]
                if len(runs) > 1 and segment.words:
                    self._split(act, segment, runs, ids)
                    summary.split += 1
                else:
                    confidence = sum(c for *_, c in runs) / len(runs)
                    self._set(act, segment.id or 0, ids[0], confidence)
                summary.segments += 1
            names.remove_unused(act)
        summary.speakers = names.given()
        summary.matched = {m.profile: m.score for m in names.matched}
        return summary

    def _plan(self, lookup: _WordLookup, replace: bool, summary: TurnSummary,
              ) -> tuple[list[tuple[Segment, list[Run]]], dict[int, Counter[str]]]:
        """Each segment to label with its runs of one voice, and who had each voice's words."""
        planned: list[tuple[Segment, list[Run]]] = []
        heard: dict[int, Counter[str]] = defaultdict(Counter)
        for segment in self._transcripts.segments():
            if segment.speaker_source == "manual" and not replace:
                summary.kept += 1
                continue
            runs = _runs(segment, lookup)
            planned.append((segment, runs))
            for label, first, last, _ in runs:
                if segment.speaker:
                    heard[label][segment.speaker] += last - first + 1
        return planned, heard

    def _set(self, act: ActionRecorder, segment_id: int, speaker_id: int,
             confidence: float) -> None:
        before = act.before("segment_speaker", segment_id)
        self._db.conn.execute(
            "UPDATE segments SET speaker_id=?, speaker_source='auto', speaker_confidence=?, "
            "updated_at=? WHERE id=?", (speaker_id, round(confidence, 3), utc_now(), segment_id))
        act.record("segment_speaker", segment_id, before)

    def _split(self, act: ActionRecorder, segment: Segment,
               runs: list[Run], ids: list[int]) -> None:
        """Cut a segment at each change of voice: it keeps the first piece, the rest are new."""
        words = segment.words
        pieces = [words[first:last + 1] for _, first, last, _ in runs]
        before = act.before("segment", segment.id)
        self._db.conn.execute(
            'UPDATE segments SET text=?, "end"=?, updated_at=? WHERE id=?',
            (words_text(pieces[0]), pieces[0][-1].end, utc_now(), segment.id))
        self._db.conn.execute("DELETE FROM words WHERE segment_id=?", (segment.id,))
        insert_words(self._db.conn, segment.id or 0, pieces[0])
        self._set_speaker(segment.id or 0, ids[0], runs[0][3])
        act.record("segment", segment.id, before)
        for k in range(1, len(pieces)):
            end = segment.end if k == len(pieces) - 1 else pieces[k][-1].end
            new_id = copy_segment(self._db.conn, segment.id or 0, pieces[k], end, edited=False)
            self._set_speaker(new_id, ids[k], runs[k][3])
            act.record("segment", new_id, None)

    def _set_speaker(self, segment_id: int, speaker_id: int, confidence: float) -> None:
        self._db.conn.execute(
            "UPDATE segments SET speaker_id=?, speaker_source='auto', speaker_confidence=? "
            "WHERE id=?", (speaker_id, round(confidence, 3), segment_id))


class _WordLookup:
    """The run's label for any word: the run's word at its middle, else the nearest one."""

    def __init__(self, words: list[LabelledWord]) -> None:
        self._words = sorted(words, key=lambda w: (w.start + w.end) / 2)
        self._middles = [(w.start + w.end) / 2 for w in self._words]

    def find(self, start: float, end: float) -> LabelledWord:
        middle = (start + end) / 2
        i = bisect.bisect_left(self._middles, middle)
        near = [j for j in (i - 1, i) if 0 <= j < len(self._words)]
        inside = [j for j in near if self._words[j].start <= middle <= self._words[j].end]
        best = min(inside or near, key=lambda j: abs(self._middles[j] - middle))
        return self._words[best]


def _runs(segment: Segment, lookup: _WordLookup) -> list[Run]:
    """(label, first word, last word, mean confidence) for each stretch of one voice."""
    words = segment.words or [Word(segment.start, segment.end, segment.text)]
    found = [lookup.find(w.start, w.end) for w in words]
    runs: list[list[float]] = []  # label, first, last, confidence sum
    for i, hit in enumerate(found):
        if runs and runs[-1][0] == hit.label:
            runs[-1][2] = i
            runs[-1][3] += hit.confidence
        else:
            runs.append([hit.label, i, i, hit.confidence])
    return [(int(label), int(first), int(last), total / (last - first + 1))
            for label, first, last, total in runs]


class _Names:
    """Which speaker each voice label becomes, made or updated inside the action."""

    def __init__(self, database: Database, speakers: SpeakerStore,
                 matches: list[VoiceMatch], heard: dict[int, Counter[str]]) -> None:
        self._db = database
        self._heard = heard
        self._matches = {m.label: m for m in matches}
        self.matched: list[VoiceMatch] = []
        known = speakers.list()
        self._known = {s.name: s for s in known}
        # Automatic speakers without a live match: what unmatched voices are called again.
        self._pool = [s for s in known if s.origin == "auto" and s.match_status != "suggested"]
        self._auto = [s for s in known if s.origin == "auto"]
        self._ids: dict[int, int] = {}
        self._order: list[int] = []

    def speaker_id(self, act: ActionRecorder, label: int) -> int:
        if label not in self._ids:
            match = self._matches.get(label)
            self._ids[label] = self._matched(act, match) if match else \
                self._unmatched(act, label)
            self._order.append(label)
        return self._ids[label]

    def given(self) -> list[str]:
        rows = {int(r["id"]): r["name"] for r in self._db.query("SELECT id, name FROM speakers")}
        return [rows[self._ids[label]] for label in self._order]

    def _matched(self, act: ActionRecorder, match: VoiceMatch) -> int:
        self.matched.append(match)
        row = self._db.conn.execute("SELECT * FROM speakers WHERE name=?",
                                    (match.profile,)).fetchone()
        if row is None:
            speaker_id = insert_speaker(self._db.conn, match.profile, "auto")
            self._mark(speaker_id, match)
            act.record("speaker", speaker_id, None)
            return speaker_id
        speaker = speaker_from_row(row)
        if speaker.origin == "auto":  # the analyst's own name or confirmation stays as it is
            before = act.before("speaker", speaker.id)
            self._mark(speaker.id or 0, match)
            act.record("speaker", speaker.id, before)
        return speaker.id or 0

    def _mark(self, speaker_id: int, match: VoiceMatch) -> None:
        self._db.conn.execute(
            "UPDATE speakers SET matched_profile=?, matched_score=?, match_status='suggested' "
            "WHERE id=?", (match.profile, round(match.score, 3), speaker_id))

    def _unmatched(self, act: ActionRecorder, label: int) -> int:
        """Who had most of this voice's words before (as the analyst may have renamed
        them), else a free automatic speaker of an earlier run, else a new one."""
        used = set(self._ids.values())
        for name, _ in self._heard[label].most_common():
            speaker = self._known.get(name)
            if speaker is not None and speaker.id not in used and \
                    speaker.match_status != "suggested":
                return speaker.id or 0
        for speaker in self._pool:
            if speaker.id not in used:
                return speaker.id or 0
        speaker_id = insert_speaker(self._db.conn, None, "auto")
        act.record("speaker", speaker_id, None)
        return speaker_id

    def remove_unused(self, act: ActionRecorder) -> None:
        """An earlier run's automatic speakers that no segment of any version names now."""
        used = set(self._ids.values())
        for speaker in self._auto:
            if speaker.id in used or self._has_segments(speaker):
                continue
            before = act.before("speaker", speaker.id)
            self._db.conn.execute("DELETE FROM speakers WHERE id=?", (speaker.id,))
            act.record("speaker", speaker.id, before)

    def _has_segments(self, speaker: Speaker) -> bool:
        return self._db.conn.execute("SELECT 1 FROM segments WHERE speaker_id=? LIMIT 1",
                                     (speaker.id,)).fetchone() is not None
