"""Transitions shared by handlers and sweeps: next suggestions, expiry, withdrawals, pauses."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.profile import Profile
from bot.matching.domain import MatchRequest, MentorState, RequestStatus
from bot.matching.facts import MenteeFacts, mentee_facts
from bot.matching.notify import Notifier
from bot.matching.ranking import Matchmaker, Ranking, excluded_mentors, rank_mentors
from bot.matching.views import name_of, request_button, suggestion_card
from bot.ports import UnitOfWork
from bot.replies import Button, ButtonStyle, Reply


async def name(uow: UnitOfWork, community_id: int, member_id: int) -> str:
    """A member's display name, safe to echo ("someone" once they are gone)."""
    member = await uow.members.get(community_id, member_id)
    return name_of(member.display_name) if member is not None else "someone"


def goals_of(profile: Profile | None, topic: str | None) -> tuple[str, ...]:
    """The goals to match on: the topic if one was given, else the learning goals."""
    if topic:
        return (topic,)
    return tuple(claim.skill_id for claim in profile.learning) if profile is not None else ()


async def mentee_of(
    uow: UnitOfWork, community_id: int, mentee_id: int, topic: str | None
) -> tuple[Profile | None, MenteeFacts]:
    """The mentee's profile and the facts to score them with."""
    profile = await uow.profiles.get(community_id, mentee_id)
    return profile, mentee_facts(profile, goals_of(profile, topic))


async def suggest(
    uow: UnitOfWork, maker: Matchmaker, community_id: int, mentee_id: int, topic: str | None
) -> Ranking:
    """Rank mentors for the mentee, leaving out everyone they may not be offered."""
    _, facts = await mentee_of(uow, community_id, mentee_id, topic)
    exclude = await excluded_mentors(uow.matching, community_id, mentee_id)
    return await rank_mentors(uow.matching, maker, community_id, facts, exclude)


async def suggestions_reply(
    uow: UnitOfWork,
    maker: Matchmaker,
    community_id: int,
    mentee_id: int,
    topic: str | None,
    ranking: Ranking,
    lead: str,
) -> Reply:
    """``lead`` followed by the suggestions with "Ask" buttons, or why there are none.

    With no suggestions, a "tell me when" wish is recorded for every goal a new mentor could
    fix, and the reply says so.
    """
    if ranking.suggestions:
        cards, buttons = [], []
        for rank, suggestion in enumerate(ranking.suggestions, start=1):
            who = (
                name_of(suggestion.display_name) if suggestion.display_name
                else await name(uow, community_id, suggestion.member_id)
            )
            cards.append(suggestion_card(rank, who, suggestion))
            buttons.append(request_button(suggestion.member_id, who, topic))
        return Reply(text=lead, cards=tuple(cards), buttons=tuple(buttons))
    lines = [lead, "I couldn't find a mentor who fits right now:"] if lead else [
        "I couldn't find a mentor who fits right now:"
    ]
    lines += [f"• {maker.name(s.goal)}: {s.reason}" for s in ranking.shortfalls]
    wished = [s.goal for s in ranking.shortfalls if s.wishable]
    for goal in wished:
        await uow.matching.seekers.wish(community_id, mentee_id, goal, maker.now)
    if wished:
        topics = ", ".join(maker.name(g) for g in wished)
        lines.append(f"I'll message you as soon as a mentor for {topics} is available.")
    lines.append(
        "What would help: a related topic (/match <topic>), a learning goal more people know "
        "(/profile edit learn …), or asking an organizer to invite mentors."
    )
    return Reply(text="\n".join(lines))


async def offer_next(
    uow: UnitOfWork,
    maker: Matchmaker,
    notifier: Notifier,
    request: MatchRequest,
    lead: str,
) -> None:
    """Tell the mentee of a closed request (``lead``) and offer the next best mentors."""
    ranking = await suggest(uow, maker, request.community_id, request.mentee_id, request.topic)
    reply = await suggestions_reply(
        uow, maker, request.community_id, request.mentee_id, request.topic, ranking, lead
    )
    await notifier.tell(request.community_id, request.mentee_id, reply,
                        about_id=request.mentor_id)


async def mentor_state(uow: UnitOfWork, community_id: int, member_id: int) -> MentorState:
    """The mentor's state, or a fresh one."""
    found = await uow.matching.mentors.get(community_id, member_id)
    return found or MentorState(community_id, member_id)


async def reset_ignored(uow: UnitOfWork, community_id: int, mentor_id: int) -> None:
    """The mentor answered: their run of ignored requests starts over."""
    state = await mentor_state(uow, community_id, mentor_id)
    if state.ignored_streak:
        await uow.matching.mentors.save_settings(replace(state, ignored_streak=0))


async def expire_request(
    uow: UnitOfWork, maker: Matchmaker, notifier: Notifier, request: MatchRequest
) -> bool:
    """Close an unanswered request, count it against the mentor, and offer the next match."""
    cid = request.community_id
    if not await uow.matching.requests.close(cid, request.id, RequestStatus.EXPIRED, maker.now):
        return False
    mentor = await name(uow, cid, request.mentor_id)
    mentee = await name(uow, cid, request.mentee_id)
    await offer_next(uow, maker, notifier, request, (
        f"{mentor} didn't answer your request in time — they're probably just busy. "
        "Here are other mentors you could ask:"
    ))
    state = await mentor_state(uow, cid, request.mentor_id)
    streak = state.ignored_streak + 1
    limit = maker.config.ignored_requests_threshold
    paused = streak >= limit
    await uow.matching.mentors.save_settings(replace(
        state, ignored_streak=streak, paused=state.paused or paused,
        paused_until=None if paused else state.paused_until,
    ))
    text = f"The mentoring request from {mentee} expired without an answer, so I let them know."
    buttons: tuple[Button, ...] = ()
    if paused:
        text += (
            f"\nThat's {streak} unanswered requests in a row, so I've paused your mentoring: "
            "nobody will be matched with you until you turn it back on."
        )
        buttons = (Button("Resume mentoring", "/mentor resume", ButtonStyle.PRIMARY),
                   Button("Stop mentoring", "/mentor off"))
        await withdraw_open_requests(
            uow, maker, notifier, cid, request.mentor_id,
            f"{mentor} has paused mentoring for now, so I withdrew your request.",
        )
    elif streak == limit - 1:
        text += (
            f"\nThat's {streak} unanswered requests in a row. If the next one goes unanswered "
            "too I'll pause your mentoring. Busy? /mentor pause 2 weeks, or /mentor off."
        )
    await notifier.tell(cid, request.mentor_id, Reply(text=text, buttons=buttons),
                        about_id=request.mentee_id)
    return True


async def withdraw_open_requests(
    uow: UnitOfWork, maker: Matchmaker, notifier: Notifier, community_id: int, mentor_id: int,
    why: str,
) -> int:
    """Cancel every open request to a mentor (they stopped or paused); mentees get ``why`` and
    their next matches. Returns how many were withdrawn."""
    withdrawn = 0
    for request in await uow.matching.requests.for_mentor(
        community_id, mentor_id, (RequestStatus.OPEN,)
    ):
        if await uow.matching.requests.close(
            community_id, request.id, RequestStatus.CANCELLED, maker.now
        ):
            withdrawn += 1
            await offer_next(uow, maker, notifier, request, why + " Other mentors to ask:")
    return withdrawn


async def close_undeliverable(
    uow: UnitOfWork, maker: Matchmaker, notifier: Notifier, community_id: int, request_id: int
) -> None:
    """A request the mentor could not be told about: close it without blaming the mentor."""
    request = await uow.matching.requests.get(community_id, request_id)
    if request is None or not await uow.matching.requests.close(
        community_id, request_id, RequestStatus.UNDELIVERABLE, maker.now
    ):
        return
    mentor = await name(uow, community_id, request.mentor_id)
    await offer_next(uow, maker, notifier, request, (
        f"I couldn't reach {mentor} by direct message, so your request didn't get through. "
        "Other mentors to ask:"
    ))

