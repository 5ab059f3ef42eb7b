"""Property tests: any /intro text, straight into the parser and through the dispatcher.

The parser never raises and returns a valid profile; through the dispatcher the text is saved
as a profile or refused with a message, and a refusal writes nothing.
"""

from __future__ import annotations

import asyncio
from datetime import date
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import SubmitIntro
from bot.parsing import profile_to_json
from bot.services import Limits
from tests.hardening.cases import CASES
from tests.hardening.world import PARSER, TAXONOMY, World, make_world

PIECES = ["Python", "Go", "Rust", "learning", "never used", "happy to mentor", "not mentoring",
          "10 years of", "since 1900", "since 3000", "UTC+14", "UTC-99", "GMT+5:30", "PST",
          "based in", "Tokyo", "Sr.", "Staff", "@everyone", "<@&1>", "<!channel>", "\n- ", "**",
          "```", "<script>", "[x](javascript:alert(1))", "\x00", "\x1b[31m", "\ufeff", "\u202e",
          "İ", "ß", "🦀", "C++", "C#", ".NET", "k8s", "Node.js", "99999999999 years", "-5 years"]
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=10)), max_size=40).map(" ".join),
)


@cache
def _world() -> tuple[World, object]:
    world, _ = make_world()
    world.services = type(world.services)(**{
        **{name: getattr(world.services, name) for name in world.services.__dataclass_fields__},
        "limits": Limits(intro_max_chars=300),
    })
    world.dispatcher = type(world.dispatcher)(world.services)
    return world, world.store.state.copy()


@settings(max_examples=CASES)
@given(TEXTS)
def test_any_intro_parses_to_a_valid_profile_or_is_refused_without_writing(text: str) -> None:
    parsed = PARSER.parse(text, today=date(2026, 11, 21))
    assert all(TAXONOMY.get(claim.skill_id) is not None for claim in parsed.skills)
    assert parsed.years_experience is None or 0 <= parsed.years_experience <= 60
    profile_to_json(parsed)
    world, seed = _world()
    world.store.state = seed.copy()  # type: ignore[attr-defined]
    reply = asyncio.run(world.run(SubmitIntro(actor=world.actor("a", "alice"), text=text)))
    if reply.is_error:
        assert reply.text.strip()
        assert "try again" not in reply.text.lower(), reply.text  # not a crash inside
        assert world.store.state == seed
    else:
        assert world.store.state != seed
