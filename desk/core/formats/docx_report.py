"""Word (.docx): the same annotated transcript report, for analysts who work in Word.

python-docx provides the package (styles, properties, relationships), but the
body is written as WordprocessingML text straight into word/document.xml:
python-docx's per-run API takes tens of seconds for a 2-hour transcript.
Highlighted words get `w:shd` shading in a light tint of the tag's colour
(Word's own highlighter knows only 16 colours); every text goes through
XML escaping. Provenance is the facts under the title and the document's
properties (subject: recording, identifier: fingerprint, author: annotators,
comments: version, hand edits, export time). python-docx is imported only when a report is written.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from desk.core.atomic import write_bytes_atomic
from desk.core.formats.report import Report, Row, build_report, clock
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.formats.xml_text import xml_safe
from desk.core.timecode import format_time

GREY = "666666"


def _hex(colour: str) -> str:
    value = colour.lstrip("#")
    try:
        int(value, 16)
    except ValueError:
        return "888888"
    return value.upper() if len(value) == 6 else "888888"


def _tint(colour: str, amount: float = 0.75) -> str:
    """A light version of a colour, so black text stays readable on it."""
    value = _hex(colour)
    rgb = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def run(text: str, bold: bool = False, italic: bool = False, colour: str | None = None,
        fill: str | None = None, superscript: bool = False) -> str:
    """One `w:r`, its properties in schema order (b, i, color, shd, vertAlign)."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if colour:
        props += f'<w:color w:val="{colour}"/>'
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    if superscript:
        props += '<w:vertAlign w:val="superscript"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'{"<w:r>"}{rpr}<w:t xml:space="preserve">{escape(xml_safe(text))}</w:t></w:r>'


def paragraph(*runs: str, style: str | None = None, indent: int = 0) -> str:
    ppr = ""
    if style or indent:
        ppr = ("<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
               + (f'<w:ind w:left="{indent}"/>' if indent else "") + "</w:pPr>")
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def table(header: list[str], rows: list[list[str]], fills: list[str] | None = None,
          fill_column: int = 0) -> str:
    """A grid table; `fills` shades one cell of each row (the tag's colour)."""
    def cell(content: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{content}</w:tc>'

    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           "</w:tblPr><w:tblGrid>", "<w:gridCol/>" * len(header), "</w:tblGrid>",
           "<w:tr>", *(cell(paragraph(run(h, bold=True))) for h in header), "</w:tr>"]
    for index, values in enumerate(rows):
        fill = fills[index] if fills else None
        out.append("<w:tr>")
        out.extend(cell(paragraph(run(v, fill=fill if k == fill_column else None)))
                   for k, v in enumerate(values))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _row(report: Report, row: Row) -> list[str]:
    runs = [run(f"[{clock(row.start)}] ", colour=GREY)]
    if row.segment is None:
        runs.append(run(f"(no speech until {clock(row.end)})", italic=True))
    else:
        if row.segment.speaker:
            runs.append(run(f"{row.segment.speaker}: ", bold=True,
                            colour=_hex(report.speaker_colour(row.segment.speaker))))
        for span in row.spans:
            if span.tags:  # a word-level code: its words shaded, its tags named after them
                runs.append(run(span.text, fill=_tint(report.colour(span.tags[0]))))
                runs.append(run(", ".join(span.tags), colour=GREY, superscript=True))
                runs.append(run(" "))
            else:
                runs.append(run(span.text + " "))
    runs.extend(run(f" [{tag}]", bold=True, colour=_hex(report.colour(tag)))
                for tag in row.tags)
    out = [paragraph(*runs)]
    for a in row.annotations:
        detail = f" {clock(a.start)}–{clock(a.end)}" + (f": {a.note}" if a.note else "") + (
            f" — {a.annotator}" if a.annotator else "")
        out.append(paragraph(run(a.tag, bold=True, colour=_hex(report.colour(a.tag))),
                             run(detail, italic=True), indent=360))
    return out


def body_xml(report: Report) -> str:
    parts = [paragraph(run(report.title), style="Heading1")]
    parts += [paragraph(run(f"{label}: ", bold=True), run(value))
              for label, value in report.facts]
    parts.append(paragraph(run("Summary by tag"), style="Heading2"))
    parts.append(table(
        ["Tag", "Annotations", "Total time", "Covered", "Share"],
        [[line.tag.name, str(line.count), format_time(line.total), format_time(line.covered),
          f"{line.share:.1%}"] for line in report.summary],
        [_tint(line.tag.colour, 0.6) for line in report.summary]))
    if report.speakers:
        parts.append(paragraph(run("Summary by speaker"), style="Heading2"))
        parts.append(table(
            ["Speaker", "Segments", "Talk time", "Share", "Turns", "Longest turn",
             "Interruptions"],
            [[s.speaker, str(s.segments), format_time(s.talk_time), f"{s.share:.1%}",
              str(s.turns), format_time(s.longest_turn), str(s.interruptions)]
             for s in report.speakers],
            [_tint(s.colour or "#888888", 0.6) for s in report.speakers]))
    parts.append(paragraph(run("Transcript"), style="Heading2"))
    for row in report.rows:
        parts.extend(_row(report, row))
    parts.append(paragraph(run("Annotations"), style="Heading2"))
    parts.append(table(["Start", "End", "Tag", "Note", "Annotator"],
                       [[clock(a.start), clock(a.end), a.tag, a.note, a.annotator]
                        for a in report.annotations],
                       [_tint(report.colour(a.tag), 0.6) for a in report.annotations], 2))
    return "".join(parts)


def render_docx(report: Report) -> bytes:
    """A blank python-docx document whose body is replaced by the report's XML."""
    from docx import Document

    document = Document()
    properties = document.core_properties
    properties.title = xml_safe(report.title)
    known = {fact.key: fact.value for fact in report.provenance}
    properties.author = xml_safe(known.get("annotators", ""))[:255]
    properties.subject = xml_safe(known.get("recording", ""))[:255]
    properties.identifier = xml_safe(known.get("recording-fingerprint", ""))[:255]
    properties.version = xml_safe(known.get("desk-version", ""))[:255]
    wanted = ("transcript-version", "edited-by-hand", "exported-at")  # the rest is too long
    properties.comments = xml_safe("; ".join(f"{f.label}: {f.value}" for f in report.provenance
                                             if f.key in wanted))[:255]
    blank = io.BytesIO()
    document.save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(out, "w",
                                                           zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.index("<w:body>") + len("<w:body>")
                data = (text[:at] + body_xml(report) + text[at:]).encode("utf-8")
            target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


def export_docx(snapshot: ProjectSnapshot, path: Path) -> Path:
    write_bytes_atomic(path, render_docx(build_report(snapshot)))
    return path
