"""The offline cohort round: ``mentormeet match cohort INPUT.json`` reads people, writes pairs.

Input::

    {"mentors": [{"id", "intro" | "skills", "capacity", "timezone"?}],
     "mentees": [{"id", "intro" | "learning", "timezone"?}],
     "banned": [[mentee_id, mentor_id], ...]}

An intro is read with the intro parser (skills with their years, seniority, time zone); skill
and learning lists are names resolved through the taxonomy. Output::

    {"pairs": [{"mentee", "mentor", "score", "reasons": [...]}],
     "unmatched": [{"mentee", "reason"}], "total_score"}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.matching.cohort import CohortMentee, CohortMentor, plan_round
from bot.matching.facts import SENIORITY_YEARS, MenteeFacts, MentorFacts
from bot.matching.scoring import Scorer
from bot.parsing import IntroParser
from bot.taxonomy import Taxonomy
from bot.timezones import resolve_timezone

MAX_CAPACITY = 100
MAX_INTRO_CHARS = 100_000
_KNOWN_KEYS = {
    "mentors": {"id", "intro", "skills", "capacity", "timezone"},
    "mentees": {"id", "intro", "learning", "timezone"},
}


class CohortInputError(ValueError):
    """The input does not have the documented shape; the message names the place."""


@dataclass(frozen=True, slots=True)
class CohortInput:
    """People read from the input, keyed by the JSON text of their id."""

    mentors: list[CohortMentor]
    mentees: list[CohortMentee]
    banned: list[tuple[str, str]]
    ids: dict[str, Any]  # key -> the id exactly as given
    warnings: list[str]


def _key(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise CohortInputError(f"{where}: an id is a non-empty string or a whole number")
    return json.dumps(value)


class _Reader:
    def __init__(self, taxonomy: Taxonomy, parser: IntroParser, today: date) -> None:
        self.taxonomy = taxonomy
        self.parser = parser
        self.today = today
        self.ids: dict[str, Any] = {}
        self.used: dict[str, set[str]] = {"mentors": set(), "mentees": set()}
        self.warnings: list[str] = []

    def person(self, item: Any, where: str, role: str) -> tuple[str, Mapping[str, Any]]:
        if not isinstance(item, dict):
            raise CohortInputError(f"{where}: expected an object")
        if "id" not in item:
            raise CohortInputError(f"{where}.id: missing")
        key = _key(item["id"], f"{where}.id")
        if key in self.used[role]:
            raise CohortInputError(f"{where}.id: {item['id']!r} is used twice")
        self.used[role].add(key)
        self.ids[key] = item["id"]
        extra = sorted(set(item) - _KNOWN_KEYS[role])
        if extra:
            self.warnings.append(f"{where}: ignored {', '.join(extra)}")
        return key, item

    def zone(self, item: Mapping[str, Any], where: str, parsed: str | None) -> str | None:
        value = item.get("timezone")
        if value is None:
            return parsed
        zone = resolve_timezone(value) if isinstance(value, str) else None
        if zone is None:
            raise CohortInputError(f"{where}.timezone: {value!r} is not an IANA time zone")
        return zone

    def names(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CohortInputError(f"{where}: expected a list of skill names")
        found = []
        for name in value:
            skill = self.taxonomy.resolve(name)
            if skill is None:
                ideas = ", ".join(s.name for s in self.taxonomy.suggest(name))
                hint = f" (did you mean {ideas}?)" if ideas else ""
                raise CohortInputError(f"{where}: unknown skill {name!r}{hint}")
            found.append(skill.id)
        return list(dict.fromkeys(found))

    def intro(self, item: Mapping[str, Any], where: str, other: str) -> Any:
        has_intro, has_other = "intro" in item, other in item
        if has_intro == has_other:
            raise CohortInputError(f"{where}: give either intro or {other}")
        if not has_intro:
            return None
        text = item["intro"]
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_INTRO_CHARS:
            raise CohortInputError(f"{where}.intro: expected non-empty text")
        return self.parser.parse(text, today=self.today)

    def mentor(self, item: Any, where: str) -> CohortMentor:
        key, item = self.person(item, where, "mentors")
        parsed = self.intro(item, where, "skills")
        capacity = item.get("capacity")
        if isinstance(capacity, bool) or not isinstance(capacity, int) or not (
            0 <= capacity <= MAX_CAPACITY
        ):
            raise CohortInputError(
                f"{where}.capacity: expected a whole number from 0 to {MAX_CAPACITY}"
            )
        if parsed is None:
            skills: dict[str, float | None] = dict.fromkeys(
                self.names(item["skills"], f"{where}.skills")
            )
            fallback, parsed_zone = None, None
        else:
            skills = {claim.skill_id: claim.years for claim in parsed.skills}
            fallback = parsed.years_experience
            if fallback is None and parsed.seniority is not None:
                fallback = SENIORITY_YEARS[parsed.seniority]
            parsed_zone = parsed.timezone
        if not skills:
            self.warnings.append(f"{where}: no skills found, so nobody can be matched with them")
        facts = MentorFacts(skills, self.zone(item, where, parsed_zone), fallback,
                            capacity=max(capacity, 1))
        return CohortMentor(key, facts, capacity)

    def mentee(self, item: Any, where: str) -> CohortMentee:
        key, item = self.person(item, where, "mentees")
        parsed = self.intro(item, where, "learning")
        if parsed is None:
            goals = self.names(item["learning"], f"{where}.learning")
            parsed_zone = None
            years: dict[str, float] = {}
        else:
            goals = [claim.skill_id for claim in parsed.learning]
            parsed_zone = parsed.timezone
            years = {c.skill_id: c.years for c in parsed.learning if c.years is not None}
        facts = MenteeFacts(tuple(goals), years, self.zone(item, where, parsed_zone))
        return CohortMentee(key, facts)


def read_cohort(data: Any, taxonomy: Taxonomy, today: date) -> CohortInput:
    """Check and read the input document; raises CohortInputError naming what is wrong."""
    if not isinstance(data, dict):
        raise CohortInputError("the input is a JSON object with mentors, mentees and banned")
    unknown = sorted(set(data) - {"mentors", "mentees", "banned"})
    if unknown:
        raise CohortInputError(f"unknown keys: {', '.join(unknown)}")
    reader = _Reader(taxonomy, IntroParser(taxonomy), today)
    lists = {}
    for name in ("mentors", "mentees", "banned"):
        value = data.get(name, [])
        if not isinstance(value, list):
            raise CohortInputError(f"{name}: expected a list")
        lists[name] = value
    mentors = [reader.mentor(item, f"mentors[{i}]") for i, item in enumerate(lists["mentors"])]
    mentees = [reader.mentee(item, f"mentees[{i}]") for i, item in enumerate(lists["mentees"])]
    mentee_keys = {m.key for m in mentees}
    mentor_keys = {m.key for m in mentors}
    banned = []
    for i, pair in enumerate(lists["banned"]):
        where = f"banned[{i}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise CohortInputError(f"{where}: expected [mentee_id, mentor_id]")
        mentee, mentor = _key(pair[0], where), _key(pair[1], where)
        if mentee not in mentee_keys:
            raise CohortInputError(f"{where}: no mentee has the id {pair[0]!r}")
        if mentor not in mentor_keys:
            raise CohortInputError(f"{where}: no mentor has the id {pair[1]!r}")
        banned.append((mentee, mentor))
    return CohortInput(mentors, mentees, banned, reader.ids, reader.warnings)


def run_cohort(
    data: Any, taxonomy: Taxonomy, scorer: Scorer, min_score: float | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The output document for an input document, and the warnings about the input."""
    cohort = read_cohort(data, taxonomy, scorer.day)
    # a member listed as both mentee and mentor (same id) is never matched with themself
    banned = cohort.banned + [(m.key, m.key) for m in cohort.mentees]
    plan = plan_round(scorer, cohort.mentees, cohort.mentors, banned, min_score=min_score)
    return {
        "pairs": [
            {"mentee": cohort.ids[p.mentee], "mentor": cohort.ids[p.mentor],
             "score": round(p.score, 2), "reasons": list(p.reasons)}
            for p in plan.pairs
        ],
        "unmatched": [
            {"mentee": cohort.ids[u.mentee], "reason": u.reason} for u in plan.unmatched
        ],
        "total_score": round(plan.total_score, 2),
    }, cohort.warnings

