"""Import scale (issue #11): a codebook of N tags, and an ELAN file of N annotations.

Codebooks: `desk codebook --import` per size; wall and CPU seconds, their ratio to
the smallest size (linear growth keeps the CPU ratio near the size ratio). Target:
100,000 tags in <= 10 s.

ELAN: a file as ELAN writes it (two time slots per annotation, numbered in time
order, indented), with transcript tiers (a participant each, a line of speech per
annotation) and coding tiers (a controlled vocabulary, a code per annotation),
over a 24-hour recording; each tier's annotations follow one another. Timed:
`desk import PROJECT FILE` in a fresh process (wall, CPU, peak RSS from
`os.wait4`), and, in the same run on the same file, two peers in their own
processes: a bare `ElementTree.iterparse` pass that only counts annotations
(clearing as it goes: the floor of reading the XML), and `sqlite3` executemany
of the same number of rows into a one-table file (the floor of writing them).
Target: 10^6 annotations in <= 30 s and <= 600 MB peak RSS.

    .venv/bin/python benchmarks/import_scale.py                 # both, 10^6 annotations
    .venv/bin/python benchmarks/import_scale.py --eaf 100000    # ELAN only, 10^5
    .venv/bin/python benchmarks/import_scale.py --codebook 10000 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
HOURS = 24
SPEAKERS = ("Anna", "Ben", "Chris", "Dana")
CODES = ("flattery", "insult", "question", "claim", "joke", "aside")
WORDS = ("the", "stream", "is", "really", "going", "well", "today", "thanks", "for",
         "joining", "we", "will", "talk", "about", "rockets", "and", "cars", "later")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _own_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measured(args: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one command in its own process (os.wait4)."""
    started = time.perf_counter()
    child = subprocess.Popen(args, env=_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(args)} failed: {err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def write_eaf(path: Path, annotations: int, seconds: float = HOURS * 3600.0,
              seed: int = 11) -> Path:
    """An ELAN file of `annotations` annotations over `seconds`, as ELAN lays one out."""
    rng = random.Random(seed)
    tiers = [(f"{name}", "transcription", name) for name in SPEAKERS] + [
        (f"coding {n + 1}", "coding", "") for n in range(len(SPEAKERS))]
    per_tier = -(-annotations // len(tiers))
    step_ms = int(seconds * 1000 / per_tier)
    if step_ms < 4:
        raise SystemExit(f"{annotations:,} annotations do not fit {seconds:,.0f} s")
    spans: list[list[tuple[int, int, str]]] = []
    left = annotations
    for _, kind, _ in tiers:
        rows = []
        for i in range(min(per_tier, left)):
            start = i * step_ms + rng.randrange(step_ms // 4)
            end = start + rng.randrange(step_ms // 4, step_ms * 3 // 4)
            value = (" ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 12)))
                     if kind == "transcription" else rng.choice(CODES))
            rows.append((start, end, value))
        left -= len(rows)
        spans.append(rows)
    times = sorted((ms, t, i, side) for t, rows in enumerate(spans)
                   for i, row in enumerate(rows) for side, ms in enumerate(row[:2]))
    slot = {(t, i, side): n for n, (_, t, i, side) in enumerate(times, start=1)}
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT AUTHOR="" '
                  'DATE="2026-12-03T10:00:00+00:00" FORMAT="3.0" VERSION="3.0">\n'
                  '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">\n'
                  '        <PROPERTY NAME="lastUsedAnnotationId">'
                  f'{annotations}</PROPERTY>\n    </HEADER>\n    <TIME_ORDER>\n')
        out.writelines(f'        <TIME_SLOT TIME_SLOT_ID="ts{n}" TIME_VALUE="{ms}"/>\n'
                       for n, (ms, _, _, _) in enumerate(times, start=1))
        out.write("    </TIME_ORDER>\n")
        number = 0
        for t, ((tier, kind, participant), rows) in enumerate(zip(tiers, spans, strict=True)):
            who = f' PARTICIPANT="{participant}"' if participant else ""
            out.write(f'    <TIER LINGUISTIC_TYPE_REF="{kind}"{who} TIER_ID="{tier}">\n')
            for i, (_, _, value) in enumerate(rows):
                number += 1
                out.write(f'        <ANNOTATION>\n            <ALIGNABLE_ANNOTATION '
                          f'ANNOTATION_ID="a{number}" TIME_SLOT_REF1="ts{slot[t, i, 0]}" '
                          f'TIME_SLOT_REF2="ts{slot[t, i, 1]}">\n                '
                          f'<ANNOTATION_VALUE>{escape(value)}</ANNOTATION_VALUE>\n'
                          '            </ALIGNABLE_ANNOTATION>\n        </ANNOTATION>\n')
            out.write("    </TIER>\n")
        out.write('    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" '
                  'LINGUISTIC_TYPE_ID="transcription" TIME_ALIGNABLE="true"/>\n'
                  '    <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="codes" '
                  'GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="coding" '
                  'TIME_ALIGNABLE="true"/>\n'
                  '    <LANGUAGE LANG_ID="eng" LANG_LABEL="English (eng)"/>\n'
                  '    <CONTROLLED_VOCABULARY CV_ID="codes">\n')
        for n, code in enumerate(CODES, start=1):
            out.write(f'        <CV_ENTRY_ML CVE_ID="cve{n}"><CVE_VALUE LANG_REF="eng">'
                      f'{code}</CVE_VALUE></CV_ENTRY_ML>\n')
        out.write("    </CONTROLLED_VOCABULARY>\n</ANNOTATION_DOCUMENT>\n")
    return path


_ITERPARSE_PEER = """
import sys, xml.etree.ElementTree as ET
count = 0
for _, element in ET.iterparse(sys.argv[1]):
    if element.tag == "ALIGNABLE_ANNOTATION":
        count += 1
    elif element.tag in ("ANNOTATION", "TIME_SLOT"):
        element.clear()
print(count)
"""

_SQLITE_PEER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute('CREATE TABLE a(id INTEGER PRIMARY KEY, tier INTEGER, start REAL, "end" REAL, '
             'text TEXT)')
with conn:
    conn.executemany('INSERT INTO a(tier, start, "end", text) VALUES (?,?,?,?)',
                     ((i % 8, i * 0.5, i * 0.5 + 0.4, "a line of speech in the stream")
                      for i in range(int(sys.argv[2]))))
conn.close()
"""


def bench_eaf(base: Path, count: int) -> None:
    media = base / "day.flac"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                    "anullsrc=r=8000:cl=mono", "-t", str(HOURS * 3600), "-c:a", "flac",
                    str(media)], check=True)
    # Written in a child: a forked child's peak RSS (os.wait4) counts the pages it shared
    # with this process before its exec, so this process must stay small.
    eaf = base / f"day{count}.eaf"
    subprocess.run([sys.executable, __file__, "--write-eaf", str(eaf), str(count)], check=True)
    project = base / f"day{count}.desk"
    subprocess.run([sys.executable, "-m", "desk", "new", str(media), "-p", str(project)],
                   check=True, env=_env(), capture_output=True)
    size = eaf.stat().st_size / 2**20
    print(f"ELAN file: {count:,} annotations in 8 tiers, {size:.0f} MiB; load {_load()}")
    rows = [("desk import", [sys.executable, "-m", "desk", "import", str(project), str(eaf)]),
            ("iterparse pass (peer)", [sys.executable, "-c", _ITERPARSE_PEER, str(eaf)]),
            ("sqlite3 executemany (peer)", [sys.executable, "-c", _SQLITE_PEER,
                                            str(base / "peer.sqlite"), str(count)])]
    desk_wall = 0.0
    for label, args in rows:
        wall, cpu, rss = measured(args)
        desk_wall = desk_wall or wall
        print(f"  {label:<28} {wall:6.1f} s wall, {cpu:6.1f} s CPU, {rss:5.0f} MB peak RSS"
              f"  (desk / this: {desk_wall / wall:.1f}x); load {_load()}")
    print(f"  target: {count:,} in <= 30 s and <= 600 MB (for 10^6); this process peaked at "
          f"{_own_peak():.0f} MB (a floor under the children's peak RSS)")


def bench_codebook(base: Path, sizes: list[int]) -> None:
    media = base / "tone.m4a"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                    "sine=frequency=440:d=10", "-c:a", "aac", str(media)], check=True)
    first = None
    for count in sizes:
        book = base / f"cb{count}.json"
        book.write_text(json.dumps({"tags": [
            {"name": f"tag {i}", "colour": "#112233", "keywords": [f"word{i}"]}
            for i in range(count)]}), encoding="utf-8")
        project = base / f"p{count}.desk"
        subprocess.run([sys.executable, "-m", "desk", "new", str(media), "-p", str(project)],
                       check=True, env=_env(), capture_output=True)
        wall, cpu, rss = measured([sys.executable, "-m", "desk", "codebook", str(project),
                                   "--import", str(book)])
        first = first or (count, cpu)
        print(f"codebook {count:>7,} tags: {wall:6.2f} s wall, {cpu:6.2f} s CPU "
              f"({cpu / first[1]:.1f}x the CPU of {first[0]:,} for {count / first[0]:.0f}x "
              f"the tags; target 100,000 in <= 10 s), peak RSS {rss:.0f} MB; load {_load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--codebook", type=int, nargs="*", help="codebook sizes only")
    parser.add_argument("--eaf", type=int, help="ELAN annotations only")
    parser.add_argument("--write-eaf", nargs=2, metavar=("PATH", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_eaf:
        write_eaf(Path(args.write_eaf[0]), int(args.write_eaf[1]))
        return
    both = args.codebook is None and args.eaf is None
    print(f"load average: {_load()}")
    with tempfile.TemporaryDirectory() as folder:
        if both or args.codebook is not None:
            bench_codebook(Path(folder), args.codebook or [10_000, 100_000])
        if both or args.eaf:
            bench_eaf(Path(folder), args.eaf or 1_000_000)


if __name__ == "__main__":
    main()
