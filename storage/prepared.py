"""Statements of the per-command paths, built once with bound parameters.

On SQLite building a SQLAlchemy statement costs more than running it, and every command reads
the member and profile rows, so these are built on first use and then only executed with
values. Parameters: ``cid`` (community id), ``mid`` (member id), ``k_<column>`` (natural keys).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from sqlalchemy import ColumnElement, Delete, Executable, Insert, Select, Table, bindparam
from sqlalchemy import delete as delete_from
from sqlalchemy import insert as insert_into
from sqlalchemy import select as select_from
from sqlalchemy.dialects import postgresql, sqlite

from storage.tables import members

UpsertInsert = postgresql.Insert | sqlite.Insert


def _of_member(table: Table, member_column: str = "member_id") -> tuple[ColumnElement[bool], ...]:
    return (table.c.community_id == bindparam("cid"),
            table.c[member_column] == bindparam("mid"))


@cache
def rows_of_member(table: Table) -> Select[tuple[object, ...]]:
    """Every row of ``table`` about member ``mid`` of community ``cid``."""
    return select_from(table).where(*_of_member(table))


@cache
def rows_of_community(table: Table) -> Select[tuple[object, ...]]:
    """Every row of ``table`` in community ``cid``, by member id."""
    return (select_from(table).where(table.c.community_id == bindparam("cid"))
            .order_by(table.c.member_id))


@cache
def delete_of_member(table: Table) -> Delete:
    """Delete the rows of ``table`` about member ``mid`` of community ``cid``."""
    return delete_from(table).where(*_of_member(table))


@cache
def insert_rows(table: Table) -> Insert:
    """A plain INSERT taking its columns from the parameters."""
    return insert_into(table)


@cache
def member_exists() -> Select[tuple[object, ...]]:
    """The id of member ``mid`` if it belongs to community ``cid``."""
    return select_from(members.c.id).where(*_of_member(members, "id"))


@cache
def row_by_key(table: Table, names: tuple[str, ...]) -> Select[tuple[object, ...]]:
    """The row of ``table`` whose natural key columns equal ``k_<name>``."""
    return select_from(table).where(*(table.c[name] == bindparam(f"k_{name}") for name in names))


def key_parameters(key: dict[str, object]) -> dict[str, object]:
    """Values of a natural key as parameters of ``row_by_key``."""
    return {f"k_{name}": value for name, value in key.items()}


@cache
def replace_row(
    make: Callable[[Table], UpsertInsert], table: Table, key: tuple[str, ...],
    columns: tuple[str, ...],
) -> Executable:
    """INSERT … ON CONFLICT (key) DO UPDATE SET ``columns`` (key columns skipped); the inserted
    columns come from the parameters. ``make`` is the dialect's insert (``dialect_insert``)."""
    upsert = make(table)
    replaced = {name: upsert.excluded[name] for name in columns if name not in key}
    return upsert.on_conflict_do_update(index_elements=list(key), set_=replaced)
