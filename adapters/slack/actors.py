"""Who sent a Slack request (workspace, member, where to answer) and whether they organize."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.api_errors import NETWORK_ERRORS, describe
from bot.domain.community import Actor, Platform

log = logging.getLogger(__name__)

_USERGROUP_ID = re.compile(r"^S[A-Z0-9]{2,}$")


@dataclass(frozen=True, slots=True)
class Requester:
    """The parts of a slash-command or interaction payload the adapter needs."""

    community: str  # the workspace id, or the enterprise id for an org-wide install
    community_name: str
    user_id: str
    user_name: str
    channel_id: str = ""
    response_url: str = ""
    trigger_id: str = ""

    @classmethod
    def from_command(cls, body: Mapping[str, Any]) -> Requester:
        """From a slash-command POST (flat form fields)."""
        org_wide = str(body.get("is_enterprise_install", "")).lower() == "true"
        team = str(body.get("team_id") or "")
        community = str(body.get("enterprise_id") or team) if org_wide else team
        return cls(
            community=community,
            community_name=str(body.get("team_domain") or community),
            user_id=str(body.get("user_id") or ""),
            user_name=str(body.get("user_name") or body.get("user_id") or ""),
            channel_id=str(body.get("channel_id") or ""),
            response_url=str(body.get("response_url") or ""),
            trigger_id=str(body.get("trigger_id") or ""),
        )

    @classmethod
    def from_interaction(cls, body: Mapping[str, Any]) -> Requester:
        """From a block_actions or view_submission payload."""
        user = _mapping(body.get("user"))
        team = _mapping(body.get("team"))
        enterprise = _mapping(body.get("enterprise"))
        team_id = str(team.get("id") or user.get("team_id") or "")
        org_wide = bool(body.get("is_enterprise_install"))
        community = str(enterprise.get("id") or team_id) if org_wide else team_id
        return cls(
            community=community,
            community_name=str(team.get("domain") or community),
            user_id=str(user.get("id") or ""),
            user_name=str(user.get("name") or user.get("username") or user.get("id") or ""),
            channel_id=str(_mapping(body.get("channel")).get("id") or ""),
            response_url=str(body.get("response_url") or ""),
            trigger_id=str(body.get("trigger_id") or ""),
        )

    def actor(self, is_organizer: bool) -> Actor:
        """The core's view of this member."""
        return Actor(
            platform=Platform.SLACK,
            community_external_id=self.community,
            community_name=self.community_name,
            member_external_id=self.user_id,
            display_name=self.user_name,
            is_organizer=is_organizer,
        )


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


class OrganizerCheck:
    """Organizers are workspace admins/owners (if enabled) and members of a configured user group.

    Answers are cached per workspace and member for ``ttl`` seconds; a Slack error counts as
    "not an organizer" (logged), so a missing scope never blocks ordinary commands.
    """

    def __init__(
        self,
        usergroup: str = "",
        admins: bool = True,
        ttl: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._usergroup = usergroup.strip().lstrip("@")
        self._admins = admins
        self._ttl = ttl
        self._clock = clock
        self._answers: dict[tuple[str, str], tuple[float, bool]] = {}
        self._groups: dict[str, tuple[float, frozenset[str]]] = {}

    async def is_organizer(self, client: AsyncWebClient, community: str, user_id: str) -> bool:
        """Whether the member organizes in that workspace."""
        if not (self._admins or self._usergroup) or not user_id:
            return False
        now = self._clock()
        cached = self._answers.get((community, user_id))
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        admin = await self._is_admin(client, user_id) if self._admins else False
        member: bool | None = False
        if not admin and self._usergroup:
            member = await self._in_group(client, community, user_id, now)
        answer = bool(admin or member)
        if admin is not None and member is not None:  # an unknown answer is asked again next time
            self._answers[(community, user_id)] = (now, answer)
        return answer

    async def _is_admin(self, client: AsyncWebClient, user_id: str) -> bool | None:
        try:
            response = await client.users_info(user=user_id)
        except _FAILURES as exc:
            log.warning("users.info failed (%s); %s is no admin for now", describe(exc), user_id)
            return None
        user = _mapping(response.get("user"))
        return any(bool(user.get(flag)) for flag in ("is_admin", "is_owner", "is_primary_owner"))

    async def _in_group(
        self, client: AsyncWebClient, community: str, user_id: str, now: float
    ) -> bool | None:
        cached = self._groups.get(community)
        if cached is None or now - cached[0] >= self._ttl:
            members = await self._group_members(client)
            if members is None:
                return None
            cached = (now, members)
            self._groups[community] = cached
        return user_id in cached[1]

    async def _group_members(self, client: AsyncWebClient) -> frozenset[str] | None:
        try:
            group_id = await self._group_id(client)
            if group_id is None:
                log.warning("no Slack user group %r in this workspace", self._usergroup)
                return frozenset()
            response = await client.usergroups_users_list(usergroup=group_id)
        except _FAILURES as exc:
            log.warning("reading user group %r failed (%s)", self._usergroup, describe(exc))
            return None
        return frozenset(str(u) for u in response.get("users") or [])

    async def _group_id(self, client: AsyncWebClient) -> str | None:
        if _USERGROUP_ID.match(self._usergroup):
            return self._usergroup
        response = await client.usergroups_list()
        wanted = self._usergroup.casefold()
        for group in response.get("usergroups") or []:
            if isinstance(group, Mapping) and str(group.get("handle", "")).casefold() == wanted:
                return str(group.get("id"))
        return None


_FAILURES = (SlackApiError, *NETWORK_ERRORS)
