"""Erasing a member: every row that references them, found by walking the schema's foreign keys.

The plan is computed once, lazily, from the complete schema (``storage.schema``), so tables that
feature modules register are included whatever they name their member column (``member_id``,
``attendee_id``, ``mentor_id``, ...). Rows are deleted explicitly, children first, so erasure does
not depend on the database enforcing ``ON DELETE CASCADE`` (SQLite leaves it off by default):

* a foreign key to ``members`` (or to a table whose rows are erased) with ``ON DELETE CASCADE``
  means the row is about the member: it is deleted;
* one with ``ON DELETE SET NULL`` means the row outlives the member (a meetup they organised,
  a round they ran): the referencing columns are set to NULL;
* any other foreign key to an erased table is a schema error, reported when the plan is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import (
    ColumnElement,
    ForeignKeyConstraint,
    Table,
    and_,
    delete,
    exists,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.schema import metadata
from storage.tables import members


@dataclass(frozen=True, slots=True)
class ErasureStep:
    """One table of the plan: the foreign keys whose rows are deleted or detached."""

    table: Table
    deleting: tuple[ForeignKeyConstraint, ...]
    detaching: tuple[ForeignKeyConstraint, ...]


@cache
def erasure_plan() -> tuple[ErasureStep, ...]:
    """Every table referencing a member, directly or through erased rows, children first."""
    erased: set[Table] = {members}
    steps: list[ErasureStep] = []
    for table in metadata.sorted_tables:  # parents before children
        deleting: list[ForeignKeyConstraint] = []
        detaching: list[ForeignKeyConstraint] = []
        for fk in sorted(table.foreign_key_constraints, key=lambda c: str(c.name)):
            if fk.referred_table not in erased:
                continue
            action = (fk.ondelete or "NO ACTION").upper()
            if action == "CASCADE":
                deleting.append(fk)
            elif action == "SET NULL" and any(c.nullable for c in fk.columns):
                detaching.append(fk)
            else:
                raise RuntimeError(
                    f"{table.name}.{'/'.join(fk.column_keys)} references "
                    f"{fk.referred_table.name} with ON DELETE {action}: member erasure needs "
                    "CASCADE (rows about the member) or SET NULL on a nullable column"
                )
        if deleting:
            erased.add(table)
        if deleting or detaching:
            steps.append(ErasureStep(table, tuple(deleting), tuple(detaching)))
    return tuple(reversed(steps))


def _erased_rows(table: Table, community_id: int, member_id: int) -> ColumnElement[bool]:
    """The rows of an erased table that go with the member."""
    if table is members:
        return and_(members.c.community_id == community_id, members.c.id == member_id)
    (step,) = (s for s in erasure_plan() if s.table is table)
    return or_(*(_referencing(fk, community_id, member_id) for fk in step.deleting))


def _referencing(fk: ForeignKeyConstraint, community_id: int, member_id: int) -> ColumnElement[
    bool
]:
    """Rows whose foreign key points at an erased row."""
    parent = fk.referred_table
    if parent is members:
        known = {"id": member_id, "community_id": community_id}
        if all(element.column.name in known for element in fk.elements):
            return and_(*(element.parent == known[element.column.name]
                          for element in fk.elements))
    joined = [element.parent == element.column for element in fk.elements]
    return exists(
        select(1).select_from(parent)
        .where(*joined, _erased_rows(parent, community_id, member_id))
    )


async def erase_member_rows(session: AsyncSession, community_id: int, member_id: int) -> None:
    """Delete every row about the member and detach the rows that outlive them (the member's
    own row is left to the caller)."""
    plan = erasure_plan()
    for step in plan:
        for fk in step.detaching:
            cleared = {column.name: None for column in fk.columns if column.nullable}
            await session.execute(
                update(step.table)
                .where(_referencing(fk, community_id, member_id))
                .values(cleared)
            )
    for step in plan:
        if step.deleting:
            await session.execute(
                delete(step.table).where(_erased_rows(step.table, community_id, member_id))
            )
