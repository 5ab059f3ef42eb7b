"""Builders shared by the matching storage contract tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.community import Member
from bot.domain.profile import ParsedIntro, Profile, ProfileEdits, SkillSource
from bot.matching.domain import MatchRequest, Pairing, PairingStatus, RequestStatus
from bot.matching.ports import CandidateQuery, GoalQuery
from bot.taxonomy import Taxonomy
from tests.storage.contract import START, Backend, claim

TAXONOMY = Taxonomy.load()


def goal(skill: str) -> GoalQuery:
    """A goal with the taxonomy's credited skills."""
    weights = dict(TAXONOMY.related(skill))
    weights[skill] = 1.0
    return GoalQuery(skill, weights)


def query(*skills: str, **options: object) -> CandidateQuery:
    """A candidate query for these goals at START."""
    values: dict[str, object] = {
        "exclude": (), "now": START, "default_capacity": 2, "limit": 50,
    } | options
    return CandidateQuery([goal(s) for s in skills], **values)  # type: ignore[arg-type]


def mentor_profile(
    member: Member,
    skills: dict[str, float | None],
    *,
    offer: bool | None = True,
    capacity: int | None = None,
    zone: str | None = "Europe/Berlin",
    career: float | None = None,
    stamp: datetime = START,
) -> Profile:
    """A profile offering mentoring (or not) with these skills and years."""
    parsed = ParsedIntro(
        skills=tuple(claim(s, years=y) for s, y in skills.items()),
        mentoring_offer=offer, timezone=zone, years_experience=career,
    )
    return Profile(member.community_id, member.id, "", parsed,
                   ProfileEdits(mentor_capacity=capacity), stamp, stamp)


def added(profile: Profile, skill: str, stamp: datetime) -> Profile:
    """The profile with a manually added skill."""
    edits = ProfileEdits(
        added_skills=(claim(skill, source=SkillSource.MANUAL),),
        mentor_capacity=profile.edits.mentor_capacity,
    )
    return profile.with_edits(edits, stamp)


def request(community_id: int, mentee: int, mentor: int, *, expires: timedelta = timedelta(days=3),
            status: RequestStatus = RequestStatus.OPEN) -> MatchRequest:
    """A request made at START."""
    return MatchRequest(
        id=0, community_id=community_id, mentee_id=mentee, mentor_id=mentor, status=status,
        score=71.5, reasons=("Knows Rust, a learning goal", "ünïcode ✓"), created_at=START,
        expires_at=START + expires, topic="rust",
    )


def pairing(community_id: int, mentor: int, mentee: int, checkin: timedelta) -> Pairing:
    """An active pairing started at START."""
    return Pairing(
        id=0, community_id=community_id, mentor_id=mentor, mentee_id=mentee,
        status=PairingStatus.ACTIVE, started_at=START, request_id=None,
        next_checkin_at=START + checkin,
    )


async def save_profiles(backend: Backend, *profiles: Profile) -> None:
    """Store profiles in one unit of work."""
    async with backend.uow() as uow:
        for profile in profiles:
            await uow.profiles.save(profile)
        await uow.commit()
