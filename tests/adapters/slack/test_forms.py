"""Modal forms: which command lines open them, and how their values become command lines."""

from __future__ import annotations

import json

import pytest

from adapters.slack.form_specs import FORMS, INTRO_FORM, MEETUP_FORM, PROFILE_EDIT_FORM
from adapters.slack.forms import (
    Form,
    FormError,
    FormInput,
    FormRegistry,
    read_metadata,
    read_values,
)
from adapters.slack.names import CommandNames
from bot.commandline import parse_command
from bot.commands import EditProfile, SubmitIntro
from tests.support.actors import actor


def test_bare_commands_open_their_form_and_commands_with_arguments_do_not() -> None:
    registry = FormRegistry(FORMS)
    assert registry.for_command("/intro") is INTRO_FORM
    assert registry.for_command("  /Profile   EDIT ") is PROFILE_EDIT_FORM
    assert registry.for_command("/intro I write Go") is None
    assert registry.for_command("/profile") is None
    assert registry.for_callback("mm_form:intro") is INTRO_FORM
    assert registry.for_callback("mm_form:nope") is None


def test_forms_for_commands_the_core_lacks_are_left_out() -> None:
    ghost = Form("ghost", "/no-such-command", "Ghost", "Go", "", (FormInput("a", "A"),),
                 compose=lambda values: "/no-such-command")
    registry = FormRegistry((*FORMS, ghost))
    assert registry.for_command("/no-such-command") is None
    assert ghost not in registry.forms


def test_the_profile_edit_form_composes_a_line_the_core_parses() -> None:
    line = PROFILE_EDIT_FORM.compose({
        "add": "Rust; Go,, ", "learn": "Elixir", "remove": "", "timezone": "Europe/Berlin",
        "capacity": "2", "mentoring": "off",
    })
    assert line == (
        "/profile edit add Rust, Go; learn Elixir; timezone Europe/Berlin; capacity 2; "
        "mentoring off")
    command = parse_command(line, actor())
    assert isinstance(command, EditProfile)
    assert command.add_skills == ("Rust", "Go")
    assert (command.timezone, command.mentor_capacity, command.mentoring_offer) == (
        "Europe/Berlin", 2, False)


def test_an_empty_form_is_refused_on_its_first_field() -> None:
    with pytest.raises(FormError) as caught:
        PROFILE_EDIT_FORM.compose({"add": " , ;", "timezone": ""})
    assert caught.value.block_id == "add"
    with pytest.raises(FormError):
        INTRO_FORM.compose({"intro": ""})


def test_a_multiline_intro_stays_one_intro() -> None:
    command = parse_command(INTRO_FORM.compose({"intro": "Python dev\nlearning Go"}), actor())
    assert isinstance(command, SubmitIntro)
    assert command.text == "Python dev\nlearning Go"


def test_core_errors_land_on_the_input_they_quote() -> None:
    values = {"add": "Go, Frobz", "timezone": "Mars/Base"}
    assert PROFILE_EDIT_FORM.error_block(values, "I don't know the skill 'Frobz'.") == "add"
    assert PROFILE_EDIT_FORM.error_block(values, "'Mars/Base' is not a timezone") == "timezone"
    assert PROFILE_EDIT_FORM.error_block(values, "Something else") == "add"
    assert PROFILE_EDIT_FORM.error_block({}, "Something else") == "add"


def test_views_carry_metadata_limits_and_localized_hints() -> None:
    view = PROFILE_EDIT_FORM.view({"channel": "C1"}, CommandNames("/mm-", ["intro"]))
    assert json.loads(view["private_metadata"]) == {"channel": "C1"}
    assert len(view["title"]["text"]) <= 24
    assert "/mm-intro" in view["blocks"][0]["text"]["text"]
    menu = view["blocks"][-1]["element"]
    assert menu["type"] == "static_select"
    assert [o["value"] for o in menu["options"]] == ["on", "off"]
    assert all(b["element"]["max_length"] <= 3000 for b in view["blocks"][1:-1])


def test_submitted_state_and_metadata_are_read_defensively() -> None:
    state = {
        "add": {"value": {"type": "plain_text_input", "value": "  Go "}},
        "learn": {"value": {"type": "plain_text_input", "value": None}},
        "mentoring": {"value": {"type": "static_select", "selected_option": None}},
        "odd": "not a mapping",
    }
    assert read_values(state) == {"add": "Go", "learn": "", "mentoring": "", "odd": ""}
    assert read_metadata('{"channel": "C1", "n": 3}') == {"channel": "C1"}
    assert read_metadata("[1]") == {}
    assert read_metadata("{oops") == {}
    assert read_metadata("") == {}


def test_the_meetup_form_quotes_every_value_so_the_core_reads_it_back_exactly() -> None:
    from bot.meetups.commandline import parse_meetup
    from bot.meetups.commands import CreateMeetup

    line = MEETUP_FORM.compose({
        "title": 'Rust "night" \\ where=nowhere', "when": "next Tuesday 7pm", "duration": "90m",
        "where": "Room 1; 2nd floor", "capacity": "20", "description": "Bring\na laptop",
        "every": "", "remind": "24h, 1h", "tz": "Europe/Berlin",
    })
    assert line.startswith("/meetup create ")
    command = parse_meetup(line.removeprefix("/meetup "), actor(organizer=True))
    assert isinstance(command, CreateMeetup)
    fields = command.fields
    assert fields.title == 'Rust "night" \\ where=nowhere'
    assert (fields.when, fields.location, fields.capacity) == (
        "next Tuesday 7pm", "Room 1; 2nd floor", 20)
    assert fields.description == "Bring\na laptop"
    assert fields.every is None
    assert fields.timezone == "Europe/Berlin"
    assert fields.duration is not None
    assert fields.duration.total_seconds() == 90 * 60


def test_the_meetup_form_needs_a_title_and_a_time() -> None:
    with pytest.raises(FormError) as caught:
        MEETUP_FORM.compose({"title": "Rust night"})
    assert caught.value.block_id == "when"
    message = "That time is in the past. Say when it starts, e.g. when=\"next Tuesday 7pm\"."
    assert MEETUP_FORM.error_block({"title": "x", "when": "yesterday"}, message) == "when"
    assert MEETUP_FORM.error_block({"title": "x", "when": "y"}, "capacity is a whole number") == (
        "capacity")
