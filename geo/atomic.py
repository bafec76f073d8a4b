"""Write files and folders so that a reader never sees half of one and a failure leaves the
old one as it was."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; move it over `target` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name ends like the target: GDAL, for one, checks a GeoPackage's extension.
    tmp = _temporary(target, target.stem, target.suffix)
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a new empty folder beside `target`; if the block succeeds it takes the place of
    `target` (a folder there is replaced whole), and in any case no temporary folder is left.
    A reader of `target` finds the old set of files or the new one, never a mix."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging, old = _temporary(target, target.name), _temporary(target, target.name, ".old")
    try:
        staging.mkdir(mode=0o700)
        yield staging
        os.chmod(staging, 0o755)
        # A folder cannot be renamed over a full one: the old one moves aside, the new in.
        if target.exists():
            os.rename(target, old)
        os.rename(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists():  # stopped between the two renames, the old set goes back
            if target.exists():
                shutil.rmtree(old)
            else:
                os.rename(old, target)


def _temporary(target: Path, stem: str, suffix: str = "") -> Path:
    """A name for a temporary file or folder beside `target`, chosen before it is made: made
    inside the `try` whose `finally` removes it, it is never left behind by a signal landing
    between its making and that `try` (tempfile's mkstemp and mkdtemp make first and name
    after). 64 random bits: no other file has the name."""
    return target.parent / f".{stem}.tmp.{secrets.token_hex(8)}{suffix}"
