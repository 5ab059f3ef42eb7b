"""Clause boundaries and evidence snippets, found locally around a position (never whole-text)."""

from __future__ import annotations

import re

MAX_SCOPE = 240
SNIPPET_CHARS = 80
# Where an evidence snippet stops: a line break or the end of a sentence.
_SNIPPET_STOP = re.compile(r"\n|[.;!?] ")
_LAST_SNIPPET_STOP = re.compile(r".*(?:\n|[.;!?] )", re.DOTALL)

# Inside a sentence, where a cue's reach ends: contrast words, a dash, a new "I ..." clause.
# Every alternative starts with a space or comma so the regex engine skips other characters fast.
_CLAUSE_BREAK = re.compile(
    # one leading character class for every alternative, so the engine skips to it quickly
    r"[\s,](?:[\s,]*(?:but|however|although|though|whereas|while|whilst|except|yet|because|"
    r"where|which|when)\b|(?<=\s)[-\u2013\u2014]+\s|"
    r"(?:(?<=,)\s+|(?<=\s)\s*)(?:and|so)\s+(?=(?:i|i'm|i've|i'd|i am|my|we|we're)\b)|"
    r"(?<=,)\s*(?=(?:i|i'm|i've|my)\b))"
)
_ABBREVIATIONS = ("e.g", "i.e", "etc", "vs", "sr", "jr", "snr", "approx", "mr", "ms", "dr", "st")
_STOPS = ("\n", ";", "!", "?")
LIST_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022\u00b7\u25aa\u25ba\u2023\u25e6]|\d{1,2}[.)])[ \t]+\S")
_TRIM = " \t\n,;:-\u2013\u2014\u2022*|/("


def _is_full_stop(low: str, dot: int) -> bool:
    """A "." that ends a sentence: followed by space/end and not closing an abbreviation."""
    if dot + 1 < len(low) and not low[dot + 1].isspace():
        return False
    word_start = max(low.rfind(" ", 0, dot), low.rfind("\n", 0, dot)) + 1
    return low[word_start:dot].lstrip("(\"'") not in _ABBREVIATIONS


def sentence_end(low: str, pos: int, stop: int) -> int:
    """The first sentence end in ``low[pos:stop]``, or ``stop``."""
    end = stop
    for mark in _STOPS:
        found = low.find(mark, pos, end)
        if found >= 0:
            end = found
    dot = low.find(".", pos, end)
    while dot >= 0:
        if _is_full_stop(low, dot):
            return dot
        dot = low.find(".", dot + 1, end)
    return end


def sentence_start(low: str, pos: int, floor: int) -> int:
    """Where the sentence containing ``pos`` starts, looking back no further than ``floor``."""
    begin = floor
    for mark in _STOPS:
        found = low.rfind(mark, begin, pos)
        if found >= 0:
            begin = found + 1
    dot = low.rfind(".", begin, pos)
    while dot >= 0:
        if _is_full_stop(low, dot):
            return dot + 1
        dot = low.rfind(".", begin, dot)
    return begin


def clause_end(low: str, pos: int, limit: int = MAX_SCOPE) -> int:
    """First clause boundary at or after ``pos`` (or ``pos + limit``)."""
    stop = sentence_end(low, pos, min(len(low), pos + limit))
    found = _CLAUSE_BREAK.search(low, pos, stop)
    return found.start() if found else stop


def sentence_bounds(low: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """The sentence around ``low[start:end]``, looking at most ``reach`` characters each way."""
    return (sentence_start(low, start, max(0, start - reach)),
            sentence_end(low, end, min(len(low), end + reach)))


def extend_over_list(low: str, cue_end: int, scope_end: int) -> int:
    """Let a heading-like cue ("Currently learning:") reach over the list items below it."""
    line_end = low.find("\n", cue_end)
    if line_end < 0 or low[cue_end:line_end].strip(" \t:-\u2013\u2014*#.!") or scope_end < line_end:
        return scope_end
    pos = line_end + 1
    end = scope_end
    while pos < len(low) and LIST_ITEM.match(low, pos):
        nxt = low.find("\n", pos)
        end = len(low) if nxt < 0 else nxt
        if nxt < 0:
            break
        pos = nxt + 1
    return end


def snippet(text: str, low: str, start: int, end: int, limit: int = SNIPPET_CHARS) -> str:
    """The phrase around ``text[start:end]``, within its sentence and cut at words."""
    reach = max(8, (limit - (end - start)) // 2)
    left = start - reach if start > reach else 0
    right = min(len(low), end + reach)
    stop_before = _LAST_SNIPPET_STOP.match(low, left, start)
    begin = stop_before.end() if stop_before is not None else left
    stop_after = _SNIPPET_STOP.search(low, end, right)
    stop = stop_after.start() if stop_after is not None else right
    if begin == left and left > 0:
        space = text.find(" ", left, start)
        begin = space + 1 if space >= 0 else start
    if stop == right and right < len(low):
        space = text.rfind(" ", end, right)
        stop = space if space >= 0 else end
    phrase = text[begin:stop]
    if "  " in phrase or "\n" in phrase or "\t" in phrase or not phrase.isascii():
        phrase = " ".join(phrase.split())  # one space between words, whatever separated them
    return phrase.strip(_TRIM).rstrip(".")[: limit + 20]
