"""What an import would bring in, shown before anything is written (File → Import…,
a dropped file, `desk import --preview`).

The file is parsed once; the preview counts what it holds, says what each
ELAN tier becomes, which tags are new, how many annotations the project
already has, and who the import will be recorded under. Applying the preview
writes that same parsed bundle as one undoable step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desk.core.formats.importing import ImportBundle, ImportPart, ImportSummary, apply_bundle
from desk.core.formats.registry import import_format_for
from desk.core.services.annotator import default_annotator
from desk.core.store import Project


@dataclass
class ImportPreview:
    path: Path
    format: str  # the importer's name (eaf, srt, vtt, json, codebook)
    as_: str | None  # transcript, annotations, or None: decided by the file
    modes: tuple[str, ...]  # what this importer can bring the file in as
    bundle: ImportBundle
    recorded_as: str  # the annotator the history will name
    segments: int = 0
    words: int = 0
    speakers: list[str] = field(default_factory=list)
    annotations: int = 0
    already_there: int = 0  # annotations the project has already (skipped on import)
    new_tags: list[str] = field(default_factory=list)
    known_tags: list[str] = field(default_factory=list)
    annotators: list[str] = field(default_factory=list)  # coders named in the file
    parts: list[ImportPart] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def makes_version(self) -> bool:
        """The file brings a transcript: it becomes a new, current version."""
        return self.bundle.transcript is not None

    def lines(self) -> list[str]:
        """The preview in words (the CLI prints these; the dialog shows the same facts)."""
        out = [f"{self.path.name} ({self.format})"]
        if self.makes_version:
            out.append(f"a new transcript version: {self.segments} segments, {self.words} "
                       f"words, speakers {', '.join(self.speakers) or 'none'}; the current "
                       "version is kept")
        if self.annotations:
            fresh = self.annotations - self.already_there
            out.append(f"{fresh} annotations" + (f" ({self.already_there} already in the "
                                                  "project, skipped)" if self.already_there
                                                 else "")
                       + (f" by {', '.join(self.annotators)}" if self.annotators else ""))
        if self.new_tags:
            out.append(f"new tags: {', '.join(self.new_tags)}")
        out += [f"{p.source} → {p.becomes} ({p.count})" for p in self.parts]
        out.append(f"recorded under: {self.recorded_as or '(no name)'}")
        out += [f"warning: {w}" for w in self.warnings]
        return out


def preview_import(project: Project, path: Path, fmt: str | None = None,
                   as_: str | None = None, annotator: str | None = None) -> ImportPreview:
    """Parse `path` and say what importing it would do; writes nothing."""
    importer = import_format_for(path, fmt)
    bundle = importer.read(project, Path(path), as_)
    known = {t.name.casefold(): t.name for t in project.tags.list(include_archived=True)}
    wanted = [t.name for t in bundle.tags] + [a.tag for a in bundle.annotations]
    new_tags = list(dict.fromkeys(n for n in wanted if n.casefold() not in known))
    have = {(a.tag.casefold(), a.start, a.end, a.note, a.annotator)
            for a in project.annotations.list()}
    already = sum(1 for a in bundle.annotations
                  if (a.tag.casefold(), round(a.start, 3), round(a.end, 3), a.note,
                      a.annotator) in have)
    warnings = list(bundle.warnings)
    media = project.media.get()
    if media and bundle.media_fingerprint and bundle.media_fingerprint != media.fingerprint:
        warnings.append(f"{Path(path).name} was made for a different recording")
    return ImportPreview(
        path=Path(path), format=importer.name, as_=as_, modes=importer.modes, bundle=bundle,
        recorded_as=default_annotator() if annotator is None else annotator,
        segments=len(bundle.segments), words=sum(len(s.words) for s in bundle.segments),
        speakers=sorted({s.speaker for s in bundle.segments if s.speaker}),
        annotations=len(bundle.annotations), already_there=already, new_tags=new_tags,
        known_tags=sorted({known[n.casefold()] for n in wanted if n.casefold() in known}),
        annotators=sorted({a.annotator for a in bundle.annotations if a.annotator}),
        parts=list(bundle.parts), warnings=warnings)


def apply_preview(project: Project, preview: ImportPreview) -> ImportSummary:
    """Import what the preview showed, as one undoable step (all or nothing)."""
    return apply_bundle(project, preview.bundle, preview.recorded_as)
