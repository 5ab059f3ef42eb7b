"""``key=value`` options of /meetup create and /meetup edit.

Values may be quoted ("..." or '...', typographic quotes too, backslash escapes a quote) or bare;
a bare value runs until the next ``key=``. Text before the first key is the title, so
``/meetup create Rust night when=tomorrow 7pm`` works without quotes.
"""

from __future__ import annotations

import difflib
import re

from bot.errors import UsageError

KEYS = {
    "title": "title", "name": "title",
    "when": "when", "start": "when", "starts": "when", "date": "when",
    "duration": "duration", "length": "duration", "for": "duration",
    "where": "location", "location": "location", "place": "location", "link": "location",
    "capacity": "capacity", "seats": "capacity", "max": "capacity", "limit": "capacity",
    "description": "description", "desc": "description", "about": "description",
    "every": "every", "repeat": "every", "repeats": "every", "recurrence": "every",
    "rrule": "every",
    "remind": "remind", "reminders": "remind", "reminder": "remind",
    "tz": "timezone", "timezone": "timezone", "zone": "timezone",
}
_KEY = re.compile(r"([A-Za-z_]+)\s*=\s*")
_NEXT_KEY = re.compile(r"\s+(?=[A-Za-z_]+\s*=)")
_CLOSING = {'"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "’": "’", "«": "»"}
MAX_VALUE_CHARS = 2000


def split_options(text: str, usage: str) -> dict[str, str]:
    """Options by canonical name; raises UsageError for unknown, repeated or unclosed ones."""
    options: dict[str, str] = {}
    pos = _skip_space(text, 0)
    first = _KEY.match(text, pos)
    if pos < len(text) and first is None:
        title_end = _NEXT_KEY.search(text, pos)
        end = title_end.start() if title_end else len(text)
        options["title"] = text[pos:end].strip()
        pos = _skip_space(text, end)
    while pos < len(text):
        match = _KEY.match(text, pos)
        if match is None:
            raise UsageError(f"I expected key=value at '{_excerpt(text, pos)}'.\n{usage}")
        name = _canonical(match.group(1), usage)
        if name in options:
            raise UsageError(f"{name} is given twice.\n{usage}")
        value, pos = _value(text, match.end(), match.group(1), usage)
        if len(value) > MAX_VALUE_CHARS:
            raise UsageError(f"{name} is longer than {MAX_VALUE_CHARS} characters.")
        options[name] = value
        pos = _skip_space(text, pos)
    return options


def _canonical(key: str, usage: str) -> str:
    name = KEYS.get(key.lower())
    if name is None:
        ideas = difflib.get_close_matches(key.lower(), list(KEYS), n=1, cutoff=0.6)
        hint = f" Did you mean {ideas[0]}=?" if ideas else ""
        raise UsageError(
            f"I don't know the option {key}=.{hint} (If '{key}=' belongs to a value, put the "
            f"value in quotes.)\n{usage}"
        )
    return name


def _value(text: str, start: int, key: str, usage: str) -> tuple[str, int]:
    if start < len(text) and text[start] in _CLOSING:
        closing = _CLOSING[text[start]]
        chars: list[str] = []
        pos = start + 1
        while pos < len(text):
            char = text[pos]
            if char == "\\" and pos + 1 < len(text) and text[pos + 1] in (closing, "\\"):
                chars.append(text[pos + 1])
                pos += 2
                continue
            if char == closing:
                after = pos + 1
                if after < len(text) and not text[after].isspace():
                    raise UsageError(f"Put a space after the closing quote of {key}=.\n{usage}")
                return "".join(chars).strip(), after
            chars.append(char)
            pos += 1
        raise UsageError(f"The quote after {key}= is never closed.\n{usage}")
    following = _NEXT_KEY.search(text, start)
    end = following.start() if following else len(text)
    return text[start:end].strip(), end


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _excerpt(text: str, pos: int) -> str:
    piece = text[pos:pos + 30]
    return piece + ("…" if len(text) > pos + 30 else "")
