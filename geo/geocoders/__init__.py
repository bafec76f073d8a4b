"""geopy geocoders for geo: one module per provider, as geopy has them.

OfflineGazetteer answers from the local gazetteer and never opens a socket. CachedNominatim
goes online (OpenStreetMap's Nominatim) and is only used when a caller asks for it.
"""

from geo.geocoders.nominatim import CachedNominatim
from geo.geocoders.offline import OfflineGazetteer

__all__ = ["CachedNominatim", "OfflineGazetteer"]
