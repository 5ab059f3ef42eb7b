"""The complete schema: importing this registers every table module on the shared metadata."""

from __future__ import annotations

import storage.tables_matching
import storage.tables_meetups
from storage.tables import metadata

__all__ = ["metadata"]

_TABLE_MODULES = (storage.tables_matching, storage.tables_meetups)
