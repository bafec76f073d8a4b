"""geo: turn a news article about an incident into a verified map, offline.

Data attribution: the gazetteer is built from GeoNames data, "GeoNames, geonames.org",
licensed CC BY 4.0; the base layers are Natural Earth (public domain). See layers/README.md.
"""

__version__ = "0.1.0"
