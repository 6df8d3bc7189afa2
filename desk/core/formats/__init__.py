"""Exchange formats: exports of an annotated transcript and imports from other tools.

Each format lives in its own module and works from a `ProjectSnapshot`
(snapshot.py), a read-only copy of what a project holds, so exporters never
touch SQL and all see the same "tags over each segment" answer. The registry
(registry.py) is what the CLI and the app's File menu are built from.
"""
