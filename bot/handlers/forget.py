"""Use case: delete everything about a member in one community, after confirmation."""

from __future__ import annotations

from bot.commands import Forget
from bot.replies import Button, ButtonStyle, Card, Field, Reply
from bot.services import Services, existing_member

_WHAT = (
    "Your introduction text and the skill profile built from it; your profile edits; your "
    "mentoring settings, mentoring requests, pairings and check-in feedback and ratings "
    "(with anyone), your mentor search and skill alerts, and messages queued to or about you; "
    "your meetup RSVPs and reminder deliveries; and your member record in this community. "
    "Meetups and matching rounds you organised stay, without your name."
)


async def forget(cmd: Forget, svc: Services) -> Reply:
    """Ask for confirmation, then delete every row about the member in this community."""
    if cmd.cancelled:
        return Reply(text="Okay, nothing was deleted.")
    if not cmd.confirmed:
        return Reply(
            text=(
                "This deletes everything I store about you in this community. "
                "It cannot be undone."
            ),
            cards=(Card(title="What will be deleted", fields=(Field("Data", _WHAT),)),),
            buttons=(
                Button("Delete everything", "/forget confirm", ButtonStyle.DANGER),
                Button("Keep my data", "/forget cancel", ButtonStyle.SECONDARY),
            ),
        )
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        deleted = member is not None and await uow.members.delete(community.id, member.id)
        await uow.commit()
    if not deleted:
        return Reply(text="I had nothing stored about you in this community.")
    return Reply(text="Done: everything about you in this community has been deleted. Bye for now!")
