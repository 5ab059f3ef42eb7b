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
# Chinese/Japanese/Korean text puts no spaces around Latin words ("熟悉Python、Go和Docker").
_CJK_THEN_LATIN = re.compile(r"([\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])(?=[A-Za-z0-9#+.])")
_LATIN_THEN_CJK = re.compile(r"([A-Za-z0-9#+])(?=[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef])")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HTML_HINT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[\s/>]|<!--")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{0,15}\Z")
_URL_REST = re.compile(r"[^\s<>\"'()\[\]]*")
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


def _strip_urls(text: str) -> str:
    """Remove ``scheme://...`` and ``www....`` addresses, found by literal search."""
    pieces: list[str] = []
    last = 0
    for marker, back in (("://", True), ("www.", False)):
        pos = text.find(marker, last)
        while pos >= 0:
            start = pos
            if back:
                scheme = _SCHEME.search(text, max(last, pos - 16), pos)
                start = scheme.start() if scheme else pos
            elif pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "/"):
                pos = text.find(marker, pos + 1)
                continue
            rest = _URL_REST.match(text, pos + len(marker))
            end = rest.end() if rest else pos + len(marker)
            pieces.append(text[last:start])
            pieces.append(" ")
            last = end
            pos = text.find(marker, last)
        if pieces:
            pieces.append(text[last:])
            text, pieces, last = "".join(pieces), [], 0
    return text


def _remove_addresses(text: str) -> str:
    if ":" in text or "www." in text:
        text = _strip_urls(text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    return _strip_bare_domains(text) if "." in text else text


def _normalise_characters(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        for separator in ("\x85", "\u2028", "\u2029"):
            if separator in text:
                text = text.replace(separator, "\n")
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        # U+0130 is the one character whose lower() is two characters long; keep offsets aligned.
        for quote in ("\u2018", "\u2019", "\u02bc", "\u2032", "\u0130"):
            if quote in text:
                text = text.replace(quote, "I" if quote == "\u0130" else "'")

    return text


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
    text = _normalise_characters(raw)
    text = _strip_markup(text, notes)
    text = _remove_addresses(text)
    lines, junk = _drop_junk(text.split("\n"))
    if junk:
        notes.append(f"removed {junk} invisible or control characters")
    lines, repeated = dedupe_lines(lines)
    if repeated:
        notes.append(f"removed {repeated} repeated lines")
    ascii_only = text.isascii()
    lines, tail_note = drop_foreign_tail(lines, ascii_only)
    if tail_note:
        notes.append(tail_note)
    if not ascii_only:
        lines = _space_cjk(lines)
    return CleanedText("\n".join(lines).strip(), tuple(notes))
