"""What kinds of characters a text holds, read from its bytes at C speed.

Cleaning steps that only matter for some characters (Unicode normalisation, invisible
characters, other scripts, CJK spacing, markup syntax) ask this profile first, so that ordinary
text skips them. Every answer errs on the side of "maybe": a step that runs for nothing is only
slower. (A membership test on a str with characters beyond Latin-1 walks it character by
character; on bytes it is one memchr, hence ``marks``.)
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_ASCII = bytes(range(0x80))
# Characters whose presence switches on a markup, address or line step.
MARKS = b"`~<&[]#>*_=:/@-\n"
_MARK_CHARS = MARKS.decode("ascii")

# Bytes that say nothing: printable ASCII other than the marks, tab, newline and UTF-8
# continuation bytes. What a text keeps after deleting them is short: control bytes, marks and
# one lead byte per non-ASCII character.
_PLAIN = bytes(b for b in [*range(0x20, 0x7F), 0x09, 0x0A, *range(0x80, 0xC0)] if b not in MARKS)
_NOT_MARK = bytes(b for b in range(256) if b not in MARKS)
_CONTROL = frozenset([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CONTROL_CHARS = "".join(map(chr, sorted(_CONTROL)))
# UTF-8 of the invisible and control characters cleaning removes (see cleaning._JUNK), by lead.
_JUNK_BY_LEAD: dict[int, re.Pattern[bytes]] = {
    0xC2: re.compile(rb"\xc2[\x80-\x84\x86-\x9f\xad]"),
    0xD8: re.compile(rb"\xd8\x9c"),
    0xE1: re.compile(rb"\xe1\xa0\x8e"),
    0xE2: re.compile(rb"\xe2(?:\x80[\x8b-\x8f\xaa-\xae]|\x81[\xa0-\xaf])"),
    0xED: re.compile(rb"\xed[\xa0-\xbf]"),  # lone surrogates
    0xEF: re.compile(rb"\xef(?:\xbb\xbf|\xbf[\xb9-\xbb])"),
    0xF3: re.compile(rb"\xf3\xa0[\x80\x81]"),
}

# Lead bytes of letters in scripts other than Latin (U+0340-0FFF, U+1000-1FFF mixed, U+3000-D7FF
# CJK, kana, Hangul, Yi; U+F000-FFFF compatibility forms), and of CJK / Hangul / fullwidth.
_NOT_OTHER_SCRIPT = bytes(b for b in range(256) if not (0xCD <= b <= 0xE1 or 0xE3 <= b <= 0xEF))
_NOT_CJK = bytes(b for b in range(256) if not 0xE3 <= b <= 0xEF)


class CharacterProfile(NamedTuple):
    """Which cleaning steps a text may need; ``marks`` holds the markup characters present,
    ``wide`` every non-ASCII character (in order, repeats kept), for cheap membership tests."""

    marks: str
    wide: str = ""
    maybe_unnormalized: bool = False  # NFKC would change something
    maybe_junk: bool = False  # invisible or control characters (other than tab and newline)
    other_script: bool = False  # letters of a non-Latin script
    cjk: bool = False  # Chinese, Japanese or Korean characters


def profile(text: str) -> CharacterProfile:
    """The profile of ``text``."""
    return _ascii_profile(text) if text.isascii() else _wide_profile(text)


def _ascii_profile(text: str) -> CharacterProfile:
    # membership tests on a one-byte string are memchr calls
    return CharacterProfile(
        marks="".join(filter(text.__contains__, _MARK_CHARS)),
        maybe_junk=any(map(text.__contains__, _CONTROL_CHARS)),
    )


def _wide_profile(text: str) -> CharacterProfile:
    data = text.encode("utf-8", "surrogatepass")
    rest = data.translate(None, _PLAIN)
    wide = data.translate(None, _ASCII)  # the non-ASCII characters alone, in order
    leads = rest.translate(None, _ASCII)  # one byte per non-ASCII character
    junk = bool(rest.translate(None, _NOT_CONTROL)) or any(
        lead in leads and pattern.search(wide) is not None
        for lead, pattern in _JUNK_BY_LEAD.items()
    )
    wide_text = wide.decode("utf-8", "surrogatepass")
    # NFKC changes single characters or combines non-ASCII ones; ASCII is left alone, except
    # before a combining diacritic
    whole = text if 0xCC in leads or 0xCD in leads else wide_text
    found = rest.translate(None, _NOT_MARK)
    return CharacterProfile(
        marks="".join(c for c in _MARK_CHARS if ord(c) in found),
        wide=wide_text,
        maybe_unnormalized=not unicodedata.is_normalized("NFKC", whole),
        maybe_junk=junk,
        other_script=bool(leads.translate(None, _NOT_OTHER_SCRIPT)),
        cjk=bool(leads.translate(None, _NOT_CJK)),
    )
