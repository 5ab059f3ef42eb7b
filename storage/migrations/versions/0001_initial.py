"""Initial schema: communities, members, profiles, profile skills and manual skill removals.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "communities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_communities")),
        sa.UniqueConstraint(
            "platform", "external_id", name=op.f("uq_communities_platform_external_id")
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["communities.id"],
            name=op.f("fk_members_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint(
            "community_id", "external_id", name=op.f("uq_members_community_id_external_id")
        ),
        sa.UniqueConstraint("community_id", "id", name=op.f("uq_members_community_id_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "profiles",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("raw_intro", sa.Text(), nullable=False),
        sa.Column("seniority", sa.String(length=16), nullable=True),
        sa.Column("years_experience", sa.Double(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("mentoring_offer", sa.Boolean(), nullable=True),
        sa.Column("mentoring_topics", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("edit_timezone", sa.Text(), nullable=True),
        sa.Column("edit_mentor_capacity", sa.Integer(), nullable=True),
        sa.Column("edit_mentoring_offer", sa.Boolean(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_profiles_community_id_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", "member_id", name=op.f("pk_profiles")),
    )
    op.create_table(
        "profile_skill_removals",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["profiles.community_id", "profiles.member_id"],
            name=op.f("fk_profile_skill_removals_community_id_member_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "community_id", "member_id", "skill_id", name=op.f("pk_profile_skill_removals")
        ),
    )
    op.create_table(
        "profile_skills",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("years", sa.Double(), nullable=True),
        sa.CheckConstraint("kind IN ('known', 'learning')", name=op.f("ck_profile_skills_kind")),
        sa.CheckConstraint(
            "section IN ('parsed_skills', 'parsed_learning', 'added_skills')",
            name=op.f("ck_profile_skills_section"),
        ),
        sa.CheckConstraint("source IN ('parsed', 'manual')", name=op.f("ck_profile_skills_source")),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["profiles.community_id", "profiles.member_id"],
            name=op.f("fk_profile_skills_community_id_member_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "community_id", "member_id", "section", "position", name=op.f("pk_profile_skills")
        ),
    )
    op.create_index(
        "ix_profile_skills_lookup",
        "profile_skills",
        ["community_id", "skill_id", "kind"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_profile_skills_lookup", table_name="profile_skills")
    op.drop_table("profile_skills")
    op.drop_table("profile_skill_removals")
    op.drop_table("profiles")
    op.drop_table("members")
    op.drop_table("communities")
