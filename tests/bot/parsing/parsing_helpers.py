"""Helpers shared by the parsing tests."""

from __future__ import annotations

from pathlib import Path

from bot.domain.profile import ParsedIntro

INTROS = Path(__file__).resolve().parents[2] / "fixtures" / "intros"


def skill_names(parsed: ParsedIntro) -> set[str]:
    """Canonical names of the known skills."""
    return {claim.name for claim in parsed.skills}


def learning_names(parsed: ParsedIntro) -> set[str]:
    """Canonical names of the learning goals."""
    return {claim.name for claim in parsed.learning}


def intro(prefix: str) -> str:
    """The fixture intro whose file name starts with ``prefix`` ("001")."""
    (path,) = sorted(INTROS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")
