"""What geo's geopy geocoders share: they pickle, so they can go to process pools and Dask."""

from __future__ import annotations

from geopy.geocoders import options
from geopy.geocoders.base import Geocoder


class PicklableGeocoder(Geocoder):
    """A geopy Geocoder that pickles.

    geopy's Geocoder holds an HTTP adapter and the SSL context of geopy.geocoders.options,
    which do not always pickle (an ssl.SSLContext never does, nor an adapter holding one):
    pickling leaves them out, with whatever a subclass names in `_NOT_PICKLED` (a lock, an
    open connection), and unpickling builds the adapter anew from geopy's options in the new
    process and then calls `_reopen` for the subclass's own.
    """

    _NOT_PICKLED: tuple[str, ...] = ()

    def __getstate__(self) -> dict:
        left_out = {"adapter", "ssl_context", *self._NOT_PICKLED}
        return {k: v for k, v in self.__dict__.items() if k not in left_out}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.ssl_context = options.default_ssl_context
        self.adapter = options.default_adapter_factory(
            proxies=self.proxies, ssl_context=self.ssl_context)
        self._reopen()

    def _reopen(self) -> None:
        """Make again what `_NOT_PICKLED` left out."""
