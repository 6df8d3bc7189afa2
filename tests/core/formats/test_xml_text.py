"""Text XML can hold: control characters pasted from elsewhere are dropped, the rest kept."""

from __future__ import annotations

from desk.core.formats.xml_text import xml_safe


def test_control_characters_are_dropped_and_text_kept() -> None:
    assert xml_safe("Kamala\x00 Harris\x1b said\tthis\nand\rthat \ufffe ü") == \
        "Kamala Harris said\tthis\nand\rthat  ü"
    assert xml_safe(None) == ""
