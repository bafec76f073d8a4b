"""Write files and folders so that a reader never sees half of one and a failure leaves the
old one as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; move it over `target` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name ends like the target: GDAL, for one, checks a GeoPackage's extension.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.tmp.", suffix=target.suffix,
                                    dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
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
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp.", dir=target.parent))
    try:
        yield staging
        os.chmod(staging, 0o755)
        if not target.exists():
            os.rename(staging, target)
            return
        # A folder cannot be renamed over a full one: move the old aside (onto an empty
        # folder, which rename replaces), the new in, then delete the old.
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
