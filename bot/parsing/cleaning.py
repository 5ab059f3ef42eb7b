"""Text normalisation: from whatever a member pasted to plain lines of prose for the parser."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.parsing.lines import dedupe_lines, drop_foreign_tail
from bot.parsing.markup import decode_entities, strip_code_fences, strip_html, strip_markdown

MAX_CHARS = 64_000

_JUNK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
_APOSTROPHE = re.compile("[\u2018\u2019\u02bc\u2032]")
_HTML_HINT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]|<!--")
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\s<>\"'()\[\]]*|\bwww\.[^\s<>\"'()\[\]]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TLD = re.compile(
    r"\.(?:com|org|dev|co|me|info|xyz|blog|site|page|uk|de|fr|ru|cn|jp|br|ca|au|nl|eu|ly|gg|tv"
    r"|io|net|app|ai)\b"
)
# Top-level domains that are also parts of product names (socket.io, ASP.net, fly.io).
_NAME_TLDS = frozenset({".io", ".net", ".app", ".ai"})
_DOMAIN_HEAD = re.compile(r"(?<![\w.@-])[\w-]+(?:\.[\w-]+)*\Z")
_PATH = re.compile(r"/[^\s<>\"'()\[\]]*")


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The normalised text and short remarks about what cleaning removed."""

    text: str
    notes: tuple[str, ...] = ()


def _strip_bare_domains(text: str) -> str:
    """Remove ``example.com/path`` style addresses written without a scheme."""
    pieces: list[str] = []
    last = 0
    for hit in _TLD.finditer(text):
        start, end = hit.span()
        if start < last:
            continue
        head = _DOMAIN_HEAD.search(text, max(last, start - 80), start)
        if head is None:
            continue
        path = _PATH.match(text, end)
        if hit.group(0) in _NAME_TLDS and path is None and "." not in head.group(0):
            continue
        pieces.append(text[last:head.start()])
        pieces.append(" ")
        last = path.end() if path else end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _remove_addresses(text: str) -> str:
    if "://" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    return _strip_bare_domains(text)


def _normalise_characters(text: str, notes: list[str]) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, junk = _JUNK.subn("", text)
    if junk:
        notes.append(f"removed {junk} invisible or control characters")
    if not text.isascii():
        text = _LINE_BREAK.sub("\n", text)
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        # U+0130 is the one character whose lower() is two characters long; keep offsets aligned.
        text = _APOSTROPHE.sub("'", text).replace("\u0130", "I")
    return text


def _strip_markup(text: str, notes: list[str]) -> str:
    if "```" in text or "~~~" in text:
        text, code_lines = strip_code_fences(text)
        if code_lines:
            notes.append(f"ignored code blocks ({code_lines} lines)")
    if "<" in text and _HTML_HINT.search(text):
        text = strip_html(text)
    if "&" in text:
        text = decode_entities(text)
    return strip_markdown(text)


def clean_text(raw: str) -> CleanedText:
    """Normalise an intro: cap its size, drop markup, addresses, junk, repeats and a spam tail."""
    notes: list[str] = []
    if len(raw) > MAX_CHARS:
        notes.append(f"analysed only the first {MAX_CHARS} of {len(raw)} characters")
        raw = raw[:MAX_CHARS]
    text = _normalise_characters(raw, notes)
    text = _strip_markup(text, notes)
    text = _remove_addresses(text)
    lines, repeated = dedupe_lines(text.split("\n"))
    if repeated:
        notes.append(f"removed {repeated} repeated lines")
    lines, tail_note = drop_foreign_tail(lines, text.isascii())
    if tail_note:
        notes.append(tail_note)
    return CleanedText("\n".join(lines).strip(), tuple(notes))
