"""HTML: the annotated transcript as one self-contained page (no scripts, no external files).

Every string that came from a person or a recording (text, speakers, tag
names, notes, file names) goes through `html.escape`, so a note reading
`<script>` is shown, never run. Provenance is in the facts under the title
and, for tools, in `<meta name="desk:…">` elements. Colours come from the codebook, which only
accepts `#rrggbb`, and are escaped all the same.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from desk.core.atomic import atomic_writer
from desk.core.formats.report import Report, Row, build_report, clock
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.timecode import format_time

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
dl.facts{display:grid;grid-template-columns:max-content auto;gap:0 1em}dl.facts dd{margin:0}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle}
.row{display:grid;grid-template-columns:8.5em auto;gap:.6em;padding:.3em 0;
 border-bottom:1px solid #eee}
.time{color:#666;font-variant-numeric:tabular-nums}.speaker{font-weight:600}
.nospeech{color:#666;font-style:italic}
mark{border-radius:3px;padding:0 .1em;color:inherit}.wtag{color:#666;font-size:.7em}
.chip{display:inline-block;font-size:.8em;border-radius:.8em;padding:0 .6em;margin-left:.3em;
 color:#fff}
.note{margin:.2em 0 0 0;padding-left:.6em;border-left:3px solid #ccc;color:#444}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _chip(report: Report, tag: str) -> str:
    return f'<span class="chip" style="background:{_e(report.colour(tag))}">{_e(tag)}</span>'


def _row(report: Report, row: Row) -> str:
    parts = [f'<div class="row"><div class="time">{_e(clock(row.start))}</div><div>']
    if row.segment is None:
        parts.append(f'<span class="nospeech">(no speech until {_e(clock(row.end))})</span>')
    else:
        if row.segment.speaker:
            colour = _e(report.speaker_colour(row.segment.speaker))
            parts.append(f'<span class="speaker" style="color:{colour}">'
                         f"{_e(row.segment.speaker)}:</span> ")
        for span in row.spans:
            if span.tags:
                colour = _e(report.colour(span.tags[0]))
                names = _e(", ".join(span.tags))
                parts.append(f'<mark style="background:{colour}33;box-shadow:0 -2px 0 '
                             f'{colour} inset" title="{names}">{_e(span.text)}</mark>'
                             f'<sup class="wtag">{names}</sup> ')
            else:
                parts.append(_e(span.text) + " ")
    parts.extend(_chip(report, tag) for tag in row.tags)
    for a in row.annotations:
        who = f" — {_e(a.annotator)}" if a.annotator else ""
        note = f": {_e(a.note)}" if a.note else ""
        parts.append(f'<p class="note"><span class="swatch" style="background:'
                     f'{_e(report.colour(a.tag))}"></span> <strong>{_e(a.tag)}</strong> '
                     f"{_e(clock(a.start))}–{_e(clock(a.end))}{note}{who}</p>")
    parts.append("</div></div>")
    return "".join(parts)


def _speaker_summary(report: Report) -> list[str]:
    if not report.speakers:
        return []
    out = ["<h2>Summary by speaker</h2>",
           "<table><thead><tr><th>Speaker</th><th>Segments</th><th>Talk time</th><th>Share</th>"
           "<th>Turns</th><th>Longest turn</th><th>Interruptions</th></tr></thead><tbody>"]
    for s in report.speakers:
        out.append(
            f'<tr><td><span class="swatch" style="background:{_e(s.colour or "#888888")}">'
            f"</span> {_e(s.speaker)}</td><td>{s.segments}</td><td>{format_time(s.talk_time)}"
            f"</td><td>{s.share:.1%}</td><td>{s.turns}</td><td>{format_time(s.longest_turn)}"
            f"</td><td>{s.interruptions}</td></tr>")
    out.append("</tbody></table>")
    return out


def render_html(report: Report) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           *(f'<meta name="desk:{fact.key}" content="{_e(fact.value)}">'
             for fact in report.provenance),
           f"<title>{_e(report.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_e(report.title)}</h1>", '<dl class="facts">']
    out += [f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in report.facts]
    out += ["</dl>", "<h2>Summary by tag</h2>",
            "<table><thead><tr><th>Tag</th><th>Annotations</th><th>Total time</th>"
            "<th>Covered</th><th>Share</th></tr></thead><tbody>"]
    for line in report.summary:
        out.append(
            f'<tr><td><span class="swatch" style="background:{_e(line.tag.colour)}"></span> '
            f"{_e(line.tag.name)}</td><td>{line.count}</td><td>{format_time(line.total)}</td>"
            f"<td>{format_time(line.covered)}</td><td>{line.share:.1%}</td></tr>")
    out.append("</tbody></table>")
    out += _speaker_summary(report)
    out.append("<h2>Transcript</h2>")
    out += [_row(report, row) for row in report.rows]
    out += ["<h2>Annotations</h2>",
            "<table><thead><tr><th>Start</th><th>End</th><th>Tag</th><th>Note</th>"
            "<th>Annotator</th></tr></thead><tbody>"]
    for a in report.annotations:
        out.append(f"<tr><td>{_e(clock(a.start))}</td><td>{_e(clock(a.end))}</td>"
                   f'<td><span class="swatch" style="background:{_e(report.colour(a.tag))}">'
                   f"</span> {_e(a.tag)}</td><td>{_e(a.note)}</td><td>{_e(a.annotator)}</td></tr>")
    out += ["</tbody></table>", "</body></html>"]
    return "\n".join(out) + "\n"


def export_html(snapshot: ProjectSnapshot, path: Path) -> Path:
    with atomic_writer(path) as handle:
        handle.write(render_html(build_report(snapshot)))
    return path
