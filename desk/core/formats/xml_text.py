"""Text that XML can hold: XML 1.0 forbids most control characters, even escaped.

A transcript or note pasted from elsewhere may carry them; ELAN and Word
files with one would not open, so they are dropped on the way out.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")
