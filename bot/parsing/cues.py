"""Learning, negation and mentoring cues, each with the stretch of text (scope) it governs."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.parsing import multilingual, verb_final
from bot.parsing.clauses import (
    LIST_ITEM,
    MAX_SCOPE,
    clause_end,
    extend_over_list,
    sentence_bounds,
)
from bot.parsing.mentoring_patterns import (
    AROUND_WORDS,
    CONTACT,
    HELPING_WORDS,
    OFFER,
    OFFER_AROUND,
    OFFER_WORDS,
    SEEKING,
)
from bot.parsing.triggers import Span, matches_at, matches_near


class CueKind(StrEnum):
    """What a cue says about the skills in its scope."""

    LEARNING = "learning"
    NEGATION = "negation"
    OFFER = "offer"
    SEEKING = "seeking"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue phrase at ``[start, end)`` governing the skills named up to ``scope_end``."""

    kind: CueKind
    start: int
    end: int
    scope_end: int
    phrase: str


_TO_LEARN = (
    r"learn|get into|try(?: out)?|explore|pick up|dive (?:deeper )?into|dig (?:deeper )?into|"
    r"master|get better (?:at|with)|improve (?:my|in|at)|start (?:with|learning)|"
    r"play (?:around )?with|tinker with|study|move into|transition (?:into|to)|switch to|"
    r"break into|understand|get started with|get familiar with|level up (?:in|on|with)"
)
_MODALS = (
    "want", "like", "hope", "hoping", "plan", "planning", "going", "aspire", "aspiring", "eager",
    "keen", "trying", "try", "excited", "looking", "intend", "intending", "need", "love",
)
_LEARNING_PHRASES = (
    "exploring", "studying", "picking up", "getting started with", "getting into", "new to",
    "diving into", "dabbling in", "dabbling with", "teaching myself", "trying out", "playing with",
    "playing around with", "tinkering with", "curious about", "beginner in", "beginner with",
    "beginner at", "looking for help with", "getting my feet wet with", "starting with",
    "starting out with", "getting familiar with", "getting to know", "brushing up on",
    "working towards", "working toward", "i study", "switching to", "switching over to",
    "moving to", "moving into", "moving over to", "pivoting to", "pivoting into",
    "transitioning to", "transitioning into",
    # "transitioning from accounting to data analytics": what comes after "to" is new
    r"transitioning from [^.,;!?\n]{1,40}? (?:to|into)",
)
# Every alternative starts at its trigger word, so checking a hit is one anchored match.
_LEARNING = re.compile(
    r"\U0001f331|learning\b|learn\b|"
    # "want to learn", and as non-native speakers write it, "I want improve my Go"
    rf"(?:wanna|want|(?:{'|'.join(_MODALS)})\s+to)\s+(?:{_TO_LEARN})\b|"
    rf"(?:{'|'.join(_LEARNING_PHRASES)})\b|(?:{multilingual.LEARNING})\b"
)
_LEARNING_WORDS = (
    # "learn " (then any separator), not "learn": "learned" and "learnt" never start a cue
    "\U0001f331", "learning", "learn ", "wanna", *(f"{m} to" for m in _MODALS),
    *(f"want {verb}" for verb in ("learn", "get", "try", "explore", "pick", "dive", "dig",
                                  "master", "improve", "start", "play", "tinker", "study",
                                  "move", "transition", "switch", "break", "understand", "level")),
    *{" ".join(p.split()[:2]) for p in _LEARNING_PHRASES}, *multilingual.LEARNING_WORDS,
)
_NOT_A_LEARNING_CUE_BEFORE = re.compile(
    r"(?:machine|deep|reinforcement|continuous|lifelong|e|online|distance|federated|transfer|"
    r"supervised|unsupervised|self-supervised|active|statistical|meta|representation|"
    r"contrastive|ensemble|structured|q|incremental|few-shot|zero-shot|multi-task|multitask|"
    r"collaborative|peer|social|blended|adaptive|organizational|organisational)[\s-]*\Z"
)
_NOT_A_LEARNING_CUE_AFTER = re.compile(
    r"\s+(?:curve|experiences?|platforms?|management|systems?|resources?|path|culture|"
    r"opportunit\w*|environment|process|materials?|rate|algorithms?|models?|outcomes?|"
    r"objectives?|and development|& development|center|centre|hub|app|site|portal)\b"
)
# "learning to code" names its own goal, unless a language follows ("learning to code in Go").
_TO_CODE = re.compile(r"\s+(?:how\s+)?to\s+(?:code|program)\b(?!\s*:|\s+(?:in|with|using)\b)")
# "I spent four years learning X", "after learning X", "was learning X": X is known by now.
_PAST_LEARNING = re.compile(
    r"\b(?:spent|spend|after|was|were|had to|needed to|managed to)\b[^.\n]{0,60}\Z|"
    r"\b(?:years?|months?)\s+\Z"
)

_NEGATION = re.compile(
    r"(?:never|not yet|haven't|have not|havent|hasn't|didn't|did not)\s+(?:\w+\s+){0,2}?"
    r"(?:used|touched|worked (?:with|on|in)|written|tried|learned|learnt|done|coded|programmed|"
    r"played with|dabbled (?:in|with)|had (?:the|a|any) (?:chance|time|opportunity) to "
    r"(?:learn|use|try)|gotten into|got into|looked (?:at|into))\b|"
    r"(?:don't|do not|dont|didn't|did not)\s+(?:really\s+|yet\s+|actually\s+)?"
    r"(?:know|use|do|write|speak|code in|work with|have (?:any |much )?experience (?:with|in))\b|"
    r"(?:no|zero|little(?: to no)?|without(?: any)?|lack(?:ing)?(?: of)?)\s+"
    r"(?:prior\s+|real\s+|professional\s+|practical\s+|hands-on\s+|commercial\s+)*"
    r"(?:experience|exposure|knowledge)\s+(?:with|in|of|using)\b|"
    r"(?:not|never been)\s+(?:very\s+|really\s+|too\s+|that\s+|super\s+)?"
    r"(?:familiar|experienced|comfortable|proficient)\s+(?:with|in)\b|"
    r"unfamiliar with\b|no idea (?:about|how)\b|know nothing about\b"
)
_NEGATION_WORDS = (
    "never", "not yet", "haven't", "have not", "havent", "hasn't", "didn't", "did not", "don't",
    "do not", "dont", "no ", "zero", "little", "without", "lack", "not ", "unfamiliar",
    "know nothing",
)

# A negation about someone else ("students who didn't know CI/CD") says nothing about the writer.
_OTHER_SUBJECT = re.compile(
    r"\b(?:who|he|she|they|people|students|someone|somebody|nobody|everyone|others|colleagues|"
    r"users|you|it|that)\b[^.\n]{0,20}\Z"
)
_FIRST_PERSON_NEAR = re.compile(r"\b(?:i|i'm|i've|i am|me|myself)\b[^.\n]{0,25}\Z")

# How far after its trigger a cue can reach: the longest cue phrase plus the widest scope.
_REACH = 100 + MAX_SCOPE
# How far after an offer trigger its helping word can be ("we'd be able to probably help").
_OFFER_REACH = 80

TRIGGERS: dict[str, tuple[str, ...]] = {
    "learning": _LEARNING_WORDS,
    "negation": _NEGATION_WORDS,
    "offer": OFFER_WORDS,
    "mentor_around": AROUND_WORDS,
    "offer_word": HELPING_WORDS,
    **verb_final.TRIGGERS,
}


def _at(pattern: re.Pattern[str], low: str, hits: Sequence[Span]) -> list[Span]:
    return [m.span() for m in matches_at(pattern, low, hits)]


def _with_offer_word(
    hits: Sequence[Span], around: Sequence[Span], words: Sequence[Span]
) -> Sequence[Span]:
    """The offer triggers followed closely by a helping word ("mentor", "help", "teach", ...):
    every offer phrase ends in one, so the others need no pattern run."""
    if not hits:
        return hits
    starts = sorted(s for s, _ in (*around, *words))
    if not starts:
        return []
    kept: list[Span] = []
    for span in hits:
        i = bisect_left(starts, span[0])
        if i < len(starts) and starts[i] < span[0] + _OFFER_REACH:
            kept.append(span)
    return kept


def _relevant(low: str, hits: Sequence[Span], mention_starts: Sequence[int] | None
              ) -> Sequence[Span]:
    """The trigger hits whose cue could govern a skill mention: one starts within the widest
    reach of a cue (phrase plus scope), or the cue may head a list. Others cannot change what
    the parser reports, so their patterns are not run."""
    if mention_starts is None or not hits:
        return hits
    if not mention_starts:
        return []
    kept: list[Span] = []
    for span in hits:
        start = span[0]
        i = bisect_left(mention_starts, start)
        if i == len(mention_starts):
            continue  # no mention after this trigger
        if mention_starts[i] < start + _REACH:
            kept.append(span)
            continue
        line_end = low.find("\n", start, start + _REACH)
        if line_end >= 0 and LIST_ITEM.match(low, line_end + 1):
            kept.append(span)
    return kept


def _near(pattern: re.Pattern[str], low: str, hits: Sequence[Span]) -> list[Span]:
    return [m.span() for m in matches_near(pattern, low, hits)]


def _is_learning(low: str, start: int, end: int) -> bool:
    if low.startswith("learn", start) or low.startswith("learn", end - 5):
        if _NOT_A_LEARNING_CUE_BEFORE.search(low, max(0, start - 25), start):
            return False
        if _NOT_A_LEARNING_CUE_AFTER.match(low, end):
            return False
    sentence_start, _ = sentence_bounds(low, start, end, reach=80)
    return _PAST_LEARNING.search(low, sentence_start, start) is None


def _make(kind: CueKind, text: str, low: str, span: Span) -> Cue:
    start, end = span
    scope = extend_over_list(low, end, clause_end(low, end))
    return Cue(kind, start, end, scope, text[start:end])


def find_cues(
    text: str,
    low: str,
    hits: Mapping[str, Sequence[Span]],
    mention_starts: Sequence[int] | None = None,
) -> list[Cue]:
    """Cues in the text, ordered by position; learning cues about other people are dropped.

    With ``mention_starts`` (sorted), learning and negation cues that cannot govern any of
    those positions are skipped; offers and requests for a mentor are always found.
    """
    cues: list[Cue] = []
    negations = _relevant(low, hits.get("negation", ()), mention_starts)
    for span in _at(_NEGATION, low, negations):
        if not _OTHER_SUBJECT.search(low, max(0, span[0] - 30), span[0]):
            cues.append(_make(CueKind.NEGATION, text, low, span))
    around = hits.get("mentor_around", ())
    seeking = _near(SEEKING, low, around)
    for span in seeking:
        cues.append(_make(CueKind.SEEKING, text, low, span))
    offer_hits = _with_offer_word(hits.get("offer", ()), around, hits.get("offer_word", ()))
    offered = sorted(_at(OFFER, low, offer_hits) + _near(OFFER_AROUND, low, around))
    if seeking:  # "looking for a mentor, feel free to DM me": an invitation, not an offer
        offered = [span for span in offered if not low.startswith(CONTACT, span[0])]
    last_end = -1
    for span in offered:
        if span[0] >= last_end and not any(s < span[1] and span[0] < e for s, e in seeking):
            cues.append(_make(CueKind.OFFER, text, low, span))
            last_end = span[1]
    offers = [c for c in cues if c.kind is CueKind.OFFER]
    learning = _relevant(low, hits.get("learning", ()), mention_starts)
    for span in _at(_LEARNING, low, learning):
        if not _is_learning(low, *span):
            continue
        about_others = any(
            o.end <= span[0] < o.scope_end
            and not _FIRST_PERSON_NEAR.search(low, max(o.end, span[0] - 30), span[0])
            for o in offers
        )
        if not about_others:
            cue = _make(CueKind.LEARNING, text, low, span)
            to_code = _TO_CODE.match(low, cue.end)
            if to_code is not None:  # "learning to code 🙂 HTML/CSS so far": coding is the goal
                cue = replace(cue, scope_end=to_code.end())
            cues.append(cue)
    for begin, end, cue_end in verb_final.final_learning_spans(
        low, hits.get("learning_final", ())
    ):
        cues.append(Cue(CueKind.LEARNING, begin, begin, end, text[begin:cue_end]))
    cues.sort(key=lambda c: c.start)
    return cues


# "Rust: learning, Go: advanced": a level written as one item's value, right after the skill and
# a label mark, with nothing but a separator after it, belongs to that item only.
_VALUE_BEFORE = re.compile(r"[ \t]*[:(\-\u2013\u2014=][ \t]*(?:(?:currently|still|just|now) )?")
ITEM_VALUE_END = re.compile(r"[ \t]*(?:[,;/|)\n\u2022\u00b7]|\.(?!\w)|\Z)")
_VALUE_GAP = 24


def bind_item_values(cues: list[Cue], low: str, mention_ends: Sequence[int]) -> list[Cue]:
    """Learning cues that are the value of a labelled list item ("Haskell: learning") govern
    nothing after their item (the item's own skill is read by the parser's aside check)."""
    for index, cue in enumerate(cues):
        if cue.kind is not CueKind.LEARNING or cue.scope_end <= cue.end:
            continue
        i = bisect_right(mention_ends, cue.start) - 1
        if i >= 0 and cue.start - mention_ends[i] <= _VALUE_GAP and (
            _VALUE_BEFORE.fullmatch(low, mention_ends[i], cue.start)
            and ITEM_VALUE_END.match(low, cue.end)
        ):
            cues[index] = replace(cue, scope_end=cue.end)
    return cues


def governing_cue(cues: Sequence[Cue], starts: Sequence[int], pos: int) -> Cue | None:
    """The nearest cue before ``pos`` whose scope reaches it (``starts`` = the cues' starts)."""
    i = bisect_right(starts, pos) - 1
    for cue in reversed(cues[max(0, i - 5) : i + 1]):
        if cue.end <= pos < cue.scope_end:
            return cue
        if cue.start <= pos < cue.end:
            return None
    return None
