"""JSON-ready records for the data export, shared by every repository's ``export_for_community``.

A repository port that stores anything about members implements::

    async def export_for_community(self, community_id: int) -> ExportSections

returning ``{"<section name>": [record, ...]}`` with records built by ``to_jsonable`` (or the
helpers below). ``bot/export.py`` collects the sections of every repository on the unit of work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any

from bot.domain.community import Community, Member
from bot.domain.profile import Profile

JsonRecord = dict[str, Any]
ExportSections = dict[str, list[JsonRecord]]


def to_jsonable(value: object) -> Any:
    """Dataclasses, enums, aware datetimes, collections and scalars as plain JSON values.

    Datetimes become ISO-8601 strings with their offset; sets are sorted for stable output.
    Anything else is refused, so no field is ever exported as an unreadable ``repr``.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} cannot be exported")
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((to_jsonable(item) for item in value), key=repr)
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    raise TypeError(f"cannot export a value of type {type(value).__name__}")


def community_record(community: Community) -> JsonRecord:
    """The community's stored fields."""
    record: JsonRecord = to_jsonable(community)
    return record


def member_record(member: Member) -> JsonRecord:
    """The member's stored fields (the community is the export's own)."""
    record: JsonRecord = to_jsonable(member)
    return record


def profile_record(profile: Profile) -> JsonRecord:
    """Everything stored for the profile, plus the skills as the bot currently reads them."""
    record: JsonRecord = to_jsonable(profile)
    record["effective"] = {
        "skills": [claim.name for claim in profile.skills],
        "learning": [claim.name for claim in profile.learning],
        "timezone": profile.timezone,
        "mentoring_offer": profile.mentoring_offer,
        "mentor_capacity": profile.mentor_capacity,
    }
    return record
