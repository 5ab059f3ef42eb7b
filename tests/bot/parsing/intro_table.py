"""Shared machinery of the unseen-style intro table tests: one Case and the check of a parse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.domain.profile import ParsedIntro
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]
UNSET = object()


@dataclass(frozen=True)
class Case:
    """An intro and its expected reading; None/UNSET fields are not checked.

    ``known`` and ``learning`` are exact up to ``optional`` (names that may be read as known,
    learning or not at all); ``known_includes`` must be among the known skills and ``not_known``
    must not be.
    """

    text: str
    known: set[str] | None = field(default_factory=set)
    learning: set[str] | None = field(default_factory=set)
    optional: set[str] = field(default_factory=set)
    known_includes: set[str] = field(default_factory=set)
    not_known: set[str] = field(default_factory=set)
    years: object = UNSET
    skill_years: dict[str, float] = field(default_factory=dict)
    timezone: object = UNSET
    seniority: object = UNSET
    offer: object = UNSET
    topics: set[str] | None = None  # mentoring topics that must be among the parsed ones


def _check_names(got: set[str], want: set[str] | None, optional: set[str]) -> None:
    if want is None:
        return
    assert want <= got, f"missing {want - got}"
    assert got <= want | optional, f"unexpected {got - want - optional}"


def check_case(parsed: ParsedIntro, case: Case) -> None:
    """Assert that ``parsed`` reads ``case`` as the case expects."""
    known = skill_names(parsed)
    _check_names(known, case.known, case.optional)
    _check_names(learning_names(parsed), case.learning, case.optional)
    assert case.known_includes <= known, f"missing {case.known_includes - known}"
    assert not case.not_known & known, f"read {case.not_known & known}"
    if case.years is not UNSET:
        assert parsed.years_experience == case.years
    years = {c.name: c.years for c in parsed.skills}
    for skill, amount in case.skill_years.items():
        assert years[skill] == amount
    if case.timezone is not UNSET:
        assert parsed.timezone == case.timezone
    if case.seniority is not UNSET:
        assert parsed.seniority is case.seniority
    if case.offer is not UNSET:
        assert parsed.mentoring_offer is case.offer
    if case.topics is not None:
        assert case.topics <= set(parsed.mentoring_topics)
