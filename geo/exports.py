"""Exports for other tools: layers as KML (Google Earth), tables as CSV (spreadsheets).

KML goes through GDAL's LIBKML driver (pyogrio, which geopandas already needs): it turns each
feature's OGR style string (an `OGR_STYLE` column) into a KML <Style>, writes one folder per
layer, and gives the same bytes for the same input. simplekml would add a dependency whose
element ids come from a process-wide counter, so two runs in one process differ.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import geopandas as gpd
import pyogrio

from geo.atomic import atomic_path, write_text
from geo.escape import spreadsheet_cell


def write_kml(layers: dict[str, gpd.GeoDataFrame], path: Path) -> None:
    """One KML document with a folder per layer. Columns `name` and `description` become the
    placemark's, `OGR_STYLE` its style; text in them is written as given (KML viewers show
    names and descriptions as HTML, so escape it first)."""
    with atomic_path(path) as tmp:
        tmp.unlink()
        for number, (name, frame) in enumerate(layers.items()):
            pyogrio.write_dataframe(frame.to_crs("EPSG:4326"), tmp, layer=name,
                                    driver="LIBKML", append=number > 0)
        if not layers:
            tmp.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                           '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>\n')


def write_csv(columns: list[str], rows: list[dict], path: Path) -> None:
    """Rows (dicts keyed by `columns`) as CSV with a header; text that a spreadsheet would run
    as a formula is prefixed with an apostrophe. UTF-8 with a byte-order mark: Excel reads a
    CSV without one in the computer's legacy code page, garbling every name beyond ASCII."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    # RFC 4180's CRLF: the csv module quotes a cell holding any character of the line
    # terminator, and with "\n" alone a bare "\r" in a name would end the row early.
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: spreadsheet_cell(value) for key, value in row.items()}
                    for row in rows)
    write_text(path, buffer.getvalue())
