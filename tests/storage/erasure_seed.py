"""Rows about members in every matching and meetup table, and the schema-wide erasure check."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, exists, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.schema import metadata
from storage.tables import members
from storage.tables_matching import (
    matching_notices,
    matching_pairings,
    matching_requests,
    matching_rounds,
)
from storage.tables_meetups import deliveries, meetups, rsvps
from tests.storage.contract import START
from tests.storage.matching_seed import seed_matching_rows


async def seed_rows_about(engine: AsyncEngine, community_id: int, first: int, second: int) -> None:
    """Matching and meetup rows for two members, in both roles of every two-member row."""
    await seed_matching_rows(engine, community_id, first, second)
    async with engine.begin() as connection:
        for one, other in ((first, second), (second, first)):
            round_id = (await connection.execute(insert(matching_rounds).values(
                community_id=community_id, started_by=one, created_at=START, matched=1,
                unmatched=0, total_score=1.0,
            ).returning(matching_rounds.c.id))).scalar_one()
            request_id = (await connection.execute(insert(matching_requests).values(
                community_id=community_id, mentee_id=one, mentor_id=other, status="accepted",
                topic="rust", score=0.5, reasons=["rust"], round_id=round_id,
                created_at=START, expires_at=START + timedelta(days=3), decided_at=START,
            ).returning(matching_requests.c.id))).scalar_one()
            await connection.execute(insert(matching_pairings).values(
                community_id=community_id, mentor_id=other, mentee_id=one,
                request_id=request_id, status="active", started_at=START, checkin_round=1,
                mentee_answer="met", rating=5,
            ))
            await connection.execute(insert(matching_notices).values(
                community_id=community_id, recipient_id=one, about_id=other, kind="update",
                ref_id=request_id, payload={"text": "hi"}, status="pending", attempts=0,
                available_at=START, created_at=START,
            ))
            meetup_id = (await connection.execute(insert(meetups).values(
                community_id=community_id, organizer_id=one, status="scheduled",
                title="Rust night", description="", location="online", starts_at=START,
                timezone="UTC", duration_seconds=3600, revision=1, created_at=START,
                updated_at=START,
            ).returning(meetups.c.id))).scalar_one()
            for attendee in (one, other):
                await connection.execute(insert(rsvps).values(
                    meetup_id=meetup_id, attendee_id=attendee, community_id=community_id,
                    status="going", responded_at=START,
                ))
                await connection.execute(insert(deliveries).values(
                    community_id=community_id, meetup_id=meetup_id, kind="reminder",
                    occurrence_start=START, offset_seconds=3600, topic="",
                    recipient_key=f"member:{attendee}", recipient_member_id=attendee,
                    payload={}, due_at=START, expires_at=START + timedelta(hours=1),
                    status="pending", available_at=START, attempts=0, last_error="",
                    created_at=START,
                ))


async def rows_referencing(engine: AsyncEngine, member_id: int) -> dict[str, int]:
    """Per ``table.column``, the rows whose foreign key to ``members`` names the member, for
    every foreign key to ``members`` in the whole schema."""
    counts: dict[str, int] = {}
    async with engine.connect() as connection:
        for table in metadata.sorted_tables:
            for fk in table.foreign_key_constraints:
                if fk.referred_table is not members:
                    continue
                for element in fk.elements:
                    if element.column is members.c.id:
                        query = select(func.count()).select_from(table).where(
                            element.parent == member_id
                        )
                        counts[f"{table.name}.{element.parent.name}"] = int(
                            (await connection.execute(query)).scalar_one()
                        )
    return counts


async def orphaned_rows(engine: AsyncEngine) -> dict[str, int]:
    """Per foreign key of the whole schema, rows whose (non-null) key has no parent row."""
    found: dict[str, int] = {}
    async with engine.connect() as connection:
        for table in metadata.sorted_tables:
            for fk in table.foreign_key_constraints:
                parent = fk.referred_table
                linked = exists(select(1).select_from(parent).where(
                    *(element.parent == element.column for element in fk.elements)
                ))
                query = select(func.count()).select_from(table).where(and_(
                    *(column.isnot(None) for column in fk.columns), ~linked
                ))
                orphans = int((await connection.execute(query)).scalar_one())
                if orphans:
                    found[f"{table.name}({', '.join(fk.column_keys)})"] = orphans
    return found
