"""The Slack app manifest: every core command, the scopes, interactivity and events.

``adapters/slack/manifest.yml`` is this manifest for the default settings (Socket Mode, no
prefix); `mentormeet slack manifest` prints the one for your settings (HTTP request URLs,
OAuth redirect URL, a command prefix).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from adapters.slack.names import CommandNames
from bot.commandline import PARSERS
from bot.settings.sections import SlackSettings

MANIFEST_FILE = Path(__file__).with_name("manifest.yml")
REDIRECT_PATH = "/slack/oauth_redirect"
BOT_EVENTS = ("app_uninstalled", "tokens_revoked")

# core command -> (description, usage hint) shown in Slack's command autocomplete
COMMAND_HELP: dict[str, tuple[str, str]] = {
    "intro": ("Introduce yourself; I build your skill profile",
              "[your introduction — leave empty for a form]"),
    "profile": ("Show your skill profile, or edit it",
                "[edit add Rust, Go; learn Elixir; timezone Europe/Berlin]"),
    "forget": ("Delete everything mentormeet stores about you here", "[confirm | cancel]"),
    "help": ("What mentormeet can do", "[topic]"),
    "mentor": ("Offer, pause or stop mentoring", "on [capacity] [topics] | off | pause <until>"),
    "match": ("Find mentors for what you are learning", "[topic] | round"),
    "meetup": ("Meetups: create, list, details, calendar file",
               "create | list | info <id> | ics <id>"),
    "rsvp": ("Answer a meetup: going, maybe or no", "<meetup id> going | maybe | no"),
    "timezone": ("Set the timezone times are shown in", "<Area/City>, e.g. Europe/Berlin"),
}


class ManifestError(ValueError):
    """The settings lack something the manifest needs."""


def manifest(settings: SlackSettings, core_names: Iterable[str] | None = None) -> dict[str, Any]:
    """The app manifest for these settings: every command the core parses, and the known ones
    of features still being built (the core answers those with a friendly "unknown command")."""
    if core_names is None:
        core_names = {*core_commands(), *COMMAND_HELP}
    names = CommandNames(settings.command_prefix, core_names)
    http = settings.mode == "http"
    if http and not settings.public_url:
        raise ManifestError("HTTP mode needs slack.public_url for the request URLs in the manifest")
    request_url = settings.public_url + settings.path
    commands = []
    for name in names.core_names:
        description, hint = COMMAND_HELP.get(name, (f"mentormeet /{name}", ""))
        command: dict[str, Any] = {"command": names.slack(name), "description": description}
        if hint:
            command["usage_hint"] = hint
        command["should_escape"] = False
        if http:
            command["url"] = request_url
        commands.append(command)
    oauth: dict[str, Any] = {"scopes": {"bot": list(settings.scopes)}}
    if settings.public_url:
        oauth = {"redirect_urls": [settings.public_url + REDIRECT_PATH], **oauth}
    events: dict[str, Any] = {"bot_events": list(BOT_EVENTS)}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if http:
        events = {"request_url": request_url, **events}
        interactivity["request_url"] = request_url
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "mentormeet",
            "description": "Skill profiles from intros, mentor matching and meetups.",
            "background_color": "#264653",
        },
        "features": {
            "bot_user": {"display_name": "mentormeet", "always_online": True},
            "slash_commands": commands,
        },
        "oauth_config": oauth,
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": not http,
            "token_rotation_enabled": False,
        },
    }


def core_commands() -> list[str]:
    """The core's command names without aliases (a later name for the same parser)."""
    seen: set[int] = set()
    names = []
    for name, parser in PARSERS.items():
        if id(parser) not in seen:
            seen.add(id(parser))
            names.append(name)
    return names


def manifest_json(settings: SlackSettings) -> str:
    """The manifest as JSON (Slack's "Create from manifest" accepts JSON as well as YAML)."""
    return json.dumps(manifest(settings), indent=2, ensure_ascii=False)


YAML_HEADER = """\
# The Slack app manifest for mentormeet (default settings: Socket Mode, commands without a
# prefix). Create the app in one paste: https://api.slack.com/apps → Create New App → From an
# app manifest → pick the workspace → paste this file. See docs/slack.md.
# For HTTP mode, an OAuth redirect URL or a command prefix, print the manifest for your settings
# with `mentormeet slack manifest`. Regenerate this file with
# `mentormeet slack manifest --yaml > adapters/slack/manifest.yml` (needs PyYAML).
"""


def manifest_yaml(settings: SlackSettings) -> str:
    """The manifest as commented YAML (PyYAML is a development dependency)."""
    try:
        import yaml
    except ImportError as exc:
        raise ManifestError("YAML output needs PyYAML (pip install PyYAML); JSON works without")\
            from exc
    body = yaml.safe_dump(manifest(settings), sort_keys=False, allow_unicode=True, width=100)
    return YAML_HEADER + body
