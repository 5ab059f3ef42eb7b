"""Use cases: ``/match [topic]``, ``/match status`` and ``/match stop``."""

from __future__ import annotations

from bot.matching.commands import FindMentors, ShowMatching, StopSeeking
from bot.matching.domain import PairingStatus, RequestStatus
from bot.matching.facts import mentee_facts
from bot.matching.flows import goals_of, name, suggestions_reply
from bot.matching.handlers.common import TopicError, maker_of, resolve_topics
from bot.matching.ranking import excluded_from, rank_mentors
from bot.matching.views import answer_buttons, when
from bot.replies import Button, ButtonStyle, Card, Field, Reply, error
from bot.services import Services, existing_member, known_member, member_of

_NO_GOALS = (
    "Tell me what you'd like to learn first: /profile edit learn Rust, or ask for one topic "
    "with /match Rust."
)


async def find_mentors(cmd: FindMentors, svc: Services) -> Reply:
    """The best mentors for my learning goals (or one topic), with reasons and Ask buttons."""
    maker = maker_of(svc)
    topic = None
    if cmd.topic:
        try:
            topic = resolve_topics(svc.taxonomy, [cmd.topic])[0]
        except TopicError as exc:
            return error(str(exc))
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id)
        goals = goals_of(profile, topic)
        if not goals:
            return error(_NO_GOALS)
        facts = mentee_facts(profile, goals)
        requests = await uow.matching.requests.for_mentee(community.id, member.id)
        pairings = await uow.matching.pairings.for_member(community.id, member.id)
        exclude = excluded_from(member.id, pairings, requests)
        ranking = await rank_mentors(uow.matching, maker, community.id, facts, exclude)
        await uow.matching.seekers.seek(community.id, member.id, topic, maker.now)
        names = ", ".join(maker.name(goal) for goal in goals)
        lead = f"Mentors for {names}, best first:" if ranking.suggestions else ""
        reply = await suggestions_reply(
            uow, maker, community.id, member.id, topic, ranking, lead
        )
        waiting = [r for r in requests if r.status is RequestStatus.OPEN]
        await uow.commit()
    if waiting and len(waiting) >= svc.matching.open_requests_per_mentee:
        note = (
            "\n(You have a request waiting for an answer; cancel it with "
            f"/match cancel {waiting[0].id} before asking someone else.)"
        )
        reply = Reply(text=reply.text + note, cards=reply.cards, buttons=reply.buttons)
    if not profile or not profile.timezone:
        reply = Reply(
            text=reply.text + "\nTip: set your timezone (/profile edit timezone Europe/Berlin) "
            "so I can weigh shared hours.",
            cards=reply.cards, buttons=reply.buttons, is_error=reply.is_error,
        )
    return reply


async def show_matching(cmd: ShowMatching, svc: Services) -> Reply:
    """My open requests (both ways), my mentorships, and whether I'm looking."""
    async with svc.uow(read_only=True) as uow:
        community, member = await known_member(uow, cmd.actor)
        if community is None or member is None:
            return Reply(text="Nothing yet. Find a mentor with /match.")
        cid = community.id
        asked = await uow.matching.requests.for_mentee(cid, member.id, (RequestStatus.OPEN,))
        waiting = await uow.matching.requests.for_mentor(cid, member.id, (RequestStatus.OPEN,))
        pairings = [
            p for p in await uow.matching.pairings.for_member(cid, member.id)
            if p.status is PairingStatus.ACTIVE
        ]
        seeking = any(s.member_id == member.id for s in await uow.matching.seekers.seekers(cid))
        wishes = [w for w in await uow.matching.seekers.wishes(cid) if w.member_id == member.id]
        profile = await uow.profiles.get(cid, member.id)
        zone = profile.timezone if profile else None
        fields: list[Field] = []
        buttons: list[Button] = []
        for request in asked:
            who = await name(uow, cid, request.mentor_id)
            fields.append(Field(f"Request #{request.id} to {who}",
                                f"waiting for an answer until {when(request.expires_at, zone)}"))
            buttons.append(Button(f"Cancel #{request.id}", f"/match cancel {request.id}"))
        for request in waiting:
            who = await name(uow, cid, request.mentee_id)
            fields.append(Field(f"Request #{request.id} from {who}",
                                f"answer by {when(request.expires_at, zone)}"))
            buttons += answer_buttons(request.id)
        for pairing in pairings:
            role = pairing.role_of(member.id)
            who = await name(uow, cid, pairing.partner_of(member.id))
            title = f"Mentoring {who}" if role == "mentor" else f"Mentored by {who}"
            fields.append(Field(f"{title} (#{pairing.id})",
                                f"since {when(pairing.started_at, zone)}"))
            buttons.append(Button(f"End #{pairing.id}", f"/match end {pairing.id}",
                                  ButtonStyle.DANGER))
    looking = "Yes — you're in the next matching round" if seeking else "No"
    if wishes:
        maker = maker_of(svc)
        topics = ", ".join(maker.name(w.skill_id) for w in wishes)
        looking += f"; I'll tell you when a mentor for {topics} is available"
    fields.append(Field("Looking for a mentor", looking))
    return Reply(cards=(Card("Your matching", fields=tuple(fields)),), buttons=tuple(buttons))


async def stop_seeking(cmd: StopSeeking, svc: Services) -> Reply:
    """I'm not looking for a mentor any more (rounds skip me, no "tell me when")."""
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        stopped = member is not None and await uow.matching.seekers.stop(community.id, member.id)
        await uow.commit()
    if not stopped:
        return Reply(text="You weren't looking for a mentor, so nothing changed.")
    return Reply(
        text="Okay: you won't be included in matching rounds or told about new mentors. "
        "Requests you already sent stay open (/match status). /match starts again."
    )
