"""configure_logging: level, text/JSON format, and secrets redacted from every record."""

from __future__ import annotations

import io
import json
import logging
import pathlib
from collections.abc import Iterator

import pytest

from bot.settings import (
    SecretRedactingFilter,
    Settings,
    configure_logging,
    load_settings,
)

PASSWORD = "s3cr%40t"
URL = f"postgresql://bob:{PASSWORD}@db.example/mm"


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def settings_with(**env: str) -> Settings:
    return load_settings(env={"MENTORMEET_DATABASE_URL": URL, **env})


def test_text_format_redacts_message_args_and_exception() -> None:
    stream = io.StringIO()
    configure_logging(settings_with(MENTORMEET_LOGGING_LEVEL="debug"), stream)
    log = logging.getLogger("mentormeet.test")
    log.debug("connecting to %s", URL)
    try:
        raise RuntimeError(f"auth failed for s3cr@t at {URL}")
    except RuntimeError:
        log.exception("could not connect")
    output = stream.getvalue()
    assert "s3cr" not in output
    assert "connecting to postgresql://bob:***@db.example/mm" in output
    assert "RuntimeError: auth failed for *** at postgresql://bob:***@db.example/mm" in output
    assert " DEBUG   mentormeet.test: connecting" in output
    assert logging.getLogger().level == logging.DEBUG


def test_json_format_is_one_object_per_line() -> None:
    stream = io.StringIO()
    configure_logging(settings_with(MENTORMEET_LOGGING_FORMAT="json"), stream)
    log = logging.getLogger("mentormeet.json")
    log.info("url is %s", URL)
    log.debug("not shown at INFO")
    try:
        1 / 0  # noqa: B018
    except ZeroDivisionError:
        log.error("boom", exc_info=True)
    lines = stream.getvalue().splitlines()
    first = json.loads(lines[0])
    assert first["message"] == "url is postgresql://bob:***@db.example/mm"
    assert (first["level"], first["logger"]) == ("INFO", "mentormeet.json")
    assert first["time"].endswith("+00:00")
    second = json.loads(lines[1])
    assert second["message"] == "boom"
    assert "ZeroDivisionError" in second["exception"]
    assert len(lines) == 2


def test_configuring_twice_keeps_one_handler() -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    configure_logging(Settings(), io.StringIO())
    stream = io.StringIO()
    configure_logging(Settings(), stream)
    assert len(root.handlers) == before + 1
    logging.getLogger("mentormeet.twice").warning("once")
    assert stream.getvalue().count("once") == 1


def make_record(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("t", logging.INFO, __file__, 1, msg, args, None)


def test_filter_replaces_longest_secret_first_and_ignores_empty() -> None:
    redactor = SecretRedactingFilter(["abc", "abcdef", ""])
    record = make_record("token %s and %s", "abcdef", "xabcx")
    assert redactor.filter(record) is True
    assert record.getMessage() == "token *** and x***x"


def test_filter_survives_a_broken_format_string() -> None:
    record = make_record("value %d", "hunter2")
    SecretRedactingFilter(["hunter2"]).filter(record)
    assert "hunter2" not in record.getMessage()


def test_filter_without_secrets_leaves_record_alone() -> None:
    record = make_record("plain %s", "text")
    SecretRedactingFilter([]).filter(record)
    assert (record.msg, record.args) == ("plain %s", ("text",))


def test_chatty_libraries_log_warnings_only_unless_debugging(tmp_path: pathlib.Path) -> None:
    from bot.settings.log_setup import CHATTY_LIBRARIES

    configure_logging(load_settings(env={"HOME": str(tmp_path)}))
    assert all(logging.getLogger(n).level == logging.WARNING for n in CHATTY_LIBRARIES)
    debug = load_settings(env={"HOME": str(tmp_path), "MENTORMEET_LOGGING_LEVEL": "debug"})
    configure_logging(debug)
    assert all(logging.getLogger(n).level == logging.DEBUG for n in CHATTY_LIBRARIES)
