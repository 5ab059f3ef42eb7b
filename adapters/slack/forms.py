"""Modals: which command lines open a form, the form's view, and its values as a command line."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.slack.escaping import clip, escape
from adapters.slack.names import CommandNames
from bot.commandline import PARSERS

CALLBACK_PREFIX = "mm_form:"
VALUE_ACTION = "value"
MAX_INPUT = 3000  # plain_text_input's own limit
MAX_TITLE = 24
MAX_METADATA = 3000
MAX_ERROR = 500


class FormError(Exception):
    """A submitted value cannot be used; shown under the input block ``block_id``."""

    def __init__(self, block_id: str, message: str) -> None:
        super().__init__(message)
        self.block_id = block_id
        self.message = message


@dataclass(frozen=True, slots=True)
class FormInput:
    """One input block: a text box, or a menu when ``choices`` (value, label) are given."""

    block_id: str
    label: str
    placeholder: str = ""
    multiline: bool = False
    optional: bool = True
    max_length: int = MAX_INPUT
    choices: tuple[tuple[str, str], ...] = ()
    keywords: tuple[str, ...] = ()  # words in a core error message that point at this input


@dataclass(frozen=True, slots=True)
class Form:
    """A modal that stands for one command: ``compose`` turns its values into the command line."""

    key: str
    trigger: str  # the command line (without arguments) that opens the form instead
    title: str
    submit: str
    hint: str
    inputs: tuple[FormInput, ...]
    compose: Callable[[Mapping[str, str]], str] = field(repr=False)

    @property
    def callback_id(self) -> str:
        """The view's callback_id."""
        return CALLBACK_PREFIX + self.key

    def view(self, metadata: Mapping[str, str], names: CommandNames) -> dict[str, Any]:
        """The modal view for views.open; ``metadata`` travels back with the submission."""
        hint = {"type": "section", "text": {"type": "mrkdwn", "text": escape(names.localize(
            self.hint))}}
        return {
            "type": "modal",
            "callback_id": self.callback_id,
            "title": _plain(clip(self.title, MAX_TITLE)),
            "submit": _plain(clip(self.submit, MAX_TITLE)),
            "close": _plain("Cancel"),
            "private_metadata": clip(json.dumps(dict(metadata)), MAX_METADATA),
            "blocks": [hint, *(_input_block(i) for i in self.inputs)],
        }

    def error_block(self, values: Mapping[str, str], message: str) -> str:
        """The input a core error most likely refers to: one whose value it quotes, else one it
        names by keyword, else the first filled one, else the first."""
        filled = [i.block_id for i in self.inputs if values.get(i.block_id)]
        for block_id in filled:
            items = [v.strip() for v in re.split(r"[,;]", values[block_id]) if v.strip()]
            if any(f"'{item}'" in message or f"“{item}”" in message for item in items):
                return block_id
        lowered = message.lower()
        for spec in self.inputs:
            if any(word in lowered for word in spec.keywords):
                return spec.block_id
        return (filled or [self.inputs[0].block_id])[0]


def read_values(state: Mapping[str, Any]) -> dict[str, str]:
    """The submitted values by block id, from ``view.state.values`` (missing/empty → "")."""
    values: dict[str, str] = {}
    for block_id, actions in state.items():
        element = actions.get(VALUE_ACTION, {}) if isinstance(actions, Mapping) else {}
        selected = element.get("selected_option") or {}
        raw = element.get("value") if element.get("type") != "static_select" else selected.get(
            "value")
        values[str(block_id)] = raw.strip() if isinstance(raw, str) else ""
    return values


def read_metadata(text: str) -> dict[str, str]:
    """The metadata a form was opened with; anything malformed reads as empty."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def _input_block(spec: FormInput) -> dict[str, Any]:
    element: dict[str, Any]
    if spec.choices:
        element = {
            "type": "static_select",
            "action_id": VALUE_ACTION,
            "options": [{"text": _plain(label), "value": value} for value, label in spec.choices],
        }
    else:
        element = {
            "type": "plain_text_input",
            "action_id": VALUE_ACTION,
            "multiline": spec.multiline,
            "max_length": min(spec.max_length, MAX_INPUT),
        }
    if spec.placeholder:
        element["placeholder"] = _plain(clip(spec.placeholder, 150))
    return {
        "type": "input",
        "block_id": spec.block_id,
        "optional": spec.optional,
        "label": _plain(clip(spec.label, 2000)),
        "element": element,
    }


class FormRegistry:
    """The forms whose command exists in the core, found by trigger or callback id."""

    def __init__(self, forms: tuple[Form, ...]) -> None:
        available = [f for f in forms if f.trigger.split()[0].lstrip("/") in PARSERS]
        self._by_trigger = {_normal(f.trigger): f for f in available}
        self._by_callback = {f.callback_id: f for f in available}

    def for_command(self, line: str) -> Form | None:
        """The form a bare command line (``/intro``, ``/profile edit``) opens, if any."""
        return self._by_trigger.get(_normal(line))

    def for_callback(self, callback_id: str) -> Form | None:
        """The form a submitted view belongs to."""
        return self._by_callback.get(callback_id)

    @property
    def forms(self) -> tuple[Form, ...]:
        """Every available form."""
        return tuple(self._by_callback.values())


def _normal(line: str) -> str:
    return " ".join(line.lower().split())
