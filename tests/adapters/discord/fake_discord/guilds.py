"""Who is in which server: members join by interacting there, and tests can make them leave."""

from __future__ import annotations

from typing import Any

from tests.adapters.discord.fake_discord import payloads

UNKNOWN_GUILD = {"message": "Unknown Guild", "code": 10004}
UNKNOWN_MEMBER = {"message": "Unknown Member", "code": 10007}


class Roster:
    """The members of each server the fake knows (only the test server, at first)."""

    def __init__(self) -> None:
        self._members: dict[str, dict[str, dict[str, Any]]] = {payloads.GUILD_ID: {}}

    def join(self, member: dict[str, Any], guild_id: str = payloads.GUILD_ID) -> None:
        """Make ``member`` (a member object) a member of ``guild_id``."""
        # A guild member object from REST has no "permissions": those come with interactions.
        stored = {k: v for k, v in member.items() if k != "permissions"}
        self._members.setdefault(guild_id, {})[member["user"]["id"]] = stored

    def leave(self, user_id: str, guild_id: str = payloads.GUILD_ID) -> None:
        """The user leaves (or is kicked from, or banned from) ``guild_id``."""
        self._members.get(guild_id, {}).pop(user_id, None)

    def saw(self, interaction: dict[str, Any]) -> None:
        """Whoever sends an interaction in a server is a member of it."""
        if interaction.get("guild_id") and interaction.get("member"):
            self.join(interaction["member"], interaction["guild_id"])

    def lookup(self, guild_id: str, user_id: str) -> tuple[int, dict[str, Any]]:
        """GET /guilds/{guild_id}/members/{user_id}: the status and JSON body Discord answers."""
        members = self._members.get(guild_id)
        if members is None:
            return 404, UNKNOWN_GUILD
        member = members.get(user_id)
        return (200, member) if member is not None else (404, UNKNOWN_MEMBER)
