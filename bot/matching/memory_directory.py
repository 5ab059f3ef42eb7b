"""The in-memory mentor directory: reads profiles and mentor state directly, no index."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain.profile import Profile
from bot.matching.domain import MentorCandidate, MentorState
from bot.matching.facts import MentorFacts, fallback_years, teachable_skills
from bot.matching.ports import CandidateQuery, Coverage, GoalQuery, RankedCandidate
from bot.matching.scoring import depth_ceiling, ranking_bound, tenths

if TYPE_CHECKING:
    from bot.matching.memory import MemoryHost


def mentor_facts(profile: Profile, state: MentorState | None, default_capacity: int) -> (
    MentorFacts
):
    """What scoring needs to know about a mentor, from their profile and matching state."""
    state = state or MentorState(profile.community_id, profile.member_id)
    capacity = profile.mentor_capacity
    return MentorFacts(
        skills=teachable_skills(profile, state.topics),
        timezone=profile.timezone,
        fallback_years=fallback_years(profile),
        capacity=default_capacity if capacity is None else capacity,
        active_count=state.active_count,
        rating_sum=state.rating_sum,
        rating_count=state.rating_count,
    )


class InMemoryMentorDirectory:
    """Mentors whose profile offers mentoring, straight from the in-memory state."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    def _offering(self, community_id: int, default_capacity: int) -> list[
        tuple[int, MentorFacts, MentorState | None]
    ]:
        state = self._host.read()
        found = []
        for (cid, member_id), profile in sorted(state.profiles.items()):
            if cid != community_id or profile.mentoring_offer is not True:
                continue
            mentor = state.matching.mentors.get((cid, member_id))
            found.append((member_id, mentor_facts(profile, mentor, default_capacity), mentor))
        return found

    def _name(self, member_id: int) -> str:
        member = self._host.read().members.get(member_id)
        return member.display_name if member is not None else ""

    @staticmethod
    def _available(facts: MentorFacts, mentor: MentorState | None, now: datetime) -> bool:
        paused = mentor is not None and mentor.is_paused(now)
        return not paused and facts.capacity > 0 and facts.active_count < facts.capacity

    async def candidates(self, community_id: int, query: CandidateQuery) -> list[RankedCandidate]:
        """Available mentors with a skill of this stage, by bound then member id."""
        goals = query.goals
        credited = {skill for goal in goals for skill in goal.weights}
        ranked = []
        for member_id, facts, mentor in self._offering(community_id, query.default_capacity):
            if member_id in query.exclude or not self._available(facts, mentor, query.now):
                continue
            skills = {s: y for s, y in facts.skills.items() if s in credited}
            stage = [
                s for s in skills
                if max(goal.weights.get(s, 0.0) for goal in goals) >= query.min_weight
            ]
            if not stage:
                continue
            cover = sum(
                max((tenths(goal.weights[s]) for s in stage if s in goal.weights), default=0)
                for goal in goals
            )
            depth = max(depth_ceiling(skills[s], facts.fallback_years) for s in stage)
            bound = ranking_bound(
                cover, len(goals), depth, query.zone_part(facts.timezone),
                facts.spare, facts.capacity, facts.rating_sum, facts.rating_count,
            )
            trimmed = MentorFacts(
                skills, facts.timezone, facts.fallback_years, facts.capacity,
                facts.active_count, facts.rating_sum, facts.rating_count,
            )
            ranked.append(RankedCandidate(
                MentorCandidate(member_id, trimmed, self._name(member_id)), bound
            ))
        ranked.sort(key=lambda r: (-r.bound, r.candidate.member_id))
        return ranked[:query.limit]

    async def available(
        self, community_id: int, *, now: datetime, default_capacity: int
    ) -> list[MentorCandidate]:
        """Every available mentor, by member id."""
        return [
            MentorCandidate(member_id, facts, self._name(member_id))
            for member_id, facts, mentor in self._offering(community_id, default_capacity)
            if self._available(facts, mentor, now)
        ]

    async def mentor(
        self, community_id: int, member_id: int, *, default_capacity: int
    ) -> MentorCandidate | None:
        """The member's mentor facts if their profile offers mentoring."""
        state = self._host.read()
        profile = state.profiles.get((community_id, member_id))
        if profile is None or profile.mentoring_offer is not True:
            return None
        mentor = state.matching.mentors.get((community_id, member_id))
        return MentorCandidate(
            member_id, mentor_facts(profile, mentor, default_capacity), self._name(member_id)
        )

    async def coverage(
        self, community_id: int, goal: GoalQuery, *, now: datetime, default_capacity: int
    ) -> list[Coverage]:
        """Offering mentors teaching a credited skill, with why each is unavailable."""
        found = []
        for member_id, facts, mentor in self._offering(community_id, default_capacity):
            if not any(skill in goal.weights for skill in facts.skills):
                continue
            paused = mentor is not None and mentor.is_paused(now)
            full = facts.capacity <= 0 or facts.active_count >= facts.capacity
            found.append(Coverage(member_id, paused, full))
        return found
