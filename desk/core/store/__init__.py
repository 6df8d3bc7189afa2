"""The .desk project file (SQLite): see `project.Project`."""

from desk.core.store.project import Project

__all__ = ["Project"]
