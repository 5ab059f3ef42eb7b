"""The settings sections: [database], [console], [intro], [skills] and [logging]."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.settings.database_url import (
    ALLOWED_URLS,
    default_database_url,
    mask_password,
    normalise_database_url,
    sqlite_file,
)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
"""A non-empty name of at most 100 characters, surrounding whitespace removed."""

NAME_RULE = "a non-empty name of at most 100 characters"
NAME_LIST_RULE = f"a list of names, each {NAME_RULE}"


class Section(BaseModel):
    """Base of every section: unknown keys are errors, values are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _names_from_text(value: Any) -> Any:
    """Accept a JSON array or a comma-separated string (handy in environment variables)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return value
    return [part for part in (piece.strip() for piece in text.split(",")) if part]


class DatabaseSettings(Section):
    """Where profiles, members and meetups are stored."""

    url: str = Field(default_factory=default_database_url, description=ALLOWED_URLS)
    echo: bool = Field(default=False, description="true or false")
    # Connection pool and timeouts; PostgreSQL only (SQLite has one file and its busy timeout).
    pool_size: int = Field(default=5, ge=1, le=100, description="a whole number from 1 to 100")
    max_overflow: int = Field(
        default=10, ge=0, le=100, description="a whole number from 0 to 100"
    )
    pool_timeout: float = Field(
        default=30.0, gt=0, le=3600, allow_inf_nan=False,
        description="seconds, more than 0 and at most 3600",
    )
    pool_recycle: float = Field(
        default=1800.0, ge=0, le=86_400, allow_inf_nan=False,
        description="seconds from 0 (never recycle) to 86400",
    )
    connect_timeout: float = Field(
        default=10.0, gt=0, le=600, allow_inf_nan=False,
        description="seconds, more than 0 and at most 600",
    )
    statement_timeout: float = Field(
        default=30.0, ge=0, le=86_400, allow_inf_nan=False,
        description="seconds from 0 (no limit) to 86400",
    )

    @field_validator("url", mode="before")
    @classmethod
    def _normalise(cls, value: Any) -> Any:
        return normalise_database_url(value) if isinstance(value, str) else value

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite database file (its folder may still need creating); None otherwise."""
        return sqlite_file(self.url)

    @property
    def display_url(self) -> str:
        """The URL with its password masked, safe to print."""
        return mask_password(self.url)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for name, value in super().__repr_args__():
            yield name, (self.display_url if name == "url" else value)


class ConsoleSettings(Section):
    """The interactive console adapter."""

    community: Name = Field(default="local", description=NAME_RULE)
    member: Name = Field(default="you", description=NAME_RULE)
    organizers: list[Name] | None = Field(
        default=None, description=f"{NAME_LIST_RULE}, or unset for the console member alone"
    )

    @field_validator("organizers", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return _names_from_text(value)

    @field_validator("organizers")
    @classmethod
    def _dedupe(cls, names: list[str] | None) -> list[str] | None:
        return None if names is None else _unique(names)

    @property
    def organizer_names(self) -> list[str]:
        """Who organizes in the console: the list if set, else the interactive member."""
        return [self.member] if self.organizers is None else self.organizers


MIN_INTRO_CHARS = 200
MAX_INTRO_CHARS = 100_000


class IntroSettings(Section):
    """Limits on /intro."""

    max_chars: int = Field(
        default=16_000,
        ge=MIN_INTRO_CHARS,
        le=MAX_INTRO_CHARS,
        description=f"a whole number from {MIN_INTRO_CHARS} to {MAX_INTRO_CHARS}",
    )


class CustomSkill(Section):
    """A community-specific skill added to the taxonomy."""

    name: Name = Field(description=NAME_RULE)
    aliases: list[Name] = Field(default_factory=list, description=NAME_LIST_RULE)
    category: Name | None = Field(default=None, description=f"{NAME_RULE}, or left out")
    related: list[Name] = Field(default_factory=list, description=NAME_LIST_RULE)
    parents: list[Name] = Field(default_factory=list, description=NAME_LIST_RULE)

    @field_validator("aliases", "related", "parents")
    @classmethod
    def _tidy_references(cls, names: list[str], info: ValidationInfo) -> list[str]:
        own = str(info.data.get("name", "")).casefold()
        if info.field_name != "aliases" and any(name.casefold() == own for name in names):
            raise ValueError(f"the skill {info.data['name']!r} lists itself")
        # Repeats and an alias equal to the name itself are harmless: drop them quietly.
        return _unique([name for name in names if name.casefold() != own])


def _unique(names: list[str]) -> list[str]:
    """The names without case-insensitive repeats, first spelling kept."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def _first_repeat(names: list[str]) -> str | None:
    """The first name that occurs twice, ignoring case."""
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            return name
        seen.add(name.casefold())
    return None


class SkillsSettings(Section):
    """Community additions to the skill taxonomy (targets are checked against the taxonomy)."""

    custom: list[CustomSkill] = Field(
        default_factory=list,
        description="[[skills.custom]] tables with name, aliases, category, related, parents",
    )
    aliases: dict[Name, Name] = Field(
        default_factory=dict,
        description=f"a table of alias = canonical skill name, each {NAME_RULE}",
    )

    @field_validator("custom")
    @classmethod
    def _unique_names(cls, skills: list[CustomSkill]) -> list[CustomSkill]:
        repeated = _first_repeat([skill.name for skill in skills])
        if repeated is not None:
            raise ValueError(f"the custom skill {repeated!r} is defined twice")
        return skills

    @model_validator(mode="after")
    def _aliases_agree(self) -> SkillsSettings:
        targets: dict[str, str] = {}
        for skill in self.custom:
            for alias in skill.aliases:
                _claim_alias(targets, alias, skill.name)
        for alias, target in self.aliases.items():
            if alias.casefold() == target.casefold():
                raise ValueError(f"skills.aliases: {alias!r} is an alias of itself")
            _claim_alias(targets, alias, target)
        names = {skill.name.casefold(): skill.name for skill in self.custom}
        for alias, target in targets.items():
            if alias in names and names[alias].casefold() != target.casefold():
                raise ValueError(
                    f"{names[alias]!r} is both a custom skill and an alias of {target!r}"
                )
        return self


def _claim_alias(targets: dict[str, str], alias: str, target: str) -> None:
    """Record alias → target, refusing an alias that already points elsewhere."""
    previous = targets.setdefault(alias.casefold(), target)
    if previous.casefold() != target.casefold():
        raise ValueError(f"the alias {alias!r} points to both {previous!r} and {target!r}")


LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
LogFormat = Literal["text", "json"]


class LoggingSettings(Section):
    """What the bot logs and how."""

    level: LogLevel = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR (any case)")
    format: LogFormat = Field(default="text", description='"text" or "json"')

    @field_validator("level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("format", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


class OpsSettings(Section):
    """The operations HTTP server: Prometheus /metrics and /healthz (off unless enabled)."""

    enabled: bool = Field(default=False, description="true or false")
    host: Name = Field(
        default="127.0.0.1", description="an address to listen on, e.g. 127.0.0.1 or 0.0.0.0"
    )
    port: int = Field(
        default=9464, ge=0, le=65_535, description="a port from 1 to 65535 (0: any free port)"
    )


DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
MAX_DEFER_AFTER_SECONDS = 2.5


class DiscordSettings(Section):
    """The Discord adapter: it runs when MENTORMEET_DISCORD_TOKEN is set."""

    token: SecretStr | None = Field(
        default=None, description="the bot token, from the environment only"
    )
    api_base: str = Field(
        default=DISCORD_API_BASE, description="an http:// or https:// URL of the REST API"
    )
    gateway_url: str = Field(
        default=DISCORD_GATEWAY_URL, description="a ws:// or wss:// URL of the gateway"
    )
    dev_guild_id: int | None = Field(
        default=None, gt=0, description="a server (guild) id, or left out"
    )
    organizer_role: str = Field(
        default="", max_length=100, description='a role name or id, or "" for none'
    )
    defer_after_seconds: float = Field(
        default=1.0,
        ge=0,
        le=MAX_DEFER_AFTER_SECONDS,
        description=f"a number of seconds from 0 to {MAX_DEFER_AFTER_SECONDS}",
    )
    shard_count: int | None = Field(
        default=None, ge=1, description="a whole number of shards (1 or more), or left out"
    )
    shard_ids: list[int] | None = Field(
        default=None, description="a list of shard ids this process runs (needs shard_count)"
    )

    @model_validator(mode="after")
    def _shards(self) -> DiscordSettings:
        if self.shard_ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("shard_ids needs shard_count (the total number of shards)")
        wrong = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
        if wrong or not self.shard_ids or len(set(self.shard_ids)) != len(self.shard_ids):
            raise ValueError(f"shard_ids must be distinct numbers from 0 to "
                             f"{self.shard_count - 1}, got {self.shard_ids}")
        return self

    @field_validator("token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: Any) -> Any:
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("api_base", "gateway_url", mode="before")
    @classmethod
    def _url(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        schemes = ("http://", "https://") if info.field_name == "api_base" else ("ws://", "wss://")
        if not text.lower().startswith(schemes) or len(text) <= len(schemes[0]):
            raise ValueError(f"{text!r} must start with {' or '.join(schemes)}")
        return text.rstrip("/") if info.field_name == "api_base" else text

    @field_validator("organizer_role", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value


SLACK_API_BASE = "https://slack.com/api/"
SLACK_BOT_SCOPES = (
    "commands", "chat:write", "chat:write.public", "im:write", "users:read", "usergroups:read",
    "files:write",
)
_SLACK_PREFIX = re.compile(r"^/[a-z0-9_-]{0,20}$")


class SlackSettings(Section):
    """The Slack adapter: it runs when a bot token, or an OAuth client id and secret, are set."""

    mode: Literal["socket", "http"] = Field(default="socket", description='"socket" or "http"')
    host: Name = Field(default="127.0.0.1", description="an address to listen on (HTTP mode)")
    port: int = Field(default=3000, ge=0, le=65535, description="0 to 65535 (0: any free port)")
    path: str = Field(default="/slack/events", description="a URL path starting with /")
    public_url: str = Field(default="", description='"" or an http:// or https:// URL')
    api_base: str = Field(
        default=SLACK_API_BASE, description="an http:// or https:// URL of the Web API"
    )
    client_id: str = Field(default="", max_length=100, description='"" or the OAuth client id')
    scopes: list[Name] = Field(
        default_factory=lambda: list(SLACK_BOT_SCOPES), description="a list of bot scopes"
    )
    command_prefix: str = Field(
        default="/", description="/ then at most 20 of a-z, 0-9, - and _ (e.g. /mm-)"
    )
    organizer_usergroup: str = Field(
        default="", max_length=100, description='"" or a user group handle or id'
    )
    organizer_admins: bool = Field(default=True, description="true or false")
    bot_token: SecretStr | None = Field(default=None, description="an xoxb- token (env only)")
    app_token: SecretStr | None = Field(default=None, description="an xapp- token (env only)")
    signing_secret: SecretStr | None = Field(default=None, description="env only")
    client_secret: SecretStr | None = Field(default=None, description="env only")

    @field_validator("bot_token", "app_token", "signing_secret", "client_secret", mode="before")
    @classmethod
    def _blank_secret_is_none(cls, value: Any) -> Any:
        return (value.strip() or None) if isinstance(value, str) else value

    @field_validator("mode", "command_prefix", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("client_id", "organizer_usergroup", mode="before")
    @classmethod
    def _strip(cls, value: Any) -> Any:
        return value.strip().lstrip("@") if isinstance(value, str) else value

    @field_validator("scopes", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return _names_from_text(value)

    @field_validator("path")
    @classmethod
    def _path(cls, value: str) -> str:
        if not value.startswith("/") or any(ch.isspace() for ch in value):
            raise ValueError(f"{value!r} must start with / and contain no spaces")
        return value

    @field_validator("public_url", "api_base")
    @classmethod
    def _http_url(cls, value: str, info: ValidationInfo) -> str:
        text = value.strip().rstrip("/")
        if info.field_name == "public_url" and not text:
            return ""
        if not text.lower().startswith(("http://", "https://")) or text.endswith("://"):
            raise ValueError(f"{value!r} must start with http:// or https://")
        return text + "/" if info.field_name == "api_base" else text

    @field_validator("command_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        if not _SLACK_PREFIX.match(value):
            raise ValueError(f"{value!r} must be / followed by at most 20 of a-z, 0-9, - and _")
        return value

    @property
    def oauth(self) -> bool:
        """Whether workspaces install the app through OAuth (many workspaces)."""
        return bool(self.client_id) and self.client_secret is not None

    @property
    def enabled(self) -> bool:
        """Whether the Slack adapter runs."""
        return self.oauth or self.bot_token is not None

    @model_validator(mode="after")
    def _credentials_fit(self) -> SlackSettings:
        if bool(self.client_id) != (self.client_secret is not None):
            raise ValueError(
                "Slack OAuth needs both slack.client_id and MENTORMEET_SLACK_CLIENT_SECRET"
            )
        if self.oauth and self.bot_token is not None:
            raise ValueError(
                "set either MENTORMEET_SLACK_BOT_TOKEN (one workspace) or slack.client_id with "
                "MENTORMEET_SLACK_CLIENT_SECRET (OAuth, many workspaces), not both"
            )
        if self.enabled and self.mode == "socket" and self.app_token is None:
            raise ValueError("Slack socket mode needs MENTORMEET_SLACK_APP_TOKEN (an xapp- token)")
        if self.enabled and self.mode == "http" and self.signing_secret is None:
            raise ValueError("Slack HTTP mode needs MENTORMEET_SLACK_SIGNING_SECRET")
        return self
