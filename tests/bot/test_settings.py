"""Loading settings from TOML and MENTORMEET_* variables, and the errors for bad configuration."""

from __future__ import annotations

import textwrap
from pathlib import Path

import platformdirs
import pytest
from pydantic import Field, SecretStr

from bot.settings import Settings, SettingsError, load_settings, load_settings_for
from bot.settings.model import secret_paths
from bot.settings.sections import Section


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home and working directory, so no real user config or data dir is touched."""
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "MENTORMEET_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(work)
    return home


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_for(text: str, env: dict[str, str] | None = None) -> str:
    """The SettingsError message for a config file with ``text`` in the working directory."""
    file = write(Path.cwd() / "bad.toml", text)
    with pytest.raises(SettingsError) as caught:
        load_settings(file, env=env or {})
    return caught.value.message


def test_defaults_without_file_or_env(isolated_dirs: Path) -> None:
    settings = load_settings(env={})
    data_dir = Path(platformdirs.user_data_dir("mentormeet"))
    assert data_dir.is_relative_to(isolated_dirs)
    assert settings.database.url == f"sqlite+aiosqlite:///{data_dir.as_posix()}/mentormeet.db"
    assert settings.database.sqlite_path == data_dir / "mentormeet.db"
    assert settings.database.echo is False
    assert (settings.console.community, settings.console.member) == ("local", "you")
    assert settings.console.organizers is None
    assert settings.console.organizer_names == ["you"]  # /meetup create works at once
    assert settings.intro.max_chars == 16000
    assert settings.skills.custom == []
    assert settings.skills.aliases == {}
    assert (settings.logging.level, settings.logging.format) == ("INFO", "text")
    assert settings.config_file is None


def test_constructing_settings_ignores_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MENTORMEET_INTRO_MAX_CHARS", "300")
    assert Settings().intro.max_chars == 16000
    assert load_settings().intro.max_chars == 300  # env=None means os.environ


def test_values_from_toml(tmp_path: Path) -> None:
    file = write(
        tmp_path / "c.toml",
        """
        [database]
        url = "sqlite+aiosqlite:///data/mm.db"
        echo = true
        [console]
        community = "Rustaceans"
        member = "ana"
        organizers = ["ana", "bo", "Ana"]
        [intro]
        max_chars = 500
        [logging]
        level = "debug"
        format = "JSON"
        [[skills.custom]]
        name = "Dagster"
        aliases = ["dagster.io", "dagster", "DG", "dg"]
        category = "Data engineering"
        related = ["Airflow", "airflow"]
        [skills.aliases]
        k8s = "Kubernetes"
        """,
    )
    settings = load_settings(file, env={})
    assert settings.config_file == file
    assert settings.database.url == "sqlite+aiosqlite:///data/mm.db"
    assert settings.database.sqlite_path == Path("data/mm.db")
    assert settings.database.echo is True
    assert settings.console.community == "Rustaceans"
    assert settings.console.organizers == settings.console.organizer_names == ["ana", "bo"]
    assert settings.intro.max_chars == 500
    assert (settings.logging.level, settings.logging.format) == ("DEBUG", "json")
    (dagster,) = settings.skills.custom
    assert dagster.aliases == ["dagster.io", "DG"]  # the name itself and repeats dropped
    assert dagster.related == ["Airflow"]
    assert dagster.parents == []
    assert dagster.category == "Data engineering"
    assert settings.skills.aliases == {"k8s": "Kubernetes"}


def test_environment_wins_over_file(tmp_path: Path) -> None:
    file = write(tmp_path / "c.toml", '[intro]\nmax_chars = 500\n[console]\nmember = "ana"\n')
    env = {
        "MENTORMEET_INTRO_MAX_CHARS": "600",
        "MENTORMEET_DATABASE_URL": "postgres://bob@db.example:5432/mm",
        "MENTORMEET_LOGGING_FORMAT": "json",
        "MENTORMEET_DATABASE_ECHO": "",  # empty counts as unset
    }
    settings = load_settings(file, env=env)
    assert settings.intro.max_chars == 600
    assert settings.console.member == "ana"
    assert settings.database.url == "postgresql+asyncpg://bob@db.example:5432/mm"
    assert settings.database.sqlite_path is None
    assert settings.logging.format == "json"


def test_organizers_from_env_as_json_or_comma_list() -> None:
    as_json = load_settings(env={"MENTORMEET_CONSOLE_ORGANIZERS": '["ana", "bo"]'})
    as_text = load_settings(env={"MENTORMEET_CONSOLE_ORGANIZERS": " ana, bo ,"})
    assert as_json.console.organizers == as_text.console.organizers == ["ana", "bo"]


def test_skills_from_env_json() -> None:
    env = {
        "MENTORMEET_SKILLS_CUSTOM": '[{"name": "Dagster", "parents": ["Python"]}]',
        "MENTORMEET_SKILLS_ALIASES": '{"k8s": "Kubernetes"}',
    }
    settings = load_settings(env=env)
    assert [skill.name for skill in settings.skills.custom] == ["Dagster"]
    assert settings.skills.aliases == {"k8s": "Kubernetes"}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///mm.db", "sqlite+aiosqlite:///mm.db"),
        ("sqlite:////var/lib/mm.db", "sqlite+aiosqlite:////var/lib/mm.db"),
        ("SQLite:///:memory:", "sqlite+aiosqlite:///:memory:"),
        ("sqlite+aiosqlite:///mm.db?timeout=5", "sqlite+aiosqlite:///mm.db?timeout=5"),
        ("postgresql://u:p@h:5432/db", "postgresql+asyncpg://u:p@h:5432/db"),
        ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
        (" postgresql+asyncpg://h/db ", "postgresql+asyncpg://h/db"),
    ],
)
def test_database_url_normalised(given: str, expected: str) -> None:
    assert load_settings(env={"MENTORMEET_DATABASE_URL": given}).database.url == expected


def test_sqlite_home_directory_expanded(isolated_dirs: Path) -> None:
    settings = load_settings(env={"MENTORMEET_DATABASE_URL": "sqlite:///~/mm.db"})
    assert settings.database.sqlite_path == isolated_dirs / "mm.db"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://h/db", "the scheme 'mysql' is not supported"),
        ("postgresql+psycopg://h/db", "the scheme 'postgresql+psycopg' is not supported"),
        ("mm.db", "no '://'"),
        ("sqlite://host/mm.db", "an SQLite URL has no host"),
        ("   ", "empty"),
    ],
)
def test_bad_database_url(url: str, reason: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env={"MENTORMEET_DATABASE_URL": url})
    message = caught.value.message
    assert "database.url" in message
    assert "MENTORMEET_DATABASE_URL" in message
    assert reason in message
    assert "sqlite+aiosqlite:// or postgresql+asyncpg://" in message


@pytest.mark.parametrize(
    ("toml", "fragments"),
    [
        ("[intro]\nmax_chars = 50", ["intro.max_chars = 50", "from 200 to 100000"]),
        ("[intro]\nmax_chars = 100001", ["intro.max_chars = 100001", "from 200 to 100000"]),
        ("[intro]\nmax_chars = 'lots'", ["intro.max_chars = 'lots'", "whole number"]),
        ('[logging]\nlevel = "loud"', ["logging.level", "DEBUG, INFO, WARNING or ERROR"]),
        ('[logging]\nformat = "xml"', ["logging.format = 'xml'", '"text" or "json"']),
        ('[database]\necho = "maybe"', ["database.echo = 'maybe'", "true or false"]),
        ('[console]\nmember = "  "', ["console.member", "non-empty name"]),
        ('[console]\norganizers = ["ana", ""]', ["console.organizers[1]", "non-empty"]),
        ("database = 5", ["database = 5", "a [database] table"]),
        ('[[skills.custom]]\nname = ""', ["skills.custom[0].name", "non-empty name"]),
        ("[[skills.custom]]\naliases = ['x']", ["skills.custom[0].name", "required"]),
        (
            '[[skills.custom]]\nname = "Go"\nparents = ["go"]',
            ["skills.custom[0].parents", "lists itself"],
        ),
        (
            '[[skills.custom]]\nname = "Go"\n[[skills.custom]]\nname = "GO"',
            ["skills.custom", "'GO' is defined twice"],
        ),
        (
            '[[skills.custom]]\nname = "Dagster"\naliases = ["dg"]\n[skills.aliases]\ndg = "dbt"',
            ["skills", "'dg' points to both 'Dagster' and 'dbt'"],
        ),
        ('[skills.aliases]\nGo = "go"', ["'Go' is an alias of itself"]),
        ('[skills.aliases]\n"" = "Go"', ['skills.aliases.""', "bad key", "at least 1 character"]),
    ],
)
def test_bad_value_names_key_value_and_what_is_allowed(toml: str, fragments: list[str]) -> None:
    message = error_for(toml)
    assert str(Path.cwd() / "bad.toml") in message
    for fragment in fragments:
        assert fragment in message


def test_bad_env_value_names_the_variable() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env={"MENTORMEET_INTRO_MAX_CHARS": "abc"})
    message = caught.value.message
    assert "intro.max_chars = 'abc'" in message
    assert "from environment variable MENTORMEET_INTRO_MAX_CHARS" in message


def test_every_problem_is_listed() -> None:
    message = error_for(
        '[intro]\nmax_chars = 5\n[logging]\nlevel = "x"\nformat = "y"',
        env={"MENTORMEET_DATABASE_URL": "mysql://h/db"},
    )
    assert message.startswith("Invalid configuration (4 problems):")
    for key in ("intro.max_chars", "logging.level", "logging.format", "database.url"):
        assert key in message


def test_unknown_keys_name_key_and_file() -> None:
    message = error_for("[databse]\nurl = 'sqlite://'\n[intro]\nmax_char = 300\n")
    file = Path.cwd() / "bad.toml"
    assert f"databse: unknown key in {file} (did you mean 'database'?)" in message
    assert f"intro.max_char: unknown key in {file} (did you mean 'max_chars'?)" in message


def test_unknown_env_key_names_the_variable() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env={"MENTORMEET_DATABASE_PORT": "5432", "MENTORMEET_TEST_X": "ignored"})
    assert "database.port: unknown key from environment variable MENTORMEET_DATABASE_PORT" in (
        caught.value.message
    )


def test_bad_toml_syntax_names_file_and_line() -> None:
    message = error_for('[intro]\nmax_chars = 300\n[console]\nmember = "ana\n')
    assert str(Path.cwd() / "bad.toml") in message
    assert "line 4" in message


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    file = tmp_path / "latin1.toml"
    file.write_bytes('[console]\nmember = "José"\n'.encode("latin-1"))
    with pytest.raises(SettingsError, match="not UTF-8"):
        load_settings(file, env={})


def test_config_file_discovery_order(tmp_path: Path) -> None:
    user_file = write(
        Path(platformdirs.user_config_dir("mentormeet")) / "config.toml",
        '[console]\nmember = "from-user-dir"\n',
    )
    assert load_settings(env={}).console.member == "from-user-dir"
    assert load_settings(env={}).config_file == user_file
    write(Path.cwd() / "mentormeet.toml", '[console]\nmember = "from-cwd"\n')
    assert load_settings(env={}).console.member == "from-cwd"
    env_file = write(tmp_path / "env.toml", '[console]\nmember = "from-env"\n')
    assert load_settings(env={"MENTORMEET_CONFIG": str(env_file)}).console.member == "from-env"
    explicit = write(tmp_path / "explicit.toml", '[console]\nmember = "explicit"\n')
    chosen = load_settings(explicit, env={"MENTORMEET_CONFIG": str(env_file)})
    assert chosen.console.member == "explicit"


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    write(Path.cwd() / "mentormeet.toml", "")
    with pytest.raises(SettingsError, match=r"nope\.toml \(given by --config\) does not exist"):
        load_settings(tmp_path / "nope.toml", env={})
    with pytest.raises(SettingsError, match="given by MENTORMEET_CONFIG"):
        load_settings(env={"MENTORMEET_CONFIG": str(tmp_path / "nope.toml")})
    with pytest.raises(SettingsError, match="is not a file"):
        load_settings(tmp_path, env={})


def test_database_password_is_masked_but_listed_as_secret() -> None:
    url = "postgresql://bob:pa%40ss@db.example/mm"
    settings = load_settings(env={"MENTORMEET_DATABASE_URL": url})
    assert "pa%40ss" not in repr(settings)
    assert "pa%40ss" not in str(settings.database)
    assert "bob:***@db.example" in repr(settings)
    assert set(settings.secret_values()) == {"pa%40ss", "pa@ss"}
    with pytest.raises(SettingsError) as caught:
        load_settings(env={"MENTORMEET_DATABASE_URL": "mysql://bob:hunter2@db/mm"})
    assert "hunter2" not in caught.value.message
    assert "bob:***@db" in caught.value.message


class _Discord(Section):
    token: SecretStr | None = None


class _WithSecret(Settings):
    """How a future adapter section with a token plugs in."""

    discord: _Discord = Field(default_factory=_Discord)


def test_secret_fields_are_found_by_type() -> None:
    assert [p for p in secret_paths(_WithSecret) if p[0] == "discord"] == [("discord", "token")]
    assert ("slack", "bot_token") in secret_paths(Settings)  # the real Slack section
    assert ("discord", "token") in secret_paths(Settings)  # the real Discord section


def test_secret_in_file_is_refused(tmp_path: Path) -> None:
    file = write(tmp_path / "c.toml", '[discord]\ntoken = "tok-123"\n[intro]\nmax_chars = 1\n')
    with pytest.raises(SettingsError) as caught:
        load_settings_for(_WithSecret, file, env={})
    message = caught.value.message
    assert f"discord.token is a secret and must not be in {file}" in message
    assert "set the environment variable MENTORMEET_DISCORD_TOKEN instead" in message
    assert "intro.max_chars" in message  # other problems are still reported
    assert "tok-123" not in message


def test_secret_from_env_is_hidden() -> None:
    settings = load_settings_for(_WithSecret, env={"MENTORMEET_DISCORD_TOKEN": "tok-123"})
    assert settings.discord.token is not None
    assert settings.discord.token.get_secret_value() == "tok-123"
    assert "tok-123" not in repr(settings)
    assert "tok-123" not in str(settings)
    assert settings.secret_values() == ["tok-123"]


def test_an_empty_console_organizer_list_means_nobody(isolated_dirs: Path) -> None:
    settings = load_settings(env={"MENTORMEET_CONSOLE_ORGANIZERS": "[]"})
    assert settings.console.organizer_names == []
    named = load_settings(env={"MENTORMEET_CONSOLE_MEMBER": "sam"})
    assert named.console.organizer_names == ["sam"]
