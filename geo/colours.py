"""The colours of geo's layers, shared by the map, the KML and the GeoPackage's QGIS styles so
that a layer looks the same wherever it is opened. ColorBrewer palettes (colorbrewer2.org):
RdYlGn for verdicts, PuOr and BrBG for the kinds, all readable by the colour-blind."""

VERDICT_COLOURS = {"consistent": "#1a9850", "inconsistent": "#d73027",
                   "unverifiable": "#8c8c8c"}
# Place kinds the legend names; the others (admin units, regions, continents) share OTHER_KIND.
PLACE_KIND_COLOURS = {"country": "#2166ac", "city": "#762a83", "facility": "#e08214",
                      "airport": "#35978f"}
OTHER_KIND_COLOUR = "#636363"
REFERENCE_COLOUR = "#8c510a"  # borders and regions: what claims measure against
COUNTRY_COLOUR = "#2166ac"
LAND_COLOUR, SEA_COLOUR, COAST_COLOUR = "#f4f1ea", "#d5e5ef", "#b9b3a8"
