"""The recipes the CLI and the window both run, written once (no Qt here).

One module per recipe: `project_setup` (the project for a recording, one
codebook default), `dead_air`, `waveform`, `resume`, `annotator`, `relink`,
`exchange` (exports and imports with what they wrote). A front only gathers
the input, runs a recipe (the window off the GUI thread when it is slow) and
shows the result.
"""
