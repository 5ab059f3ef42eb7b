"""What scoring needs to know about a mentee and a mentor, built from profiles or JSON input."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from bot.domain.profile import Profile, Seniority

# Typical years behind a career stage, used when a mentor gave no years for a skill or career.
SENIORITY_YEARS: Mapping[Seniority, float] = MappingProxyType({
    Seniority.STUDENT: 0.0,
    Seniority.JUNIOR: 1.0,
    Seniority.MID: 3.0,
    Seniority.SENIOR: 6.0,
    Seniority.STAFF: 9.0,
    Seniority.LEAD: 8.0,
    Seniority.PRINCIPAL: 12.0,
})


@dataclass(frozen=True, slots=True)
class MenteeFacts:
    """A mentee's learning goals (skill ids, in their order), own years in them, and zone."""

    goals: tuple[str, ...]
    goal_years: Mapping[str, float] = field(default_factory=dict)
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class MentorFacts:
    """A mentor's teachable skills (skill id -> years, None when unsaid) and availability."""

    skills: Mapping[str, float | None]
    timezone: str | None = None
    fallback_years: float | None = None  # career years, else typical years of their seniority
    capacity: int = 1
    active_count: int = 0
    rating_sum: int = 0
    rating_count: int = 0

    @property
    def spare(self) -> int:
        """Free mentee slots (never negative, even after the capacity was lowered)."""
        return max(self.capacity - self.active_count, 0)


def fallback_years(profile: Profile) -> float | None:
    """Career years if the member said them, else the typical years of their seniority."""
    if profile.parsed.years_experience is not None:
        return profile.parsed.years_experience
    if profile.parsed.seniority is not None:
        return SENIORITY_YEARS[Seniority(profile.parsed.seniority)]
    return None


def teachable_skills(profile: Profile, topics: Iterable[str] = ()) -> dict[str, float | None]:
    """The skills a mentor offers: their chosen topics if any, else every skill they know.

    Years come from the profile's claim for the same skill when there is one.
    """
    known = {claim.skill_id: claim.years for claim in profile.skills}
    chosen = list(dict.fromkeys(topics))
    if not chosen:
        return known
    return {skill_id: known.get(skill_id) for skill_id in chosen}


def mentee_facts(profile: Profile | None, goals: Iterable[str], timezone: str | None = None) -> (
    MenteeFacts
):
    """Mentee facts for ``goals``; years the mentee already has in a goal come from the profile."""
    ordered = tuple(dict.fromkeys(goals))
    years: dict[str, float] = {}
    if profile is not None:
        for claim in (*profile.skills, *profile.learning):
            if claim.skill_id in ordered and claim.years is not None:
                years[claim.skill_id] = max(years.get(claim.skill_id, 0.0), claim.years)
        timezone = timezone or profile.timezone
    return MenteeFacts(goals=ordered, goal_years=years, timezone=timezone)
