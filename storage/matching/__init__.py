"""SQL storage of mentor matching."""

from storage.matching.store import SqlMatchingStore, release_deleted_member

__all__ = ["SqlMatchingStore", "release_deleted_member"]
