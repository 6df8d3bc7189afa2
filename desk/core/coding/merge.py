"""Merging a colleague's coding into this project as their own layer.

The rules a methods section can rely on:

- the recordings must be the same file (content fingerprint); a different
  transcript version is fine, the coding is on the recording's time line;
- their annotations come in under their annotator names (or `as_name`); a
  name that already codes here (not from an earlier merge) is refused, so
  two people's decisions never mix in one layer;
- tags are matched by name; tags of theirs this project lacks are offered
  and only made when chosen (annotations with a tag left out are skipped);
- their tag definitions (description, colour, keywords) and speaker names
  come in only when asked;
- an annotation already here (same tag, times, note and annotator) is not
  added again, so merging the same file twice adds nothing;
- the whole merge is one transaction and one undo step.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

from desk.core.coding.merge_sources import IncomingLayer, read_layer
from desk.core.errors import InputError
from desk.core.formats.importing import END_TOLERANCE, PALETTE
from desk.core.records import Annotation, Tag
from desk.core.store import Project
from desk.core.store.layers import LayerWrite
from desk.core.timecode import seconds_text

SAME_SPEAKER_SHARE = 0.5  # their turn must cover half of our segment to name its speaker


@dataclass
class MergePlan:
    """What merging would do, before anything is written (shown in the dialog)."""

    source: Path
    annotators: list[str]  # the layers that come in
    annotations: list[Annotation]  # not here yet, renamed, rounded to milliseconds
    already: int  # their annotations this project already has
    new_tags: list[Tag]  # their tags this project lacks
    uses: dict[str, int]  # annotations per new tag
    definitions: list[tuple[Tag, Tag]]  # (ours, theirs) where description/colour/keywords differ
    speakers: list[tuple[int, str]]  # (our segment id, their speaker) for unnamed segments


@dataclass
class MergeSummary:
    source: str
    annotators: list[str]
    added: int = 0
    already: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # left out with their tag
    tags_added: list[str] = field(default_factory=list)
    definitions: int = 0
    speakers: int = 0

    @property
    def message(self) -> str:
        layers = ", ".join(self.annotators) or "no annotator"
        parts = [f"merged {self.added} annotation{'s' if self.added != 1 else ''} "
                 f"from {self.source} ({layers})"]
        if self.already:
            parts.append(f"{self.already} already here")
        if self.tags_added:
            parts.append(f"tags added: {', '.join(self.tags_added)}")
        if self.skipped:
            parts.append("left out with their tags: " + ", ".join(
                f"{tag} ({n})" for tag, n in self.skipped.items()))
        if self.definitions:
            parts.append(f"{self.definitions} tag definitions taken")
        if self.speakers:
            parts.append(f"{self.speakers} segments given their speaker")
        return "; ".join(parts)


def plan_merge(project: Project, path: Path, as_name: str | None = None) -> MergePlan:
    """Read `path` and work out the merge; InputError (nothing changed) when it cannot be."""
    path = Path(path)
    if path.resolve() == Path(project.path).resolve():
        raise InputError("cannot merge a project with itself")
    media = project.media.get()
    if media is None:
        raise InputError(f"{Path(project.path).name} has no recording to match theirs against")
    ours = project.tags.list(include_archived=True)
    layer = read_layer(path, [t.name for t in ours])
    _check_recording(layer, media.fingerprint, Path(project.path).name)
    incoming = _renamed(layer, as_name)
    _check_times(incoming, project.media.duration(), path.name)
    here = {_key(a) for a in project.annotations.list()}
    fresh, seen = [], set()
    for a in incoming:
        if _key(a) not in here and _key(a) not in seen:
            seen.add(_key(a))
            fresh.append(a)
    _check_names(project, fresh, path.name)
    by_name = {t.name.casefold(): t for t in ours}
    theirs = {t.name.casefold(): t for t in layer.tags}
    for a in incoming:  # a tag used but missing from their codebook (an ELAN tier)
        theirs.setdefault(a.tag.casefold(), Tag(name=a.tag, colour=""))
    new_tags = [t for key, t in theirs.items() if key not in by_name]
    uses = {t.name: sum(1 for a in fresh if a.tag.casefold() == t.name.casefold())
            for t in new_tags}
    definitions = [(by_name[key], t) for key, t in theirs.items()
                   if key in by_name and t.colour and _differs(by_name[key], t)]
    return MergePlan(path, sorted({a.annotator for a in incoming}), fresh,
                     len(incoming) - len(fresh), new_tags, uses, definitions,
                     _speaker_names(project, layer))


def apply_merge(project: Project, plan: MergePlan, add_tags: Collection[str] = (),
                codebook: bool = False, speakers: bool = False,
                annotator: str = "") -> MergeSummary:
    """Write the plan as one undoable action: the chosen new tags, then the annotations.

    `codebook` also takes their definitions of shared tags and makes every new
    tag; `speakers` names our unnamed segments after their speaker turns.
    """
    wanted = {t.casefold() for t in add_tags}
    unknown = wanted - {t.name.casefold() for t in plan.new_tags}
    if unknown:
        raise InputError(f"{', '.join(sorted(unknown))}: not a new tag of {plan.source.name}")
    chosen = [t for t in plan.new_tags if codebook or t.name.casefold() in wanted]
    summary = MergeSummary(plan.source.name, plan.annotators, already=plan.already,
                           tags_added=[t.name for t in chosen])
    known = {t.name.casefold() for t in project.tags.list(include_archived=True)}
    known |= {t.name.casefold() for t in chosen}
    annotations = []
    for a in plan.annotations:
        if a.tag.casefold() in known:
            annotations.append(a)
        else:
            summary.skipped[a.tag] = summary.skipped.get(a.tag, 0) + 1
    summary.added = len(annotations)
    definitions = [replace(ours, description=theirs.description, colour=theirs.colour,
                           keywords=list(theirs.keywords))
                   for ours, theirs in plan.definitions] if codebook else []
    summary.definitions = len(definitions)
    names = plan.speakers if speakers else []
    summary.speakers = len(names)
    if not (annotations or chosen or definitions or names):
        return summary
    project.layers.write(LayerWrite(
        f"merge {len(annotations)} annotations from {plan.source.name} "
        f"({', '.join(plan.annotators)})", _new_tags(project, chosen), definitions,
        annotations, names), annotator)
    return summary


def _check_recording(layer: IncomingLayer, fingerprint: str, ours: str) -> None:
    name = layer.source.name
    if layer.fingerprint is None:
        raise InputError(f"{name} does not say which recording it codes (no fingerprint); "
                         f"export it from Desk again, or use `desk import` to bring it in")
    if layer.fingerprint != fingerprint:
        raise InputError(f"{name} codes a different recording than {ours} "
                         f"(fingerprints {layer.fingerprint[:16]}… and {fingerprint[:16]}…); "
                         "merge only files made from the same recording")


def _renamed(layer: IncomingLayer, as_name: str | None) -> list[Annotation]:
    if as_name is not None and not as_name.strip():
        raise InputError("--as needs a name")
    fallback = layer.source.stem
    return [replace(a, id=None, tag_id=None, annotator=(as_name.strip() if as_name else
                                                        a.annotator or fallback),
                    source="imported", start=round(a.start, 3), end=round(a.end, 3))
            for a in layer.annotations]


def _check_times(annotations: list[Annotation], duration: float, name: str) -> None:
    for a in annotations:
        if a.end <= a.start or a.start < 0:
            raise InputError(f"{name}: an annotation ends ({seconds_text(a.end)}) before it "
                             "starts")
        if duration and a.end > duration + END_TOLERANCE:
            raise InputError(f"{name}: an annotation ends at {seconds_text(a.end)}, after the "
                             f"end of the recording ({seconds_text(duration)})")


def _check_names(project: Project, fresh: list[Annotation], name: str) -> None:
    own = {a.annotator for a in project.annotations.list(include_suggested=False)
           if a.source != "imported"}
    clash = sorted({a.annotator for a in fresh} & own)
    if clash:
        raise InputError(f"{', '.join(clash)} already codes in this project; name the layer "
                         f"from {name} with --as NAME so the two codings stay apart")


def _key(a: Annotation) -> tuple[str, float, float, str, str]:
    return (a.tag.casefold(), round(a.start, 3), round(a.end, 3), a.note, a.annotator)


def _differs(ours: Tag, theirs: Tag) -> bool:
    return (ours.description, ours.colour.casefold(), list(ours.keywords)) != (
        theirs.description, theirs.colour.casefold(), list(theirs.keywords))


def _new_tags(project: Project, chosen: list[Tag]) -> list[Tag]:
    """Their tags as they will be made here: their key only when free, a colour always."""
    existing = project.tags.list(include_archived=True)
    used = {t.key for t in existing if t.key is not None and not t.archived}
    made: list[Tag] = []
    for tag in chosen:
        key = tag.key if tag.key not in used else None
        if key is not None:
            used.add(key)
        colour = tag.colour or PALETTE[(len(existing) + len(made)) % len(PALETTE)]
        made.append(Tag(name=tag.name, description=tag.description, colour=colour, key=key,
                        archived=tag.archived, keywords=list(tag.keywords)))
    return made


def _speaker_names(project: Project, layer: IncomingLayer) -> list[tuple[int, str]]:
    """Our segments without a speaker that one of their turns covers for the most part."""
    turns = sorted(layer.turns, key=lambda t: t.start)
    starts = [t.start for t in turns]
    longest = max((t.end - t.start for t in turns), default=0.0)
    named = []
    for segment in project.transcripts.segments(with_words=False):
        if segment.speaker or segment.id is None or segment.end <= segment.start:
            continue
        lo = bisect.bisect_left(starts, segment.start - longest)
        hi = bisect.bisect_left(starts, segment.end)
        best, share = None, 0.0
        for turn in turns[lo:hi]:
            overlap = min(turn.end, segment.end) - max(turn.start, segment.start)
            if overlap > share:
                best, share = turn, overlap
        if best and share >= SAME_SPEAKER_SHARE * (segment.end - segment.start):
            named.append((segment.id, best.speaker))
    return named


def plan_file(project_path: Path, source: Path, as_name: str | None = None) -> MergePlan:
    """`plan_merge` on its own read-only connection (what a background task may use)."""
    with Project.open(project_path, writable=False) as project:
        return plan_merge(project, source, as_name)


def merge_file(project_path: Path, plan: MergePlan, add_tags: Collection[str] = (),
               codebook: bool = False, speakers: bool = False,
               annotator: str = "") -> tuple[MergeSummary, int | None]:
    """`apply_merge` on its own connection; also the history action it recorded (None: none)."""
    with Project.open(project_path) as project:
        before = project.history.last_action_id()
        summary = apply_merge(project, plan, add_tags, codebook, speakers, annotator)
        after = project.history.last_action_id()
    return summary, (after if after != before else None)
