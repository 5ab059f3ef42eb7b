"""The settings sections: [database], [console], [intro], [skills] and [logging]."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
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
    organizers: list[Name] = Field(default_factory=list, description=NAME_LIST_RULE)

    @field_validator("organizers", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return _names_from_text(value)

    @field_validator("organizers")
    @classmethod
    def _dedupe(cls, names: list[str]) -> list[str]:
        return _unique(names)


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
