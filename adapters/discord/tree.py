"""Builds discord.py application commands from the declarative table (adapters/discord/table.py)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Iterable, Mapping
from typing import Any, Protocol

import discord
from discord import app_commands

from adapters.discord.spec import Kind, Option, SlashCommand, Suggest

GUILD_ONLY = app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False)

AnyInteraction = discord.Interaction[Any]
Autocomplete = Callable[
    [AnyInteraction, str], Coroutine[Any, Any, list[app_commands.Choice[str]]]
]


class SlashHandler(Protocol):
    """What the tree calls: run a command, and suggest values while a member types."""

    async def on_slash(
        self, interaction: AnyInteraction, command: SlashCommand, values: Mapping[str, object]
    ) -> None:
        """Answer one slash command invocation."""
        ...

    async def suggest(
        self, interaction: AnyInteraction, source: Suggest, typed: str
    ) -> list[tuple[str, str]]:
        """Autocomplete (label, value) pairs for what the member typed so far."""
        ...


def _annotation(option: Option) -> Any:
    if option.kind is Kind.BOOLEAN:
        base: Any = bool
    elif option.kind is Kind.INTEGER:
        base = app_commands.Range[int, option.min_value, option.max_value]
    elif option.max_length is not None:
        base = app_commands.Range[str, None, option.max_length]
    else:
        base = str
    return base if option.required else base | None


def _signature(command: SlashCommand) -> inspect.Signature:
    first = inspect.Parameter(
        "interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction
    )
    ordered = sorted(command.options, key=lambda o: not o.required)  # required ones first
    return inspect.Signature(
        [first]
        + [
            inspect.Parameter(
                o.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=_annotation(o),
                default=inspect.Parameter.empty if o.required else None,
            )
            for o in ordered
        ]
    )


def _autocomplete(handler: SlashHandler, source: Suggest) -> Autocomplete:
    async def complete(interaction: AnyInteraction, current: str) -> list[app_commands.Choice[str]]:
        found = await handler.suggest(interaction, source, current)
        return [app_commands.Choice(name=label[:100], value=value[:100])
                for label, value in found[:25]]

    return complete


def make_command(
    command: SlashCommand, handler: SlashHandler, parent: app_commands.Group | None
) -> app_commands.Command[Any, ..., None]:
    """One application command whose callback hands the option values to ``handler``."""

    async def callback(interaction: AnyInteraction, **values: object) -> None:
        await handler.on_slash(interaction, command, values)

    callback.__signature__ = _signature(command)  # type: ignore[attr-defined]
    callback.__qualname__ = callback.__name__ = "_".join(command.path)
    app_commands.describe(**{o.name: o.description for o in command.options})(callback)
    choices = {
        o.name: [app_commands.Choice(name=c, value=c) for c in o.choices]
        for o in command.options
        if o.choices
    }
    if choices:
        app_commands.choices(**choices)(callback)
    completers = {
        o.name: _autocomplete(handler, o.suggest)
        for o in command.options
        if o.suggest is not None and not o.choices
    }
    if completers:
        app_commands.autocomplete(**completers)(callback)
    return app_commands.Command(
        name=command.path[-1],
        description=command.description[:100],
        callback=callback,
        parent=parent,
        allowed_contexts=GUILD_ONLY if parent is None else None,
    )


def build_commands(
    commands: Iterable[SlashCommand], groups: Mapping[str, str], handler: SlashHandler
) -> list[app_commands.Command[Any, ..., None] | app_commands.Group]:
    """Top-level commands and groups (a group per first word of a two-word command path)."""
    made: dict[str, app_commands.Command[Any, ..., None] | app_commands.Group] = {}
    for command in commands:
        if len(command.path) == 1:
            if command.path[0] in made:
                raise ValueError(f"/{command.path[0]} is defined twice")
            made[command.path[0]] = make_command(command, handler, None)
            continue
        if len(command.path) != 2:
            raise ValueError(f"/{command.qualified_name}: at most one group level is supported")
        name = command.path[0]
        group = made.get(name)
        if group is None:
            group = app_commands.Group(
                name=name,
                description=groups.get(name, name.capitalize())[:100],
                allowed_contexts=GUILD_ONLY,
            )
            made[name] = group
        if not isinstance(group, app_commands.Group):
            raise ValueError(f"/{name} is both a command and a group")
        group.add_command(make_command(command, handler, group))
    return list(made.values())


def build_tree(
    client: discord.Client,
    commands: Iterable[SlashCommand],
    groups: Mapping[str, str],
    handler: SlashHandler,
) -> app_commands.CommandTree[Any]:
    """A command tree holding every command of the table."""
    tree: app_commands.CommandTree[Any] = app_commands.CommandTree(client)
    for item in build_commands(commands, groups, handler):
        tree.add_command(item)
    return tree
