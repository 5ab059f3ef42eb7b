"""Keeping "tell me when a mentor is available" promises."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from bot.matching.domain import RequestStatus
from bot.matching.facts import mentee_facts
from bot.matching.flows import suggestions_reply
from bot.matching.notify import Notifier
from bot.matching.ports import CandidateQuery
from bot.matching.ranking import Matchmaker, excluded_mentors, rank_mentors
from bot.ports import UnitOfWork


async def grant_wishes(
    uow: UnitOfWork,
    maker: Matchmaker,
    notifier: Notifier,
    community_id: int,
    taught: Collection[str] | None = None,
) -> int:
    """Message every mentee whose wished-for goal now has a mentor who fits them.

    ``taught`` narrows the check to goals related to these skills (a mentor who just turned
    mentoring on). Returns how many mentees were told; their wishes are then dropped.
    """
    wishes = await uow.matching.seekers.wishes(community_id)
    if taught is not None:
        wishes = [
            w for w in wishes
            if any(skill in maker.scorer().weights(w.skill_id) for skill in taught)
        ]
    if not wishes:
        return 0
    covered: dict[str, bool] = {}
    by_member: defaultdict[int, list[str]] = defaultdict(list)
    for wish in wishes:
        if wish.skill_id not in covered:
            anyone = await uow.matching.directory.candidates(community_id, CandidateQuery(
                [maker.goal(wish.skill_id)], exclude=(), now=maker.now,
                default_capacity=maker.config.default_capacity, limit=1,
            ))
            covered[wish.skill_id] = bool(anyone)
        if covered[wish.skill_id]:
            by_member[wish.member_id].append(wish.skill_id)
    told = 0
    for member_id, goals in sorted(by_member.items()):
        waiting = await uow.matching.requests.for_mentee(
            community_id, member_id, (RequestStatus.OPEN,)
        )
        if waiting:
            continue
        profile = await uow.profiles.get(community_id, member_id)
        facts = mentee_facts(profile, goals)
        exclude = await excluded_mentors(uow.matching, community_id, member_id)
        ranking = await rank_mentors(uow.matching, maker, community_id, facts, exclude)
        if not ranking.suggestions:
            continue
        topics = ", ".join(maker.name(goal) for goal in goals)
        reply = await suggestions_reply(
            uow, maker, community_id, member_id, goals[0] if len(goals) == 1 else None,
            ranking, f"Good news: a mentor for {topics} is available now. You could ask:",
        )
        await notifier.tell(community_id, member_id, reply)
        await uow.matching.seekers.drop_wishes(community_id, member_id)
        told += 1
    return told
