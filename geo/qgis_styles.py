"""QGIS styles for the GeoPackage: a `layer_styles` table, so that QGIS opens each layer
coloured as geo's map draws it instead of grey.

QGIS looks for its default style of a GeoPackage layer in a table `layer_styles` (the layout
QGIS itself writes when a style is saved to the database: QgsOgrProviderUtils::saveStyle),
as a QML document. The QML here is the least QGIS needs: a renderer and its symbols. Places
are categorised by kind and claims by verdict, in the colours of geo.colours.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd

from geo.colours import (
    COUNTRY_COLOUR,
    OTHER_KIND_COLOUR,
    PLACE_KIND_COLOURS,
    REFERENCE_COLOUR,
    VERDICT_COLOURS,
)

# The oldest QGIS release whose QML this follows (the Option maps of symbol layers).
QGIS_VERSION = "3.22"


def _rgba(colour: str, opacity: float = 1.0) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"{red},{green},{blue},{round(255 * opacity)}"


def _symbol(kind: str, name: str, colour: str) -> ET.Element:
    symbol = ET.Element("symbol", type=kind, name=name, alpha="1", clip_to_extent="1",
                        force_rhr="0")
    if kind == "marker":
        layer_class, options = "SimpleMarker", {
            "name": "circle", "color": _rgba(colour, 0.8), "outline_color": _rgba(colour),
            "size": "2.6", "size_unit": "MM"}
    elif kind == "line":
        layer_class, options = "SimpleLine", {
            "line_color": _rgba(colour), "line_width": "0.8", "line_width_unit": "MM"}
    else:
        layer_class, options = "SimpleFill", {
            "color": _rgba(colour, 0.15), "style": "solid", "outline_color": _rgba(colour),
            "outline_width": "0.4", "outline_width_unit": "MM"}
    layer = ET.SubElement(symbol, "layer", {"class": layer_class, "enabled": "1",
                                            "locked": "0", "pass": "0"})
    option_map = ET.SubElement(layer, "Option", type="Map")
    for key, value in options.items():
        ET.SubElement(option_map, "Option", name=key, type="QString", value=value)
    return symbol


def _qml(kind: str, colours: dict[str, str] | str, attribute: str | None = None,
         other: str | None = None) -> str:
    """A QML document: one symbol of `colours` (a colour), or one per value of `attribute`
    (`colours` maps value -> colour; `other` colours every value not named)."""
    qgis = ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology")
    if isinstance(colours, str):
        renderer = ET.SubElement(qgis, "renderer-v2", type="singleSymbol",
                                 forceraster="0", symbollevels="0", enableorderby="0")
        ET.SubElement(renderer, "symbols").append(_symbol(kind, "0", colours))
        return ET.tostring(qgis, encoding="unicode")
    renderer = ET.SubElement(qgis, "renderer-v2", type="categorizedSymbol", attr=attribute,
                             forceraster="0", symbollevels="0", enableorderby="0")
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    shown = [*colours.items(), *([("", other)] if other else [])]
    for number, (value, colour) in enumerate(shown):
        # An empty value is QGIS's "all other values" category.
        ET.SubElement(categories, "category", symbol=str(number), value=value,
                      label=value or "other", render="true")
        symbols.append(_symbol(kind, str(number), colour))
    return ET.tostring(qgis, encoding="unicode")


def _styles() -> dict[str, str]:
    return {
        "places": _qml("marker", PLACE_KIND_COLOURS, "kind", OTHER_KIND_COLOUR),
        "claims": _qml("line", VERDICT_COLOURS, "verdict"),
        "countries": _qml("fill", COUNTRY_COLOUR),
        "borders": _qml("line", REFERENCE_COLOUR),
        "regions": _qml("fill", REFERENCE_COLOUR),
    }


def layer_styles(layers: list[str], geometry_column: str, update_time: str) -> pd.DataFrame:
    """The `layer_styles` rows of `layers`, each its default style."""
    styles = _styles()
    return pd.DataFrame([{
        "f_table_catalog": "", "f_table_schema": "", "f_table_name": name,
        "f_geometry_column": geometry_column, "styleName": name, "styleQML": styles[name],
        "styleSLD": "", "useAsDefault": True, "description": "geo's map style",
        "owner": "", "ui": "", "update_time": update_time} for name in layers])
