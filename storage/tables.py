"""The database schema as SQLAlchemy Core tables; migrations must produce exactly this.

Every row about a member carries ``community_id`` and ``member_id``, with a composite foreign key
that cascades on delete, so queries are always scoped by community. Skill claims are one row
each; to find the members who know skill X in community C (``ix_profile_skills_lookup``)::

    SELECT DISTINCT s.member_id FROM profile_skills s
    WHERE s.community_id = :c AND s.skill_id = :x
      AND ((s.section = 'added_skills' AND s.kind = 'known')
           OR (s.section = 'parsed_skills' AND NOT EXISTS (
               SELECT 1 FROM profile_skill_removals r
               WHERE r.community_id = s.community_id AND r.member_id = s.member_id
                 AND r.skill_id = s.skill_id)))
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Double,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from bot.domain.profile import SkillKind, SkillSource
from storage.types import UTCDateTime

# Deterministic constraint names: Alembic's SQLite batch mode can only alter named constraints.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Which tuple of the profile a skill row belongs to: ParsedIntro.skills, ParsedIntro.learning
# or ProfileEdits.added_skills. Kind and source are stored as the claim says.
SECTION_PARSED_SKILLS = "parsed_skills"
SECTION_PARSED_LEARNING = "parsed_learning"
SECTION_ADDED_SKILLS = "added_skills"
SECTIONS = (SECTION_PARSED_SKILLS, SECTION_PARSED_LEARNING, SECTION_ADDED_SKILLS)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


communities = Table(
    "communities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(16), nullable=False),
    Column("external_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("platform", "external_id"),
    sqlite_autoincrement=True,
)

members = Table(
    "members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "community_id",
        Integer,
        ForeignKey("communities.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("external_id", Text, nullable=False),
    Column("display_name", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("community_id", "external_id"),
    # The target of the composite foreign keys below.
    UniqueConstraint("community_id", "id"),
    sqlite_autoincrement=True,
)

profiles = Table(
    "profiles",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("raw_intro", Text, nullable=False),
    Column("seniority", String(16), nullable=True),
    Column("years_experience", Double, nullable=True),
    Column("timezone", Text, nullable=True),
    Column("mentoring_offer", Boolean, nullable=True),
    Column("mentoring_topics", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("notes", JSON, nullable=False),
    Column("edit_timezone", Text, nullable=True),
    Column("edit_mentor_capacity", Integer, nullable=True),
    Column("edit_mentoring_offer", Boolean, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    ForeignKeyConstraint(
        ["community_id", "member_id"],
        ["members.community_id", "members.id"],
        ondelete="CASCADE",
    ),
)

profile_skills = Table(
    "profile_skills",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("section", String(16), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("skill_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("source", String(16), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("years", Double, nullable=True),
    ForeignKeyConstraint(
        ["community_id", "member_id"],
        ["profiles.community_id", "profiles.member_id"],
        ondelete="CASCADE",
    ),
    CheckConstraint(_one_of("section", SECTIONS), name="section"),
    CheckConstraint(_one_of("kind", tuple(SkillKind)), name="kind"),
    CheckConstraint(_one_of("source", tuple(SkillSource)), name="source"),
    Index("ix_profile_skills_lookup", "community_id", "skill_id", "kind"),
)

profile_skill_removals = Table(
    "profile_skill_removals",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("skill_id", Text, primary_key=True),
    ForeignKeyConstraint(
        ["community_id", "member_id"],
        ["profiles.community_id", "profiles.member_id"],
        ondelete="CASCADE",
    ),
)
