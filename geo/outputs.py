"""Analysis -> files: the report, the GIS layers and the map of one article, as one set.

`write_outputs` is what `geo run` does after reading; scripts and notebooks call it the same
way. The set is written into a new folder beside `out` that replaces it only when every file
is written, so a folder always holds one article's complete set.
"""

from __future__ import annotations

import os
from pathlib import Path

# Format -> the files it writes; "geojson" writes one per layer (`file_names`).
FORMATS = {"json": ("report.json",), "md": ("report.md",), "gpkg": ("layers.gpkg",),
           "geojson": ("{layer}.geojson",), "kml": ("layers.kml",),
           "csv": ("places.csv", "claims.csv"), "html": ("map.html",)}


class OutputFolderError(ValueError):
    """`out` cannot take a run's files; the message says why in one line."""


def check_output_folder(out: Path) -> Path:
    """`out` if a run may fill it: absent, empty, or an earlier run's, that is holding one of
    the files geo writes (it is replaced whole, with what it held besides, like the picture
    `make run` takes of the map)."""
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not any(
            (out / name).is_file() for name in file_names()):
        raise OutputFolderError(f"{out} holds files that geo did not write; choose another "
                                "folder")
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputFolderError(f"cannot make the folder {parent}: a file is in the way"
                                ) from None
    except OSError as err:
        raise OutputFolderError(f"cannot make the folder {parent}: {err.strerror}") from None
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputFolderError(f"cannot write in {parent}: permission denied")
    return out


def file_names(formats=FORMATS) -> set[str]:
    """The names of the files that `formats` write."""
    from geo.incident_layers import LAYER_COLUMNS

    return {pattern.format(layer=layer) for format_ in formats for pattern in FORMATS[format_]
            for layer in LAYER_COLUMNS}


def checked_formats(formats) -> frozenset[str]:
    """The formats asked for (all when None), or OutputFolderError naming an unknown one."""
    chosen = frozenset(FORMATS if formats is None else formats)
    if unknown := sorted(chosen - FORMATS.keys()):
        raise OutputFolderError(f"unknown format {unknown[0]!r}; geo writes "
                                + ", ".join(FORMATS))
    if not chosen:
        raise OutputFolderError("no format chosen")
    return chosen


def write_outputs(analysis, out: str | os.PathLike, source_name: str = "-",
                  formats=None) -> dict:
    """The files of `formats` (see FORMATS; all by default): report.json, report.md,
    layers.gpkg, one GeoJSON per layer, layers.kml, places.csv and map.html of `analysis` in
    the folder `out`; returns the report (as report.json holds it). `source_name` is what the
    report calls the article (its file name, or "-")."""
    from geo.atomic import atomic_folder, write_text
    from geo.incident_layers import write_layers
    from geo.incident_map import write_map_outputs
    from geo.report import report_dict, to_json, to_markdown

    formats = checked_formats(formats)
    out = check_output_folder(Path(out))
    report = report_dict(analysis, source_name=source_name)
    with atomic_folder(out) as staging:
        if "json" in formats:
            write_text(staging / "report.json", to_json(report))
        if "md" in formats:
            write_text(staging / "report.md", to_markdown(report))
        write_layers(analysis.layers, staging, formats)
        write_map_outputs(analysis, analysis.layers, staging, formats)
    return report
