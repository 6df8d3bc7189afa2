"""CSV: the transcript and the annotations as two flat tables for spreadsheets and pandas.

Written as Excel likes it (UTF-8 with BOM, CRLF, every text quoted as needed)
and as pandas likes it (one header row, seconds as plain decimals, tag
columns TRUE/FALSE, which pandas reads as bool). Cells that Excel would run
as a formula (starting with = + - @) get a leading apostrophe: a transcript
is untrusted text (CSV injection).
"""

from __future__ import annotations

import csv
from pathlib import Path

from desk.core.atomic import atomic_writer
from desk.core.errors import InputError
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.timecode import format_time

TABLES = ("both", "segments", "annotations")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str | None) -> str:
    text = text or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def segment_rows(snapshot: ProjectSnapshot) -> tuple[list[str], list[list[str]]]:
    tag_names = [t.name for t in snapshot.tags]
    header = ["segment_id", "start", "end", "start_tc", "end_tc", "speaker", "text",
              "edited", *(f"tag:{n}" for n in tag_names)]
    rows = []
    for s in snapshot.segments:
        covering = set(snapshot.line_tags(s))
        rows.append([
            str(s.id), _seconds(s.start), _seconds(s.end), format_time(s.start, True),
            format_time(s.end, True), safe_cell(s.speaker), safe_cell(s.text),
            "TRUE" if s.edited else "FALSE",
            *("TRUE" if n in covering else "FALSE" for n in tag_names),
        ])
    return header, rows


def annotation_rows(snapshot: ProjectSnapshot) -> tuple[list[str], list[list[str]]]:
    header = ["annotation_id", "tag", "start", "end", "duration", "start_tc", "end_tc", "note",
              "annotator", "source", "speakers", "transcript", "created_at", "updated_at"]
    rows = []
    for a in snapshot.annotations:
        under = snapshot.lines_of(a)
        speakers = sorted({s.speaker for s in under if s.speaker})
        rows.append([
            str(a.id), safe_cell(a.tag), _seconds(a.start), _seconds(a.end),
            _seconds(a.end - a.start), format_time(a.start, True), format_time(a.end, True),
            safe_cell(a.note), safe_cell(a.annotator), a.source,
            safe_cell("; ".join(speakers)), safe_cell(" ".join(s.text for s in under)),
            a.created_at or "", a.updated_at or "",
        ])
    return header, rows


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with atomic_writer(path, encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow([safe_cell(h) for h in header])
        writer.writerows(rows)
    return path


def table_paths(path: Path, table: str = "both") -> dict[str, Path]:
    """Which files an export writes: NAME.segments.csv and NAME.annotations.csv, or `path`."""
    if table not in TABLES:
        raise InputError(f"--table must be one of {', '.join(TABLES)}, not '{table}'")
    path = Path(path)
    if table != "both":
        return {table: path}
    base = path.with_suffix("") if path.suffix.lower() == ".csv" else path
    return {name: base.with_name(f"{base.name}.{name}.csv")
            for name in ("segments", "annotations")}


def export_csv(snapshot: ProjectSnapshot, path: Path, table: str = "both") -> Path:
    """Write the table(s); returns the first file written (the segments table for 'both')."""
    paths = table_paths(path, table)
    builders = {"segments": segment_rows, "annotations": annotation_rows}
    for name, target in paths.items():
        write_table(target, *builders[name](snapshot))
    return next(iter(paths.values()))
