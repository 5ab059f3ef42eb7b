"""Alembic migrations: they build exactly the tables in storage.tables, once, on both backends."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Connection, MetaData, Text, inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.domain.community import Platform
from storage.migrate import current, downgrade, head_revision, upgrade
from storage.schema import metadata
from storage.uow import make_uow_factory
from tests.support.databases import SQL_BACKENDS, SqlBackend, empty_engine


async def _diff(engine: AsyncEngine, target: MetaData = metadata) -> list[Any]:
    def compare(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, target))

    async with engine.connect() as connection:
        return await connection.run_sync(compare)


async def _tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_migrated_schema_matches_the_table_metadata(
    backend: SqlBackend, tmp_path: Path
) -> None:
    async with empty_engine(backend, tmp_path) as engine:
        assert await current(engine) is None
        assert await _diff(engine) != []
        await upgrade(engine)
        assert await current(engine) == head_revision()
        assert await _diff(engine) == []
        assert await _tables(engine) == {*metadata.tables, "alembic_version"}


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_the_comparison_notices_drift(backend: SqlBackend, tmp_path: Path) -> None:
    drifted = MetaData(naming_convention=metadata.naming_convention)
    for table in metadata.sorted_tables:
        table.to_metadata(drifted)
    drifted.tables["members"].append_column(Column("pronouns", Text))
    async with empty_engine(backend, tmp_path) as engine:
        await upgrade(engine)
        diff = await _diff(engine, drifted)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "pronouns")]


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_upgrade_is_idempotent_and_keeps_data(backend: SqlBackend, tmp_path: Path) -> None:
    async with empty_engine(backend, tmp_path) as engine:
        await upgrade(engine)
        uow = make_uow_factory(engine)
        async with uow() as work:
            community = await work.communities.get_or_create(Platform.CONSOLE, "local", "Local")
            await work.commit()
        await upgrade(engine)
        await upgrade(engine, head_revision())
        assert await current(engine) == head_revision()
        async with uow() as work:
            assert await work.communities.get(community.id) == community
        assert await _diff(engine) == []


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_downgrade_to_base_and_back(backend: SqlBackend, tmp_path: Path) -> None:
    async with empty_engine(backend, tmp_path) as engine:
        await upgrade(engine)
        await downgrade(engine, "base")
        assert await current(engine) is None
        assert await _tables(engine) == {"alembic_version"}
        await upgrade(engine)
        assert await _diff(engine) == []


async def test_sqlite_foreign_keys_are_back_on_after_migrating(tmp_path: Path) -> None:
    async with empty_engine("sqlite", tmp_path) as engine:
        await upgrade(engine)
        async with engine.connect() as connection:
            enabled = (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar_one()
    assert enabled == 1


async def test_unknown_revision_is_an_error_and_changes_nothing(tmp_path: Path) -> None:
    async with empty_engine("sqlite", tmp_path) as engine:
        with pytest.raises(Exception, match="nope"):
            await upgrade(engine, "nope")
        assert await current(engine) is None
        assert await _tables(engine) == set()


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_concurrent_upgrades_from_several_processes_agree(
    backend: SqlBackend, tmp_path: Path
) -> None:
    async with empty_engine(backend, tmp_path) as engine:
        # Each upgrade runs on its own pooled connection, like bot processes starting at once.
        await asyncio.gather(*(upgrade(engine) for _ in range(3)))
        assert await current(engine) == head_revision()
        assert await _diff(engine) == []


def _revisions_base_to_head() -> list[tuple[str, str]]:
    """Every shipped revision with the one it revises ("base" for the first), oldest first."""
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    steps = []
    for revision in reversed(list(script.walk_revisions())):
        down = revision.down_revision
        assert down is None or isinstance(down, str), f"{revision.revision} merges branches"
        steps.append((revision.revision, down or "base"))
    return steps


async def _schema_objects(engine: AsyncEngine) -> set[str]:
    """Tables, indexes, sequences, views, triggers and enum types, except Alembic's own."""
    if engine.dialect.name == "sqlite":
        query = (
            "SELECT type || ' ' || name FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' AND name <> 'alembic_version'"
        )
    else:
        query = (
            "SELECT c.relkind::text || ' ' || c.relname::text FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace "
            "AND c.relname NOT IN ('alembic_version', 'alembic_version_pkc') "
            "UNION SELECT 'type ' || t.typname::text FROM pg_type t "
            "WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd')"
        )
    async with engine.connect() as connection:
        return set((await connection.exec_driver_sql(query)).scalars())


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_every_revision_upgrades_and_downgrades_one_step_at_a_time(
    backend: SqlBackend, tmp_path: Path
) -> None:
    from tests.storage.contract import rich_profile

    steps = _revisions_base_to_head()
    assert steps[-1][0] == head_revision()
    async with empty_engine(backend, tmp_path) as engine:
        snapshots: dict[str, set[str]] = {"base": set()}
        for revision, down in steps:
            await upgrade(engine, revision)
            snapshots[revision] = await _schema_objects(engine)
            await downgrade(engine, down)
            assert await current(engine) == (None if down == "base" else down)
            assert await _schema_objects(engine) == snapshots[down], f"{revision} leaves objects"
            await upgrade(engine, revision)
            assert await _schema_objects(engine) == snapshots[revision]
        assert await _diff(engine) == []
        uow = make_uow_factory(engine)
        async with uow() as work:
            community = await work.communities.get_or_create(Platform.DISCORD, "g", "G")
            member = await work.members.get_or_create(community.id, "ana", "Ana")
            await work.profiles.save(rich_profile(member))
            await work.commit()
        for revision, down in reversed(steps):  # down again, with rows in the tables
            assert await current(engine) == revision
            await downgrade(engine, down)
            assert await _schema_objects(engine) == snapshots[down]
        assert await current(engine) is None
        await upgrade(engine)
        assert await _diff(engine) == []
