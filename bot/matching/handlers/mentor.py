"""Use cases: ``/mentor`` status, on (capacity, topics), off, pause and resume."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.profile import ParsedIntro, Profile, ProfileEdits
from bot.matching.commands import MentorOff, MentorOn, MentorPause, MentorResume, ShowMentoring
from bot.matching.domain import MentorState, RequestStatus
from bot.matching.facts import teachable_skills
from bot.matching.flows import mentor_state, withdraw_open_requests
from bot.matching.handlers.common import TopicError, maker_of, resolve_topics, settle
from bot.matching.notify import Notifier
from bot.matching.pause import PauseError, pause_end
from bot.matching.views import answer_buttons, name_of, when
from bot.matching.wishes import grant_wishes
from bot.replies import Button, ButtonStyle, Card, Field, Reply, error
from bot.services import Services, existing_member, member_of

_ALL_SKILLS = {"all", "any", "everything"}
_NO_PROFILE = (
    "Introduce yourself first so mentees know who you are, e.g.\n"
    "/intro Backend engineer, 8 years of Python and Postgres, happy to mentor\n"
    "or name the topics you'd mentor on: /mentor on Python, PostgreSQL"
)


def _topic_names(svc: Services, skill_ids: tuple[str, ...] | list[str]) -> str:
    names = []
    for skill_id in skill_ids:
        skill = svc.taxonomy.get(skill_id)
        names.append(skill.name if skill is not None else skill_id)
    return ", ".join(names)


def _status_card(svc: Services, profile: Profile, state: MentorState) -> Card:
    capacity = profile.mentor_capacity
    capacity = svc.matching.default_capacity if capacity is None else capacity
    topics = (
        _topic_names(svc, list(state.topics)) if state.topics
        else "all your skills: " + (_topic_names(svc, [c.skill_id for c in profile.skills])
                                    or "none yet")
    )
    if profile.mentoring_offer is not True:
        offering = "Not offering — /mentor on to start"
    elif state.paused:
        until = "you resume" if state.paused_until is None else when(
            state.paused_until, profile.timezone
        )
        offering = f"Paused until {until}"
    else:
        offering = "Yes"
    fields = [
        Field("Mentoring", offering),
        Field("Mentees", f"{state.active_count} of {capacity}", inline=True),
        Field("Topics", topics),
    ]
    if state.rating_count:
        average = state.rating_sum / state.rating_count
        fields.append(Field("Rating", f"{average:.1f}/5 from {state.rating_count}", inline=True))
    return Card(title="Your mentoring", fields=tuple(fields))


async def show_mentoring(cmd: ShowMentoring, svc: Services) -> Reply:
    """My mentoring state and the requests waiting for my answer."""
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id) if member else None
        if member is None or profile is None:
            return Reply(text="You're not mentoring. " + _NO_PROFILE)
        state = await mentor_state(uow, community.id, member.id)
        waiting = await uow.matching.requests.for_mentor(
            community.id, member.id, (RequestStatus.OPEN,)
        )
    buttons: list[Button] = []
    for request in waiting[:5]:
        buttons += answer_buttons(request.id)
    text = f"{len(waiting)} request(s) are waiting for your answer." if waiting else ""
    return Reply(text=text, cards=(_status_card(svc, profile, state),),
                 buttons=tuple(buttons))


async def mentor_on(cmd: MentorOn, svc: Services) -> Reply:
    """Offer mentoring: capacity and topics are optional; a pause ends."""
    maker = maker_of(svc)
    clear_topics = len(cmd.topics) == 1 and cmd.topics[0].casefold() in _ALL_SKILLS
    try:
        topics = () if clear_topics else resolve_topics(svc.taxonomy, cmd.topics)
    except TopicError as exc:
        return error(f"{exc} Nothing was changed.")
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id)
        if profile is None and not topics:
            return error(_NO_PROFILE)
        if profile is None:
            profile = Profile(community.id, member.id, "", ParsedIntro(), ProfileEdits(),
                              maker.now, maker.now)
        edits = replace(
            profile.edits, mentoring_offer=True,
            mentor_capacity=cmd.capacity if cmd.capacity is not None
            else profile.edits.mentor_capacity,
        )
        profile = profile.with_edits(edits, maker.now)
        await uow.profiles.save(profile)
        state = await mentor_state(uow, community.id, member.id)
        state = replace(
            state, topics=() if clear_topics else (topics or state.topics),
            paused=False, paused_until=None, ignored_streak=0,
        )
        await uow.matching.mentors.save_settings(state)
        notifier = Notifier(uow, maker.now)
        teach = teachable_skills(profile, state.topics)
        await grant_wishes(uow, maker, notifier, community.id, set(teach))
        await uow.commit()
    await settle(svc, notifier)
    text = "You're mentoring — thank you! Mentees who fit will be able to ask you."
    if not teach:
        text += (
            "\nYour profile has no skills yet, so nobody can match with you: add some with "
            "/profile edit add Python, Go, or name topics with /mentor on Python."
        )
    return Reply(
        text=text, cards=(_status_card(svc, profile, state),),
        buttons=(Button("Pause", "/mentor pause 2 weeks"), Button("Stop", "/mentor off")),
    )


async def mentor_off(cmd: MentorOff, svc: Services) -> Reply:
    """Stop offering mentoring; open requests are withdrawn, current mentorships continue."""
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id) if member else None
        if member is None or profile is None or profile.mentoring_offer is not True:
            return Reply(text="You weren't offering mentoring, so nothing changed.")
        edits = replace(profile.edits, mentoring_offer=False)
        await uow.profiles.save(profile.with_edits(edits, maker.now))
        notifier = Notifier(uow, maker.now)
        who = cmd.actor.display_name
        withdrawn = await withdraw_open_requests(
            uow, maker, notifier, community.id, member.id,
            f"{name_of(who)} has stopped mentoring for now, so I withdrew your request.",
        )
        state = await mentor_state(uow, community.id, member.id)
        await uow.commit()
    await settle(svc, notifier)
    lines = ["Done: you're no longer offered as a mentor."]
    if withdrawn:
        lines.append(f"I withdrew {withdrawn} open request(s) and offered those mentees others.")
    if state.active_count:
        lines.append(f"Your {state.active_count} current mentorship(s) continue.")
    return Reply(text="\n".join(lines), buttons=(Button("Mentor again", "/mentor on"),))


async def mentor_pause(cmd: MentorPause, svc: Services) -> Reply:
    """No new mentees until a date or for a while; open requests are withdrawn."""
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id) if member else None
        if member is None or profile is None or profile.mentoring_offer is not True:
            return error("You're not mentoring, so there is nothing to pause. /mentor on starts.")
        try:
            until = pause_end(cmd.until, maker.now, profile.timezone)
        except PauseError as exc:
            return error(str(exc))
        state = await mentor_state(uow, community.id, member.id)
        await uow.matching.mentors.save_settings(
            replace(state, paused=True, paused_until=until, ignored_streak=0)
        )
        notifier = Notifier(uow, maker.now)
        withdrawn = await withdraw_open_requests(
            uow, maker, notifier, community.id, member.id,
            f"{name_of(cmd.actor.display_name)} is taking a break from mentoring, so I withdrew "
            "your request.",
        )
        await uow.commit()
    await settle(svc, notifier, (until,))
    text = f"Paused until {when(until, profile.timezone)}. Nobody new will be matched with you."
    if withdrawn:
        text += f"\nI withdrew {withdrawn} open request(s) and offered those mentees others."
    return Reply(text=text, buttons=(Button("Resume now", "/mentor resume", ButtonStyle.PRIMARY),))


async def mentor_resume(cmd: MentorResume, svc: Services) -> Reply:
    """End a pause now."""
    maker = maker_of(svc)
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id) if member else None
        if member is None or profile is None or profile.mentoring_offer is not True:
            return error("You're not mentoring. /mentor on starts.")
        state = await mentor_state(uow, community.id, member.id)
        if not state.is_paused(maker.now):
            return Reply(text="You're not paused — mentees can already ask you.")
        await uow.matching.mentors.save_settings(
            replace(state, paused=False, paused_until=None, ignored_streak=0)
        )
        notifier = Notifier(uow, maker.now)
        teach = teachable_skills(profile, state.topics)
        await grant_wishes(uow, maker, notifier, community.id, set(teach))
        await uow.commit()
    await settle(svc, notifier)
    return Reply(text="Welcome back! You can be matched with mentees again.")
