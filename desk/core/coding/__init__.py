"""Coding a recording: the codebook, suggestions, snapping, statistics."""
