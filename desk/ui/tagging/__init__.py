"""Tagging in the app: codebook, coding, annotations, timeline, suggestions, statistics.

The window makes a `tagging_ui.TaggingUi` and places its panes. Importing this
package loads nothing, so the CLI can use `desk.ui.tagging.stats_picture`
without the widgets.
"""
