"""Desk's core: plain Python, no Qt and no VLC. The CLI and the UI both drive it."""
