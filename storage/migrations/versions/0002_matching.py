"""Mentor matching: mentor state and skill index, requests, pairings, seekers, wishes, notices.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the matching tables, and the index on profiles the mentor index sync reads."""
    op.create_table(
        "matching_index_state",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("rescan_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("reset_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["communities.id"],
            name=op.f("fk_matching_index_state_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", name=op.f("pk_matching_index_state")),
    )
    op.create_table(
        "matching_mentors",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("offering", sa.Boolean(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("fallback_years", sa.Double(), nullable=True),
        sa.Column("profile_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("paused_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ignored_streak", sa.Integer(), nullable=False),
        sa.Column("active_count", sa.Integer(), nullable=False),
        sa.Column("rating_sum", sa.Integer(), nullable=False),
        sa.Column("rating_count", sa.Integer(), nullable=False),
        sa.Column("index_version", sa.Integer(), nullable=False),
        sa.CheckConstraint("active_count >= 0", name=op.f("ck_matching_mentors_active_count")),
        sa.CheckConstraint("ignored_streak >= 0", name=op.f("ck_matching_mentors_ignored_streak")),
        sa.CheckConstraint("rating_count >= 0", name=op.f("ck_matching_mentors_rating_count")),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_mentors_community_id_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", "member_id", name=op.f("pk_matching_mentors")),
    )
    op.create_index(
        "ix_matching_mentors_changed",
        "matching_mentors",
        ["community_id", "index_version"],
        unique=False,
    )
    op.create_index(
        "ix_matching_mentors_zone", "matching_mentors", ["community_id", "timezone"], unique=False
    )
    op.create_table(
        "matching_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("about_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("available_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failure", sa.Text(), nullable=True),
        sa.CheckConstraint("kind IN ('request', 'update')", name=op.f("ck_matching_notices_kind")),
        sa.CheckConstraint(
            "status IN ('pending', 'sent', 'failed')", name=op.f("ck_matching_notices_status")
        ),
        sa.ForeignKeyConstraint(
            ["community_id", "about_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_notices_community_id_about_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["community_id", "recipient_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_notices_community_id_recipient_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_notices")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_matching_notices_due", "matching_notices", ["status", "available_at"], unique=False
    )
    op.create_table(
        "matching_pairings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_checkin_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checkin_round", sa.Integer(), nullable=False),
        sa.Column("mentor_answer", sa.String(length=16), nullable=True),
        sa.Column("mentee_answer", sa.String(length=16), nullable=True),
        sa.Column("met_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "mentee_answer IS NULL OR "
            "mentee_answer IN ('met', 'scheduled', 'not_yet', 'not_working')",
            name=op.f("ck_matching_pairings_mentee_answer"),
        ),
        sa.CheckConstraint(
            "mentor_answer IS NULL OR "
            "mentor_answer IN ('met', 'scheduled', 'not_yet', 'not_working')",
            name=op.f("ck_matching_pairings_mentor_answer"),
        ),
        sa.CheckConstraint(
            "status IN ('active', 'ended')", name=op.f("ck_matching_pairings_status")
        ),
        sa.CheckConstraint("mentee_id <> mentor_id", name=op.f("ck_matching_pairings_not_self")),
        sa.CheckConstraint(
            "rating IS NULL OR rating BETWEEN 1 AND 5", name=op.f("ck_matching_pairings_rating")
        ),
        sa.ForeignKeyConstraint(
            ["community_id", "mentee_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_pairings_community_id_mentee_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["community_id", "mentor_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_pairings_community_id_mentor_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_pairings")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_matching_pairings_due", "matching_pairings", ["status", "next_checkin_at"], unique=False
    )
    op.create_index(
        "ix_matching_pairings_mentee",
        "matching_pairings",
        ["community_id", "mentee_id"],
        unique=False,
    )
    op.create_index(
        "ix_matching_pairings_mentor",
        "matching_pairings",
        ["community_id", "mentor_id"],
        unique=False,
    )
    op.create_index(
        "uq_matching_pairings_active",
        "matching_pairings",
        ["community_id", "mentor_id", "mentee_id"],
        unique=True,
        sqlite_where=sa.text("status = 'active'"),
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_table(
        "matching_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("matched", sa.Integer(), nullable=False),
        sa.Column("unmatched", sa.Integer(), nullable=False),
        sa.Column("total_score", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["communities.id"],
            name=op.f("fk_matching_rounds_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["started_by"],
            ["members.id"],
            name=op.f("fk_matching_rounds_started_by_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_rounds")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "matching_seekers",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=True),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_seekers_community_id_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("community_id", "member_id", name=op.f("pk_matching_seekers")),
    )
    op.create_table(
        "matching_wishes",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_wishes_community_id_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "community_id", "member_id", "skill_id", name=op.f("pk_matching_wishes")
        ),
    )
    op.create_index(
        "ix_matching_wishes_skill", "matching_wishes", ["community_id", "skill_id"], unique=False
    )
    op.create_table(
        "matching_mentor_skills",
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("years", sa.Double(), nullable=True),
        sa.Column("depth_part", sa.Double(), nullable=False),
        sa.Column("timezone", sa.Text(), nullable=True),
        sa.Column("fallback_years", sa.Double(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("active_count", sa.Integer(), nullable=False),
        sa.Column("rating_sum", sa.Integer(), nullable=False),
        sa.Column("rating_count", sa.Integer(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("paused_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id", "member_id"],
            ["matching_mentors.community_id", "matching_mentors.member_id"],
            name=op.f("fk_matching_mentor_skills_community_id_member_id_matching_mentors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "community_id", "skill_id", "member_id", name=op.f("pk_matching_mentor_skills")
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_matching_mentor_skills_member",
        "matching_mentor_skills",
        ["community_id", "member_id"],
        unique=False,
    )
    op.create_table(
        "matching_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.Text(), nullable=True),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'accepted', 'declined', 'expired', 'cancelled', 'undeliverable')",
            name=op.f("ck_matching_requests_status"),
        ),
        sa.CheckConstraint("mentee_id <> mentor_id", name=op.f("ck_matching_requests_not_self")),
        sa.ForeignKeyConstraint(
            ["community_id", "mentee_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_requests_community_id_mentee_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["community_id", "mentor_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_matching_requests_community_id_mentor_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["matching_rounds.id"],
            name=op.f("fk_matching_requests_round_id_matching_rounds"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_requests")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_matching_requests_due", "matching_requests", ["status", "expires_at"], unique=False
    )
    op.create_index(
        "ix_matching_requests_mentee",
        "matching_requests",
        ["community_id", "mentee_id", "status"],
        unique=False,
    )
    op.create_index(
        "ix_matching_requests_mentor",
        "matching_requests",
        ["community_id", "mentor_id", "status"],
        unique=False,
    )
    op.create_index(
        "ix_matching_profiles_updated", "profiles", ["community_id", "updated_at"], unique=False
    )


def downgrade() -> None:
    """Drop the matching tables and the profiles index."""
    op.drop_index("ix_matching_profiles_updated", table_name="profiles")
    op.drop_index("ix_matching_requests_mentor", table_name="matching_requests")
    op.drop_index("ix_matching_requests_mentee", table_name="matching_requests")
    op.drop_index("ix_matching_requests_due", table_name="matching_requests")
    op.drop_table("matching_requests")
    op.drop_index("ix_matching_mentor_skills_member", table_name="matching_mentor_skills")
    op.drop_table("matching_mentor_skills")
    op.drop_index("ix_matching_wishes_skill", table_name="matching_wishes")
    op.drop_table("matching_wishes")
    op.drop_table("matching_seekers")
    op.drop_table("matching_rounds")
    op.drop_index(
        "uq_matching_pairings_active",
        table_name="matching_pairings",
        sqlite_where=sa.text("status = 'active'"),
        postgresql_where=sa.text("status = 'active'"),
    )
    op.drop_index("ix_matching_pairings_mentor", table_name="matching_pairings")
    op.drop_index("ix_matching_pairings_mentee", table_name="matching_pairings")
    op.drop_index("ix_matching_pairings_due", table_name="matching_pairings")
    op.drop_table("matching_pairings")
    op.drop_index("ix_matching_notices_due", table_name="matching_notices")
    op.drop_table("matching_notices")
    op.drop_index("ix_matching_mentors_zone", table_name="matching_mentors")
    op.drop_index("ix_matching_mentors_changed", table_name="matching_mentors")
    op.drop_table("matching_mentors")
    op.drop_table("matching_index_state")
