"""Intercoder agreement on coded time ranges: slices (κ, α), unitizing (α_u) and γ.

`study` gathers each annotator's ranges per tag, `measure` runs every
coefficient with seeded bootstrap intervals; one module per coefficient.
"""
