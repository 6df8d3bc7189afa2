"""Several analysts, one recording, in the window: merge, blind coding, agreement, adjudication."""
