"""The data export: references, JSON records, completeness, and `mentormeet export`."""

from __future__ import annotations

import asyncio
import json
import logging
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.clock import FakeClock
from bot.domain.community import Platform
from bot.domain.profile import ParsedIntro, Profile, ProfileEdits
from bot.export import (
    NOT_EXPORTED,
    IncompleteExport,
    export_community,
    exporting_repositories,
    parse_community_ref,
    repository_names,
)
from bot.export_records import to_jsonable
from bot.matching.domain import (
    MatchRequest,
    MentorState,
    Pairing,
    PairingStatus,
    RequestStatus,
)
from bot.meetups.domain import Meetup, MeetupStatus, Rsvp, RsvpStatus
from bot.memory import make_memory_uow_factory
from bot.ports import UnitOfWork, UnitOfWorkFactory
from bot.reminders.domain import DeliveryKind, PlannedDelivery
from storage.engine import create_engine
from storage.migrate import upgrade
from storage.uow import make_uow_factory
from tests.support.databases import SQL_BACKENDS, SqlBackend, migrated_engine

NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("console:local", (Platform.CONSOLE, "local")),
        ("Discord:1234:5", (Platform.DISCORD, "1234:5")),
        ("slack:T0 team", (Platform.SLACK, "T0 team")),
    ],
)
def test_community_references(text: str, expected: object) -> None:
    assert parse_community_ref(text) == expected


@pytest.mark.parametrize("text", ["", "-3", "1.5", "local", "irc:x", "discord:", ":abc"])
def test_bad_community_references_say_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match="PLATFORM:EXTERNAL_ID"):
        parse_community_ref(text)


class Colour(StrEnum):
    RED = "red"


def test_records_are_plain_json() -> None:
    value = {
        "when": datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=2))),
        "tags": frozenset({"b", "a"}),
        "colour": Colour.RED,
        "pair": (1, 2.5, None, True),
    }
    assert to_jsonable(value) == {
        "when": "2026-01-01T12:00:00+02:00",
        "tags": ["a", "b"],
        "colour": "red",
        "pair": [1, 2.5, None, True],
    }


def test_naive_datetimes_and_unknown_types_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_jsonable(datetime(2026, 1, 1))  # noqa: DTZ001 - the point of the test
    with pytest.raises(TypeError, match="bytes"):
        to_jsonable({"raw": b"\x00"})


async def _seed(uow: UnitOfWorkFactory) -> int:
    async with uow() as work:
        community = await work.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        await work.members.get_or_create(community.id, "ana", "Ana")
        await work.commit()
    return community.id


async def test_an_unknown_community_is_a_lookup_error() -> None:
    uow = make_memory_uow_factory(FakeClock(NOW))
    await _seed(uow)
    with pytest.raises(LookupError):
        await export_community(uow, 999, NOW, allow_incomplete=True)
    with pytest.raises(LookupError):
        await export_community(uow, (Platform.SLACK, "local"), NOW, allow_incomplete=True)


class _Exports:
    def __init__(self, sections: dict[str, list[dict[str, Any]]]) -> None:
        self.sections = sections

    async def export_for_community(self, community_id: int) -> dict[str, list[dict[str, Any]]]:
        return self.sections


def _replacing(uow: UnitOfWorkFactory, **repositories: object) -> UnitOfWorkFactory:
    """Units of work of ``uow`` whose named repositories are replaced."""

    def make(*, read_only: bool = False) -> Any:
        work = uow(read_only=read_only)
        for name, repository in repositories.items():
            setattr(work, name, repository)
        return work

    return make


def _exported_names() -> list[str]:
    return [name for name in repository_names() if name not in NOT_EXPORTED]


async def test_a_repository_that_cannot_export_makes_the_export_refuse_or_say_so() -> None:
    memory = make_memory_uow_factory(FakeClock(NOW))
    community_id = await _seed(memory)
    first, *others = _exported_names()
    work = _replacing(
        memory, **{first: object()}, **{name: _Exports({name: [{"n": 1}]}) for name in others}
    )
    with pytest.raises(IncompleteExport, match=f"uow.{first}"):
        await export_community(work, community_id, NOW)
    document = await export_community(work, community_id, NOW, allow_incomplete=True)
    assert document["incomplete"] == [first]
    assert first not in document["data"]
    assert all(document["data"][name] == [{"n": 1}] for name in others)


async def test_two_repositories_exporting_the_same_section_is_an_error() -> None:
    memory = make_memory_uow_factory(FakeClock(NOW))
    community_id = await _seed(memory)
    work = _replacing(memory, **{name: _Exports({"same": []}) for name in _exported_names()})
    with pytest.raises(ValueError, match="'same' a second time"):
        await export_community(work, community_id, NOW)


def test_every_repository_on_the_unit_of_work_can_export() -> None:
    """A feature that stores community data adds export_for_community (see bot/export.py)."""
    uow = make_memory_uow_factory()()
    exporting, missing = exporting_repositories(uow)
    assert {"members", "profiles", "matching", "meetups"} <= set(exporting)
    assert missing == [], f"{missing} cannot export their data"


@pytest.mark.parametrize("backend", SQL_BACKENDS)
async def test_sql_and_memory_exports_are_the_same_document(
    backend: SqlBackend, tmp_path: Path
) -> None:
    memory = make_memory_uow_factory(FakeClock(NOW))
    # the same ids in both stores, so the documents can be compared whole
    async with migrated_engine(backend, tmp_path, random_community_ids=False) as engine:
        sql = make_uow_factory(engine, FakeClock(NOW))
        documents = []
        for uow in (memory, sql):
            community_id = await _seed(uow)
            await _seed_every_feature(uow, community_id)
            documents.append(await export_community(uow, community_id, NOW))
    assert documents[0] == documents[1]
    assert documents[0]["data"]["matching_pairings"][0]["status"] == "active"
    assert documents[0]["data"]["members"][0]["display_name"] == "Ana"


# --- the command line -------------------------------------------------------------------------


def _config(tmp_path: Path, database: Path) -> Path:
    path = tmp_path / "mentormeet.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{database}"\n', encoding="utf-8")
    return path


async def _seed_file(database: Path, *, everything: bool = False) -> None:
    engine = create_engine(f"sqlite:///{database}")
    try:
        await upgrade(engine)
        uow = make_uow_factory(engine)
        community_id = await _seed(uow)
        if everything:
            await _seed_every_feature(uow, community_id)
    finally:
        await engine.dispose()


async def _seed_every_feature(uow: UnitOfWorkFactory, community_id: int) -> None:
    """A profile, a mentoring request and pairing, a meetup with an RSVP and a reminder."""
    async with uow() as work:
        ana = await work.members.find(community_id, "ana")
        bo = await work.members.get_or_create(community_id, "bo", "Bo")
        assert ana is not None
        await work.profiles.save(Profile(
            community_id, ana.id, "I know rust", ParsedIntro(), ProfileEdits(), NOW, NOW
        ))
        await work.matching.mentors.save_settings(MentorState(community_id, ana.id, ("rust",)))
        request = await work.matching.requests.add(MatchRequest(
            id=0, community_id=community_id, mentee_id=bo.id, mentor_id=ana.id,
            status=RequestStatus.ACCEPTED, score=0.5, reasons=("rust",), created_at=NOW,
            expires_at=NOW + timedelta(days=3),
        ))
        await work.matching.pairings.add(Pairing(
            id=0, community_id=community_id, mentor_id=ana.id, mentee_id=bo.id,
            status=PairingStatus.ACTIVE, started_at=NOW, request_id=request.id,
        ))
        meetup = await work.meetups.events.add(Meetup(
            community_id=community_id, organizer_id=ana.id, status=MeetupStatus.SCHEDULED,
            title="Rust night", starts_at=NOW + timedelta(days=1), created_at=NOW,
            updated_at=NOW,
        ))
        await work.meetups.rsvps.put(Rsvp(community_id, meetup.id, bo.id, RsvpStatus.GOING, NOW))
        await work.meetups.deliveries.add([PlannedDelivery(
            community_id=community_id, meetup_id=meetup.id, kind=DeliveryKind.REMINDER,
            occurrence_start=meetup.starts_at, offset=timedelta(hours=1), member_id=bo.id,
            due_at=meetup.starts_at - timedelta(hours=1), expires_at=meetup.starts_at,
        )])
        await work.commit()


def test_cli_writes_a_private_file(tmp_path: Path) -> None:
    database = tmp_path / "bot.db"
    asyncio.run(_seed_file(database))
    out = tmp_path / "export.json"
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(app, [
        "export", "--config", str(_config(tmp_path, database)),
        "--community", "console:local", "--allow-incomplete", "--output", str(out),
    ])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "mentormeet-export"
    assert [m["external_id"] for m in document["data"]["members"]] == ["ana"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []


def test_cli_exports_profiles_matching_and_meetups_to_stdout(tmp_path: Path) -> None:
    database = tmp_path / "bot.db"
    asyncio.run(_seed_file(database, everything=True))
    args = ["export", "--config", str(_config(tmp_path, database)), "--community", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["community"]["name"] == "Local"
    assert document["incomplete"] == []
    data = document["data"]
    assert [p["raw_intro"] for p in data["profiles"]] == ["I know rust"]
    assert [m["topics"] for m in data["matching_mentors"]] == [["rust"]]
    assert [(r["status"], r["reasons"]) for r in data["matching_requests"]] == [
        ("accepted", ["rust"])
    ]
    assert [p["status"] for p in data["matching_pairings"]] == ["active"]
    assert [m["title"] for m in data["meetups"]] == ["Rust night"]
    assert [r["status"] for r in data["rsvps"]] == ["going"]
    assert [d["kind"] for d in data["deliveries"]] == ["reminder"]


def test_cli_refuses_an_incomplete_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> (
    None
):
    database = tmp_path / "bot.db"
    asyncio.run(_seed_file(database))
    monkeypatch.setattr("bot.ports.UnitOfWork.__annotations__", {
        **UnitOfWork.__annotations__, "unexported": "object",
    })
    args = ["export", "--config", str(_config(tmp_path, database)), "--community", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 4
    assert "uow.unexported" in result.output
    assert "--allow-incomplete" in result.output


@pytest.mark.parametrize(
    ("community", "code", "message"),
    [("console:elsewhere", 1, "no community matches"), ("99", 1, "no community matches"),
     ("nonsense", 2, "PLATFORM:EXTERNAL_ID")],
)
def test_cli_explains_a_community_it_cannot_find(
    tmp_path: Path, community: str, code: int, message: str
) -> None:
    database = tmp_path / "bot.db"
    asyncio.run(_seed_file(database))
    result = CliRunner().invoke(app, [
        "export", "--config", str(_config(tmp_path, database)), "--community", community,
        "--allow-incomplete",
    ])
    assert result.exit_code == code
    assert message in result.output


def test_cli_never_creates_or_migrates_a_database(tmp_path: Path) -> None:
    database = tmp_path / "missing" / "bot.db"
    config = _config(tmp_path, database)
    result = CliRunner().invoke(app, ["export", "--config", str(config), "--community", "1"])
    assert result.exit_code == 1
    assert "there is no database" in result.output
    assert not database.parent.exists()
    database.parent.mkdir()
    database.touch()
    result = CliRunner().invoke(app, ["export", "--config", str(config), "--community", "1"])
    assert result.exit_code == 1
    assert "not set up" in result.output
    assert "mentormeet db upgrade" in result.output
