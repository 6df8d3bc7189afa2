"""Every export and import Desk offers, for the CLI and the app's File menu.

`EXPORTERS[name].export(project, path, **options) -> Path` and
`IMPORTERS[name].import_(project, path, as_=None) -> ImportSummary`. Format
modules are imported only when used, so building a menu from this registry
costs nothing at start-up (python-docx and lxml stay unloaded).
Nothing here knows about Qt.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desk.core.atomic import all_or_nothing
from desk.core.errors import InputError
from desk.core.formats.importing import ImportBundle, ImportSummary, apply_bundle
from desk.core.formats.provenance import write_side_file
from desk.core.formats.selection import Selection
from desk.core.formats.snapshot import read_snapshot
from desk.core.store import Project

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str  # "" for a folder (clips)
    description: str
    _target: str  # "module:function" taking (snapshot, path, **options)
    options: dict[str, str] = field(default_factory=dict)  # keyword → one-line help
    writes_folder: bool = False
    needs_words: bool = True  # False: skip reading 25,000 words for subtitle-like formats
    whole_project: bool = False  # True: suggestions are exported too (marked by source)
    side_provenance: bool = False  # no room in the file: NAME.provenance.json beside it
    labels_lines: bool = False  # puts codes on transcript lines (the labelling rule)

    def default_selection(self) -> Selection:
        return Selection(suggestions=self.whole_project)

    def export(self, project: Project, path: Path, selection: Selection | None = None,
               **options: object) -> Path:
        """Write `path` (atomically); returns the file written (the folder for clips)."""
        return self.export_files(project, path, selection, options)[0]

    def export_files(self, project: Project, path: Path, selection: Selection | None = None,
                     options: Mapping[str, object] | None = None,
                     progress: Progress | None = None) -> list[Path]:
        """Write the export; returns the main file (or folder) and every file beside it.

        `progress(done, total)` hears of each clip cut (the slow format); it may
        raise JobCancelled to stop, leaving the clips already complete.
        """
        options = dict(options or {})
        unknown = set(options) - set(self.options)
        if unknown:
            raise InputError(f"{self.name} export has no option {', '.join(sorted(unknown))}")
        module, function = self._target.split(":")
        exporter = getattr(importlib.import_module(f"desk.core.formats.{module}"), function)
        snapshot = read_snapshot(project, selection or self.default_selection(),
                                 with_words=self.needs_words)
        extra = {"progress": progress} if self.writes_folder and progress is not None else {}
        with all_or_nothing():  # CSV tables and a side file: all of them, or none
            written = Path(exporter(snapshot, Path(path), **options, **extra))
            files = self._files(Path(path), written, options)
            if self.side_provenance:
                described = files[1:] if self.writes_folder else files
                files.append(write_side_file(snapshot, Path(path), described))
        return files

    def _files(self, path: Path, written: Path, options: dict[str, object]) -> list[Path]:
        """The main file first (the folder for clips), then what else the export wrote."""
        if self.name == "csv":
            from desk.core.formats.csv_tables import table_paths

            return list(table_paths(path, str(options.get("table", "both"))).values())
        if self.writes_folder:
            return [written, *sorted(p for p in written.iterdir() if not p.name.startswith(".")
                                     and p.name != "provenance.json")]
        return [written]

    def default_path(self, project_path: Path) -> Path:
        """The project path with this format's suffix (`x.desk` → `x.srt`, `x-clips/`)."""
        project_path = Path(project_path)
        if self.writes_folder:
            return project_path.with_name(f"{project_path.stem}-{self.name}")
        return project_path.with_suffix(self.suffix)


@dataclass(frozen=True)
class ImportFormat:
    name: str
    suffix: str
    description: str
    _target: str  # "module:function" taking (path, as_) and returning an ImportBundle
    modes: tuple[str, ...] = ("transcript", "annotations")  # what --as accepts
    wants_known_tags: bool = False

    def read(self, project: Project, path: Path, as_: str | None = None) -> ImportBundle:
        """Parse `path` for `project` (which tags it knows); writes nothing."""
        module, function = self._target.split(":")
        reader = getattr(importlib.import_module(f"desk.core.formats.{module}"), function)
        if self.wants_known_tags:
            known = [t.name for t in project.tags.list(include_archived=True)]
            bundle: ImportBundle = reader(Path(path), as_, known_tags=known)
        else:
            bundle = reader(Path(path), as_)
        return bundle

    def import_(self, project: Project, path: Path, as_: str | None = None,
                annotator: str = "") -> ImportSummary:
        """Parse `path`, then apply it in one transaction: all of it or nothing."""
        return apply_bundle(project, self.read(project, path, as_), annotator)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a format's description for Qt's lupdate (context "formats"): the window shows it
    translated, the CLI as written."""
    return text


EXPORTERS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("srt", ".srt",
                 QT_TRANSLATE_NOOP("formats", "SubRip subtitles with speakers and tags"),
                 "subtitles:export_srt", needs_words=False,
                 side_provenance=True, labels_lines=True),
    ExportFormat("vtt", ".vtt",
                 QT_TRANSLATE_NOOP(
                     "formats", "WebVTT subtitles: speakers as voices, tags as notes"),
                 "subtitles:export_vtt", needs_words=False,
                 labels_lines=True),
    ExportFormat("csv", ".csv",
                 QT_TRANSLATE_NOOP(
                     "formats", "CSV tables of segments and annotations (Excel, pandas)"),
                 "csv_tables:export_csv",
                 {"table": "both (NAME.segments.csv + NAME.annotations.csv), segments or "
                           "annotations"}, needs_words=False, side_provenance=True,
                 labels_lines=True),
    ExportFormat("json", ".json",
                 QT_TRANSLATE_NOOP(
                     "formats", "Desk JSON: the whole project (documented by a JSON Schema)"),
                 "desk_json:export_json", whole_project=True),
    ExportFormat("eaf", ".eaf",
                 QT_TRANSLATE_NOOP(
                     "formats", "ELAN annotation file: tiers per speaker and per tag"),
                 "eaf:export_eaf", needs_words=False),
    ExportFormat("textgrid", ".TextGrid",
                 QT_TRANSLATE_NOOP("formats", "Praat TextGrid: speaker, word and tag tiers"),
                 "textgrid:export_textgrid", {"words": "include a words tier (default on)"}),
    ExportFormat("html", ".html",
                 QT_TRANSLATE_NOOP("formats", "Annotated transcript report as a web page"),
                 "html_report:export_html", labels_lines=True),
    ExportFormat("md", ".md",
                 QT_TRANSLATE_NOOP("formats", "Annotated transcript report in Markdown"),
                 "markdown_report:export_markdown", labels_lines=True),
    ExportFormat("docx", ".docx",
                 QT_TRANSLATE_NOOP("formats", "Annotated transcript report for Microsoft Word"),
                 "docx_report:export_docx", labels_lines=True),
    ExportFormat("clips", "",
                 QT_TRANSLATE_NOOP(
                     "formats", "Media clips of annotations (one file each, for evidence)"),
                 "clips:export_clips",
                 {"precise": "re-encode for frame-exact cuts instead of stream copy",
                  "normalise": "audio-only listening copies, loudness-normalised"},
                 writes_folder=True,
                 needs_words=False, side_provenance=True),
)}

IMPORTERS: dict[str, ImportFormat] = {f.name: f for f in (
    ImportFormat("eaf", ".eaf",
                 QT_TRANSLATE_NOOP("formats", "ELAN file: tiers to transcript or annotations, "
                                              "vocabularies to codebook"),
                 "eaf_import:read_eaf", wants_known_tags=True),
    ImportFormat("srt", ".srt",
                 QT_TRANSLATE_NOOP("formats", "SubRip subtitles as a new transcript"),
                 "subtitles:read_srt",
                 ("transcript",)),
    ImportFormat("vtt", ".vtt",
                 QT_TRANSLATE_NOOP("formats", "WebVTT subtitles as a new transcript"),
                 "subtitles:read_vtt",
                 ("transcript",)),
    ImportFormat("json", ".json",
                 QT_TRANSLATE_NOOP(
                     "formats", "Desk JSON export: transcript, codebook and annotations"),
                 "desk_json:read_project_json"),
    ImportFormat("codebook", ".json",
                 QT_TRANSLATE_NOOP("formats", "Codebook JSON: adds and updates tags"),
                 "desk_json:read_codebook_json", ("annotations",)),
)}


def export_format(name: str) -> ExportFormat:
    try:
        return EXPORTERS[name.lower()]
    except KeyError:
        raise InputError(f"unknown export format '{name}' "
                         f"(formats: {', '.join(EXPORTERS)})") from None


def import_format_for(path: Path, name: str | None = None) -> ImportFormat:
    """The importer named `name`, else the one for the file's suffix (.json: either kind)."""
    if name is not None:
        try:
            return IMPORTERS[name.lower()]
        except KeyError:
            raise InputError(f"unknown import format '{name}' "
                             f"(formats: {', '.join(IMPORTERS)})") from None
    suffix = Path(path).suffix.lower()
    for importer in IMPORTERS.values():
        if importer.suffix == suffix:
            return importer  # "json" comes first; it hands codebook files on itself
    suffixes = sorted({i.suffix for i in IMPORTERS.values()})
    raise InputError(f"cannot import {Path(path).name}: Desk imports {', '.join(suffixes)} "
                     "files")


def file_filter(importers: bool = True, describe: Callable[[str], str] = str) -> str:
    """A Qt-style file dialog filter string ("ELAN file (*.eaf);;..."); `describe` may
    translate each format's description."""
    formats = IMPORTERS.values() if importers else EXPORTERS.values()
    seen: dict[str, str] = {}
    for f in formats:
        if f.suffix and f.suffix not in seen:
            seen[f.suffix] = describe(f.description).split(":")[0]
    return ";;".join(f"{desc} (*{suffix})" for suffix, desc in seen.items())
