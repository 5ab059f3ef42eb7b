"""Conversions between table rows and the frozen domain dataclasses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.engine import RowMapping

from bot.domain.community import Community, Member, Platform
from bot.domain.profile import (
    ParsedIntro,
    Profile,
    ProfileEdits,
    Seniority,
    SkillClaim,
    SkillKind,
    SkillSource,
)
from storage.tables import (
    SECTION_ADDED_SKILLS,
    SECTION_PARSED_LEARNING,
    SECTION_PARSED_SKILLS,
    SECTIONS,
)

Row = RowMapping


def community_from_row(row: Row) -> Community:
    """A Community from a ``communities`` row."""
    return Community(
        id=row["id"],
        platform=Platform(row["platform"]),
        external_id=row["external_id"],
        name=row["name"],
        created_at=row["created_at"],
    )


def member_from_row(row: Row) -> Member:
    """A Member from a ``members`` row."""
    return Member(
        id=row["id"],
        community_id=row["community_id"],
        external_id=row["external_id"],
        display_name=row["display_name"],
        created_at=row["created_at"],
    )


def profile_values(profile: Profile) -> dict[str, Any]:
    """The ``profiles`` row of a profile (skills and removals live in their own tables)."""
    parsed, edits = profile.parsed, profile.edits
    return {
        "community_id": profile.community_id,
        "member_id": profile.member_id,
        "raw_intro": profile.raw_intro,
        "seniority": None if parsed.seniority is None else Seniority(parsed.seniority).value,
        "years_experience": parsed.years_experience,
        "timezone": parsed.timezone,
        "mentoring_offer": parsed.mentoring_offer,
        "mentoring_topics": list(parsed.mentoring_topics),
        "evidence": dict(parsed.evidence),
        "notes": list(parsed.notes),
        "edit_timezone": edits.timezone,
        "edit_mentor_capacity": edits.mentor_capacity,
        "edit_mentoring_offer": edits.mentoring_offer,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def skill_values(profile: Profile) -> list[dict[str, Any]]:
    """One ``profile_skills`` row per claim, remembering which tuple it came from and where."""
    sections = (
        (SECTION_PARSED_SKILLS, profile.parsed.skills),
        (SECTION_PARSED_LEARNING, profile.parsed.learning),
        (SECTION_ADDED_SKILLS, profile.edits.added_skills),
    )
    return [
        {
            "community_id": profile.community_id,
            "member_id": profile.member_id,
            "section": section,
            "position": position,
            "skill_id": claim.skill_id,
            "name": claim.name,
            "category": claim.category,
            "kind": SkillKind(claim.kind).value,
            "source": SkillSource(claim.source).value,
            "evidence": claim.evidence,
            "years": claim.years,
        }
        for section, claims in sections
        for position, claim in enumerate(claims)
    ]


def removal_values(profile: Profile) -> list[dict[str, Any]]:
    """One ``profile_skill_removals`` row per manually removed skill id."""
    return [
        {"community_id": profile.community_id, "member_id": profile.member_id, "skill_id": s}
        for s in sorted(profile.edits.removed_skill_ids)
    ]


def profile_from_rows(row: Row, skills: Sequence[Row], removed: Iterable[str]) -> Profile:
    """A Profile from its ``profiles`` row, its skill rows in order and its removed skill ids."""
    by_section: dict[str, list[SkillClaim]] = {s: [] for s in SECTIONS}
    for skill in sorted(skills, key=lambda r: (r["section"], r["position"])):
        by_section[skill["section"]].append(_claim(skill))
    seniority = row["seniority"]
    parsed = ParsedIntro(
        skills=tuple(by_section[SECTION_PARSED_SKILLS]),
        learning=tuple(by_section[SECTION_PARSED_LEARNING]),
        mentoring_offer=row["mentoring_offer"],
        mentoring_topics=tuple(row["mentoring_topics"]),
        seniority=None if seniority is None else Seniority(seniority),
        years_experience=row["years_experience"],
        timezone=row["timezone"],
        evidence=dict(row["evidence"]),
        notes=tuple(row["notes"]),
    )
    edits = ProfileEdits(
        added_skills=tuple(by_section[SECTION_ADDED_SKILLS]),
        removed_skill_ids=frozenset(removed),
        timezone=row["edit_timezone"],
        mentor_capacity=row["edit_mentor_capacity"],
        mentoring_offer=row["edit_mentoring_offer"],
    )
    return Profile(
        community_id=row["community_id"],
        member_id=row["member_id"],
        raw_intro=row["raw_intro"],
        parsed=parsed,
        edits=edits,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _claim(row: Row) -> SkillClaim:
    return SkillClaim(
        skill_id=row["skill_id"],
        name=row["name"],
        category=row["category"],
        kind=SkillKind(row["kind"]),
        evidence=row["evidence"],
        years=row["years"],
        source=SkillSource(row["source"]),
    )
