"""The profile card: skills grouped by category, learning goals, mentoring, timezone, evidence."""

from __future__ import annotations

from collections import defaultdict

from bot.domain.profile import Profile, SkillClaim, SkillSource
from bot.replies import Button, ButtonStyle, Card, Field
from bot.text import neutralize_mentions, shorten

_CATEGORY_LABELS = {
    "language": "Languages",
    "framework": "Frameworks",
    "library": "Libraries",
    "database": "Databases",
    "cloud": "Cloud",
    "devops": "DevOps & infrastructure",
    "messaging": "Messaging & streaming",
    "data": "Data",
    "ml": "Machine learning",
    "os": "Operating systems",
    "platform": "Platforms",
    "tool": "Tools",
    "concept": "Practices",
}
_FIELD_LIMIT = 1000
_EVIDENCE_LINES = 8


def _label(category: str) -> str:
    return _CATEGORY_LABELS.get(category, category.replace("_", " ").capitalize() or "Other")


def _names(claims: tuple[SkillClaim, ...] | list[SkillClaim]) -> str:
    text = ", ".join(
        c.name + (" ✎" if c.source is SkillSource.MANUAL else "")
        + (f" ({c.years:g}y)" if c.years else "")
        for c in claims
    )
    return shorten(text, _FIELD_LIMIT)


def skill_fields(profile: Profile) -> list[Field]:
    """Known skills as one field per category, in a stable order."""
    groups: dict[str, list[SkillClaim]] = defaultdict(list)
    for claim in profile.skills:
        groups[claim.category].append(claim)
    order = list(_CATEGORY_LABELS)
    keys = sorted(groups, key=lambda c: (order.index(c) if c in order else len(order), c))
    return [Field(_label(k), _names(groups[k]), inline=True) for k in keys]


def _mentoring(profile: Profile) -> str:
    offer = profile.mentoring_offer
    if offer is None:
        return "Not said — /profile edit mentoring on to offer it"
    if not offer:
        return "Not offering right now"
    topics = ", ".join(profile.parsed.mentoring_topics) or "any of the skills above"
    capacity = profile.mentor_capacity
    cap = f"; up to {capacity} mentee{'s' if capacity != 1 else ''}" if capacity is not None else ""
    return shorten(f"Happy to mentor: {topics}{cap}", _FIELD_LIMIT)


def experience_text(profile: Profile) -> str:
    """Seniority and years of experience, e.g. "Senior · 8 years", or "Not said"."""
    parts = []
    if profile.parsed.seniority:
        parts.append(profile.parsed.seniority.value.capitalize())
    years = profile.parsed.years_experience
    if years is not None:
        parts.append(f"{years:g} year{'' if years == 1 else 's'}")
    return " · ".join(parts) or "Not said"


def _evidence(profile: Profile) -> str:
    lines = [
        f"{c.name} ← “{neutralize_mentions(shorten(c.evidence, 70))}”"
        for c in (*profile.skills, *profile.learning)
        if c.source is SkillSource.PARSED and c.evidence
    ][:_EVIDENCE_LINES]
    return "\n".join(lines)


def profile_card(profile: Profile, display_name: str) -> Card:
    """Render a profile as a neutral card."""
    fields = skill_fields(profile)
    if not fields:
        fields.append(Field("Skills", "None found yet — /profile edit add <skill>, <skill>"))
    learning = _names(list(profile.learning)) or "None"
    fields += [
        Field("Learning", learning),
        Field("Mentoring", _mentoring(profile)),
        Field("Experience", experience_text(profile), inline=True),
        Field("Timezone", profile.timezone or "Not set — /profile edit timezone Europe/Berlin",
              inline=True),
    ]
    why = _evidence(profile)
    if why:
        fields.append(Field("Why I think so", why))
    notes = " · ".join(profile.parsed.notes)
    return Card(
        title=f"Profile of {neutralize_mentions(shorten(display_name, 80))}",
        fields=tuple(fields),
        footer=shorten(notes, 300) if notes else "✎ = added by you; edits survive a new /intro",
    )


PROFILE_BUTTONS = (
    Button("Looks right", "/intro ok", ButtonStyle.PRIMARY),
    Button("Edit", "/profile edit", ButtonStyle.SECONDARY),
)
