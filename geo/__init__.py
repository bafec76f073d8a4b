"""geo: turn a news article about an incident into a verified map, offline."""

__version__ = "0.1.0"
