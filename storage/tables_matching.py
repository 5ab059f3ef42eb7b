"""Tables of the matching feature (registered on the shared metadata via storage/schema.py)."""

from __future__ import annotations

from storage.tables import metadata

__all__ = ["metadata"]
