"""Tables of the matching feature (registered on the shared metadata via storage/schema.py).

``matching_mentors`` holds one row per member who offers (or offered) mentoring: a snapshot of
what ranking needs from their profile (kept fresh by ``storage.matching.index``: the
``profile_updated_at`` stamp says which profile version it reflects) plus matching's own state —
topics, pause, ignored requests, the active-mentee counter that capacity is enforced on, ratings.
``matching_mentor_skills`` is the skill index of mentors currently offering: the candidate query
reads only mentors' rows for the credited skills, never every member who knows a skill.

Every row about a member cascades when the member is deleted; ``forget_member`` also deletes
explicitly and releases the slots a deleted mentee held.
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
    String,
    Table,
    Text,
    text,
)

from bot.matching.domain import CheckinAnswer, NoticeKind, PairingStatus, RequestStatus
from storage.tables import metadata, profiles
from storage.types import UTCDateTime

__all__ = [
    "matching_index_state",
    "matching_mentor_skills",
    "matching_mentors",
    "matching_notices",
    "matching_pairings",
    "matching_requests",
    "matching_rounds",
    "matching_seekers",
    "matching_wishes",
    "metadata",
]

NOTICE_PENDING = "pending"
NOTICE_SENT = "sent"
NOTICE_FAILED = "failed"
NOTICE_STATUSES = (NOTICE_PENDING, NOTICE_SENT, NOTICE_FAILED)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


def _member_fk(column: str) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["community_id", column], ["members.community_id", "members.id"], ondelete="CASCADE"
    )


# The index sync finds profiles changed since it last looked (storage.matching.index).
Index("ix_matching_profiles_updated", profiles.c.community_id, profiles.c.updated_at)

matching_mentors = Table(
    "matching_mentors",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("offering", Boolean, nullable=False),
    Column("capacity", Integer, nullable=True),  # the profile's; NULL = the configured default
    Column("timezone", Text, nullable=True),
    Column("fallback_years", Double, nullable=True),
    Column("profile_updated_at", UTCDateTime(), nullable=True),
    Column("topics", JSON, nullable=False),
    Column("paused", Boolean, nullable=False),
    Column("paused_until", UTCDateTime(), nullable=True),
    Column("ignored_streak", Integer, nullable=False),
    Column("active_count", Integer, nullable=False),
    Column("rating_sum", Integer, nullable=False),
    Column("rating_count", Integer, nullable=False),
    # the index version at which this mentor's skill rows last changed (snapshot refreshes)
    Column("index_version", Integer, nullable=False),
    _member_fk("member_id"),
    CheckConstraint("active_count >= 0", name="active_count"),
    CheckConstraint("ignored_streak >= 0", name="ignored_streak"),
    CheckConstraint("rating_count >= 0", name="rating_count"),
    Index("ix_matching_mentors_zone", "community_id", "timezone"),
    Index("ix_matching_mentors_changed", "community_id", "index_version"),
)

# One row per skill a mentor currently offers, carrying a copy of the mentor's ranking and
# availability columns, so the candidate query reads this table alone (one index range per
# skill) and joins the mentor only for the few rows it returns. The copy is rewritten in the
# same transaction as every change of the mentor row (storage.matching.mentors / index).
matching_mentor_skills = Table(
    "matching_mentor_skills",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("skill_id", Text, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("years", Double, nullable=True),
    Column("depth_part", Double, nullable=False),  # points of depth this skill can give at most
    Column("timezone", Text, nullable=True),
    Column("fallback_years", Double, nullable=True),
    Column("capacity", Integer, nullable=True),
    Column("active_count", Integer, nullable=False),
    Column("rating_sum", Integer, nullable=False),
    Column("rating_count", Integer, nullable=False),
    Column("paused", Boolean, nullable=False),
    Column("paused_until", UTCDateTime(), nullable=True),
    ForeignKeyConstraint(
        ["community_id", "member_id"],
        ["matching_mentors.community_id", "matching_mentors.member_id"],
        ondelete="CASCADE",
    ),
    Index("ix_matching_mentor_skills_member", "community_id", "member_id"),
    sqlite_with_rowid=False,  # clustered on the key: a skill's rows are read in one run
)

matching_index_state = Table(
    "matching_index_state",
    metadata,
    Column(
        "community_id", Integer, ForeignKey("communities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("rescan_from", UTCDateTime(), nullable=True),
    # bumped by every change of the community's mentor skill rows (snapshot caches check it);
    # reset_version: the last change a snapshot cannot patch in (a mentor row was deleted)
    Column("version", Integer, nullable=False),
    Column("reset_version", Integer, nullable=False),
)

matching_rounds = Table(
    "matching_rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "community_id", Integer, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False
    ),
    Column("started_by", Integer, ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("matched", Integer, nullable=False),
    Column("unmatched", Integer, nullable=False),
    Column("total_score", Double, nullable=False),
    sqlite_autoincrement=True,
)

matching_requests = Table(
    "matching_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("community_id", Integer, nullable=False),
    Column("mentee_id", Integer, nullable=False),
    Column("mentor_id", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("topic", Text, nullable=True),
    Column("score", Double, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column(
        "round_id", Integer, ForeignKey("matching_rounds.id", ondelete="SET NULL"), nullable=True
    ),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("decided_at", UTCDateTime(), nullable=True),
    _member_fk("mentee_id"),
    _member_fk("mentor_id"),
    CheckConstraint(_one_of("status", tuple(RequestStatus)), name="status"),
    CheckConstraint("mentee_id <> mentor_id", name="not_self"),
    Index("ix_matching_requests_due", "status", "expires_at"),
    Index("ix_matching_requests_mentee", "community_id", "mentee_id", "status"),
    Index("ix_matching_requests_mentor", "community_id", "mentor_id", "status"),
    sqlite_autoincrement=True,
)

matching_pairings = Table(
    "matching_pairings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("community_id", Integer, nullable=False),
    Column("mentor_id", Integer, nullable=False),
    Column("mentee_id", Integer, nullable=False),
    Column("request_id", Integer, nullable=True),
    Column("status", String(16), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("next_checkin_at", UTCDateTime(), nullable=True),
    Column("checkin_round", Integer, nullable=False),
    Column("mentor_answer", String(16), nullable=True),
    Column("mentee_answer", String(16), nullable=True),
    Column("met_at", UTCDateTime(), nullable=True),
    Column("rating", Integer, nullable=True),
    Column("ended_at", UTCDateTime(), nullable=True),
    Column("end_reason", Text, nullable=True),
    _member_fk("mentor_id"),
    _member_fk("mentee_id"),
    CheckConstraint(_one_of("status", tuple(PairingStatus)), name="status"),
    CheckConstraint(
        f"mentor_answer IS NULL OR {_one_of('mentor_answer', tuple(CheckinAnswer))}",
        name="mentor_answer",
    ),
    CheckConstraint(
        f"mentee_answer IS NULL OR {_one_of('mentee_answer', tuple(CheckinAnswer))}",
        name="mentee_answer",
    ),
    CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
    CheckConstraint("mentee_id <> mentor_id", name="not_self"),
    Index("ix_matching_pairings_due", "status", "next_checkin_at"),
    Index("ix_matching_pairings_mentor", "community_id", "mentor_id"),
    Index("ix_matching_pairings_mentee", "community_id", "mentee_id"),
    Index(
        "uq_matching_pairings_active", "community_id", "mentor_id", "mentee_id", unique=True,
        sqlite_where=text("status = 'active'"), postgresql_where=text("status = 'active'"),
    ),
    sqlite_autoincrement=True,
)

matching_seekers = Table(
    "matching_seekers",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("topic", Text, nullable=True),
    Column("since", UTCDateTime(), nullable=False),
    _member_fk("member_id"),
)

matching_wishes = Table(
    "matching_wishes",
    metadata,
    Column("community_id", Integer, primary_key=True),
    Column("member_id", Integer, primary_key=True),
    Column("skill_id", Text, primary_key=True),
    Column("created_at", UTCDateTime(), nullable=False),
    _member_fk("member_id"),
    Index("ix_matching_wishes_skill", "community_id", "skill_id"),
)

matching_notices = Table(
    "matching_notices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("community_id", Integer, nullable=False),
    Column("recipient_id", Integer, nullable=False),
    Column("about_id", Integer, nullable=True),
    Column("kind", String(16), nullable=False),
    Column("ref_id", Integer, nullable=True),
    Column("payload", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("available_at", UTCDateTime(), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime(), nullable=True),
    Column("failure", Text, nullable=True),
    _member_fk("recipient_id"),
    _member_fk("about_id"),
    CheckConstraint(_one_of("kind", tuple(NoticeKind)), name="kind"),
    CheckConstraint(_one_of("status", NOTICE_STATUSES), name="status"),
    Index("ix_matching_notices_due", "status", "available_at"),
    sqlite_autoincrement=True,
)
