"""Reference chat bot for the history of Vietnam–Laos diplomacy."""

__version__ = "0.1.0"
