"""The log of an error geo did not expect: the CLI says one line and names this file."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path


def log_internal_error(err: BaseException) -> Path:
    """Write the details of an error geo did not expect to a new log file; return its path."""
    from geo import __version__

    handle, name = tempfile.mkstemp(prefix="geo-error-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as log:
        log.write(f"geo {__version__}, Python {sys.version.split()[0]}\n"
                  f"command: {sys.argv!r}\n\n")
        log.write("".join(traceback.format_exception(err)))
    return Path(name)
