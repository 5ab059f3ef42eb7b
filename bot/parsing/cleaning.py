"""Text normalisation: from whatever a member pasted to plain lines of prose for the parser.

Speed: every step is gated by memchr-fast single-character tests or by the text's character
profile (``characters.profile``), so ordinary ASCII prose pays for a handful of C-speed passes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.parsing.characters import CharacterProfile, profile
from bot.parsing.lines import dedupe_lines, drop_foreign_tail
from bot.parsing.markup import decode_entities, strip_code_fences, strip_html, strip_markdown

MAX_CHARS = 64_000

_JUNK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
# Chinese/Japanese/Korean text puts no spaces around Latin words ("熟悉Python、Go和Docker").
_CJK_THEN_LATIN = re.compile(r"([\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])(?=[A-Za-z0-9#+.])")
_LATIN_THEN_CJK = re.compile(r"([A-Za-z0-9#+])(?=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HTML_HINT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]|<!--")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{0,15}\Z")
_URL_REST = re.compile(r"[^\s<>\"'()\[\]]*")
_EMAIL_HEAD = re.compile(r"[\w.+-]+\Z")
_EMAIL_TAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_TLDS = (
    r"com|org|dev|co|me|info|xyz|blog|site|page|uk|de|fr|ru|cn|jp|br|ca|au|nl|eu|ly|gg|tv"
    r"|io|net|app|ai"
)
# A dot glued to the next word: "www.", "example.com", "node.js", "3.11".
_DOT_WORD = re.compile(r"\.[A-Za-z0-9]")
_TLD = re.compile(rf"\.(?:{_TLDS})\b")
# Top-level domains that are also parts of product names (socket.io, ASP.net, fly.io).
_NAME_TLDS = frozenset({".io", ".net", ".app", ".ai"})
_DOMAIN_HEAD = re.compile(r"(?<![\w.@-])[\w-]+(?:\.[\w-]+)*\Z")
_PATH = re.compile(r"/[^\s<>\"'()\[\]]*")
_QUOTES = ("\u2018", "\u2019", "\u02bc", "\u2032")
# "#react #typescript #a11y": hashtags name things; a run of them is a list. Not "C#", "#1".
_HASHTAG_RUN = re.compile(r"(?<![\w#+&./])#[A-Za-z][\w.+-]*(?:[ \t]+#[A-Za-z][\w.+-]*)*")
_HASHTAG = re.compile(r"(?:^|(?<=\s))#(?=[A-Za-z])")
_SEPARATORS = ("\x85", "\u2028", "\u2029")


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The normalised text and short remarks about what cleaning removed."""

    text: str
    notes: tuple[str, ...] = ()


# "GitHub: github.com/me", "Blog: https://...": a one-word label whose value is an address.
_LINK_LABEL = re.compile(r"(?<![\w.])[A-Za-z][\w-]{1,15}[ \t]*:[ \t]*\Z")


def _unlabelled(text: str, last: int, start: int) -> int:
    """Where to cut before an address at ``start``: before its label, if it has one."""
    label = _LINK_LABEL.search(text, max(last, start - 24), start)
    return label.start() if label is not None else start


def _strip_scheme_urls(text: str) -> str:
    """Remove ``scheme://...`` addresses, found from the colons (few in prose)."""
    pieces: list[str] = []
    last = 0
    pos = text.find(":")
    while pos >= 0:
        if text.startswith("//", pos + 1) and pos >= last:
            scheme = _SCHEME.search(text, max(last, pos - 16), pos)
            start = scheme.start() if scheme else pos
            rest = _URL_REST.match(text, pos + 3)
            end = rest.end() if rest else pos + 3
            pieces.append(text[last:_unlabelled(text, last, start)])
            pieces.append(" ")
            last = end
        pos = text.find(":", max(pos + 1, last))
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _strip_emails(text: str) -> str:
    """Remove ``name@host.tld`` addresses, looked at only around each "@"."""
    pieces: list[str] = []
    last = 0
    at = text.find("@")
    while at >= 0:
        tail = _EMAIL_TAIL.match(text, at)
        head = _EMAIL_HEAD.search(text, max(last, at - 64), at)
        if tail is not None and head is not None:
            pieces.append(text[last:_unlabelled(text, last, head.start())])
            pieces.append(" ")
            last = tail.end()
        at = text.find("@", max(at + 1, last))
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _strip_dotted_addresses(text: str) -> str:
    """Remove ``www....`` addresses and ``example.com/path`` domains written without a scheme.

    Only dots glued to the next word are looked at (a handful in prose).
    """
    pieces: list[str] = []
    last = 0
    for hit in _DOT_WORD.finditer(text):
        start = hit.start()
        if start < last:
            continue
        if text.startswith("www", start - 3):
            begin = start - 3
            if begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "/"):
                continue
            rest = _URL_REST.match(text, start + 1)
            pieces.append(text[last:_unlabelled(text, last, begin)])
            pieces.append(" ")
            last = rest.end() if rest else start + 1
            continue
        tld = _TLD.match(text, start)
        if tld is None:
            continue
        end = tld.end()
        head = _DOMAIN_HEAD.search(text, max(last, start - 80), start)
        if head is None:
            continue
        path = _PATH.match(text, end)
        if tld.group(0) in _NAME_TLDS and path is None and "." not in head.group(0):
            continue
        pieces.append(text[last:_unlabelled(text, last, head.start())])
        pieces.append(" ")
        last = path.end() if path else end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _remove_addresses(text: str, marks: str) -> str:
    if ":" in marks and "/" in marks:
        text = _strip_scheme_urls(text)
    if "@" in marks:
        text = _strip_emails(text)
    return _strip_dotted_addresses(text)


def _hashtag_list(match: re.Match[str]) -> str:
    return " \u00b7 ".join(_HASHTAG.sub("", match.group()).split())


def _unhashtag(text: str) -> str:
    """Hashtags as plain words, a run of them as a "·" list: "#react #go" -> "react · go".

    Only the "#" characters are looked at (memchr-fast) until one starts a hashtag."""
    pos = text.find("#")
    while pos >= 0:
        if (pos == 0 or text[pos - 1].isspace()) and text[pos + 1 : pos + 2].isalpha():
            return _HASHTAG_RUN.sub(_hashtag_list, text)
        pos = text.find("#", pos + 1)
    return text


def _normalise_unicode(text: str, chars: CharacterProfile) -> str:
    """Line separators to newlines, NFKC when needed, typographic apostrophes to "'".

    Which characters occur is asked of ``chars.wide`` (the non-ASCII characters alone).
    """
    wide = chars.wide
    for separator in _SEPARATORS:
        if separator in wide:
            text = text.replace(separator, "\n")
    if chars.maybe_unnormalized:
        text = unicodedata.normalize("NFKC", text)
        wide = text  # normalisation may have made any of the characters below
    for quote in _QUOTES:
        if quote in wide:
            text = text.replace(quote, "'")
    # U+0130 is the one character whose lower() is two characters long; keep offsets aligned.
    return text.replace("\u0130", "I") if "\u0130" in wide else text


def _space_cjk(lines: list[str]) -> list[str]:
    """Put spaces between CJK characters and Latin words so tool names stand alone."""
    for i, line in enumerate(lines):
        if not line.isascii() and _CJK.search(line):
            lines[i] = _LATIN_THEN_CJK.sub(r"\1 ", _CJK_THEN_LATIN.sub(r"\1 ", line))
    return lines


def _drop_junk(lines: list[str]) -> tuple[list[str], int]:
    """Remove invisible and control characters; printable lines (the usual case) are skipped."""
    removed = 0
    for i, line in enumerate(lines):
        if not line.isprintable():
            lines[i], count = _JUNK.subn("", line)
            removed += count
    return lines, removed


def _strip_markup(text: str, marks: str, notes: list[str]) -> tuple[str, str]:
    """Markup removed, and the markup characters the result may hold."""
    if ("`" in marks and "```" in text) or ("~" in marks and "~~~" in text):
        text, code_lines = strip_code_fences(text)
        if code_lines:
            notes.append(f"ignored code blocks ({code_lines} lines)")
    if "<" in marks and _HTML_HINT.search(text):
        text = strip_html(text)
    if "&" in marks:
        decoded = decode_entities(text)
        if decoded is not text:  # entities may stand for any character
            text, marks = decoded, profile(decoded).marks
    return strip_markdown(text, marks), marks


def clean_text(raw: str) -> CleanedText:
    """Normalise an intro: cap its size, drop markup, addresses, junk, repeats and a spam tail."""
    notes: list[str] = []
    if len(raw) > MAX_CHARS:
        notes.append(f"analysed only the first {MAX_CHARS} of {len(raw)} characters")
        raw = raw[:MAX_CHARS]
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    chars = profile(text)
    if not text.isascii():
        normalised = _normalise_unicode(text, chars)
        if normalised != text and (
            chars.maybe_unnormalized or any(map(chars.wide.__contains__, _SEPARATORS))
        ):
            chars = profile(normalised)  # new line breaks, or ASCII marks from fullwidth forms
        text = normalised
    text, marks = _strip_markup(text, chars.marks, notes)
    text = _remove_addresses(text, marks)
    if "#" in marks:
        text = _unhashtag(text)
    if marks is not chars.marks:  # decoded entities: anything may have appeared
        chars = profile(text)
        marks = chars.marks
    lines = text.split("\n") if "\n" in marks else [text]
    if chars.maybe_junk:
        lines, junk = _drop_junk(lines)
        if junk:
            notes.append(f"removed {junk} invisible or control characters")
    if len(lines) > 1:
        lines, repeated = dedupe_lines(lines)
        if repeated:
            notes.append(f"removed {repeated} repeated lines")
        lines, tail_note = drop_foreign_tail(lines, not chars.other_script)
        if tail_note:
            notes.append(tail_note)
    if chars.cjk:
        lines = _space_cjk(lines)
    return CleanedText("\n".join(lines).strip(), tuple(notes))
