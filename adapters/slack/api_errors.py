"""Reading failures of Slack Web API calls the same way everywhere."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError

NETWORK_ERRORS = (aiohttp.ClientError, TimeoutError)
"""Failures before Slack answered: connection refused or reset, DNS, timeouts."""


def error_code(exc: SlackApiError) -> str:
    """Slack's ``error`` field (``not_in_channel``), else ``HTTP <status>`` for non-JSON answers."""
    data = exc.response.data
    code = data.get("error") if isinstance(data, dict) else None
    return str(code) if code else f"HTTP {exc.response.status_code}"


def describe(exc: Exception) -> str:
    """A short description of any Web API failure, for logs and send results."""
    if isinstance(exc, SlackApiError):
        return error_code(exc)
    return type(exc).__name__
