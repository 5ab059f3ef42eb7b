"""One parser for all parsing tests (taxonomy loading and matcher compilation are cached)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bot.domain.profile import ParsedIntro
from bot.parsing import IntroParser
from bot.taxonomy import SkillMatcher, Taxonomy

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="session")
def parser() -> IntroParser:
    taxonomy = Taxonomy.load()
    return IntroParser(taxonomy, SkillMatcher(taxonomy))


@pytest.fixture(scope="session")
def parse(parser: IntroParser) -> Callable[[str], ParsedIntro]:
    def run(text: str) -> ParsedIntro:
        return parser.parse(text, today=TODAY)

    return run
