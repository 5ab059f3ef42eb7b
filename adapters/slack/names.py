"""Slash-command names: the configured prefix in front of the core's command names, both ways."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.commandline import PARSERS


class CommandNames:
    """Maps `/mm-intro` (what Slack sends) to `/intro` (what the core parses) and back."""

    def __init__(self, prefix: str = "/", core_names: Iterable[str] | None = None) -> None:
        if not prefix.startswith("/"):
            raise ValueError(f"a command prefix starts with '/', got {prefix!r}")
        self.prefix = prefix
        self.core_names = tuple(sorted(PARSERS if core_names is None else core_names))
        alternatives = "|".join(re.escape(name) for name in sorted(self.core_names, key=len)[::-1])
        # "/intro" in running text, but not "Europe/Berlin" or "https://host/intro"
        self._mention = re.compile(rf"(?<![\w/.:-])/({alternatives})(?![\w/-])")

    def slack(self, core_name: str) -> str:
        """The Slack command for a core command name: ``intro`` → ``/mm-intro``."""
        return self.prefix + core_name

    def core(self, slack_command: str) -> str | None:
        """The core command name for a Slack command, or None if it lacks the prefix."""
        command = slack_command.strip().lower()
        if not command.startswith(self.prefix) or len(command) == len(self.prefix):
            return None
        return command[len(self.prefix):]

    def command_line(self, slack_command: str, text: str) -> str:
        """The canonical command line the core parses, e.g. ``/profile edit add Rust``."""
        name = self.core(slack_command) or slack_command.strip().lstrip("/").lower()
        text = text.strip()
        return f"/{name} {text}" if text else f"/{name}"

    def localize(self, text: str) -> str:
        """Rewrite command names in reply text to the Slack names members type."""
        if self.prefix == "/" or not self.core_names:
            return text
        return self._mention.sub(lambda m: self.slack(m.group(1)), text)
