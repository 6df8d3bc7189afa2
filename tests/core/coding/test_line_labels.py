"""The labelling rule: a code labels a line it covers by half, or one it lies inside."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desk.core.coding.line_labels import LineLabels, WordBounds, labels


@dataclass
class Span:
    start: float
    end: float


@pytest.mark.parametrize(("line", "code", "expected"), [
    ((14.0, 18.0), (10.0, 14.12), False),  # runs 0.12 s into the next speaker's line
    ((10.0, 14.0), (10.0, 14.12), True),  # covers its own line
    ((18.0, 28.0), (21.0, 22.0), True),  # a 1 s code inside a 10 s line
    ((0.0, 4.0), (2.0, 6.0), True),  # exactly half
    ((0.0, 4.0), (2.01, 6.0), False),  # just under half, not inside
    ((0.0, 4.0), (4.0, 6.0), False),  # touching is not covering
    ((0.0, 4.0), (-5.0, 9.0), True),  # the whole line
    ((3.0, 3.0), (2.0, 4.0), True),  # a zero-length line inside the code
    ((3.0, 3.0), (3.5, 4.0), False),
])
def test_the_rule(line: tuple[float, float], code: tuple[float, float], expected: bool) -> None:
    assert labels(*line, *code) is expected


def test_a_short_code_across_a_line_break_labels_the_line_with_most_of_it() -> None:
    lines = [Span(0.0, 10.0), Span(10.0, 20.0)]
    codes = [Span(9.6, 10.5), Span(9.4, 10.4)]  # neither half of a line nor inside one
    result = LineLabels(lines, codes)
    assert result.lines_of(0) == [1] and result.lines_of(1) == [0]
    assert result.annotations_of(0) == [1] and result.annotations_of(1) == [0]


def test_whole_transcript_at_once_with_overlapping_lines() -> None:
    lines = [Span(0.0, 4.0), Span(4.0, 8.0), Span(3.0, 5.0), Span(8.0, 12.0)]
    codes = [Span(3.9, 8.12), Span(100.0, 101.0), Span(0.0, 12.0)]
    result = LineLabels(lines, codes)
    assert result.lines_of(0) == [2, 1]  # time order; 0 (0.1 of 4 s) and 3 (0.12 s) are not
    assert result.lines_of(1) == []  # over no line at all
    assert result.lines_of(2) == [0, 2, 1, 3]
    assert [result.annotations_of(i) for i in range(4)] == [[2], [0, 2], [0, 2], [2]]


def test_word_level_codes_sit_on_word_boundaries() -> None:
    bounds = WordBounds([Span(1.0, 1.4), Span(1.5, 2.0), Span(2.1, 2.6)])
    assert bounds.is_word_level(1.5, 2.6) and bounds.is_word_level(1.0005, 1.999)
    assert not bounds.is_word_level(1.2, 2.6) and not bounds.is_word_level(1.0, 2.3)
    assert not WordBounds([]).is_word_level(1.0, 2.0)
