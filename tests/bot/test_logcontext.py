"""Log context: community, member and command on every record, in text and JSON, never secrets."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.commands import ShowHelp, SubmitIntro
from bot.dispatcher import Dispatcher
from bot.logcontext import (
    ContextTextFormatter,
    LogContextFilter,
    context_fields,
    current_log_context,
    log_context,
)
from bot.replies import Reply
from bot.services import Services
from bot.settings import configure_logging, load_settings
from tests.support.actors import actor
from tests.support.core_services import memory_services
from tests.support.databases import postgres_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def record(msg: str = "hello", **extra: object) -> logging.LogRecord:
    made = logging.LogRecord("tests.logcontext", logging.INFO, __file__, 1, msg, None, None)
    for name, value in extra.items():
        setattr(made, name, value)
    return made


def test_context_nests_and_is_restored() -> None:
    assert current_log_context() == {}
    with log_context(community="discord:1", command="show_help"):
        with log_context(member="m-2", command="forget"):
            assert current_log_context() == {
                "community": "discord:1", "member": "m-2", "command": "forget"
            }
        assert current_log_context() == {"community": "discord:1", "command": "show_help"}
    assert current_log_context() == {}


def test_context_is_restored_when_the_block_raises() -> None:
    with pytest.raises(KeyError), log_context(community="slack:T1"):
        raise KeyError("x")
    assert current_log_context() == {}


async def test_tasks_started_inside_inherit_the_context_and_do_not_leak_it() -> None:
    seen: list[dict[str, str]] = []

    async def child() -> None:
        seen.append(current_log_context())
        with log_context(member="changed"):
            await asyncio.sleep(0)

    with log_context(community="console:local"):
        await asyncio.gather(child(), child())
        assert current_log_context() == {"community": "console:local"}
    assert seen == [{"community": "console:local"}] * 2


def test_filter_adds_fields_without_overriding_explicit_extras() -> None:
    plain, explicit = record(), record(command="from-extra")
    with log_context(community="discord:9", command="show_profile"):
        assert LogContextFilter().filter(plain) is True
        LogContextFilter().filter(explicit)
    assert context_fields(plain) == {"community": "discord:9", "command": "show_profile"}
    assert context_fields(explicit) == {"community": "discord:9", "command": "from-extra"}
    outside = record()
    LogContextFilter().filter(outside)
    assert context_fields(outside) == {}


def test_text_lines_end_with_the_context_and_quote_odd_values() -> None:
    formatter = ContextTextFormatter("%(levelname)s %(message)s")
    assert formatter.format(record()) == "INFO hello"
    line = formatter.format(record(community='console:my "club"', member="ana", command="forget"))
    assert line == 'INFO hello [community="console:my \\"club\\"" member=ana command=forget]'
    try:
        raise ValueError("boom")
    except ValueError:
        failing = record(command="forget")
        failing.exc_info = sys.exc_info()
    first, *rest = formatter.format(failing).splitlines()
    assert first == "INFO hello [command=forget]"
    assert rest[-1] == "ValueError: boom"


def _json_lines(stream: io.StringIO) -> list[dict[str, str]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


async def test_dispatched_commands_log_json_with_community_member_and_command() -> None:
    stream = io.StringIO()
    configure_logging(load_settings(env={
        "MENTORMEET_LOGGING_FORMAT": "json", "MENTORMEET_LOGGING_LEVEL": "debug",
    }), stream)
    dispatcher = Dispatcher(memory_services())
    await dispatcher.handle(SubmitIntro(actor=actor("ana", community="guild-7"), text="I use Go"))
    logging.getLogger("tests.logcontext.after").info("outside any command")
    entries = _json_lines(stream)
    done = next(e for e in entries if e["message"].startswith("command submit_intro: ok in"))
    assert done["community"] == "discord:guild-7"
    assert done["member"] == "id-ana"
    assert done["command"] == "submit_intro"
    assert done["level"] == "DEBUG"
    outside = next(e for e in entries if e["message"] == "outside any command")
    assert not {"community", "member", "command"} & set(outside)
    assert "ana" not in json.dumps([e for e in entries if "member" not in e])


async def test_a_failing_command_logs_its_exception_with_context() -> None:
    stream = io.StringIO()
    configure_logging(load_settings(env={"MENTORMEET_LOGGING_FORMAT": "json"}), stream)

    async def broken(cmd: object, svc: Services) -> Reply:
        logging.getLogger("bot.handlers.broken").warning("about to fail")
        raise RuntimeError("disk full")

    dispatcher = Dispatcher(memory_services(), {ShowHelp: broken})
    await dispatcher.handle(ShowHelp(actor=actor("bo", community="g2")))
    warning, failure = _json_lines(stream)
    assert warning["logger"] == "bot.handlers.broken"
    assert (warning["community"], warning["command"]) == ("discord:g2", "show_help")
    assert failure["level"] == "ERROR"
    assert "RuntimeError: disk full" in failure["exception"]
    assert (failure["community"], failure["member"], failure["command"]) == (
        "discord:g2", "id-bo", "show_help"
    )


async def test_text_logs_carry_the_context_too() -> None:
    stream = io.StringIO()
    configure_logging(load_settings(env={"MENTORMEET_LOGGING_LEVEL": "debug"}), stream)
    await Dispatcher(memory_services()).handle(ShowHelp(actor=actor("cy", community="g3")))
    line = next(x for x in stream.getvalue().splitlines() if "command show_help: ok" in x)
    assert line.endswith("[community=discord:g3 member=id-cy command=show_help]")


# --- no secrets in the logs of a real console run ----------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _console(env: dict[str, str], script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MENTORMEET_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "console"], input=script, capture_output=True, text=True,
        timeout=120, check=False, cwd=cwd, env={**clean, "HOME": str(cwd), **env},
    )


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_an_unreachable_database_password_never_reaches_the_output(
    tmp_path: Path, log_format: str
) -> None:
    password = f"pw-{secrets.token_hex(8)}"
    run = _console({
        "MENTORMEET_DATABASE_URL": f"postgresql://bob:{password}@127.0.0.1:{_closed_port()}/mm",
        "MENTORMEET_DATABASE_CONNECT_TIMEOUT": "5",
        "MENTORMEET_LOGGING_LEVEL": "debug",
        "MENTORMEET_LOGGING_FORMAT": log_format,
    }, "ana /help\n", tmp_path)
    assert run.returncode != 0
    assert "Connect call failed" in run.stderr or "refused" in run.stderr.lower()
    assert password not in run.stdout + run.stderr


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason="MENTORMEET_TEST_POSTGRES_URL is not set")
def test_a_working_postgres_password_never_reaches_the_logs(tmp_path: Path) -> None:
    # The test server trusts local connections, so any password is accepted (and must be hidden).
    import asyncpg

    url = postgres_url()
    assert url is not None
    admin = url.replace("postgresql+asyncpg://", "postgresql://")
    database = f"mm_secret_{secrets.token_hex(4)}"

    async def admin_sql(sql: str) -> None:
        connection = await asyncpg.connect(admin)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(admin_sql(f'CREATE DATABASE "{database}"'))
    try:
        password = f"pw-{secrets.token_hex(8)}"
        user_at = admin.split("://", 1)[1].split("@", 1)
        host_and_path = user_at[1].rsplit("/", 1)[0]
        user = user_at[0].split(":", 1)[0]
        run = _console({
            "MENTORMEET_DATABASE_URL": f"postgresql://{user}:{password}@{host_and_path}/{database}",
            "MENTORMEET_DATABASE_ECHO": "true",
            "MENTORMEET_LOGGING_LEVEL": "debug",
            "MENTORMEET_LOGGING_FORMAT": "json",
        }, "ana /intro I write Python\nana /profile\nana /forget confirm\n", tmp_path)
        assert run.returncode == 0, run.stderr[-2000:]
        assert "[to ana]" in run.stdout
        entries = [json.loads(line) for line in run.stderr.splitlines() if line.startswith("{")]
        assert any(e.get("command") == "submit_intro" for e in entries)
        assert password not in run.stdout + run.stderr
    finally:
        asyncio.run(admin_sql(f'DROP DATABASE "{database}" WITH (FORCE)'))
