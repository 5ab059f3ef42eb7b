"""Intro parsing: messy free text in, an explainable skill profile out."""

from bot.parsing.intro_parser import IntroParser
from bot.parsing.profile_json import profile_to_json

__all__ = ["IntroParser", "profile_to_json"]
