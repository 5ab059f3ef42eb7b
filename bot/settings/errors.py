"""SettingsError and the wording of each problem: key, value, its source, what is allowed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from bot.settings.database_url import mask_password
from bot.settings.model import env_var_name, is_secret, model_of

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_MAX_SHOWN = 80


class SettingsError(Exception):
    """The configuration cannot be used; the message says which key, which value and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Sources:
    """Where values came from, to say "in <file>" or "from MENTORMEET_X" in messages."""

    file: Path | None
    file_values: Mapping[str, Any]
    env_values: Mapping[str, Any]
    env_names: frozenset[str]  # lower-cased names of the non-empty variables present


def raise_problems(problems: Sequence[str]) -> None:
    """Raise one SettingsError listing every problem (nothing happens for none)."""
    if not problems:
        return
    if len(problems) == 1:
        raise SettingsError(f"Invalid configuration: {problems[0]}")
    listed = "\n".join(f"  - {problem}" for problem in problems)
    raise SettingsError(f"Invalid configuration ({len(problems)} problems):\n{listed}")


def dotted(loc: Sequence[int | str]) -> str:
    """``('skills', 'custom', 0, 'name')`` → ``skills.custom[0].name``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part == "[key]":
            continue
        else:
            key = part if _BARE_KEY.match(part) else f'"{part}"'
            text += f".{key}" if text else key
    return text


def where(loc: Sequence[int | str], sources: Sources) -> str:
    """'from environment variable X' or 'in <file>' for the value at ``loc``."""
    keys = [part for part in loc if isinstance(part, str)]
    if _reaches(sources.env_values, loc):
        nested = env_var_name(tuple(keys[:2]))
        name = nested if nested.lower() in sources.env_names else env_var_name(tuple(keys[:1]))
        return f"from environment variable {name}"
    if sources.file is not None:
        return f"in {sources.file}"
    return "in the defaults"


def _reaches(values: Any, loc: Sequence[int | str]) -> bool:
    for part in loc:
        in_table = isinstance(values, Mapping) and part in values
        in_array = isinstance(values, list) and isinstance(part, int) and part < len(values)
        if not (in_table or in_array):
            return False
        values = values[part]
    return True


def describe_validation_error(
    error: ValidationError, model: type[BaseModel], sources: Sources
) -> list[str]:
    """One sentence per pydantic error, naming key, value, source and what is allowed."""
    return [_describe(detail, model, sources) for detail in error.errors()]


def _describe(detail: ErrorDetails, model: type[BaseModel], sources: Sources) -> str:
    loc = detail["loc"]
    key = dotted(loc) or "(top level)"
    origin = where(loc, sources)
    if detail["type"] == "extra_forbidden":
        return f"{key}: unknown key {origin}{_suggestion(model, loc)}"
    field = field_at(model, loc)
    reason = detail["msg"].removeprefix("Value error, ")
    if detail["type"] == "missing":
        reason = "this key is required"
    elif "[key]" in loc:
        reason = f"bad key: {reason}"
    shown = _shown_value(detail["input"], field, loc)
    allowed = f"; allowed: {field.description}" if field and field.description else ""
    return f"{key}{shown} {origin}: {reason}{allowed}"


def _shown_value(value: Any, field: FieldInfo | None, loc: Sequence[int | str]) -> str:
    if field is not None and is_secret(field):
        return " = <hidden>"
    if not _is_plain(value):
        return ""
    if isinstance(value, str) and (loc[:2] == ("database", "url") or "://" in value):
        value = mask_password(value)  # a database URL pasted under any key keeps its password
    text = repr(value)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 3] + "..."
    return f" = {text}"


def _is_plain(value: Any) -> bool:
    if isinstance(value, list):
        return all(_is_plain(item) for item in value)
    return value is None or isinstance(value, str | int | float | bool)


def field_at(model: type[BaseModel], loc: Sequence[int | str]) -> FieldInfo | None:
    """The deepest model field along ``loc`` (list indexes and dict keys stay on that field)."""
    current: type[BaseModel] | None = model
    found: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        if field is None:
            break
        found = field
        current = model_of(field.annotation)
    return found


def _suggestion(model: type[BaseModel], loc: Sequence[int | str]) -> str:
    parent = field_at(model, loc[:-1]) if len(loc) > 1 else None
    owner = model_of(parent.annotation) if parent is not None else model
    unknown = loc[-1]
    if owner is None or not isinstance(unknown, str):
        return ""
    known = list(owner.model_fields)
    close = difflib.get_close_matches(unknown, known, n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (known keys here: {', '.join(known)})"
