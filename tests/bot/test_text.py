"""Mention neutralization of echoed member text."""

import pytest

from bot.text import neutralize_mentions, shorten


@pytest.mark.parametrize(
    "text",
    ["hi @everyone", "@here look", "@Channel", "<@123456>", "<@!123>", "<@&987>", "<#42>",
     "<!channel>", "<!here>", "<!subteam^S123>", "<@U024BE7LH>"],
)
def test_mentions_are_defused(text: str) -> None:
    out = neutralize_mentions(text)
    assert out != text
    for token in ("@everyone", "@here", "@channel", "<@", "<!", "<#"):
        assert token not in out.lower()


def test_plain_text_and_emails_are_untouched() -> None:
    text = "mail me at dev@example.com about C++ <3"
    assert neutralize_mentions(text) == text


def test_shorten_collapses_whitespace_and_marks_the_cut() -> None:
    assert shorten("a  b\n c", 10) == "a b c"
    assert shorten("abcdefghijk", 5) == "abcd…"
