"""Actors for tests that drive the core directly."""

from bot.domain.community import Actor, Platform


def actor(name: str = "alice", community: str = "guild-1", organizer: bool = False) -> Actor:
    """A Discord-style member of ``community``."""
    return Actor(Platform.DISCORD, community, f"Guild {community}", f"id-{name}", name, organizer)
