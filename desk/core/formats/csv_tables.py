"""CSV: the transcript and the annotations as two flat tables for spreadsheets and pandas.

Written as Excel likes it (UTF-8 with BOM, CRLF, every text quoted as needed)
and as pandas likes it (one header row, seconds as plain decimals, tag
columns TRUE/FALSE, which pandas reads as bool). A transcript is untrusted
text (CSV injection, OWASP): a cell that starts like a formula (= + - @, tab,
CR) gets a leading apostrophe, and so does a trigger right after a separator
(, ; tab) inside a cell: a spreadsheet that splits at `;` (the list separator
of many European locales) would otherwise start a cell at `=1+1` in
`ok;=1+1`. Cells holding a separator, a quote or a line break are quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from desk.core.atomic import atomic_writer
from desk.core.errors import InputError
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.timecode import format_time

TABLES = ("both", "segments", "annotations")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_AFTER_SEPARATOR = re.compile(r"([,;\t])(?=[=+\-@\t\r])")
_NEEDS_QUOTES = frozenset(',;\t"\r\n')


def safe_cell(text: str | None) -> str:
    """The text with a leading apostrophe if a spreadsheet would run it as a formula."""
    text = _AFTER_SEPARATOR.sub(r"\1'", text or "")
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_line(cells: Iterable[str]) -> str:
    """One CSV record: cells with a separator, quote or line break are quoted."""
    return ",".join('"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.intersection(cell)
                    else cell for cell in cells) + "\r\n"


def write_rows(handle: IO[str], rows: Iterable[Iterable[str]]) -> None:
    handle.writelines(csv_line(row) for row in rows)


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
        write_rows(handle, [[safe_cell(h) for h in header], *rows])
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
