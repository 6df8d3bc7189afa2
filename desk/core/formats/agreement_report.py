"""The agreement report: a methods-section table and the disagreement list, as HTML or CSV.

Per tag and pooled: units per annotator, coded time per annotator, percent
agreement, κ, α (both on time slices, with the slices nobody coded and
without), α_u and γ, each with its 95 % bootstrap interval and the usual
reading (α ≥ 0.800 reliable, ≥ 0.667 tentative). The same cells feed the
CLI's table, the CSV file, the HTML page and the Agreement pane's export.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from desk.core.atomic import all_or_nothing, atomic_writer
from desk.core.coding.agreement.reading import threshold_note
from desk.core.coding.agreement.results import AgreementResult, Estimate, TagAgreement
from desk.core.coding.disagreements import Disagreement
from desk.core.formats.csv_tables import safe_cell, write_rows
from desk.core.timecode import format_time

# (key, column heading) of the coefficients in table order.
COLUMNS = (("percent", "% agreement"), ("kappa", "κ"), ("alpha", "α"),
           ("alpha_u", "α_u"), ("gamma", "γ"),
           ("percent_coded", "% agreement, coded slices"),
           ("kappa_coded", "κ, coded slices"), ("alpha_coded", "α, coded slices"))
CHANCE_CORRECTED = {"kappa", "alpha", "alpha_u", "gamma", "kappa_coded", "alpha_coded"}


def figure(estimate: Estimate, key: str) -> str:
    """`0.812 [0.774, 0.845]`; percentages as `93.1 % [92.0, 94.2]`; `–` when not defined."""
    if estimate.value is None:
        return "–"
    if key.startswith("percent"):
        text = f"{estimate.value * 100:.1f} %"
        if estimate.low is not None and estimate.high is not None:
            text += f" [{estimate.low * 100:.1f}, {estimate.high * 100:.1f}]"
        return text
    text = f"{estimate.value:.3f}"
    if estimate.low is not None and estimate.high is not None:
        text += f" [{estimate.low:.3f}, {estimate.high:.3f}]"
    return text


def per_annotator(values: dict[str, int] | dict[str, float], seconds: bool = False) -> str:
    if seconds:
        return " / ".join(format_time(float(v)) for v in values.values())
    return " / ".join(str(v) for v in values.values())


def table(result: AgreementResult) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the methods table (what the CLI prints)."""
    coders = " / ".join(result.annotators)
    headers = ["tag", f"units ({coders})", f"coded time ({coders})",
               *(result.kappa_name if key == "kappa" else label for key, label in COLUMNS[:5])]
    rows = [[row.tag, per_annotator(row.units), per_annotator(row.coded_seconds, True),
             *(_with_reading(row, key) for key, _ in COLUMNS[:5])] for row in result.rows]
    return headers, rows


def _with_reading(row: TagAgreement, key: str) -> str:
    estimate = row.figures[key]
    text = figure(estimate, key)
    if key in CHANCE_CORRECTED and estimate.value is not None:
        text += f" {estimate.reading}"
    return text


def settings_lines(result: AgreementResult) -> list[str]:
    samples = sorted(set(result.gamma_samples.values()))
    sample_text = "–".join(str(s) for s in (samples[0], samples[-1])) if samples else "0"
    return [
        f"Annotators: {', '.join(result.annotators)}; {result.kappa_name} "
        f"({'two coders' if len(result.annotators) == 2 else 'more than two coders'}).",
        f"Percent agreement, κ and α (nominal) on {result.slice_seconds:g} s time slices; "
        "“coded slices” leaves out the slices no annotator coded.",
        "α_u: Krippendorff's unitizing α (Krippendorff et al. 2016), per tag.",
        f"γ: Mathet, Widlöcher & Métivier (2015), positional dissimilarity, Δ∅ = 1, "
        f"expected disorder from {sample_text} shuffled continua per tag "
        f"(±{result.gamma_precision * 100:g} % precision).",
        f"95 % intervals: {result.replicates} bootstrap replicates, seed {result.seed}, "
        f"resampling {result.block_seconds:g} s blocks (γ: aligned units).",
        "“(all tags)” pools the tags as separate layers. Reading: " + threshold_note() + ".",
    ]


def render_html(result: AgreementResult, found: Sequence[Disagreement], title: str) -> str:
    def e(text: object) -> str:
        return escape(str(text), quote=True)

    coders = " / ".join(result.annotators)
    head = "".join(f"<th>{e(h)}</th>" for h in (
        "Tag", f"Units ({coders})", f"Coded time ({coders})",
        *(label for _, label in COLUMNS)))
    body = []
    for row in result.rows:
        cells = [row.tag, per_annotator(row.units), per_annotator(row.coded_seconds, True)]
        html_cells = "".join(f"<td>{e(c)}</td>" for c in cells)
        for key, _ in COLUMNS:
            estimate = row.figures[key]
            reading = (f' <span class="r {e(estimate.reading)}">{e(estimate.reading)}</span>'
                       if key in CHANCE_CORRECTED and estimate.value is not None else "")
            html_cells += f"<td>{e(figure(estimate, key))}{reading}</td>"
        body.append(f"<tr>{html_cells}</tr>")
    notes = "".join(f"<li>{e(line)}</li>" for line in settings_lines(result))
    listed = "".join(
        f"<tr><td>{i}</td><td>{e(d.kind)}</td><td>{e(format_time(d.start, True))}</td>"
        f"<td>{e(format_time(d.end, True))}</td><td>{d.size:.1f} s</td>"
        f"<td>{e(d.describe())}</td></tr>" for i, d in enumerate(found, start=1))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>body{{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:90em;padding:0 1em}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #bbb;padding:.25em .5em;
text-align:left;vertical-align:top}}th{{background:#f2f2f2}}.r{{font-size:.8em;color:#fff;
border-radius:.6em;padding:0 .45em}}.reliable{{background:#2e7d32}}.tentative{{background:#ef6c00}}
.unreliable{{background:#c62828}}</style></head><body>
<h1>{e(title)}</h1>
<h2>Intercoder agreement</h2>
<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>
<ul>{notes}</ul>
<h2>Disagreements ({len(found)}, largest first)</h2>
<table><thead><tr><th>#</th><th>Kind</th><th>Start</th><th>End</th><th>Size</th>
<th>Codings</th></tr></thead><tbody>{listed}</tbody></table>
</body></html>
"""


def write_html(path: Path, result: AgreementResult, found: Sequence[Disagreement],
               title: str) -> Path:
    with atomic_writer(path) as handle:
        handle.write(render_html(result, found, title))
    return path


def disagreements_path(path: Path) -> Path:
    return Path(path).with_name(f"{Path(path).stem}.disagreements.csv")


def write_csv(path: Path, result: AgreementResult, found: Sequence[Disagreement]) -> list[Path]:
    """The table at `path` and the disagreement list beside it (NAME.disagreements.csv)."""
    header = ["tag", *(f"units:{a}" for a in result.annotators),
              *(f"coded_seconds:{a}" for a in result.annotators)]
    for key, _ in COLUMNS:
        header += [key, f"{key}_low", f"{key}_high"] + (
            [f"{key}_reading"] if key in CHANCE_CORRECTED else [])
    rows = [[safe_cell(h) for h in header]]
    for row in result.rows:
        cells = [safe_cell(row.tag), *(str(row.units[a]) for a in result.annotators),
                 *(f"{row.coded_seconds[a]:.3f}" for a in result.annotators)]
        for key, _ in COLUMNS:
            estimate = row.figures[key]
            cells += [_number(estimate.value), _number(estimate.low), _number(estimate.high)]
            if key in CHANCE_CORRECTED:
                cells.append(estimate.reading)
        rows.append(cells)
    second = disagreements_path(path)
    listed = [["rank", "key", "kind", "start", "end", "size_seconds", "tags", "description"]]
    listed += [[str(i), safe_cell(d.key), d.kind, f"{d.start:.3f}", f"{d.end:.3f}",
                f"{d.size:.3f}", safe_cell(", ".join(d.tags)), safe_cell(d.describe())]
               for i, d in enumerate(found, start=1)]
    with all_or_nothing():
        for target, table in ((path, rows), (second, listed)):
            with atomic_writer(target, encoding="utf-8-sig") as handle:
                write_rows(handle, table)
    return [Path(path), second]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"
