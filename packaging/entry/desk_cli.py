"""Entry point of the frozen `desk` command (the CLI; no arguments opens the app).

`freeze_support` lets a multiprocessing child of the frozen app run; Desk's own
transcription child comes back through the CLI as `desk --job-worker`.
"""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()
    from desk.cli import main as cli_main

    return int(cli_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
