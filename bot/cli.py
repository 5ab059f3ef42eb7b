"""The `mentormeet` command line: run the bot, the console, migrations and batch parsing."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any

import typer

from adapters.discord.cli import discord_app
from adapters.slack.cli import slack_app
from bot import __version__
from bot.cli_options import ConfigOption
from bot.errors import DatabaseUnavailable
from bot.export_cli import export_command
from bot.matching.cli import match_app
from bot.meetups.cli import ics_command
from bot.settings import Settings, SettingsError, configure_logging, load_settings

app = typer.Typer(add_completion=False, help="mentormeet — skill profiles, mentors and meetups.")
db_app = typer.Typer(help="Database migrations.")
profile_app = typer.Typer(help="Intro parsing tools.")
app.add_typer(db_app, name="db")
app.add_typer(profile_app, name="profile")
app.command("export")(export_command)
app.command("ics")(ics_command)
app.add_typer(discord_app, name="discord")
app.add_typer(slack_app, name="slack")
app.add_typer(match_app, name="match")

log = logging.getLogger(__name__)

# Exit codes of `run`, `console` and `db`: 2 bad configuration, 3 the SQLite file is in use by
# another process, 5 the database cannot be reached or opened (4 is `export`'s incomplete export).
EXIT_DATABASE_UNAVAILABLE = 5


def _settings(config: Path | None) -> Settings:
    try:
        settings = load_settings(config)
    except SettingsError as exc:
        typer.echo(f"mentormeet: configuration error:\n{exc}", err=True)
        raise typer.Exit(2) from None
    configure_logging(settings)
    return settings


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mentormeet {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """mentormeet — skill profiles, mentors and meetups for tech communities."""


async def _console(settings: Settings, member: str | None) -> None:
    from adapters.console.messenger import ConsoleMessenger
    from adapters.console.reader import read_lines
    from adapters.console.repl import run_repl
    from adapters.console.script import run_script
    from adapters.console.session import ConsoleSession
    from bot.bootstrap import build_app
    from bot.lifecycle import settle_heap

    def out(line: str) -> None:
        print(line, flush=True)

    bot = await build_app(settings, ConsoleMessenger(out))
    try:
        bot.start()
        settle_heap()
        session = ConsoleSession(
            bot.dispatcher,
            community=settings.console.community,
            organizers=settings.console.organizer_names,
            out=out,
        )
        if sys.stdin.isatty():
            await run_repl(session, member or settings.console.member, settings.console.community)
        else:
            await run_script(session, read_lines(sys.stdin))
    finally:
        await bot.aclose()


def _run_bot(main: Coroutine[Any, Any, object]) -> bool:
    """Run a bot coroutine with graceful signal handling and friendly start-up errors."""
    from bot.lifecycle import run_until_signalled
    from storage.process_lock import DatabaseInUse

    try:
        return run_until_signalled(main)
    except SettingsError as exc:
        typer.echo(f"mentormeet: configuration error:\n{exc}", err=True)
        raise typer.Exit(2) from None
    except DatabaseInUse as exc:
        typer.echo(f"mentormeet: {exc}", err=True)
        raise typer.Exit(3) from None
    except DatabaseUnavailable as exc:
        raise _database_unavailable(exc) from None


def _database_unavailable(exc: DatabaseUnavailable) -> typer.Exit:
    """Report the database that could not be opened in one line (plus a hint); the exit to raise."""
    log.debug("the database could not be opened", exc_info=exc)
    typer.echo(f"mentormeet: {exc}", err=True)
    if exc.hint:
        typer.echo(f"hint: {exc.hint}", err=True)
    return typer.Exit(EXIT_DATABASE_UNAVAILABLE)


def _run_console(settings: Settings, member: str | None) -> None:
    _run_bot(_console(settings, member))


async def _serve_platforms(settings: Settings) -> None:
    """Serve every configured platform adapter until cancelled."""
    from adapters.platforms import RoutingMessenger, configured_platforms
    from bot.bootstrap import build_app
    from bot.lifecycle import settle_heap

    runners = configured_platforms(settings)
    bot = await build_app(
        settings,
        RoutingMessenger({r.platform: r.messenger for r in runners}),
        connections={r.platform.value: r.connected for r in runners},
    )
    try:
        bot.start()
        settle_heap()
        await asyncio.gather(*(r.serve(bot) for r in runners))
    finally:
        await bot.aclose()


@app.command()
def run(config: ConfigOption = None) -> None:
    """Run the bot on every configured platform; with no tokens, the console on SQLite."""
    from adapters.platforms import configured_platforms

    settings = _settings(config)
    if configured_platforms(settings):
        _run_bot(_serve_platforms(settings))
    else:
        _run_console(settings, None)


@app.command()
def console(
    config: ConfigOption = None,
    member: Annotated[str | None, typer.Option("--as", help="Member name to type as.")] = None,
) -> None:
    """Talk to the bot as a member of the local console community (reads a script from a pipe)."""
    _run_console(_settings(config), member)


@db_app.command("upgrade")
def db_upgrade(config: ConfigOption = None) -> None:
    """Apply all database migrations."""
    from storage.engine import engine_for
    from storage.migrate import current, upgrade
    from storage.startup_errors import check_connection, opening_database

    settings = _settings(config)

    async def _go() -> str | None:
        with opening_database(settings.database):
            engine = engine_for(settings.database)
        try:
            await check_connection(engine, settings.database)
            await upgrade(engine)
            return await current(engine)
        finally:
            await engine.dispose()

    try:
        revision = asyncio.run(_go())
    except DatabaseUnavailable as exc:
        raise _database_unavailable(exc) from None
    typer.echo(f"database at revision {revision}")


@db_app.command("current")
def db_current(config: ConfigOption = None) -> None:
    """Show the database's migration revision."""
    from storage.engine import engine_for
    from storage.migrate import current
    from storage.startup_errors import check_connection, opening_database

    settings = _settings(config)

    async def _go() -> str | None:
        with opening_database(settings.database):
            engine = engine_for(settings.database)
        try:
            await check_connection(engine, settings.database)
            return await current(engine)
        finally:
            await engine.dispose()

    try:
        revision = asyncio.run(_go())
    except DatabaseUnavailable as exc:
        raise _database_unavailable(exc) from None
    typer.echo(revision or "no migrations applied")


@profile_app.command("parse")
def profile_parse(
    config: ConfigOption = None,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help='Read {"id": ..., "text": ...} lines; write one per line.'),
    ] = False,
) -> None:
    """Parse an intro from stdin and print the profile as JSON."""
    from bot.batch import parse_jsonl, parse_one

    settings = _settings(config)
    stdin = sys.stdin.buffer
    if jsonl:
        failed = parse_jsonl(settings, stdin, sys.stdout, sys.stderr)
        raise typer.Exit(1 if failed else 0)
    code = parse_one(settings, stdin, sys.stdout, sys.stderr)
    raise typer.Exit(code)


def main() -> None:
    """Entry point of the `mentormeet` console script."""
    app()
