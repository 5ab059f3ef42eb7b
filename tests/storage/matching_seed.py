"""Matching rows for members, for the erasure tests that check every table with a member_id."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.matching.index import new_mentor_row
from storage.tables_matching import (
    matching_mentor_skills,
    matching_mentors,
    matching_seekers,
    matching_wishes,
)
from tests.storage.contract import START


async def seed_matching_rows(engine: AsyncEngine, community_id: int, *member_ids: int) -> None:
    """A row in every matching table keyed by ``member_id``, for each member."""
    async with engine.begin() as connection:
        for member_id in member_ids:
            mentor = new_mentor_row(community_id, member_id) | {"offering": True}
            await connection.execute(insert(matching_mentors).values(mentor))
            copied = {name: mentor[name] for name in (
                "timezone", "fallback_years", "capacity", "active_count", "rating_sum",
                "rating_count", "paused", "paused_until",
            )}
            await connection.execute(insert(matching_mentor_skills).values(
                community_id=community_id, skill_id="rust", member_id=member_id, years=2.0,
                depth_part=8.0, **copied,
            ))
            await connection.execute(insert(matching_seekers).values(
                community_id=community_id, member_id=member_id, topic=None, since=START
            ))
            await connection.execute(insert(matching_wishes).values(
                community_id=community_id, member_id=member_id, skill_id="go", created_at=START
            ))
