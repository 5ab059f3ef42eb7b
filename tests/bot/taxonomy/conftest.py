"""Shared taxonomy and matcher for the taxonomy tests (loading is cached per process anyway)."""

from __future__ import annotations

import pytest

from bot.taxonomy import SkillMatcher, Taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


@pytest.fixture(scope="session")
def matcher(taxonomy: Taxonomy) -> SkillMatcher:
    return SkillMatcher(taxonomy)

