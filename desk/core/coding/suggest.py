"""Suggested annotations: candidates the analyst accepts or rejects, never coded until then.

Two sources propose candidates:

- dead air: stored silence regions (``project.media.silences()``) at least
  ``min_silence`` seconds long become suggested ``delay`` annotations;
- keyword rules: a segment whose text contains one of a tag's ``keywords``
  (case-insensitive, whole words, plurals and possessives included: "migrant"
  finds "migrants", "Harris" finds "Harris's" but not "Harrisburg")
  becomes a suggestion of that tag spanning the segment.

A suggestion is an ordinary annotation with ``source="suggested"``: accepting
turns it into ``source="manual"``; rejecting deletes it and remembers the range
in ``dismissed_suggestions`` so that it is not proposed again. Candidates that
overlap an existing annotation of the same tag (of any source) are skipped, so
running the suggestions twice adds nothing.

Each call (add, accept, reject) is one history action: one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desk.core.coding.blind import visible, visible_annotator
from desk.core.errors import InputError
from desk.core.records import Annotation, Tag
from desk.core.store import Project

DELAY_TAG = "delay"
DEFAULT_MIN_SILENCE = 5.0  # seconds of dead air worth calling a delay
SAME_RANGE_OVERLAP = 0.5  # a dismissed range covering half of a candidate is the same one


@dataclass(frozen=True)
class Candidate:
    """A range one rule proposes for a tag, before it is stored as a suggestion."""

    tag: str
    start: float
    end: float
    note: str = ""


# -- candidates -------------------------------------------------------------------
def silence_candidates(project: Project, min_silence: float = DEFAULT_MIN_SILENCE,
                       tag: str = DELAY_TAG, annotator: str = "") -> list[Candidate]:
    """Dead air of at least `min_silence` seconds, as candidates of the delay tag."""
    if not min_silence > 0:
        raise InputError(f"the shortest dead air must be more than 0 s, not {min_silence}")
    delay = project.tags.get(tag)  # InputError naming the tags when there is none
    duration = project.media.duration()
    found = []
    for silence in project.media.silences():
        end = min(silence.end, duration) if duration else silence.end
        if end - silence.start >= min_silence - 1e-9:
            found.append(Candidate(delay.name, silence.start, end,
                                   f"dead air {end - silence.start:.1f} s"))
    return _fresh(project, found, annotator)


def keyword_candidates(project: Project, annotator: str = "") -> list[Candidate]:
    """Segments mentioning a tag's keywords, as candidates of that tag."""
    rules = [(tag, _keyword_pattern(tag)) for tag in project.tags.list() if tag.keywords]
    if not rules:
        return []
    found = []
    for segment in project.transcripts.segments(with_words=False):
        for tag, pattern in rules:
            match = pattern.search(segment.text)
            if match and segment.end > segment.start:
                found.append(Candidate(tag.name, segment.start, segment.end,
                                       f"keyword: {match.group(0)}"))
    return _fresh(project, found, annotator)


def _keyword_pattern(tag: Tag) -> re.Pattern[str]:
    words = sorted((k.strip() for k in tag.keywords if k.strip()), key=len, reverse=True)
    alternatives = "|".join(re.escape(k) for k in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:s|es|['’]s)?(?!\w)", re.IGNORECASE)


def _fresh(project: Project, candidates: list[Candidate],
           annotator: str = "") -> list[Candidate]:
    """Drop candidates already coded (any source), already dismissed, or repeated.

    While coding blind only the asking annotator's coding counts: what others
    coded must neither show nor hide a suggestion.
    """
    dismissed = dismissed_ranges(project)
    coded: dict[str, list[tuple[float, float]]] = {}
    only = visible_annotator(project, annotator)
    for annotation in visible(project.annotations.list(), only):
        coded.setdefault(annotation.tag.casefold(), []).append((annotation.start,
                                                                annotation.end))
    kept = []
    for candidate in candidates:
        key = candidate.tag.casefold()
        ranges = coded.setdefault(key, [])
        if any(s < candidate.end and e > candidate.start for s, e in ranges):
            continue
        if any(_same_range(candidate.start, candidate.end, s, e)
               for s, e in dismissed.get(key, [])):
            continue
        kept.append(candidate)
        ranges.append((candidate.start, candidate.end))
    return kept


def _same_range(start: float, end: float, other_start: float, other_end: float) -> bool:
    overlap = min(end, other_end) - max(start, other_start)
    shortest = min(end - start, other_end - other_start)
    return shortest > 0 and overlap >= SAME_RANGE_OVERLAP * shortest


# -- storing, accepting, rejecting ------------------------------------------------------
def add_suggestions(project: Project, candidates: Iterable[Candidate],
                    annotator: str = "", label: str = "suggest") -> list[Annotation]:
    """Store candidates as suggested annotations, all in one undoable action."""
    candidates = list(candidates)
    if not candidates:
        return []
    duration = project.media.duration()
    tag_ids = {c.tag: project.tags.get(c.tag).id for c in candidates}
    made = []
    for c in candidates:
        start, end = round(max(0.0, c.start), 3), round(c.end, 3)
        if duration:
            end = min(end, round(duration, 3))
        if end > start:
            made.append(Annotation(c.tag, start, end, c.note, annotator, "suggested",
                                   tag_id=tag_ids[c.tag]))
    if not made:
        return []
    ids = project.annotations.add_many(made, label, annotator)
    return [project.annotations.get(i) for i in ids]


def suggest_delays(project: Project, min_silence: float = DEFAULT_MIN_SILENCE,
                   annotator: str = "", tag: str = DELAY_TAG) -> list[Annotation]:
    return add_suggestions(project, silence_candidates(project, min_silence, tag, annotator),
                           annotator, label="suggest delays")


def suggest_keywords(project: Project, annotator: str = "") -> list[Annotation]:
    return add_suggestions(project, keyword_candidates(project, annotator), annotator,
                           label="suggest from keywords")


def pending(project: Project, annotator: str = "") -> list[Annotation]:
    """Suggestions not yet accepted or rejected, in time order (only `annotator`'s when blind)."""
    return visible(project.annotations.list(source="suggested"),
                   visible_annotator(project, annotator))


def accept(project: Project, ids: Iterable[int] | None = None,
           annotator: str = "") -> list[Annotation]:
    """Make suggestions normal annotations (all pending ones when `ids` is None)."""
    chosen = _suggestions(project, ids, annotator)
    if not chosen:
        return []
    project.annotations.accept_suggestions(chosen, _label("accept", chosen), annotator)
    return [project.annotations.get(a.id) for a in chosen if a.id is not None]


def reject(project: Project, ids: Iterable[int] | None = None, annotator: str = "") -> int:
    """Delete suggestions and remember them as dismissed; returns how many."""
    chosen = _suggestions(project, ids, annotator)
    if chosen:
        project.annotations.reject_suggestions(chosen, _label("reject", chosen), annotator)
    return len(chosen)


def dismissed_ranges(project: Project) -> dict[str, list[tuple[float, float]]]:
    """Rejected suggestions by tag name (case-folded): what must not come back."""
    found: dict[str, list[tuple[float, float]]] = {}
    for tag, start, end in project.annotations.dismissed():
        found.setdefault(tag.casefold(), []).append((start, end))
    return found


def _suggestions(project: Project, ids: Iterable[int] | None,
                 annotator: str = "") -> list[Annotation]:
    if ids is None:
        return pending(project, annotator)
    chosen = []
    for annotation_id in dict.fromkeys(ids):
        annotation = project.annotations.get(annotation_id)
        if annotation.source != "suggested":
            raise InputError(f"annotation {annotation_id} is not a suggestion")
        chosen.append(annotation)
    return chosen


def _label(verb: str, chosen: list[Annotation]) -> str:
    if len(chosen) == 1:
        return f"{verb} suggestion {chosen[0].tag}"
    return f"{verb} {len(chosen)} suggestions"
