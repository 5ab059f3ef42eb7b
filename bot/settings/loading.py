"""Find the config file, read it, overlay MENTORMEET_* environment variables and validate."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from pydantic import ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import EnvSettingsSource
from pydantic_settings import SettingsError as SourceError
from pydantic_settings.sources.utils import parse_env_vars

from bot.settings.errors import (
    SettingsError,
    Sources,
    describe_validation_error,
    dotted,
    raise_problems,
)
from bot.settings.model import ENV_PREFIX, Settings, env_var_name, secret_paths

CONFIG_ENV_VAR = "MENTORMEET_CONFIG"
LOCAL_CONFIG_NAME = "mentormeet.toml"

SettingsT = TypeVar("SettingsT", bound=Settings)


def load_settings(
    config_path: Path | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Load settings from the config file and the environment (which wins); see find_config_file."""
    return load_settings_for(Settings, config_path, env)


def load_settings_for(
    settings_cls: type[SettingsT],
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> SettingsT:
    """Like load_settings, for a Settings subclass that adds sections."""
    environ = os.environ if env is None else env
    file = find_config_file(config_path, environ)
    file_values = read_toml(file) if file is not None else {}
    problems = [_secret_in_file(path, file) for path in _present_secrets(settings_cls, file_values)]
    for path in secret_paths(settings_cls):
        _remove(file_values, path)
    env_values = _env_values(settings_cls, environ)
    sources = Sources(
        file=file,
        file_values=file_values,
        env_values=env_values,
        env_names=frozenset(name.lower() for name, value in environ.items() if value),
    )
    try:
        settings = settings_cls(**merge(file_values, env_values))
    except ValidationError as error:
        problems.extend(describe_validation_error(error, settings_cls, sources))
        settings = None
    raise_problems(problems)
    assert settings is not None  # raise_problems raised otherwise
    settings._config_file = file
    return settings


def merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; any other value in ``override`` replaces the one in ``base``."""
    merged = dict(base)
    for key, value in override.items():
        current = merged.get(key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = merge(current, value)
        else:
            merged[key] = value
    return merged


def find_config_file(config_path: Path | None, env: Mapping[str, str]) -> Path | None:
    """The explicit path, else $MENTORMEET_CONFIG, else ./mentormeet.toml, else the user file."""
    explicit = config_path if config_path is not None else _env_path(env)
    if explicit is not None:
        if not explicit.is_file():
            what = "does not exist" if not explicit.exists() else "is not a file"
            via = "--config" if config_path is not None else CONFIG_ENV_VAR
            raise SettingsError(f"Config file {explicit} (given by {via}) {what}")
        return explicit
    for candidate in (Path.cwd() / LOCAL_CONFIG_NAME, user_config_file()):
        if candidate.is_file():
            return candidate
    return None


def user_config_file() -> Path:
    """The per-user config file, e.g. ~/.config/mentormeet/config.toml on Linux."""
    return Path(platformdirs.user_config_dir("mentormeet")) / "config.toml"


def _env_path(env: Mapping[str, str]) -> Path | None:
    value = env.get(CONFIG_ENV_VAR, "").strip()
    return Path(value).expanduser() if value else None


def read_toml(file: Path) -> dict[str, Any]:
    """Parse the TOML file; syntax errors name the file and the line."""
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{file} is not valid TOML: {error}") from error
    except UnicodeDecodeError as error:
        raise SettingsError(f"{file} is not UTF-8 text: {error}") from error
    except OSError as error:
        raise SettingsError(f"Cannot read config file {file}: {error.strerror}") from error


def _present_secrets(
    settings_cls: type[Settings], values: Mapping[str, Any]
) -> list[tuple[str, ...]]:
    found = []
    for path in secret_paths(settings_cls):
        current: Any = values
        for name in path:
            current = current.get(name) if isinstance(current, Mapping) else None
        if current is not None:
            found.append(path)
    return found


def _secret_in_file(path: tuple[str, ...], file: Path | None) -> str:
    return (
        f"{dotted(path)} is a secret and must not be in {file}: remove it from the file and "
        f"set the environment variable {env_var_name(path)} instead"
    )


def _remove(values: dict[str, Any], path: tuple[str, ...]) -> None:
    *parents, last = path
    current: Any = values
    for name in parents:
        current = current.get(name) if isinstance(current, dict) else None
    if isinstance(current, dict):
        current.pop(last, None)


class _MappingEnvSource(EnvSettingsSource):
    """The MENTORMEET_* variables of a given mapping instead of os.environ."""

    def __init__(self, settings_cls: type[Settings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(
            self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str
        )

    def decode_complex_value(self, field_name: str, field: FieldInfo, value: Any) -> Any:
        # Undecodable JSON is handed to validation as text, which then reports key and value.
        try:
            return super().decode_complex_value(field_name, field, value)
        except ValueError:
            return value


def _env_values(settings_cls: type[Settings], environ: Mapping[str, str]) -> dict[str, Any]:
    relevant = {k: v for k, v in environ.items() if k.upper().startswith(ENV_PREFIX)}
    try:
        return _MappingEnvSource(settings_cls, relevant)()
    except SourceError as error:
        raise SettingsError(
            f"Cannot read the {ENV_PREFIX}* environment variables: {error}"
        ) from error
