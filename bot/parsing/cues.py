"""Learning, negation and mentoring cues, each with the stretch of text (scope) it governs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.parsing.clauses import clause_end, extend_over_list, sentence_bounds
from bot.parsing.triggers import Span, matches_near


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
_LEARNING = re.compile(
    r"\U0001f331|\blearning\b|\blearn\b(?!ed|t|s)|"
    r"\b(?:want|wanna|would like|'d like|hope|hoping|plan|planning|going|aspire|aspiring|eager|"
    r"keen|trying|try|excited|looking|intend|intending|need|love|would love|'d love)\s+to\s+"
    rf"(?:{_TO_LEARN})\b|"
    r"\b(?:currently |now |also )?(?:exploring|studying|picking up|getting started with|"
    r"getting into|new to|diving into|dabbling (?:in|with)|teaching myself|trying out|"
    r"playing (?:around )?with|tinkering with|curious about|beginner (?:in|with|at)|"
    r"looking for help with|getting my feet wet with|starting (?:out )?with|"
    r"getting familiar with|getting to know|brushing up on|working towards|working toward)\b"
)
_LEARNING_WORDS = (
    "\U0001f331", "learn", "exploring", "studying", "picking up", "getting started", "getting into",
    "new to", "diving into", "dabbling", "teaching myself", "trying out", "playing", "tinkering",
    "curious about", "beginner", "looking for help", "feet wet", "starting", "getting familiar",
    "getting to know", "brushing up", "working toward", "to try", "to get into", "to explore",
    "to pick up", "to dive", "to dig", "to master", "to get better", "to improve", "to start",
    "to play", "to tinker", "to study", "to move into", "to transition", "to switch",
    "to break into", "to understand", "to get started", "to get familiar", "to level up",
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
# "I spent four years learning X", "after learning X", "was learning X": X is known by now.
_PAST_LEARNING = re.compile(
    r"\b(?:spent|spend|after|was|were|had to|needed to|managed to)\b[^.\n]{0,60}\Z|"
    r"\b(?:years?|months?)\s+\Z"
)

_NEGATION = re.compile(
    r"\b(?:never|not yet|haven't|have not|havent|hasn't|didn't|did not)\s+(?:\w+\s+){0,2}?"
    r"(?:used|touched|worked (?:with|on|in)|written|tried|learned|learnt|done|coded|programmed|"
    r"played with|dabbled (?:in|with)|had (?:the|a|any) (?:chance|time|opportunity) to "
    r"(?:learn|use|try)|gotten into|got into|looked (?:at|into))\b|"
    r"\b(?:don't|do not|dont|didn't|did not)\s+(?:really\s+|yet\s+|actually\s+)?"
    r"(?:know|use|do|write|speak|code in|work with|have (?:any |much )?experience (?:with|in))\b|"
    r"\b(?:no|zero|little(?: to no)?|without(?: any)?|lack(?:ing)?(?: of)?)\s+"
    r"(?:prior\s+|real\s+|professional\s+|practical\s+|hands-on\s+|commercial\s+)*"
    r"(?:experience|exposure|knowledge)\s+(?:with|in|of|using)\b|"
    r"\b(?:not|never been)\s+(?:very\s+|really\s+|too\s+|that\s+|super\s+)?"
    r"(?:familiar|experienced|comfortable|proficient)\s+(?:with|in)\b|"
    r"\bunfamiliar with\b|\bno idea (?:about|how)\b|\bknow nothing about\b"
)
_NEGATION_WORDS = (
    "never", "not yet", "haven't", "have not", "havent", "hasn't", "didn't", "did not", "don't",
    "do not", "dont", "no prior", "no experience", "no real", "no professional", "no practical",
    "no hands-on", "no commercial", "no exposure", "no knowledge", "zero", "little", "without",
    "lack", "familiar", "not experienced", "not very", "not really", "not comfortable",
    "not proficient", "no idea", "nothing about",
)

_HELP_VERBS = (
    r"mentor|help(?: out)?|coach|teach(?!ing myself)|pair|guide|answer (?:any )?questions|"
    r"support|share (?:my|what i)|give back|review"
)
_OFFER = re.compile(
    r"\b(?:happy|glad|willing|keen|eager|available|open|able|here|ready|delighted|excited|"
    r"love|like|would love|'d love|always up|up for it)\s+to\s+"
    rf"(?:{_HELP_VERBS})\b|"
    r"\b(?:love|enjoy|like|open to|interested in|passionate about|into|available for)\s+"
    r"(?:mentoring|mentorship|helping (?:others|people|folks|newcomers|juniors|beginners|out)|"
    r"coaching|teaching(?! myself)|pairing|sharing|answering questions)\b|"
    r"\b(?:i|we)\s+(?:can|could|'d be able to)\s+(?:also\s+|definitely\s+|probably\s+)?"
    r"(?:help|mentor|coach|teach|answer)\b|"
    r"(?<!you )(?<!one )(?<!body )(?<!who )\bcan help(?: out)? with\b|"
    r"\bi\s+(?:also\s+|regularly\s+|actively\s+|currently\s+|occasionally\s+|often\s+)?"
    r"(?:mentor|coach)\b|"
    r"\bi(?:'ve| have)\s+(?:also\s+)?(?:been\s+)?(?:mentored|mentoring|coached|coaching)\b|"
    r"\b(?:i'm|i am)\s+(?:also\s+|currently\s+)?(?:a|an)\s+(?:\w+\s+)?(?:mentor|coach)\b|"
    r"\bmentor(?:ing)?\s+(?:others|juniors|junior \w+|newcomers|new \w+|students|people|folks|"
    r"devs|developers|engineers|interns|beginners|bootcamp\w*)\b|"
    r"\bask me (?:about|anything)\b"
)
_SEEKING = re.compile(
    r"\b(?:looking for|seeking|searching for|in search of|need|needing|want|would love|'d love|"
    r"would like|'d like|hoping (?:to find|for)|hope to find|find|get|would appreciate|"
    r"appreciate)\s+(?:a\s+|an\s+|some\s+|new\s+|good\s+|the\s+)*"
    r"(?:mentors?|mentorship|mentoring|guidance|help|someone to mentor me)\b|"
    r"\b(?:be|being|get|getting) mentored\b|\b(?:a|as a) mentee\b|"
    r"\b(?:can|could|would) (?:someone|anyone|somebody) (?:help|mentor|guide) me\b"
)
_OFFER_WORDS = (
    "mentor", "help", "coach", "teach", "pair", "guid", "answer", "support", "share",
    "give back", "review", "ask me",
)
_FIRST_PERSON_NEAR = re.compile(r"\b(?:i|i'm|i've|i am|me|myself)\b[^.\n]{0,25}\Z")

TRIGGERS: dict[str, tuple[str, ...]] = {
    "learning": _LEARNING_WORDS,
    "negation": _NEGATION_WORDS,
    "mentoring": _OFFER_WORDS,
}
def _spans(pattern: re.Pattern[str], low: str, hits: Sequence[Span]) -> list[Span]:
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


def find_cues(text: str, low: str, hits: Mapping[str, Sequence[Span]]) -> list[Cue]:
    """All cues in the text, ordered by position; learning cues about other people are dropped."""
    cues: list[Cue] = []
    for span in _spans(_NEGATION, low, hits.get("negation", ())):
        cues.append(_make(CueKind.NEGATION, text, low, span))
    mentoring = hits.get("mentoring", ())
    for span in _spans(_SEEKING, low, mentoring):
        cues.append(_make(CueKind.SEEKING, text, low, span))
    seeking = [(c.start, c.end) for c in cues if c.kind is CueKind.SEEKING]
    for span in _spans(_OFFER, low, mentoring):
        if not any(s < span[1] and span[0] < e for s, e in seeking):
            cues.append(_make(CueKind.OFFER, text, low, span))
    offers = [c for c in cues if c.kind is CueKind.OFFER]
    for span in _spans(_LEARNING, low, hits.get("learning", ())):
        if not _is_learning(low, *span):
            continue
        about_others = any(
            o.end <= span[0] < o.scope_end
            and not _FIRST_PERSON_NEAR.search(low, max(o.end, span[0] - 30), span[0])
            for o in offers
        )
        if not about_others:
            cues.append(_make(CueKind.LEARNING, text, low, span))
    cues.sort(key=lambda c: c.start)
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
