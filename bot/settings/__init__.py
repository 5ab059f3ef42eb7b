"""Typed settings: a TOML file overlaid by MENTORMEET_* environment variables."""

from bot.settings.errors import SettingsError
from bot.settings.loading import (
    CONFIG_ENV_VAR,
    find_config_file,
    load_settings,
    load_settings_for,
    user_config_file,
)
from bot.settings.log_setup import JsonFormatter, SecretRedactingFilter, configure_logging
from bot.settings.model import Settings, env_var_name
from bot.settings.sections import (
    ConsoleSettings,
    CustomSkill,
    DatabaseSettings,
    IntroSettings,
    LoggingSettings,
    SkillsSettings,
)

__all__ = [
    "CONFIG_ENV_VAR",
    "ConsoleSettings",
    "CustomSkill",
    "DatabaseSettings",
    "IntroSettings",
    "JsonFormatter",
    "LoggingSettings",
    "SecretRedactingFilter",
    "Settings",
    "SettingsError",
    "SkillsSettings",
    "configure_logging",
    "env_var_name",
    "find_config_file",
    "load_settings",
    "load_settings_for",
    "user_config_file",
]
