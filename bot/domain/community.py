"""Communities (a Discord guild, a Slack workspace, the console) and their members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Platform(StrEnum):
    """Where a community lives."""

    CONSOLE = "console"
    DISCORD = "discord"
    SLACK = "slack"


@dataclass(frozen=True, slots=True)
class Community:
    """A community: the scope of every member, profile and meetup."""

    id: int
    platform: Platform
    external_id: str
    name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Member:
    """A member of exactly one community (the same person elsewhere is another member)."""

    id: int
    community_id: int
    external_id: str
    display_name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Actor:
    """Who issued a command, as the adapter knows them."""

    platform: Platform
    community_external_id: str
    community_name: str
    member_external_id: str
    display_name: str
    is_organizer: bool = False
