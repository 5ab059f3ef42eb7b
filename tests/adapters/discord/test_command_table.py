"""The declarative table: option values → command lines; every core command has a slash command."""

from typing import Any

import discord
import pytest

from adapters.discord.custom_ids import ButtonTarget, decode, encode
from adapters.discord.spec import flag, steps, words
from adapters.discord.table import COMMANDS, FORMS, GROUPS
from adapters.discord.tree import build_commands
from bot.commandline import PARSERS, parse_command
from bot.commands import EditProfile, ShowHelp, SubmitIntro
from tests.support.actors import actor


def command(path: str) -> Any:
    return next(c for c in COMMANDS if c.qualified_name == path)


def test_every_registered_core_command_has_a_slash_command() -> None:
    assert {c.core for c in COMMANDS} <= set(PARSERS)
    covered = {PARSERS[c.core] for c in COMMANDS}  # aliases (/meetups) share a parser
    missing = sorted(name for name, parser in PARSERS.items() if parser not in covered)
    assert missing == [], "add these to adapters/discord/table.py"


def test_every_table_line_parses_to_a_core_command() -> None:
    for entry in COMMANDS:
        values = {o.name: _sample(o.name, o.kind.value, o.choices) for o in entry.options}
        line = entry.line(values)
        assert line.split()[0] == f"/{entry.core}"
        if entry.modal is None or values:
            parse_command(line, actor())  # raises UsageError if the table is wrong


SAMPLES = {"meetup": "12", "date": "2026-12-10", "when": "tomorrow 7pm", "until": "2 weeks",
           "zone": "Europe/Berlin", "tz": "Europe/Berlin", "timezone": "Europe/Berlin",
           "remind": "24h,1h", "duration": "2h", "capacity": "20"}


def _sample(name: str, kind: str, choices: tuple[str, ...]) -> object:
    if choices:
        return choices[0]
    if kind != "text":
        return {"integer": 2, "boolean": True}[kind]
    return SAMPLES.get(name, "Rust")


def test_profile_edit_options_become_steps() -> None:
    line = command("profile edit").line(
        {"add": "Rust, Go", "learn": None, "remove": "Java", "timezone": "Europe/Berlin",
         "capacity": 0, "mentoring": "on", "reset": False}
    )
    assert line == (
        "/profile edit add Rust, Go; remove Java; timezone Europe/Berlin; capacity 0; mentoring on"
    )
    parsed = parse_command(line, actor())
    assert isinstance(parsed, EditProfile)
    assert parsed.add_skills == ("Rust", "Go")
    assert parsed.mentor_capacity == 0


def test_missing_and_blank_options_are_left_out() -> None:
    assert command("help").line({"topic": None}) == "/help"
    assert command("help").line({"topic": "  "}) == "/help"
    assert isinstance(parse_command(command("help").line({"topic": "profile"}), actor()), ShowHelp)
    assert command("profile edit").line({"reset": True}) == "/profile edit reset"


def test_intro_text_keeps_its_lines() -> None:
    line = command("intro").line({"text": "I write Go.\nLearning Rust."})
    parsed = parse_command(line, actor())
    assert isinstance(parsed, SubmitIntro)
    assert parsed.text == "I write Go.\nLearning Rust."


def test_line_builders() -> None:
    build = words("/rsvp", "{meetup}", "{answer}")
    assert build({"meetup": 12, "answer": "going"}) == "/rsvp 12 going"
    assert build({"meetup": 12}) == "/rsvp 12"
    assert steps("/x")({}) == "/x"
    assert steps("/x", "a {a}", flag("b", "bee"))({"a": "1", "b": True}) == "/x a 1; bee"


def test_forms_fill_options_of_their_command() -> None:
    for kind, form in FORMS.items():
        [entry] = [c for c in COMMANDS if c.modal is kind]
        names = {o.name for o in entry.options}
        assert {f.name for f in form.fields} <= names
        assert 1 <= len(form.fields) <= 5
        assert len(form.title) <= 45


def test_custom_ids_round_trip() -> None:
    assert encode("/forget confirm") == "mm::/forget confirm"
    assert encode("/rsvp  12\n going", "800") == "mm:800:/rsvp 12 going"
    assert decode("mm:800:/rsvp 12 going") == ButtonTarget("/rsvp 12 going", "800")
    assert decode("mm::/forget confirm") == ButtonTarget("/forget confirm", None)
    assert encode("/x " + "y" * 200) is None
    assert len(encode("/x " + "y" * 93) or "") == 100
    assert encode("/x " + "y" * 94) is None


@pytest.mark.parametrize("custom_id", ["", "mm:", "mm::", "mm::forget", "xx::/forget", "mm:a:/x"])
def test_foreign_custom_ids_are_not_ours(custom_id: str) -> None:
    assert decode(custom_id) is None


def test_bad_button_lines_are_refused() -> None:
    with pytest.raises(ValueError, match="starts with '/'"):
        encode("forget")
    with pytest.raises(ValueError, match="guild id"):
        encode("/forget", "abc")


class _Handler:
    async def on_slash(self, *args: object) -> None: ...

    async def suggest(self, *args: object) -> list[str]:
        return []


def test_tree_payload_is_guild_only_grouped_and_typed() -> None:
    client = discord.Client(intents=discord.Intents.none())
    tree = discord.app_commands.CommandTree(client)
    payload = {c.name: c.to_dict(tree) for c in build_commands(COMMANDS, GROUPS, _Handler())}
    assert set(payload) >= {"intro", "profile", "forget", "help"}
    assert all(p["contexts"] == [0] for p in payload.values())
    edit = next(o for o in payload["profile"]["options"] if o["name"] == "edit")
    options = {o["name"]: o for o in edit["options"]}
    assert options["add"]["autocomplete"] is True
    assert options["add"]["type"] == 3
    assert options["capacity"] | {"description": ""} == {
        "type": 4, "name": "capacity", "description": "", "required": False,
        "min_value": 0, "max_value": 10,
    }
    assert options["mentoring"]["choices"] == [
        {"name": "on", "value": "on"}, {"name": "off", "value": "off"}
    ]
    assert options["reset"]["type"] == 5
