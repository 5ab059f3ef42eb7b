"""Use case: show or set the timezone a member sees meetup times in."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.profile import ParsedIntro, Profile, ProfileEdits
from bot.meetups.commands import SetTimezone
from bot.meetups.views import when_text
from bot.replies import Reply, error
from bot.services import Services, existing_member, member_of
from bot.text import shorten
from bot.timezones import resolve_timezone, suggest_timezones


async def set_timezone(cmd: SetTimezone, svc: Services) -> Reply:
    """Store the zone as the profile's explicit timezone (it wins over the parsed one)."""
    now = svc.clock.now()
    if cmd.zone is None:
        async with svc.uow() as uow:
            community, member = await existing_member(uow, cmd.actor)
            profile = await uow.profiles.get(community.id, member.id) if member else None
        current = resolve_timezone(profile.timezone) if profile and profile.timezone else None
        if current is None:
            return Reply(text="You have no timezone set, so I show times in UTC. Set yours with "
                              "/timezone Europe/Berlin (any IANA name).")
        return Reply(text=f"Your timezone is {current}; it's {when_text(now, current)} there. "
                          "Change it with /timezone <Area/City>.")
    zone = resolve_timezone(cmd.zone)
    if zone is None:
        ideas = suggest_timezones(cmd.zone)
        hint = f" Did you mean {', '.join(ideas)}?" if ideas else ""
        return error(f"'{shorten(cmd.zone, 60)}' is not a timezone I know.{hint} Use an IANA "
                     "name such as Europe/Berlin or America/New_York.")
    async with svc.uow() as uow:
        community, member = await member_of(uow, cmd.actor)
        profile = await uow.profiles.get(community.id, member.id)
        if profile is None:
            profile = Profile(community.id, member.id, "", ParsedIntro(), ProfileEdits(), now, now)
        await uow.profiles.save(profile.with_edits(replace(profile.edits, timezone=zone), now))
        await uow.commit()
    return Reply(text=f"Saved: I'll show you times in {zone} (it's {when_text(now, zone)} "
                      "there now).")
