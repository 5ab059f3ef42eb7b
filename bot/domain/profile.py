"""Skill profiles: what the parser read from an intro plus the member's explicit edits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum


class Seniority(StrEnum):
    """Career stage, ordered from least to most experienced."""

    STUDENT = "student"
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    STAFF = "staff"
    LEAD = "lead"
    PRINCIPAL = "principal"


class SkillKind(StrEnum):
    """How a skill relates to the member."""

    KNOWN = "known"
    LEARNING = "learning"


class SkillSource(StrEnum):
    """Who said so: the intro parser or the member's explicit edit."""

    PARSED = "parsed"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class SkillClaim:
    """One skill in a profile, with the phrase that justifies it."""

    skill_id: str
    name: str
    category: str
    kind: SkillKind = SkillKind.KNOWN
    evidence: str = ""
    years: float | None = None
    source: SkillSource = SkillSource.PARSED


@dataclass(frozen=True, slots=True)
class ParsedIntro:
    """Everything the parser read from one introduction."""

    skills: tuple[SkillClaim, ...] = ()
    learning: tuple[SkillClaim, ...] = ()
    mentoring_offer: bool | None = None
    mentoring_topics: tuple[str, ...] = ()
    seniority: Seniority | None = None
    years_experience: float | None = None
    timezone: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProfileEdits:
    """Explicit edits by the member; they win over the parser and survive a new /intro."""

    added_skills: tuple[SkillClaim, ...] = ()
    removed_skill_ids: frozenset[str] = frozenset()
    timezone: str | None = None
    mentor_capacity: int | None = None
    mentoring_offer: bool | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A member's profile in one community."""

    community_id: int
    member_id: int
    raw_intro: str
    parsed: ParsedIntro
    edits: ProfileEdits
    created_at: datetime
    updated_at: datetime

    @property
    def skills(self) -> tuple[SkillClaim, ...]:
        """Known skills: parsed, plus manual additions, minus manual removals."""
        return self._merge(SkillKind.KNOWN, self.parsed.skills)

    @property
    def learning(self) -> tuple[SkillClaim, ...]:
        """Learning goals after the member's edits."""
        known = {s.skill_id for s in self.skills}
        return tuple(
            s for s in self._merge(SkillKind.LEARNING, self.parsed.learning)
            if s.skill_id not in known
        )

    @property
    def timezone(self) -> str | None:
        """The member's zone: an explicit setting wins over the parsed one."""
        return self.edits.timezone or self.parsed.timezone

    @property
    def mentoring_offer(self) -> bool | None:
        """Whether the member offers mentoring; an explicit setting wins."""
        if self.edits.mentoring_offer is not None:
            return self.edits.mentoring_offer
        return self.parsed.mentoring_offer

    @property
    def mentor_capacity(self) -> int | None:
        """How many mentees at once, if the member said so."""
        return self.edits.mentor_capacity

    def with_intro(self, raw: str, parsed: ParsedIntro, now: datetime) -> Profile:
        """The same profile re-parsed from a new intro; edits are kept."""
        return replace(self, raw_intro=raw, parsed=parsed, updated_at=now)

    def with_edits(self, edits: ProfileEdits, now: datetime) -> Profile:
        """The same profile with new explicit edits."""
        return replace(self, edits=edits, updated_at=now)

    def _merge(self, kind: SkillKind, parsed: tuple[SkillClaim, ...]) -> tuple[SkillClaim, ...]:
        removed = self.edits.removed_skill_ids
        out: dict[str, SkillClaim] = {}
        for claim in parsed:
            if claim.skill_id not in removed:
                out.setdefault(claim.skill_id, claim)
        for claim in self.edits.added_skills:
            if claim.kind is kind:
                out[claim.skill_id] = claim
        return tuple(out.values())
