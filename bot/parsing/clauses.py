"""Clause boundaries and evidence snippets, found locally around a position (never whole-text)."""

from __future__ import annotations

import re

MAX_SCOPE = 240
SNIPPET_CHARS = 80
_SNIPPET_REACH = 32

# Where a cue's reach ends: sentence ends, line breaks, contrast words, a new "I ..." clause.
_BOUNDARY = re.compile(
    r"\n|;|\s[-\u2013\u2014]+\s|[!?]+|"
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bsr)(?<!\bjr)(?<!\bsnr)(?<!\bapprox)\.(?=\s|\Z)|"
    r"\b(?:but|however|although|though|whereas|while|whilst|except|yet|because|where|which|"
    r"when)\b|"
    r",?\s+(?:and|so)\s+(?=(?:i|i'm|i've|i'd|i am|my|we|we're)\b)|,\s*(?=(?:i|i'm|i've|my)\b)"
)
# Sentence-level boundaries only, for evidence snippets and "same sentence" checks.
_SENTENCE = re.compile(
    r"\n|;|[!?]+|(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bsr)(?<!\bjr)(?<!\bsnr)"
    r"\.(?=\s|\Z)"
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u25aa\u25ba\u2023\u25e6]|\d{1,2}[.)])[ \t]+\S")
_TRIM = " \t\n,;:-\u2013\u2014\u2022*|/("


def clause_end(low: str, pos: int, limit: int = MAX_SCOPE) -> int:
    """First clause boundary at or after ``pos`` (or ``pos + limit``)."""
    stop = min(len(low), pos + limit)
    found = _BOUNDARY.search(low, pos, stop)
    return found.start() if found else stop


def sentence_bounds(low: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """The sentence around ``low[start:end]``, looking at most ``reach`` characters each way."""
    left = max(0, start - reach)
    begin = left
    for found in _SENTENCE.finditer(low, left, start):
        begin = found.end()
    after = _SENTENCE.search(low, end, min(len(low), end + reach))
    return begin, (after.start() if after else min(len(low), end + reach))


def extend_over_list(low: str, cue_end: int, scope_end: int) -> int:
    """Let a heading-like cue ("Currently learning:") reach over the list items below it."""
    line_end = low.find("\n", cue_end)
    if line_end < 0 or low[cue_end:line_end].strip(" \t:-\u2013\u2014*#.!") or scope_end < line_end:
        return scope_end
    pos = line_end + 1
    end = scope_end
    while pos < len(low) and _LIST_ITEM.match(low, pos):
        nxt = low.find("\n", pos)
        end = len(low) if nxt < 0 else nxt
        if nxt < 0:
            break
        pos = nxt + 1
    return end


def snippet(text: str, low: str, start: int, end: int, limit: int = SNIPPET_CHARS) -> str:
    """The phrase around ``text[start:end]``, within its sentence and cut at words."""
    begin, stop = sentence_bounds(low, start, end, reach=_SNIPPET_REACH + 8)
    reach = max(8, (limit - (end - start)) // 2)
    left = max(begin, start - reach)
    right = min(stop, end + reach)
    if left > begin:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else start
    if right < stop:
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else end
    return " ".join(text[left:right].split()).strip(_TRIM)[: limit + 20]
