"""Shared pieces of the storage contract tests: the backend handle and profile builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import FakeClock
from bot.domain.community import Community, Member, Platform
from bot.domain.profile import (
    ParsedIntro,
    Profile,
    ProfileEdits,
    Seniority,
    SkillClaim,
    SkillKind,
    SkillSource,
)
from bot.ports import UnitOfWorkFactory

START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@dataclass(slots=True)
class Backend:
    """A unit-of-work factory plus, for SQL backends, the engine to inspect tables with."""

    name: str
    uow: UnitOfWorkFactory
    clock: FakeClock
    engine: AsyncEngine | None

    async def count(self, table: Table, **where: object) -> int:
        """Rows of ``table`` matching the column values (SQL backends only)."""
        assert self.engine is not None, "only SQL backends have tables"
        query = select(func.count()).select_from(table)
        for column, value in where.items():
            query = query.where(table.c[column] == value)
        async with self.engine.connect() as connection:
            return int((await connection.execute(query)).scalar_one())


async def seed_members(backend: Backend, *external_ids: str) -> tuple[Community, list[Member]]:
    """A committed community ``guild`` with one member per external id."""
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.DISCORD, "guild", "Guild")
        found = [await uow.members.get_or_create(community.id, e, e.title()) for e in external_ids]
        await uow.commit()
    return community, found


async def seed_other_member(backend: Backend) -> Member:
    """A committed member ``zed`` of a second community ``other`` on Slack."""
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.SLACK, "other", "Other")
        member = await uow.members.get_or_create(community.id, "zed", "Zed")
        await uow.commit()
    return member


def claim(skill_id: str, **fields: Any) -> SkillClaim:
    """A skill claim with a readable name and a category."""
    values: dict[str, Any] = {"name": skill_id.title(), "category": "language"} | fields
    return SkillClaim(skill_id=skill_id, **values)


def rich_profile(member: Member, stamp: datetime = START) -> Profile:
    """A profile with every field set, unicode and emoji included."""
    parsed = ParsedIntro(
        skills=(
            claim("python", evidence="8 years of Python 🐍", years=8.0),
            claim("rust", evidence="Rust « zero-cost » abstractions", years=1.5),
            claim("postgresql", category="database", evidence="Postgres/PostGIS 数据库"),
        ),
        learning=(claim("go", kind=SkillKind.LEARNING, evidence="learning Go 🚀"),),
        mentoring_offer=True,
        mentoring_topics=("career growth", "système distribué", "🧪 testing"),
        seniority=Seniority.SENIOR,
        years_experience=12.5,
        timezone="Europe/Berlin",
        evidence={"seniority": "Senior engineer 👩‍💻", "timezone": "based in Berlin (CET)"},
        notes=("duplicate line removed", "spam tail ignored: 加微信"),
    )
    edits = ProfileEdits(
        added_skills=(
            claim("kubernetes", category="devops", source=SkillSource.MANUAL, years=3.0),
            claim("elixir", kind=SkillKind.LEARNING, source=SkillSource.MANUAL),
        ),
        removed_skill_ids=frozenset({"rust", "java"}),
        timezone="America/Sao_Paulo",
        mentor_capacity=2,
        mentoring_offer=False,
    )
    return Profile(
        community_id=member.community_id,
        member_id=member.id,
        raw_intro="Hi! I'm Zoë 👋\nSenior engineer, 12 years…\n\nTabs\there & quotes \"'`",
        parsed=parsed,
        edits=edits,
        created_at=stamp,
        updated_at=stamp + timedelta(minutes=5),
    )


def bare_profile(member: Member, stamp: datetime = START) -> Profile:
    """A profile with nothing parsed and no edits."""
    return Profile(member.community_id, member.id, "", ParsedIntro(), ProfileEdits(), stamp, stamp)
