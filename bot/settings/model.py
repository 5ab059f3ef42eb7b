"""The root Settings model and the walk over its fields that finds secrets and documented keys."""

from __future__ import annotations

import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, Field, PrivateAttr, SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from bot.settings.database_url import password_forms
from bot.settings.limits import LimitsSettings
from bot.settings.matching import MatchingSettings
from bot.settings.meetups import MeetupsSettings, RemindersSettings
from bot.settings.sections import (
    ConsoleSettings,
    DatabaseSettings,
    DiscordSettings,
    IntroSettings,
    LoggingSettings,
    OpsSettings,
    SkillsSettings,
    SlackSettings,
)

ENV_PREFIX = "MENTORMEET_"


class Settings(BaseSettings):
    """Everything configurable; load it with ``load_settings`` (TOML file, then environment).

    A field typed ``SecretStr`` (e.g. a future ``discord.token``) is a secret: it may only come
    from its environment variable, and its value is redacted from logs.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="_",
        env_nested_max_split=1,
        env_ignore_empty=True,
        extra="forbid",
        frozen=True,
    )

    database: DatabaseSettings = Field(
        default_factory=DatabaseSettings, description="a [database] table"
    )
    console: ConsoleSettings = Field(
        default_factory=ConsoleSettings, description="a [console] table"
    )
    intro: IntroSettings = Field(default_factory=IntroSettings, description="an [intro] table")
    skills: SkillsSettings = Field(default_factory=SkillsSettings, description="a [skills] table")
    logging: LoggingSettings = Field(
        default_factory=LoggingSettings, description="a [logging] table"
    )
    discord: DiscordSettings = Field(
        default_factory=DiscordSettings, description="a [discord] table"
    )
    slack: SlackSettings = Field(default_factory=SlackSettings, description="a [slack] table")
    ops: OpsSettings = Field(default_factory=OpsSettings, description="an [ops] table")
    matching: MatchingSettings = Field(
        default_factory=MatchingSettings, description="a [matching] table"
    )
    meetups: MeetupsSettings = Field(
        default_factory=MeetupsSettings, description="a [meetups] table"
    )
    reminders: RemindersSettings = Field(
        default_factory=RemindersSettings, description="a [reminders] table"
    )
    limits: LimitsSettings = Field(default_factory=LimitsSettings, description="a [limits] table")

    _config_file: Path | None = PrivateAttr(default=None)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # load_settings merges file and environment itself; constructing Settings directly
        # therefore never reads os.environ behind the caller's back.
        return (init_settings,)

    @property
    def config_file(self) -> Path | None:
        """The TOML file these settings were read from, if any."""
        return self._config_file

    def secret_values(self) -> list[str]:
        """Every configured secret value (SecretStr fields and a database password)."""
        values: list[str] = []
        for path in secret_paths(type(self)):
            value: Any = self
            for name in path:
                value = getattr(value, name, None)
            if isinstance(value, SecretStr) and value.get_secret_value():
                values.append(value.get_secret_value())
        values.extend(password_forms(self.database.url))
        return values


def env_var_name(path: tuple[str, ...]) -> str:
    """The environment variable for a dotted key path, e.g. MENTORMEET_INTRO_MAX_CHARS."""
    return ENV_PREFIX + "_".join(path).upper()


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as ``Model``, ``Model | None`` or ``list[Model]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, tuple, Union, types.UnionType):
        for argument in get_args(annotation):
            found = model_of(argument)
            if found is not None:
                return found
    return None


def is_secret(field: FieldInfo) -> bool:
    """Whether the field holds a SecretStr (possibly optional)."""
    annotation = field.annotation
    return annotation is SecretStr or SecretStr in get_args(annotation)


def leaf_fields(model: type[BaseModel]) -> Iterator[tuple[tuple[str, ...], FieldInfo]]:
    """Every key path that holds a value, walking into sections and table arrays."""
    for name, field in model.model_fields.items():
        inner = model_of(field.annotation)
        if inner is None or get_origin(field.annotation) is list:
            yield (name,), field
        if inner is not None:
            for path, leaf in leaf_fields(inner):
                yield (name, *path), leaf


def secret_paths(model: type[BaseModel]) -> list[tuple[str, ...]]:
    """Key paths of every secret field."""
    return [path for path, field in leaf_fields(model) if is_secret(field)]
