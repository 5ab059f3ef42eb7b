"""What the matching handlers share: the matchmaker, topic lookup, and after-commit work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from bot.matching.delivery import deliver
from bot.matching.notify import Notifier
from bot.matching.ranking import Matchmaker
from bot.services import Services
from bot.taxonomy import Taxonomy
from bot.text import neutralize_mentions, shorten


class TopicError(Exception):
    """A topic that is not in the taxonomy; the message suggests what to type."""


def maker_of(svc: Services) -> Matchmaker:
    """A matchmaker for this moment."""
    return Matchmaker(svc.taxonomy, svc.matching, svc.clock.now())


def resolve_topics(taxonomy: Taxonomy, names: Iterable[str]) -> tuple[str, ...]:
    """Skill ids for topic names; unknown names raise TopicError with suggestions."""
    found: list[str] = []
    for text in names:
        skill = taxonomy.resolve(text)
        if skill is None:
            ideas = ", ".join(s.name for s in taxonomy.suggest(text))
            hint = f" Did you mean {ideas}?" if ideas else ""
            shown = neutralize_mentions(shorten(text, 60))
            raise TopicError(f"I don't know the topic '{shown}'.{hint}")
        if skill.id not in found:
            found.append(skill.id)
    return tuple(found)


async def settle(svc: Services, notifier: Notifier, wake: Sequence[datetime] = ()) -> None:
    """After commit: send the queued messages and ask for the due-work sweep at ``wake``."""
    await deliver(svc, notifier.ids)
    for moment in wake:
        svc.matching_alarm.ring(moment)
