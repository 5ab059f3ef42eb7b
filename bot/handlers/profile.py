"""Use cases: show the member's profile and apply explicit edits."""

from __future__ import annotations

from dataclasses import replace

from bot.commands import EditProfile, ShowProfile
from bot.domain.profile import (
    ParsedIntro,
    Profile,
    ProfileEdits,
    SkillClaim,
    SkillKind,
    SkillSource,
)
from bot.replies import Reply, error
from bot.services import Services, known_member, member_of
from bot.taxonomy import Skill, Taxonomy
from bot.text import shorten
from bot.timezones import resolve_timezone, suggest_timezones
from bot.views.profile_card import PROFILE_BUTTONS, profile_card

MAX_SKILL_NAME = 100  # longer than any taxonomy or community skill name (those are <= 100)

class EditRejected(Exception):
    """An edit names something unknown; the message says what to type instead."""


async def show_profile(cmd: ShowProfile, svc: Services) -> Reply:
    """Show the member's own profile card."""
    async with svc.uow(read_only=True) as uow:
        community, member = await known_member(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id) if community and member else None
    if profile is None:
        return error(
            "You have no profile yet. Introduce yourself with /intro, e.g.\n"
            "/intro Data engineer, 5 years of Python and SQL, learning Kubernetes"
        )
    return Reply(cards=(profile_card(profile, cmd.actor.display_name),), buttons=PROFILE_BUTTONS)


def _resolve_skill(taxonomy: Taxonomy, name: str) -> Skill:
    if len(name) > MAX_SKILL_NAME:
        raise EditRejected(f"A skill name has at most {MAX_SKILL_NAME} characters; "
                           f"'{shorten(name, 40)}' is longer.")
    skill = taxonomy.resolve(name)
    if skill is not None:
        return skill
    ideas = [s.name for s in taxonomy.suggest(name)]
    hint = f" Did you mean {', '.join(ideas)}?" if ideas else ""
    raise EditRejected(
        f"I don't know the skill '{shorten(name, 60)}'.{hint} "
        "Organizers can add community skills in the config."
    )


def _manual(skill: Skill, kind: SkillKind) -> SkillClaim:
    return SkillClaim(
        skill_id=skill.id, name=skill.name, category=skill.category, kind=kind,
        evidence="added by you", source=SkillSource.MANUAL,
    )


def apply_edits(edits: ProfileEdits, cmd: EditProfile, taxonomy: Taxonomy) -> ProfileEdits:
    """Fold one /profile edit command into the member's explicit edits."""
    base = ProfileEdits() if cmd.reset else edits
    added = {c.skill_id: c for c in base.added_skills}
    removed = set(base.removed_skill_ids)
    for name in cmd.remove_skills:
        skill = _resolve_skill(taxonomy, name)
        added.pop(skill.id, None)
        removed.add(skill.id)
    for kind, names in ((SkillKind.LEARNING, cmd.add_learning), (SkillKind.KNOWN, cmd.add_skills)):
        for name in names:
            skill = _resolve_skill(taxonomy, name)
            added[skill.id] = _manual(skill, kind)
            removed.discard(skill.id)
    timezone = base.timezone
    if cmd.timezone is not None:
        timezone = resolve_timezone(cmd.timezone)
        if timezone is None:
            ideas = suggest_timezones(cmd.timezone)
            hint = f" Did you mean {', '.join(ideas)}?" if ideas else ""
            raise EditRejected(
                f"'{shorten(cmd.timezone, 60)}' is not a timezone I know.{hint} "
                "Use an IANA name such as Europe/Berlin or America/New_York."
            )
    return replace(
        base,
        added_skills=tuple(added.values()),
        removed_skill_ids=frozenset(removed),
        timezone=timezone,
        mentor_capacity=(
            cmd.mentor_capacity if cmd.mentor_capacity is not None else base.mentor_capacity
        ),
        mentoring_offer=(
            cmd.mentoring_offer if cmd.mentoring_offer is not None else base.mentoring_offer
        ),
    )


async def edit_profile(cmd: EditProfile, svc: Services) -> Reply:
    """Apply explicit edits (they win over the parser and survive a new /intro)."""
    now = svc.clock.now()
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id)
        if profile is None:
            profile = Profile(
                community_id=community.id, member_id=member.id, raw_intro="",
                parsed=ParsedIntro(), edits=ProfileEdits(), created_at=now, updated_at=now,
            )
        try:
            edits = apply_edits(profile.edits, cmd, svc.taxonomy)
        except EditRejected as exc:
            return error(f"{exc} Nothing was changed.")
        profile = profile.with_edits(edits, now)
        await uow.profiles.save(profile)
        await uow.commit()
    return Reply(
        text="Saved your changes.",
        cards=(profile_card(profile, cmd.actor.display_name),),
    )
