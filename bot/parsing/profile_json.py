"""A parsed intro as plain JSON-ready data, for batch output and the bot's explanations."""

from __future__ import annotations

from bot.domain.profile import ParsedIntro


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def profile_to_json(parsed: ParsedIntro) -> dict[str, object]:
    """Skills, learning goals, mentoring, seniority, years, zone, evidence, categories and notes."""
    evidence: dict[str, str] = {}
    for claim in (*parsed.skills, *parsed.learning):
        evidence.setdefault(claim.name, claim.evidence)
    evidence.update(parsed.evidence)
    categories: dict[str, list[str]] = {}
    for claim in parsed.skills:
        categories.setdefault(claim.category, []).append(claim.name)
    return {
        "skills": [claim.name for claim in parsed.skills],
        "learning": [claim.name for claim in parsed.learning],
        "mentoring_offer": parsed.mentoring_offer,
        "mentoring_topics": list(parsed.mentoring_topics),
        "seniority": parsed.seniority.value if parsed.seniority else None,
        "years_experience": _number(parsed.years_experience),
        "timezone": parsed.timezone,
        "evidence": evidence,
        "categories": categories,
        "skill_years": {
            claim.name: _number(claim.years) for claim in parsed.skills if claim.years is not None
        },
        "skill_ids": [claim.skill_id for claim in parsed.skills],
        "notes": list(parsed.notes),
    }
