"""The meetup test community, shared with tests/bot/meetups."""

from tests.bot.meetups.conftest import town

__all__ = ["town"]
