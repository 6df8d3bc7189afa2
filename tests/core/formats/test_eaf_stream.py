"""The streamed ELAN reader: what it keeps, what it refuses, and that memory follows the rows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.errors import FormatError
from desk.core.formats.eaf_stream import CHUNK, read_eaf_stream
from desk.core.pipeline.media import probe
from desk.core.store import Project
from tests.conftest import make_media

REPO = Path(__file__).resolve().parents[3]
TIER = ('<TIER TIER_ID="{id}" LINGUISTIC_TYPE_REF="t"{extra}>{body}</TIER>')
ANNOTATION = ('<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{n}" TIME_SLOT_REF1="{r1}" '
              'TIME_SLOT_REF2="{r2}"><ANNOTATION_VALUE>{value}</ANNOTATION_VALUE>'
              "</ALIGNABLE_ANNOTATION></ANNOTATION>")


def _eaf(path: Path, tiers: str, slots: str, slots_first: bool = True,
         prolog: str = "") -> Path:
    order = f"<TIME_ORDER>{slots}</TIME_ORDER>"
    body = order + tiers if slots_first else tiers + order
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<ANNOTATION_DOCUMENT>'
                    f'<HEADER TIME_UNITS="milliseconds"/>{body}'
                    '<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t"/></ANNOTATION_DOCUMENT>',
                    encoding="utf-8")
    return path


SLOTS = ('<TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/>'
         '<TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2500"/>'
         '<TIME_SLOT TIME_SLOT_ID="start" TIME_VALUE="3000"/>'
         '<TIME_SLOT TIME_SLOT_ID="ts9" TIME_VALUE="4000"/>')
TIERS = (TIER.format(id="A", extra=' PARTICIPANT="Anna"', body=(
    ANNOTATION.format(n=1, r1="ts1", r2="ts2", value=" Hello ")
    + ANNOTATION.format(n=2, r1="start", r2="ts9", value="there"))),
    TIER.format(id="A notes", extra=' PARENT_REF="A"', body=""))


@pytest.mark.parametrize("slots_first", [True, False])
def test_tiers_and_times_wherever_the_slots_are(tmp_path: Path, slots_first: bool) -> None:
    parsed = read_eaf_stream(_eaf(tmp_path / "a.eaf", "".join(TIERS), SLOTS, slots_first))
    assert [(t.id, t.participant, t.parent) for t in parsed.tiers] == [
        ("A", "Anna", ""), ("A notes", "", "A")]
    assert list(parsed.tiers[0].rows()) == [("a1", 1.0, 2.5, "Hello"), ("a2", 3.0, 4.0, "there")]
    # The root keeps its small children for the importer, not the big ones.
    assert [c.tag for c in parsed.root] == ["HEADER", "LINGUISTIC_TYPE"]


def test_a_dtd_after_a_long_prolog_is_still_refused(tmp_path: Path) -> None:
    """The DOCTYPE starts past the first chunk: the guard sees every chunk before the root."""
    prolog = f"<!--{'x' * CHUNK}--><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    path = _eaf(tmp_path / "late.eaf", TIER.format(id="&x;", extra="", body=""), SLOTS,
                prolog=prolog)
    with pytest.raises(FormatError, match="late.eaf was refused: it declares a DTD"):
        read_eaf_stream(path)


def test_a_wrong_annotation_is_reported_after_the_whole_file_proved_well_formed(
        tmp_path: Path) -> None:
    bad = TIER.format(id="B", extra="", body=ANNOTATION.format(n=3, r1="ts2", r2="ts1",
                                                                value="back"))
    path = _eaf(tmp_path / "b.eaf", bad, SLOTS)
    with pytest.raises(FormatError, match="TIER 'B', ANNOTATION 'a3': .*end"):
        read_eaf_stream(path)
    path.write_text(path.read_text(encoding="utf-8")[:-10], encoding="utf-8")
    with pytest.raises(FormatError, match="not well-formed XML"):
        read_eaf_stream(path)


def test_slot_ids_are_matched_exactly_however_they_are_spelled(tmp_path: Path) -> None:
    """ELAN's ts<N> index an array; any other spelling is looked up as itself, never as N."""
    slots = "".join(f'<TIME_SLOT TIME_SLOT_ID="{slot}" TIME_VALUE="{ms}"/>' for slot, ms in (
        ("ts3", 3000), ("ts\u0663", 3300), ("ts05", 5000), ("ts5", 5500), ("start", 100),
        ("ts99999999", 9000), ("ts 4", 4400), ("ts4", 4000)))
    body = "".join(ANNOTATION.format(n=n, r1=r1, r2=r2, value=n) for n, (r1, r2) in enumerate(
        [("start", "ts3"), ("start", "ts\u0663"), ("ts4", "ts05"), ("ts05", "ts5"),
         ("ts\u0663", "ts 4"), ("ts5", "ts99999999")]))
    tier = TIER.format(id="A", extra="", body=body)
    parsed = read_eaf_stream(_eaf(tmp_path / "ids.eaf", tier, slots))
    assert [(start, end) for _, start, end, _ in parsed.tiers[0].rows()] == [
        (0.1, 3.0), (0.1, 3.3), (4.0, 5.0), (5.0, 5.5), (3.3, 4.4), (5.5, 9000 / 1000)]
    undeclared = TIER.format(id="B", extra="", body=ANNOTATION.format(n=9, r1="ts3",
                                                                      r2="ts04", value="x"))
    with pytest.raises(FormatError, match="ANNOTATION 'a9': time slot 'ts04' does not exist"):
        read_eaf_stream(_eaf(tmp_path / "ts04.eaf", undeclared, slots))


def test_an_annotation_is_read_as_elementtree_would_whatever_its_layout(tmp_path: Path) -> None:
    """Attributes in any order, more of them, text around the value's children, a second
    value, a REF_ANNOTATION and an aligned one outside an ANNOTATION: as `findtext` reads."""
    body = ('<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF2="ts2" CVE_REF="c1" '
            'TIME_SLOT_REF1="ts1" ANNOTATION_ID="a1"><ANNOTATION_VALUE> one <b>bold</b> '
            "tail</ANNOTATION_VALUE><ANNOTATION_VALUE>second</ANNOTATION_VALUE>"
            "</ALIGNABLE_ANNOTATION>after</ANNOTATION>"
            '<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="r1" ANNOTATION_REF="a1">'
            "<ANNOTATION_VALUE>ref</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>"
            '<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="start" '
            'TIME_SLOT_REF2="ts9"/></ANNOTATION>'
            '<OTHER><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="ts1" '
            'TIME_SLOT_REF2="ts2"/></OTHER>'
            + ANNOTATION.format(n=4, r1="ts1", r2="ts9", value="<![CDATA[<&>]]> caf&#233;"))
    parsed = read_eaf_stream(_eaf(tmp_path / "layout.eaf", TIER.format(id="A", extra="",
                                                                       body=body), SLOTS))
    assert list(parsed.tiers[0].rows()) == [("a1", 1.0, 2.5, "one"), ("a2", 3.0, 4.0, ""),
                                            ("a4", 1.0, 4.0, "<&> café")]


def _big_eaf(path: Path, count: int) -> Path:
    """`count` lines of speech on 4 tiers, 4 ms apart, two slots each, indented as ELAN does."""
    per_tier = count // 4
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<ANNOTATION_DOCUMENT>\n'
                  '    <HEADER TIME_UNITS="milliseconds"/>\n    <TIME_ORDER>\n')
        out.writelines(f'        <TIME_SLOT TIME_SLOT_ID="ts{2 * i + s + 1}" '
                       f'TIME_VALUE="{4 * i + 2 * s}"/>\n'
                       for i in range(per_tier) for s in (0, 1))
        out.write("    </TIME_ORDER>\n")
        for t in range(4):
            out.write(f'    <TIER TIER_ID="speaker {t}" LINGUISTIC_TYPE_REF="t">\n')
            out.writelines(
                "        " + ANNOTATION.format(
                    n=t * per_tier + i, r1=f"ts{2 * i + 1}", r2=f"ts{2 * i + 2}",
                    value=f"and this is line {i} of what speaker {t} said")
                .replace("><", ">\n            <") + "\n"
                for i in range(per_tier))
            out.write("    </TIER>\n")
        out.write('    <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="t"/>\n</ANNOTATION_DOCUMENT>\n')
    return path


# The child reports its own high-water mark: `ru_maxrss` from wait4 would also count
# the pages a forked child shares with this (large, pytest) process before its exec.
_PEAK = ("import atexit, runpy, sys\n"
         "def peak():\n"
         "    with open('/proc/self/status', encoding='ascii') as status:\n"
         "        line = next(x for x in status if x.startswith('VmHWM:'))\n"
         "    print('peak', line.split()[1], file=sys.stderr)\n"
         "atexit.register(peak)\n"
         "sys.argv = sys.argv[1:]\n"
         "runpy.run_path(sys.argv[0], run_name='__main__') if sys.argv[0].endswith('.py') "
         "else runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n")


def _peak_rss_mb(args: list[str]) -> float:
    """Peak RSS of `python -m MODULE ARGS` or `python SCRIPT ARGS` in a child that must succeed."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)), check=False)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.splitlines()[-1].split()[1]) / 1024


def test_desk_import_streams_the_file(tmp_path: Path) -> None:
    """10⁵ annotations: `desk import` stays under a peak a parse of the whole tree exceeds."""
    bound_mb = 150  # measured: ~105 MB streamed, ~190 MB for the bare tree
    eaf = _big_eaf(tmp_path / "big.eaf", 100_000)
    media = make_media(tmp_path / "long.m4a", seconds=110, video=False)
    project = tmp_path / "big.desk"
    Project.create(project, media=probe(media)).close()
    whole = tmp_path / "whole_tree.py"
    whole.write_text("import sys, xml.etree.ElementTree as ET\nET.parse(sys.argv[1])\n",
                     encoding="utf-8")
    tree = _peak_rss_mb([str(whole), str(eaf)])
    imported = _peak_rss_mb(["desk", "import", str(project), str(eaf)])
    assert tree > bound_mb, f"{tree:.0f} MB"  # the bound tells streamed from whole-tree
    assert imported < bound_mb, f"{imported:.0f} MB (whole tree: {tree:.0f} MB)"
    with Project.open(project) as done:
        assert len(done.transcripts.segments()) == 100_000
