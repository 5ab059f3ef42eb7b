"""Use cases: submit an introduction, confirm the parsed profile."""

from __future__ import annotations

from bot.commands import ConfirmIntro, SubmitIntro
from bot.domain.profile import Profile, ProfileEdits
from bot.replies import Reply, error
from bot.services import Services, existing_member, member_of
from bot.views.profile_card import PROFILE_BUTTONS, profile_card

_INTRO_EXAMPLE = (
    "/intro Backend engineer, 8 years of Python, Postgres and Kafka, learning Rust, "
    "happy to mentor on system design"
)


def _control_ratio(text: str) -> float:
    bad = sum(1 for ch in text if (ch < " " and ch not in "\n\r\t") or ch == "\ufffd")
    return bad / len(text)


def check_intro_text(text: str, max_chars: int) -> str | None:
    """Return a friendly message if the intro cannot be accepted, else None."""
    if not text.strip():
        return (
            "Your intro is empty. Tell the community about yourself in your own words, e.g.\n"
            + _INTRO_EXAMPLE
        )
    if len(text) > max_chars:
        return (
            f"Your intro is {len(text):,} characters; the limit is {max_chars:,}. Nothing was "
            "saved. Keep the parts about what you work with, what you're learning and whether "
            "you'd mentor, and send it again."
        )
    if "\x00" in text or _control_ratio(text) > 0.05:
        return (
            "That looks like binary data rather than text, so I didn't save it. "
            "Paste your introduction as plain text."
        )
    return None


async def submit_intro(cmd: SubmitIntro, svc: Services) -> Reply:
    """Parse the intro, store the profile (keeping explicit edits) and show the card."""
    problem = check_intro_text(cmd.text, svc.limits.intro_max_chars)
    if problem:
        return error(problem)
    now = svc.clock.now()
    parsed = svc.parser.parse(cmd.text, today=now.date())
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        existing = await uow.profiles.get(community.id, member.id)
        if existing is None:
            profile = Profile(
                community_id=community.id,
                member_id=member.id,
                raw_intro=cmd.text,
                parsed=parsed,
                edits=ProfileEdits(),
                created_at=now,
                updated_at=now,
            )
        else:
            profile = existing.with_intro(cmd.text, parsed, now)
        await uow.profiles.save(profile)
        await uow.commit()
    verb = "Updated" if existing else "Saved"
    return Reply(
        text=f"{verb} your profile. Here is what I read — does it look right?",
        cards=(profile_card(profile, cmd.actor.display_name),),
        buttons=PROFILE_BUTTONS,
    )


async def confirm_intro(cmd: ConfirmIntro, svc: Services) -> Reply:
    """Acknowledge the member's confirmation."""
    async with svc.uow() as uow:
        community, member = await existing_member(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id) if member else None
    if profile is None:
        return error("You have no profile yet. Introduce yourself first:\n" + _INTRO_EXAMPLE)
    return Reply(text="Great, thanks! Your profile is ready for mentor matching and meetups.")
