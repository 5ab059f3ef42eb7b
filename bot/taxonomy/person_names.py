"""Skill names standing where a person's or company's name goes: "I'm Julia, a designer",
"Ruby here", "Crystal (she/her)", a signature line "Cheers,\\nJulia", "I work at Spark Labs".

Such a hit is not a skill whatever its neighbours say; another mention of the same word elsewhere
("I'm Ruby, and I write Ruby") still counts. Only names written with a capital are checked.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from bot.taxonomy.context import coordination_points
from bot.taxonomy.keys import Term
from bot.taxonomy.vocabulary import STRONG_AFTER

Hit = tuple[int, int, Term]

# Between the cue and the name: up to two capitalised words (a first name before a surname:
# "I'm Jordan Haskell", "I'm Tom R.").
_FIRST_NAMES = re.compile(r"[\s,]*((?:[A-Z][\w'’]*\.?\s+){0,2})")
_SLOT_REACH = 48
# Words a name slot follows, found by the skill automaton in its one pass (trigger group
# NAME_CUES_GROUP): only hits shortly after one of them get the slot check.
NAME_CUES_GROUP = "~name-slot"
NAME_CUES = (
    "i'm ", "i am ", "name is ", "name's ", "call me ", "this is ", "m'appelle ", "je suis ",
    "llamo ", "chamo ", "chiamo ", "ich bin ", "heiße ", "heisse ", "eu sou ", "sono ", "soy ",
)
# Words that follow a name and make it a person's or company's (see _COMPANY, _HERE, _PRONOUNS),
# found by the automaton too (trigger group NAME_AFTER_GROUP, after any separator).
NAME_AFTER_GROUP = "~name-after"
_PRONOUN_PAIRS = ("she/her", "she/they", "he/him", "he/they", "they/them", "xe/xem", "ze/hir")
# Only greetings, "this is" and other capitalised words may come before "<name> here" or
# "this is <name>" in its clause: "Hey all! Dart here", "Hello, Daniel Rust here".
_OPENERS = frozenset({
    "hi", "hey", "hello", "heya", "hiya", "yo", "howdy", "greetings", "all", "everyone",
    "everybody", "folks", "there", "team", "friends", "people", "y'all", "gang", "this", "is",
    "hola", "salut", "bonjour", "hallo", "moin", "ciao", "olá", "oi", "servus", "again",
})
_CLAUSE_START = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_PRONOUNS = re.compile(r"\s*\(\s*(?i:she|he|they|her|him|them|xe|ze|any)\s*/")
_HERE = re.compile(r"\s+here\b", re.IGNORECASE)
# Words after a capitalised name that make it a company's: "Spark Labs", "Swift Technologies".
# Only words that name a firm; "Software", "Systems", "Games" are too often plain words after a
# skill in a title ("Rust Systems Programming").
_COMPANY = frozenset({
    "labs", "lab", "inc", "ltd", "llc", "gmbh", "ag", "technologies", "studio", "studios", "corp",
    "corporation", "ventures", "solutions", "consulting", "sa", "bv", "oy", "ab", "pty",
    "limited", "co", "sarl", "srl", "spa", "kg", "plc", "holdings",
})
NAME_AFTER = (
    *(word + tail for word in (*sorted(_COMPANY), "here") for tail in (" ", ".")),
    *_PRONOUN_PAIRS,
)
_NEXT_WORD = re.compile(r" ([A-Z][A-Za-z]*)\b\.?")
# Words that close a message before the signature line.
_SIGN_OFFS = frozenset({
    "cheers", "thanks", "thank", "you", "thx", "best", "regards", "ciao", "saludos", "grüße",
    "gruss", "gruß", "merci", "cordialement", "abraços", "obrigado", "obrigada", "love", "peace",
    "care", "soon", "warmly", "sincerely", "bye", "xo", "xoxo", "gracias", "danke", "grazie",
})
# Dashes before a signed name on the last line ("— Ruby", "-- Ruby"; a lone "-" is a bullet).
_DASHES = frozenset("\u2014\u2013~-")
# A signed name ends the text but for a few characters (punctuation, an emoji).
_SIGNATURE_TAIL = 8
# "-- Blaise Pascal", "— Ada Lovelace": a line of a dash, a first name and more capitalised
# words (group 1: the words after the first name, which are a surname, not skills).
_DASHED_LINE = re.compile(r"\n[ \t]*(?:--|\u2014)")
_LINE_LEADS = frozenset("-\u2014 \t")
_ATTRIBUTION = re.compile(
    r"[ \t]*(?:--|\u2014)[ \t]*[A-Z][\w'’.-]*((?:[ \t]+[A-Z][\w'’.-]*){1,3})[ \t.,!]*"
)
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*\Z")


def _opens_clause(text: str, start: int) -> bool:
    """Only greetings and capitalised words stand between the clause start and ``start``."""
    lo = max(0, start - _SLOT_REACH)
    cut = max((m.end() for m in _CLAUSE_START.finditer(text, lo, start)), default=lo)
    if cut == lo and lo > 0:
        return False
    return all(w.lower() in _OPENERS or w[0].isupper()
               for w in _WORD.findall(text, cut, start))


def _in_slot(text: str, hits: Sequence[Hit], index: int, cue: tuple[int, int]) -> bool:
    """After "I'm" / "my name is" / "call me" (the ``cue``) and not a role ("I'm Python
    developer", "I am Java/Kotlin developer", "I'm Julia-curious")."""
    start, end, _ = hits[index]
    between = _FIRST_NAMES.fullmatch(text, cue[1], start)
    if between is None or text.startswith("-", end):
        return False
    if text[cue[0] : cue[0] + 4].lower() == "this" and not _opens_clause(text, cue[0]):
        return False  # "this is Ruby" opens its clause: "Hey, this is Ruby"
    rest = text[end : end + 30].split()
    if rest and rest[0].lower().strip(".,;:!") in STRONG_AFTER:
        return False
    if between.group(1):
        return True  # a first name before it: "I'm Sarah Swift, iOS developer"
    nxt = index + 1
    return not (nxt < len(hits) and coordination_points(text, end, hits[nxt][0]) == 2)


def _signature(text: str, start: int, end: int) -> bool:
    """A signed name: alone on the last line after a sign-off ("Cheers,\\nJulia") or a dash
    ("— Ruby")."""
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    dashed = before >= 0 and text[before] in _DASHES and (
        text[before] != "-" or text.startswith("--", before - 1)  # "- Ruby" is a list item
    )
    if dashed:
        before -= 2 if text[before] == "-" else 1
        while before >= 0 and text[before] in " \t":
            before -= 1
    if before < 0 or text[before] != "\n" or any(c.isalnum() for c in text[end:]):
        return False
    if dashed:
        return True
    last = _LAST_WORD.search(text[max(0, before - 40) : before].rstrip())
    return last is not None and last.group(1).lower() in _SIGN_OFFS


def _company(text: str, end: int) -> bool:
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).lower() in _COMPANY


def _after_name(text: str, start: int, end: int, nxt: str) -> bool:
    """A company word, pronouns or "here" right after: "Spark Labs", "Crystal (she/her)",
    "Ruby here" (``nxt`` is the character after the space that follows the name)."""
    if nxt == "(":
        return end - start > 1 and _PRONOUNS.match(text, end) is not None
    if nxt in ("h", "H"):
        return _HERE.match(text, end) is not None and _opens_clause(text, start)
    return end - start > 1 and _company(text, end)


def _attributed(text: str, lowered: str, start: int) -> bool:
    """A later name on a dashed attribution line ("-- Blaise Pascal", "— Ada Lovelace")."""
    line_start = lowered.rfind("\n", 0, start) + 1
    if text[line_start : line_start + 1] not in _LINE_LEADS:
        return False
    line_end = lowered.find("\n", start)
    found = _ATTRIBUTION.fullmatch(text, line_start, len(text) if line_end < 0 else line_end)
    return found is not None and found.start(1) < start


def _titlecase(text: str, start: int, end: int) -> bool:
    return text[start].isupper() and (end - start == 1 or text[start + 1 : end].islower())


def drop_person_names(
    text: str, lowered: str, hits: Sequence[Hit], accepted: list[bool],
    triggers: Mapping[str, Sequence[tuple[int, int]]],
) -> None:
    """Unaccept the hits that stand where a person's or company's name goes. ``lowered`` is
    the scan's lowercased copy (same offsets); ``triggers`` holds the spans of the NAME_CUES
    and NAME_AFTER words the scan found: a name slot follows a cue, and a company word, "here"
    or pronouns follow the name, so most texts need no look at their hits at all."""
    cues = triggers.get(NAME_CUES_GROUP, ())
    after = triggers.get(NAME_AFTER_GROUP, ())
    if cues or after:
        starts = [hit[0] for hit in hits]
        ends = [hit[1] for hit in hits]
        for word_start, _ in after:  # "Spark Labs", "Ruby here", "Crystal (she/her)"
            i = bisect_left(ends, word_start - 2)
            while i < len(hits) and ends[i] < word_start:
                start, end = starts[i], ends[i]
                if accepted[i] and text.startswith(" ", end) and _titlecase(text, start, end) and (
                    _after_name(text, start, end, text[end + 1 : end + 2])
                ):
                    accepted[i] = False
                i += 1
        for cue in cues:  # "I'm Julia", "call me Swift"
            i = bisect_left(starts, cue[1])
            while i < len(hits) and starts[i] <= cue[1] + _SLOT_REACH:
                start, end = starts[i], ends[i]
                if accepted[i] and _titlecase(text, start, end) and (
                    _in_slot(text, hits, i, cue)
                ):
                    accepted[i] = False
                i += 1
    tail = _last_line(lowered)
    size = len(text)
    for i in range(len(hits) - 1, -1, -1):
        start, end, _ = hits[i]
        if start <= tail or size - end > _SIGNATURE_TAIL:
            break
        if accepted[i] and _titlecase(text, start, end) and _signature(text, start, end):
            accepted[i] = False
    if _DASHED_LINE.search(text) is not None:
        for i, ok in enumerate(accepted):
            start, end, _ = hits[i]
            if ok and _titlecase(text, start, end) and _attributed(text, lowered, start):
                accepted[i] = False


def _last_line(lowered: str) -> int:
    """Index of the newline before the last non-blank line; -1 for a one-line text."""
    cut = len(lowered)
    while True:
        newline = lowered.rfind("\n", 0, cut)
        if newline < 0 or lowered[newline + 1 : cut].strip():
            return newline
        cut = newline
