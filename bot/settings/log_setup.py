"""Logging set-up from [logging]: text or JSON lines on stderr, with secrets redacted."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from bot.logcontext import ContextTextFormatter, LogContextFilter, context_fields
from bot.settings.model import Settings

REDACTED = "***"
_OWN_HANDLER = "_mentormeet_handler"
_TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class SecretRedactingFilter(logging.Filter):
    """Replaces every given secret in a record's message, exception and stack text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        # Longest first, so a secret containing a shorter one is replaced whole.
        self._secrets = sorted({secret for secret in secrets if secret}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text with each secret replaced by ***."""
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place (so later handlers see it redacted too); keep it."""
        if not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad %-format must not turn logging into a crash
            message = f"{record.msg!s} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message and any exception."""

    def format(self, record: logging.LogRecord) -> str:
        """Render the record as a single JSON line."""
        entry: dict[str, str] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(context_fields(record))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def text_formatter() -> logging.Formatter:
    """Human-readable lines with UTC ISO-8601 timestamps."""
    formatter = ContextTextFormatter(_TEXT_FORMAT, datefmt="%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime
    return formatter


# libraries whose INFO lines (migrations applied, scheduler started) drown the bot's own logs
CHATTY_LIBRARIES = ("alembic", "apscheduler", "aiosqlite", "asyncio")


def configure_logging(settings: Settings, stream: TextIO | None = None) -> None:
    """Send logs to stderr (or ``stream``) at the configured level and format, secrets redacted.

    Calling it again replaces the handler it installed before; other handlers are left alone.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OWN_HANDLER, False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    setattr(handler, _OWN_HANDLER, True)
    formatter = JsonFormatter() if settings.logging.format == "json" else text_formatter()
    handler.setFormatter(formatter)
    handler.addFilter(SecretRedactingFilter(settings.secret_values()))
    handler.addFilter(LogContextFilter())
    root.addHandler(handler)
    root.setLevel(settings.logging.level)
    chatty_level = logging.DEBUG if settings.logging.level == "DEBUG" else logging.WARNING
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(chatty_level)
