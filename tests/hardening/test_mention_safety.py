"""Mention safety: member text rendered by the Discord and Slack renderers can never ping.

Discord: every message carries ``allowed_mentions`` that allow nobody except the members the
core names in ``Reply.mentions``. Slack: no ``<!…>``, ``<@…>`` or ``<#…>`` control sequence
survives in any block or fallback text, except the mentions the core asked for.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord.render import render as render_discord
from adapters.slack.blocks import Renderer
from bot.replies import Button, Card, Field, Reply, Visibility
from tests.hardening.cases import CASES
from tests.hardening.world import make_world

PINGS = ["@everyone", "@here", "@Everyone", "@HERE", "@channel", "<@123456789012345678>",
         "<@!123456789012345678>", "<@&987654321098765432>", "<#555555555555555555>",
         "<!channel>", "<!here>", "<!everyone>", "<!subteam^S0123ABC>",
         "<!subteam^S0123ABC|@devs>", "<@U0123ABC>", "<@W0123ABC|bob>", "<#C0123|general>",
         "&lt;!channel&gt;", "<<!here>>", "<!date^1392734382^{date}|x>", "＠everyone",
         "@\u200beveryone",
         "`@everyone`", "```<!channel>```", "[x](<!here>)", "*<!here>*", "\n<!here>\n"]
MEMBER_TEXT = st.lists(st.one_of(st.sampled_from(PINGS), st.text(max_size=15)),
                       min_size=1, max_size=8).map("".join)
SLACK_CONTROL = re.compile(r"<(?!!date\^\d+\^)[!@#]")  # the renderer's own date tokens are fine


def _reply(text: str, mentions: tuple[str, ...] = ()) -> Reply:
    card = Card(title=text, description=text, fields=(Field(text, text), Field(text, text, True)),
                footer=text)
    return Reply(text=text, cards=(card,), buttons=(Button(text[:80] or "b", "/help"),),
                 visibility=Visibility.PUBLIC, mentions=mentions)


def _mrkdwn_texts(value: Any) -> list[str]:
    """Every mrkdwn text in the blocks (plain_text objects never turn into mentions)."""
    if isinstance(value, dict):
        own = [value["text"]] if value.get("type") == "mrkdwn" else []
        return own + [t for item in value.values() for t in _mrkdwn_texts(item)]
    if isinstance(value, list):
        return [t for item in value for t in _mrkdwn_texts(item)]
    return []


def check_slack(reply: Reply) -> None:
    """No Slack control sequence in the rendered message but the core's own mentions."""
    message = Renderer().render(reply)
    allowed = {f"<@{m}>" for m in reply.mentions}
    for text in [message.text, *_mrkdwn_texts(message.blocks)]:
        stripped = text
        for mention in allowed:
            stripped = stripped.replace(mention, "")
        assert not SLACK_CONTROL.search(stripped), text


def check_discord(reply: Reply) -> None:
    """Discord may ping only the members the core named."""
    message = render_discord(reply)
    allowed = message.allowed_mentions.to_dict()
    assert allowed["parse"] == []
    assert not allowed.get("replied_user")
    assert not allowed.get("roles")
    assert {str(user) for user in allowed.get("users", [])} <= set(reply.mentions)


@settings(max_examples=CASES)
@given(MEMBER_TEXT, st.lists(st.sampled_from(["123456789012345678", "U0123ABC"]), max_size=2))
def test_member_text_never_pings_only_the_cores_mentions_do(
        text: str, mentions: list[str]) -> None:
    asyncio.run(_render_both(_reply(text, tuple(mentions))))


async def _render_both(reply: Reply) -> None:
    check_discord(reply)
    check_slack(reply)


RAW_MASS = re.compile(r"@(everyone|here|channel)\b|<[@#!]", re.IGNORECASE)


@settings(max_examples=max(CASES // 10, 50))
@given(MEMBER_TEXT)
def test_core_replies_with_member_text_are_defused(text: str) -> None:
    asyncio.run(_through_the_core(text.replace('"', "'").replace("\x00", "")))


async def _through_the_core(text: str) -> None:
    world, _ = make_world()
    quoted = json.dumps(text)[1:-1].replace('\\"', "'")
    replies = [
        await world.say("a", "alice", f"/intro {text} I write Python"),
        await world.say("a", "alice", "/profile"),
        await world.say("a", "olga", f'/meetup create title="T {quoted}" '
                                     f'when="next Monday 19:00" where="{quoted}" '
                                     f'description="{quoted}"'),
    ]
    confirm = next((b.command for b in replies[-1].buttons
                    if b.command.startswith("/meetup confirm")), None)
    if confirm:
        replies.append(await world.say("a", "olga", confirm))
        replies.append(await world.say("a", "alice", "/meetup list"))
    replies += [sent.reply for sent in world.messenger.sent]
    for reply in replies:
        check_discord(reply)
        check_slack(reply)
        for piece in [reply.text, *(f.value for c in reply.cards for f in c.fields),
                      *(c.description for c in reply.cards), *(c.title for c in reply.cards)]:
            assert not RAW_MASS.search(piece), piece
