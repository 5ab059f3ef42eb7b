"""mentormeet: the platform-neutral core of the community bot."""

__version__ = "0.1.0"
