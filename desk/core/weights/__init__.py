"""Whisper weights: where they are found, checked, and converted."""
