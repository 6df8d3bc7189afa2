"""Speakers in the window: the Speakers pane and what feeds the lane and the find filter."""
