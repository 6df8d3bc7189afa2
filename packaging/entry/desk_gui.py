"""Entry point of the frozen windowed app (`Desk.exe`, `Desk.app`, `desk-gui`).

The OS starts it with a file to open (a `.desk` project or a recording), so
the arguments go to the app, not to the CLI parser. The exceptions are the
flags of the CLI itself: the release workflow checks the app with
`--self-test`, and the app starts its transcription child as
`<this executable> --job-worker ...`.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import sys

CLI_FLAGS = ("--self-test", "--version", "--job-worker")


def main() -> int:
    multiprocessing.freeze_support()
    args = sys.argv[1:]
    if (args and args[0] in CLI_FLAGS) or importlib.util.find_spec("desk.ui.app") is None:
        from desk.cli import main as cli_main

        return int(cli_main(args) or 0)
    from desk.ui.app import main as app_main

    return int(app_main(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
