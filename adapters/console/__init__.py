"""The console adapter: try the bot in a terminal, or drive it with a script."""

from adapters.console.session import ConsoleSession

__all__ = ["ConsoleSession"]
