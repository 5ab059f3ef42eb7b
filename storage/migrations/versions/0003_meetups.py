"""Meetup, RSVP and reminder delivery tables.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def _meetup_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["community_id", "meetup_id"],
        ["meetups.community_id", "meetups.id"],
        name=op.f(f"fk_{table}_community_id_meetup_id_meetups"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    """Create the meetup tables."""
    op.create_table(
        "meetups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("organizer_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.Text(), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("rrule", sa.Text(), nullable=True),
        sa.Column("reminder_offsets", sa.JSON(), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("announcement_id", sa.Text(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'scheduled', 'cancelled')", name=op.f("ck_meetups_status")
        ),
        sa.CheckConstraint("capacity IS NULL OR capacity > 0", name=op.f("ck_meetups_capacity")),
        sa.CheckConstraint("duration_seconds > 0", name=op.f("ck_meetups_duration")),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["communities.id"],
            name=op.f("fk_meetups_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organizer_id"],
            ["members.id"],
            name=op.f("fk_meetups_organizer_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetups")),
        sa.UniqueConstraint("community_id", "id", name=op.f("uq_meetups_community_id_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_meetups_community_status", "meetups", ["community_id", "status"], unique=False
    )
    op.create_table(
        "meetup_exceptions",
        sa.Column("meetup_id", sa.Integer(), nullable=False),
        sa.Column("original_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("new_start", sa.DateTime(timezone=True), nullable=True),
        _meetup_fk("meetup_exceptions"),
        sa.PrimaryKeyConstraint("meetup_id", "original_start", name=op.f("pk_meetup_exceptions")),
    )
    op.create_table(
        "rsvps",
        sa.Column("meetup_id", sa.Integer(), nullable=False),
        sa.Column("attendee_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('going', 'waitlisted', 'maybe', 'no')", name=op.f("ck_rsvps_status")
        ),
        sa.ForeignKeyConstraint(
            ["community_id", "attendee_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_rsvps_community_id_attendee_id_members"),
            ondelete="CASCADE",
        ),
        _meetup_fk("rsvps"),
        sa.PrimaryKeyConstraint("meetup_id", "attendee_id", name=op.f("pk_rsvps")),
    )
    op.create_index("ix_rsvps_attendee", "rsvps", ["community_id", "attendee_id"], unique=False)
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("meetup_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurrence_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("offset_seconds", sa.Integer(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("recipient_key", sa.Text(), nullable=False),
        sa.Column("recipient_member_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("available_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_owner", sa.Text(), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("platform_message_id", sa.Text(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('reminder', 'notice')", name=op.f("ck_deliveries_kind")),
        sa.CheckConstraint(
            "status IN ('pending', 'leased', 'sent', 'late', 'failed', 'missed')",
            name=op.f("ck_deliveries_status"),
        ),
        sa.CheckConstraint(
            "recipient_member_id IS NOT NULL OR channel IS NOT NULL",
            name=op.f("ck_deliveries_recipient"),
        ),
        _meetup_fk("deliveries"),
        sa.ForeignKeyConstraint(
            ["community_id", "recipient_member_id"],
            ["members.community_id", "members.id"],
            name=op.f("fk_deliveries_community_id_recipient_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint(
            "meetup_id",
            "occurrence_start",
            "kind",
            "offset_seconds",
            "topic",
            "recipient_key",
            name=op.f("uq_deliveries_natural_key"),
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_deliveries_claim", "deliveries", ["status", "available_at"], unique=False
    )
    op.create_index(
        "ix_deliveries_meetup",
        "deliveries",
        ["community_id", "meetup_id", "status"],
        unique=False,
    )


def downgrade() -> None:
    """Drop the meetup tables."""
    op.drop_index("ix_deliveries_meetup", table_name="deliveries")
    op.drop_index("ix_deliveries_claim", table_name="deliveries")
    op.drop_table("deliveries")
    op.drop_index("ix_rsvps_attendee", table_name="rsvps")
    op.drop_table("rsvps")
    op.drop_table("meetup_exceptions")
    op.drop_index("ix_meetups_community_status", table_name="meetups")
    op.drop_table("meetups")
