"""Who and what a log line is about: community, member and command, carried in contextvars.

Code that works for one community wraps the work in ``log_context(...)``; every record logged
inside (in the same task, or tasks it starts) then carries those fields, which the text and JSON
formatters print. Values are platform ids and command names, never display names or secrets.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

CONTEXT_FIELDS = ("community", "member", "command")

_VARS: dict[str, ContextVar[str | None]] = {
    name: ContextVar(f"mentormeet_log_{name}", default=None) for name in CONTEXT_FIELDS
}


def community_label(platform: str, external_id: str) -> str:
    """How a community appears in logs: ``discord:1234``, ``console:local``."""
    return f"{platform}:{external_id}"


@contextmanager
def log_context(
    *, community: str | None = None, member: str | None = None, command: str | None = None
) -> Iterator[None]:
    """Attach the given fields to every record logged inside the block (None keeps the outer)."""
    values = {"community": community, "member": member, "command": command}
    tokens: list[tuple[ContextVar[str | None], Token[str | None]]] = []
    for name, value in values.items():
        if value is not None:
            tokens.append((_VARS[name], _VARS[name].set(value)))
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


def current_log_context() -> dict[str, str]:
    """The fields set for the running code."""
    values = {name: var.get() for name, var in _VARS.items()}
    return {name: value for name, value in values.items() if value is not None}


class LogContextFilter(logging.Filter):
    """Copies the current context onto each record (fields the record already has are kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add the context fields; keep the record."""
        for name, value in current_log_context().items():
            if not hasattr(record, name):
                setattr(record, name, value)
        return True


def context_fields(record: logging.LogRecord) -> dict[str, str]:
    """The context fields a record carries, in a fixed order."""
    fields = {}
    for name in CONTEXT_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str):
            fields[name] = value
    return fields


def _shown(value: str) -> str:
    plain = value and not any(ch.isspace() or ch in '="[]' for ch in value)
    return value if plain else json.dumps(value, ensure_ascii=False)


class ContextTextFormatter(logging.Formatter):
    """A text formatter that ends the message with ``[community=... command=...]`` when known."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        """The formatted line followed by the record's context fields."""
        text = super().formatMessage(record)
        fields = context_fields(record)
        if not fields:
            return text
        shown = " ".join(f"{name}={_shown(value)}" for name, value in fields.items())
        return f"{text} [{shown}]"
