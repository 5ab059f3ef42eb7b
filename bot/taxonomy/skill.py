"""Value types of the taxonomy: skills, community-defined skills, and mentions found in text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Skill:
    """A canonical skill with its aliases and relations (ids of other skills)."""

    id: str
    name: str
    category: str
    kind: str  # "technology" | "concept"
    aliases: tuple[str, ...]
    parents: tuple[str, ...]
    related: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CustomSkill:
    """A skill a community adds in its config; relations are given by skill name or alias."""

    name: str
    aliases: tuple[str, ...] = ()
    category: str = "tool"
    related: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One skill found in a text; start/end are offsets into the text given to find()."""

    skill_id: str
    name: str
    category: str
    kind: str
    surface: str
    start: int
    end: int
