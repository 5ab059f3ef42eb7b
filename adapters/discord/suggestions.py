"""Autocomplete candidates (skills, skill lists, timezones), ranked; no Discord types here."""

from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

from bot.taxonomy import Taxonomy
from bot.timezones import suggest_timezones

MAX_CHOICES = 25  # Discord shows at most 25 suggestions
CHOICE_LIMIT = 100  # characters in a suggestion's name and value
POPULAR_ZONES = (
    "UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Kyiv",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Sao_Paulo", "Africa/Lagos", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai",
    "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


class Suggestions:
    """Ranked completions for what a member has typed so far."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        names: dict[str, str] = {}  # spelling (casefolded) -> canonical skill name
        for skill in taxonomy:
            names.setdefault(_key(skill.name), skill.name)
        for skill in taxonomy:
            for alias in skill.aliases:
                names.setdefault(_key(alias), skill.name)
        self._spellings = sorted(names.items(), key=lambda item: (len(item[0]), item[0]))
        self._canonical = sorted(set(names.values()), key=lambda n: (len(n), n.casefold()))
        self._taxonomy = taxonomy

    def skills(self, typed: str, limit: int = MAX_CHOICES) -> list[str]:
        """Skill names for a partly typed skill: by prefix, then substring, then fuzzy."""
        key = _key(typed)
        if not key:
            return self._canonical[:limit]
        found: list[str] = []

        def offer(name: str) -> None:
            if name not in found:
                found.append(name)

        for spelling, name in self._spellings:
            if spelling.startswith(key):
                offer(name)
        for spelling, name in self._spellings:
            if key in spelling:
                offer(name)
        for skill in self._taxonomy.suggest(typed, limit=5):
            offer(skill.name)
        return found[:limit]

    def skill_list(self, typed: str, limit: int = MAX_CHOICES) -> list[str]:
        """Completions of a comma-separated list: the items typed so far, then the last one done."""
        *done, last = typed.split(",")
        kept = [item.strip() for item in done if item.strip()]
        head = ", ".join(kept)
        result = []
        for name in self.skills(last, limit=limit):
            if name.casefold() in {k.casefold() for k in kept}:
                continue
            text = f"{head}, {name}" if head else name
            if len(text) <= CHOICE_LIMIT:
                result.append(text)
        return result[:limit]


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def timezones(typed: str, limit: int = MAX_CHOICES) -> list[str]:
    """IANA zone names for a partly typed zone or city ("berl", "new york")."""
    key = _key(typed).replace(" ", "_")
    if not key:
        return list(POPULAR_ZONES[:limit])
    zones = _zones()
    city_first = [z for z in zones if z.rsplit("/", 1)[-1].casefold().startswith(key)]
    anywhere = [z for z in zones if key in z.casefold() and z not in city_first]
    found = city_first + anywhere
    for zone in suggest_timezones(typed):
        if zone not in found:
            found.append(zone)
    return found[:limit]
