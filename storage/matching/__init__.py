"""SQL storage of mentor matching."""

from storage.matching.store import SqlMatchingStore, forget_matching_member

__all__ = ["SqlMatchingStore", "forget_matching_member"]
