"""Discord's message limits, and cutting cards down to them with a visible ellipsis."""

from __future__ import annotations

from dataclasses import dataclass, field

from adapters.discord.timestamps import field_text
from bot.replies import Card

CONTENT_LIMIT = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL = 6000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_PER_EMBED = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
BUTTON_LABEL_LIMIT = 80
BUTTONS_PER_ROW = 5
ROWS_PER_MESSAGE = 5
ELLIPSIS = "…"
BLANK = "\u200b"  # Discord refuses empty field names and values
SHORTENED_NOTE = "… shortened to fit Discord"


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, the cut marked with an ellipsis."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: limit - 1].rstrip() + ELLIPSIS


@dataclass(frozen=True, slots=True)
class EmbedField:
    """A field that fits Discord's limits."""

    name: str
    value: str
    inline: bool


@dataclass(slots=True)
class EmbedPlan:
    """One embed's texts, each within its own limit."""

    title: str
    description: str = ""
    fields: list[EmbedField] = field(default_factory=list)
    footer: str = ""


class _Budget:
    """The characters left of the 6000 that all embeds of one message may hold together."""

    def __init__(self, total: int) -> None:
        self.left = total
        self.cut = False

    def take(self, text: str, limit: int) -> str | None:
        """``text`` clipped to its limit and to what is left; None once nothing meaningful fits."""
        allowed = min(limit, self.left)
        if len(text) > allowed:
            self.cut = True
            if allowed < 2:
                return None
        clipped = clip(text, allowed)
        self.left -= len(clipped)
        return clipped


def plan_embeds(cards: tuple[Card, ...]) -> list[EmbedPlan]:
    """Cards as embeds within every Discord limit; whatever had to go is marked with an ellipsis."""
    budget = _Budget(EMBED_TOTAL - len(SHORTENED_NOTE) - 1)  # room for the note and a space
    plans: list[EmbedPlan] = []
    if len(cards) > EMBEDS_PER_MESSAGE:
        budget.cut = True
    for card in cards[:EMBEDS_PER_MESSAGE]:
        title = budget.take(card.title.strip() or BLANK, TITLE_LIMIT)
        if title is None:
            break
        plan = EmbedPlan(title=title)
        plans.append(plan)
        plan.description = budget.take(card.description, DESCRIPTION_LIMIT) or ""
        if len(card.fields) > FIELDS_PER_EMBED:
            budget.cut = True
        for item in card.fields[:FIELDS_PER_EMBED]:
            name = budget.take(item.name.strip() or BLANK, FIELD_NAME_LIMIT)
            value = budget.take(field_text(item).strip() or BLANK, FIELD_VALUE_LIMIT)
            if name is None or value is None:
                break
            plan.fields.append(EmbedField(name, value, item.inline))
        plan.footer = budget.take(card.footer, FOOTER_LIMIT) or ""
    if budget.cut and plans:
        footer = plans[-1].footer
        joined = f"{footer} {SHORTENED_NOTE}".strip()
        plans[-1].footer = joined if len(joined) <= FOOTER_LIMIT else SHORTENED_NOTE
    return plans
