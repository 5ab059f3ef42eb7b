"""Communities already known to this process, so each command skips one lookup.

Community rows are never deleted and only their name changes, so an entry stays true; entries
are published only after the unit of work that read or created them committed, so a rolled-back
creation never leaves an id that does not exist.
"""

from __future__ import annotations

from bot.domain.community import Community, Platform

CommunityKey = tuple[str, str]

# Far more communities than one process serves; a full cache simply stops growing.
MAX_ENTRIES = 10_000


class CommunityCache:
    """Committed community rows by (platform, external id), shared by one factory's units."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: dict[CommunityKey, Community] = {}
        self._max_entries = max_entries

    def get(self, platform: Platform, external_id: str, name: str) -> Community | None:
        """The cached community if its name is still ``name``, else None."""
        found = self._entries.get((Platform(platform).value, external_id))
        return found if found is not None and found.name == name else None

    def publish(self, communities: list[Community]) -> None:
        """Remember communities whose rows are now committed."""
        for community in communities:
            key = (Platform(community.platform).value, community.external_id)
            if key in self._entries or len(self._entries) < self._max_entries:
                self._entries[key] = community

    def __len__(self) -> int:
        return len(self._entries)
