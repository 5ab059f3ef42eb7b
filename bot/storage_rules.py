"""The storage contract every backend meets: aware UTC datetimes, storable text, non-blank ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.domain.profile import Profile, SkillClaim


def aware_utc(value: datetime, what: str) -> datetime:
    """Return ``value`` converted to UTC; raise ValueError for a naive datetime."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware (UTC), got naive {value.isoformat()}")
    return value.astimezone(UTC)


def storable_text(value: str, what: str) -> str:
    """Return ``value``; raise ValueError if a database could not store it (NUL characters)."""
    if "\x00" in value:
        raise ValueError(f"{what} contains a NUL character, which cannot be stored")
    return value


def external_id_of(value: str, what: str) -> str:
    """Return a platform id after checking it is non-blank and storable."""
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    return storable_text(value, what)


def storable_profile(profile: Profile) -> Profile:
    """The profile with UTC timestamps, after checking every field a database must hold."""
    parsed, edits = profile.parsed, profile.edits
    storable_text(profile.raw_intro, "raw_intro")
    for zone, what in ((parsed.timezone, "parsed timezone"), (edits.timezone, "timezone")):
        if zone is not None:
            storable_text(zone, what)
    for claim in (*parsed.skills, *parsed.learning, *edits.added_skills):
        _check_claim(claim)
    for skill_id in edits.removed_skill_ids:
        storable_text(skill_id, "removed skill id")
    return replace(
        profile,
        parsed=replace(parsed, evidence=dict(parsed.evidence)),
        created_at=aware_utc(profile.created_at, "created_at"),
        updated_at=aware_utc(profile.updated_at, "updated_at"),
    )


def _check_claim(claim: SkillClaim) -> None:
    for text, what in (
        (claim.skill_id, "skill id"),
        (claim.name, "skill name"),
        (claim.category, "skill category"),
        (claim.evidence, "skill evidence"),
    ):
        storable_text(text, what)
