"""pygamma-agreement, the γ oracle: imported once, only by the tests that compare with it."""

from __future__ import annotations

import logging
from types import ModuleType

import numpy as np
import pytest


@pytest.fixture(scope="session")
def pygamma() -> ModuleType:
    # Importing it compiles its numba code (~20 s of CPU); it logs
    # "CBC solver not installed. Using GLPK." on every alignment.
    logging.getLogger().setLevel(logging.ERROR)
    import pygamma_agreement

    return pygamma_agreement


def continuum(pa: ModuleType, units: list[np.ndarray]) -> object:
    """The coders' units as a pygamma-agreement Continuum of one category."""
    from pyannote.core import Segment

    made = pa.Continuum()
    for i, coder in enumerate(units):
        for start, end in coder:
            made.add(f"coder{i}", Segment(float(start), float(end)), "tag")
    return made
