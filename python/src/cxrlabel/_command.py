"""The `cxrlabel` console command: runs the command-line tool built into the package (the same Swift library)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The command-line tool inside the installed package.
COMMAND: Path = Path(__file__).resolve().parent / "bin" / "cxrlabel"


def main() -> None:
    """Replaces this process with `cxrlabel` and the command line's arguments (exit status, signals and standard
    streams are the tool's own)."""
    if not os.access(COMMAND, os.X_OK):
        sys.exit(f"cxrlabel: error: {COMMAND} is missing or not executable; reinstall the package "
                 "(pip install ./python).")
    os.execv(COMMAND, [str(COMMAND), *sys.argv[1:]])
