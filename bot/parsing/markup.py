"""Markdown and HTML stripped down to the words a member wrote (alt text kept, URLs dropped)."""

from __future__ import annotations

import html
import re
from operator import itemgetter
from urllib.parse import unquote

_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n(.*?)^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_DROP = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
_HTML_IMG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""\b(alt|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HTML_BLOCK = re.compile(
    r"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>")
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,200})\]\(([^)\s]{0,2000})(?:\s+\"[^\"\n]*\")?\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\s]{0,2000}(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_MD_REF_LINK = re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]*\]")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_=][ \t]*){3,}$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"\*\*|__|~~")
_MD_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,200}?)(?<=\S)\*(?![\w*])")
_FIRST = itemgetter(slice(0, 1))
_MARK_CHARS = "`~[]#>*_=-"
_LINE_MARKS = frozenset("#>[-*_=")
_SHIELDS = re.compile(r"shields\.io/badge/([^/?#)\s]+)")
_SHIELDS_LOGO = re.compile(r"[?&]logo=([^&#)\s]+)")


def strip_code_fences(text: str) -> tuple[str, int]:
    """Remove fenced code blocks; return the text and how many lines were dropped."""
    dropped = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal dropped
        dropped += match.group(0).count("\n") + 1
        return ""

    return _FENCE.sub(drop, text), dropped


def _badge_label(url: str) -> str:
    """The tool a shields.io badge names, read from its label or logo parameter."""
    found = _SHIELDS.search(url)
    if found is None:
        return ""
    label = unquote(found.group(1)).split("-", 1)[0].replace("_", " ").strip()
    if not label:
        logo = _SHIELDS_LOGO.search(url)
        label = unquote(logo.group(1)).replace("-", " ") if logo else ""
    return label


def _image_words(alt: str, url: str) -> str:
    words = alt.strip() or _badge_label(url)
    return f" {words} " if words else " "


def strip_html(text: str) -> str:
    """Drop tags, comments and scripts; keep <img> alt text; decode entities."""
    text = _HTML_COMMENT.sub(" ", text)
    text = _HTML_DROP.sub(" ", text)

    def image(match: re.Match[str]) -> str:
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
            for m in _HTML_ATTR.finditer(match.group(1))
        }
        return _image_words(html.unescape(attrs.get("alt", "")), attrs.get("src", ""))

    text = _HTML_IMG.sub(image, text)
    text = _HTML_BLOCK.sub("\n", text)
    return _HTML_TAG.sub("", text)


def decode_entities(text: str) -> str:
    """Decode HTML entities such as ``&amp;`` and ``&#8217;`` when there are any."""
    return html.unescape(text) if _HTML_ENTITY.search(text) else text


def _line_starts(text: str) -> str:
    """The first non-blank character of every line (C-speed: no Python code per line)."""
    if "\n" not in text:
        return text.lstrip()[:1]
    return "".join(map(_FIRST, map(str.lstrip, text.split("\n"))))


def strip_markdown(text: str, marks: str | None = None) -> str:
    """Reduce markdown to plain words: images to alt text, links to their text.

    ``marks``: the markup characters the text may hold (from ``characters.profile``); without
    it the text itself is asked.
    """
    if marks is None:
        marks = "".join(c for c in _MARK_CHARS if c in text)
    # Single-character tests gate the costlier checks, and line-level syntax is only looked for
    # when some line starts with its character.
    brackets = "]" in marks
    if brackets and ("](" in text or "][" in text):
        text = _MD_IMAGE.sub(lambda m: _image_words(m.group(1), m.group(2)), text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_REF_LINK.sub(r"\1", text)
        # badge labels come from URLs: anything may have appeared
        marks = "".join(c for c in _MARK_CHARS if c in text)
    starts = _line_starts(text) if _LINE_MARKS.intersection(marks) else ""
    if brackets and "[" in starts and "]:" in text:
        text = _MD_REF_DEF.sub("", text)
    if "#" in starts:
        changed = _MD_HEADING.sub("", text)
        if changed != text:
            text, starts = changed, _line_starts(changed)
    if ">" in starts:
        changed = _MD_QUOTE.sub("", text)
        if changed != text:
            text, starts = changed, _line_starts(changed)
    if starts and (("-" in starts and "---" in text) or ("*" in starts and "***" in text)
                   or ("_" in starts and "___" in text) or ("=" in starts and "===" in text)):
        text = _MD_RULE.sub("", text)
    star = "*" in marks
    if (star and "**" in text) or ("_" in marks and "__" in text) or (
        "~" in marks and "~~" in text
    ):
        text = _MD_EMPHASIS.sub("", text)
    if star and text.count("*") > 1:
        first = text.find("*")
        head = first - 1 if first > 0 else 0  # the look-behind needs the character before
        text = text[:head] + _MD_STAR.sub(r"\1", text[head:])
    return text.replace("`", "") if "`" in marks else text
