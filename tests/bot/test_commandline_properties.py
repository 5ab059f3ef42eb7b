"""Property tests: any typed line gives a command or a friendly UsageError, never a crash."""

from hypothesis import given
from hypothesis import strategies as st

from bot.commandline import PARSERS, UsageError, parse_command
from bot.commands import Command
from tests.support.actors import actor

NAMES = sorted(PARSERS)
words = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
lines = st.one_of(
    st.text(max_size=300),
    st.builds(lambda n, rest: f"/{n} {rest}", st.sampled_from(NAMES), st.text(max_size=200)),
    st.builds(
        lambda n, parts: f"/{n} " + " ".join(parts),
        st.sampled_from(NAMES),
        st.lists(st.one_of(words, st.sampled_from(
            ["edit", "add", "remove", "learn", "timezone", "capacity", "mentoring", "reset", ";",
             ",", "on", "off", "confirm", "cancel", "ok", "10", "-1", "99999999999"]
        )), max_size=12),
    ),
)


@given(lines)
def test_any_line_parses_or_explains(line: str) -> None:
    command: Command | None = None
    message = ""
    try:
        command = parse_command(line, actor())
    except UsageError as exc:
        message = exc.message
    if command is None:
        assert message.strip()
    else:
        assert command.actor == actor()
