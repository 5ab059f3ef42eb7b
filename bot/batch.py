"""`mentormeet profile parse`: intros in, profile JSON out (one, or a JSON-lines batch)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import BinaryIO, TextIO

from bot.bootstrap import build_taxonomy
from bot.handlers.intro import check_intro_text
from bot.parsing import IntroParser, profile_to_json
from bot.settings import Settings


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def parse_one(settings: Settings, stdin: BinaryIO, out: TextIO, err: TextIO) -> int:
    """Parse the whole of stdin as one intro; returns the exit code."""
    text = _decode(stdin.read())
    problem = check_intro_text(text, settings.intro.max_chars)
    if problem:
        print(problem, file=err)
        return 1
    parser = IntroParser(build_taxonomy(settings))
    parsed = parser.parse(text, today=datetime.now(UTC).date())
    json.dump(profile_to_json(parsed), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def parse_jsonl(settings: Settings, stdin: BinaryIO, out: TextIO, err: TextIO) -> int:
    """Parse one intro per JSON line; bad lines get an error object. Returns the failure count."""
    parser = IntroParser(build_taxonomy(settings))
    today = datetime.now(UTC).date()
    failed = 0
    for lineno, raw in enumerate(stdin, start=1):
        line = _decode(raw).strip()
        if not line:
            continue
        record: dict[str, object]
        ident: object = None
        try:
            data = json.loads(line)
            if not isinstance(data, dict) or not isinstance(data.get("text"), str):
                raise ValueError('expected an object like {"id": 1, "text": "..."}')
            ident = data.get("id")
            problem = check_intro_text(data["text"], settings.intro.max_chars)
            if problem:
                raise ValueError(problem)
            record = {"id": ident, **profile_to_json(parser.parse(data["text"], today=today))}
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            failed += 1
            record = {"id": ident, "error": f"line {lineno}: {exc}"}
            print(f"line {lineno}: {exc}", file=err)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        print(f"{failed} line(s) could not be parsed", file=err)
    return failed
