"""Context evidence that decides whether an ambiguous word ("Go", "Swift", "spring") is a skill.

Each candidate needs a number of evidence points that grows with how common its alias is as
English (see ``terms.evidence_needed``). Points come from the words around it; neighbouring
skill mentions are added by the matcher (``coordination_points``). Word lists live in
``bot.taxonomy.vocabulary``.
"""

from __future__ import annotations

import re

from bot.taxonomy.vocabulary import (
    ADVERBS,
    COMPOUND_AFTER,
    DETERMINERS,
    FLAVOUR_BEFORE,
    FLAVOUR_PAIRS_BEFORE,
    GREETINGS,
    NAME_AFTER,
    NAMING,
    OWN_TOOL_DETERMINERS,
    OWN_TOOL_NOUNS,
    ROLE_ABBREVIATIONS,
    STRONG_AFTER,
    STRONG_BEFORE,
    STRONG_PAIRS_BEFORE,
    TECH_VOCAB,
    USAGE_AFTER,
    VERB_BEFORE,
    WEAK_BEFORE,
    YEARS,
)

_SENTENCE_END = re.compile(r"[.!?;:\n•·|]\s|\n")
_CLAUSE_END = re.compile(r"[.!?;]\s|\n|•")
_LAST_CLAUSE_END = re.compile(r".*(?:[.!?;]\s|\n|•)", re.DOTALL)
_QUOTES = frozenset("\"'“”‘’")
WINDOW = 60  # characters looked at on each side of a candidate
_AFTER_PAIR = frozenset({"in", "with"})
_COPULAS = frozenset({"is", "was"})
_ASIDE_STARTS = frozenset("(:,-\u2013\u2014~0123456789fFsS")
# A parenthesised level or a duration right after a name: "Elixir (currently learning)",
# "Python (5 years)", "Go - 2 yrs", "C for 10 years", "Go - advanced", "Java since 2015".
_ASIDE = re.compile(
    r"\s*(?:(?:\(|[-\u2013\u2014:])\s*(?:(?:currently|still|just|now|mostly)\s+)?(?:learning|studying|"
    r"exploring|beginner|basics?|intermediate|advanced|expert|proficient|fluent|familiar|junior|"
    r"senior|mid|professional|hobby|production|daily|work|started|starting)\b"
    r"|\s+since\s+(?:19|20)\d\d\b"
    r"|(?:[(:,\-\u2013\u2014]|for)?\s*(?:~\s*)?\d{1,2}(?:[.,]\d)?\s*\+?\s*"
    r"(?:years?|yrs?|y|months?|mos?)\b)",
    re.IGNORECASE,
)


def _cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or (
        "\uff00" <= char <= "\uffef"
    )


def _next_to_cjk(text: str, start: int, end: int) -> bool:
    """A Latin name written inside Chinese, Japanese or Korean text ("熟悉Python、Go和Docker")."""
    before = start - 1
    if before >= 0 and text[before] == " ":
        before -= 1
    after = end + 1 if end < len(text) and text[end] == " " else end
    return (before >= 0 and _cjk(text[before])) or (after < len(text) and _cjk(text[after]))


_ITEM_EDGES = "|\u2022\u00b7\n"
_ITEM_MARKS = "|\u2022\u00b7"
_ITEM_LINE = 120
_USAGE_HEADS = frozenset(phrase[0] for phrase in USAGE_AFTER)


def _whole_item(text: str, scan: str, start: int, end: int) -> bool:
    """The name is a whole item of a "|" or "•" list on a line about work: "Backend dev |
    Kuala Lumpur | Go" (not "reading • hiking • Go • swimming")."""
    left = start - 1
    while left >= 0 and text[left] in " \t":
        left -= 1
    right = end
    while right < len(text) and text[right] in " \t":
        right += 1
    before = text[left] if left >= 0 else "\n"
    after = text[right] if right < len(text) else "\n"
    if not (before in _ITEM_EDGES and after in _ITEM_EDGES
            and (before in _ITEM_MARKS or after in _ITEM_MARKS)):
        return False
    line_start = text.rfind("\n", max(0, start - _ITEM_LINE), start) + 1
    line_end = text.find("\n", end, end + _ITEM_LINE)
    words = scan[line_start : line_end if line_end >= 0 else end + _ITEM_LINE].split()
    return not (TECH_VOCAB.isdisjoint(words) and STRONG_AFTER.isdisjoint(words)
                and ROLE_ABBREVIATIONS.isdisjoint(words))


def local_evidence(
    text: str,
    scan: str,
    start: int,
    end: int,
    capitals: bool,
    upper_name: bool,
    acronym: bool,
    versioned: bool,
) -> int:
    """Evidence points from the words and letter case around ``text[start:end]``.

    ``scan`` is the lowercased text with separators turned into spaces (same offsets), so words
    come from a plain ``split``. ``capitals``: a capital letter is evidence for this alias;
    ``upper_name``: the skill is written in capitals ("PHP"); ``acronym``: a two-letter
    abbreviation of a longer name ("ML", "JS"); ``versioned``: a version number follows
    ("Go 1.21"), which only names have.
    """
    lo = start - WINDOW if start > WINDOW else 0
    # punctuation from the text: in the lowered copies "?" also stands for "我"
    clause = _LAST_CLAUSE_END.match(text, lo, start)
    cut = clause.end() if clause is not None else -1
    window = scan[cut if cut >= 0 else lo : start]
    before = window.split()[-3:]
    if "." in window:
        before = [w.strip(".") for w in before]
    hi = end + WINDOW
    stop = _CLAUSE_END.search(text, end, hi)
    window = scan[end : stop.start() if stop is not None else hi]
    after = window.split()[:6]
    if "." in window:
        after = [w.strip(".") for w in after]
    opens = not before and (cut >= 0 or lo == 0)
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    verb, verb2 = prev, prev2
    if prev in ADVERBS and prev2:
        verb, verb2 = prev2, before[-3] if len(before) > 2 else ""
    nxt = after[0] if after else ""
    surface = text[start:end]
    lower_surface = surface.islower()
    points = 0
    if (
        verb in STRONG_BEFORE
        or (verb2 in STRONG_BEFORE and verb in _AFTER_PAIR)
        or (prev == "of" and prev2 in YEARS)
        or (verb2, verb) in STRONG_PAIRS_BEFORE
    ):
        points += 2
    elif prev in WEAK_BEFORE and not lower_surface:
        points += 1  # "in Go", but not "in flux", "with spring"
    elif not lower_surface and (prev in FLAVOUR_BEFORE or (prev2, prev) in FLAVOUR_PAIRS_BEFORE):
        points += 2  # "embedded C", "low-level C"
    if nxt in STRONG_AFTER or (nxt in COMPOUND_AFTER and text.startswith("-", end)) or (
        nxt in _COPULAS and after[1:2] and after[1] in OWN_TOOL_DETERMINERS
        and not OWN_TOOL_NOUNS.isdisjoint(after[2:5])  # "my side-project language"
    ) or (not lower_surface and _whole_item(text, scan, start, end)):
        points += 2
    elif nxt in _USAGE_HEADS and (
        tuple(after[:3]) in USAGE_AFTER or tuple(after[:2]) in USAGE_AFTER
        or (nxt,) in USAGE_AFTER
    ):
        points += 1  # "py on the side", "Go at work"
    elif prev in DETERMINERS and nxt and nxt not in TECH_VOCAB:
        points -= 1  # "my Swift reply", "the rust on": used as an ordinary adjective / noun
    if lower_surface and prev in VERB_BEFORE:
        points -= 2
    if (prev in NAMING or prev2 in NAMING or nxt in NAME_AFTER) and not (
        nxt in STRONG_AFTER and (prev in GREETINGS or prev2 in GREETINGS)
    ):
        points -= 3
    if start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
        points -= 1
    if not (TECH_VOCAB.isdisjoint(before) and TECH_VOCAB.isdisjoint(after[1:])):
        points += 1
    if versioned or (text[end:end + 3].lstrip()[:1] in _ASIDE_STARTS
                     and _ASIDE.match(text, end) is not None):
        points += 2
    if not text.isascii() and not (
        text[start - 2 if start > 1 else 0 : start].isascii() and text[end : end + 2].isascii()
    ) and _next_to_cjk(text, start, end):
        points += 2
    if lower_surface or not surface[:1].isalpha():
        return points
    if surface.isupper():
        # "PHP", "SQL" are written so; "GO", "SWIFT" (shouting) are not evidence
        return points + 1 if (capitals and upper_name) or acronym else points
    if not surface[1:].islower() and any(c.isupper() for c in surface[1:]):
        return points + 2  # internal capitals are deliberate: "JavaScript", "iOS", "MySQL"
    if capitals and not opens:
        return points + 1  # a capital in mid-sentence
    return points


# "and" / "or" in the languages intros come in: German, Spanish, Portuguese, Italian, French,
# Dutch, Polish, Russian, Swedish, Norwegian/Danish, Turkish; CJK ones need no spaces.
_CONJUNCTIONS = (
    "and|or|&|to|vs\\.?|versus|plus|und|oder|sowie|y|e|o|ou|et|en|i|lub|\u0438|\u0438\u043b\u0438|och"
    "|eller|og|ve|veya"
)
_REPEATED = "en|em|in|with|con|com|avec|mit|no|na"
_COORDINATION = re.compile(
    # "Python et en C", "Java and in Kotlin": the preposition repeated after the conjunction
    rf"\s*(?:,|/|&|\+|\||;|、|•|·|,?\s*(?:{_CONJUNCTIONS})(?:\s+(?:{_REPEATED}))?|\(|\)|"
    r",\s*\()\s*\Z"
    r"|\s*[和与及或跟]\s*\Z"
    r"|\s*\n\s*(?:[-*•·–]\s*)?\Z",  # one per line, as in a bulleted list
    re.IGNORECASE,
)
# "Python and some C", "Django, a bit of Go": how much of the next item, after the separator
_AMOUNT = re.compile(
    rf"\s*(?:,|\+|,?\s*(?:{_CONJUNCTIONS}))\s+(?:some|also|a\s+bit\s+of|a\s+little"
    r"(?:\s+bit\s+of)?|lots\s+of|a\s+lot\s+of|basic)\s+\Z",
    re.IGNORECASE,
)
_AMOUNT_GAP = 22  # the longest gap _AMOUNT can match, in characters
_AMOUNT_ENDS = ("some ", "also ", " of ", "little ", "basic ", "Some ", "Also ")
_NEAR = 40


def coordination_points(text: str, left_end: int, right_start: int) -> int:
    """Points from a neighbouring skill: 2 if listed together ("X, Y", "X/Y", "X and Y"),
    1 if close by in the same sentence, else 0."""
    if right_start < left_end:
        return 0
    # anchored at the gap with pos/endpos: a long gap fails at its first word, nothing is copied
    if _COORDINATION.match(text, left_end, right_start) or (
        right_start - left_end <= _AMOUNT_GAP
        and text.endswith(_AMOUNT_ENDS, left_end, right_start)
        and _AMOUNT.match(text, left_end, right_start)
    ):
        return 2
    if right_start - left_end <= _NEAR and not _SENTENCE_END.search(text, left_end, right_start):
        return 1
    return 0
