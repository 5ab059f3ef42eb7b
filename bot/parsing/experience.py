"""Years of experience: the career total, plus years stated for one skill.

Rules (judgement calls, tested in tests/bot/parsing/test_experience.py):
- Only career statements count towards the total: "8 years of experience", "10+ years in the
  industry", "over a decade of ...", "coding for 8 years", "seven companies in eight years",
  "coding since 2015", "started programming in 2012". The total is the largest such statement.
- "8 years of Python" / "Python (5 yrs)" / "writing Go since 2016" / "Java developer for 10
  years" / "Unity dev since 2017" set that skill's years; when no career statement exists, the
  total is the largest. An amount after a list covers the list ("Bash and Linux for 10 years").
- First-person past statements count as career ("I worked as a developer for 5 years"), and so
  do years in a tech sector ("8 years in B2B SaaS"; not "5 years in healthcare").
- An amount that is a list item of its own ("backend dev, 5+ yrs, CET", "⏰ 6 years 🇧🇷",
  "3+ years.") and belongs to no skill is a career statement; so is "Since 2012." on its own.
- Common Spanish, Portuguese, French, German and Italian forms read the same way: "5 años de
  experiencia en Java", "8 anos de experiência", "6 ans d'expérience", "7 Jahren Erfahrung",
  "há 3 anos", "desde hace 4 años", "depuis 2019", "seit 2015" (see ``multilingual``).
- Ignored: vague amounts ("a few years", "several", "a couple of years"), ages and time references
  ("two years ago", "12 years old", "two years before X"; "for 10 years before that" counts),
  schooling ("four years learning ...", "4 years at university"). Ranges take the lower bound,
  "10+" and "over 10" count as 10, months count as twelfths. Values outside 0..60 are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.parsing import multilingual
from bot.parsing.amounts import (
    GLUED_AMOUNTS,
    NUMBER_WORDS,
    after_with,
    number,
    standalone,
    unit_ok,
    unit_years,
)
from bot.parsing.clauses import sentence_bounds
from bot.parsing.triggers import Span

MAX_YEARS = 60.0
_NUMBER = r"\d{1,2}(?:[.,]\d{1,2})?|" + "|".join(
    sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)
)
_QUANTITY = re.compile(
    rf"(?<![\w.])(?P<num>{_NUMBER})(?:(?:-| and )a half)?"
    rf"(?:\s*(?:-|\u2013|to)\s*(?:{_NUMBER}))?\s*\+?\s*-?\s*\Z"
)
_VAGUE = re.compile(r"\b(?:few|several|many|some|couple(?: of)?|number of|multiple|numerous)\s*\Z")
_SKIP_AFTER = re.compile(
    r"(?:'s)?-?\s*(?:ago|old|later|earlier|from now|before|back|prior|younger|older|in a row|"
    r"of age)\b|"
    r"(?:'|\u2019)?\s*(?:of\s+|at\s+|in\s+)?(?:learning|studying|study|school|university|uni|"
    r"college|education|degree|phd|bachelor|master|high school)\b"
)
_SKIP_BEFORE = re.compile(r"\b(?:next|coming|within|every|per|each|first)\s+\Z|\bin\s+\Z")
_CAREER_AFTER = re.compile(
    r"(?:'|\u2019)?\s*(?:of\s+|in\s+)?(?:(?:professional|industry|hands-on|commercial|working|work|"
    r"relevant|combined|total|overall|solid|practical|real-world|production|full-time|dev|"
    r"development|software|engineering|programming|coding|it)\s+)*(?:experience|exp|xp)\b|"
    r"\s+(?:of\s+)?(?:professional(?:ly)?|in (?:the )?(?:industry|tech|software|it|web|games?|"
    r"gaming|fintech|the field|this field|development|engineering|data|devops|backend|"
    # tech sectors; not "5 years in banking / healthcare" (a career changer's former field)
    r"(?:b2b |b2c |enterprise )?(?:saas|e-?commerce|healthtech|edtech|adtech|agencies)|"
    r"back-end|frontend|front-end|security|infrastructure|infra|startups?|open source|"
    r"programming|product|consulting|the trenches|appsec|infosec|cyber ?security|qa|testing|"
    r"mobile|embedded|cloud|ux|design|analytics|ml|ai|research|it operations|ops)\b|"
    r"(?:of\s+)?(?:coding|programming|software|engineering|development|developing|building|"
    r"writing (?:code|software)|working|shipping|hacking|designing|architecting|leading|"
    r"managing|running)\b)|"
    r"\s+of\s+(?:[\w-]+\s+){0,2}?(?:work|development|engineering|coding|programming|"
    r"experience)\b|"
    r"\s+(?:[\w-]+\s+){1,3}?for a living\b|"  # "7 years breaking things for a living"
    r"\s+(?:as|being)\s+(?:a|an)\s+(?!student|intern)|"
    rf"\s*(?:{multilingual.EXPERIENCE})\b"
)
_CAREER_BEFORE = re.compile(
    r"\b(?:companies|jobs|roles|teams|startups|employers|positions|gigs)\s+in\s+\Z|"
    r"\b(?:career|experience)\s+(?:of|spanning|over)\s+\Z"
)

_FOR_BEFORE = re.compile(
    rf"\b(?:for|over|since|{multilingual.FOR})\s+(?:the\s+)?(?:(?:last|past)\s+)?"
    r"(?:over\s+|more than\s+|almost\s+|nearly\s+|about\s+|around\s+|roughly\s+|close to\s+)?\Z"
)
_CAREER_WORDS = re.compile(
    r"\b(?:cod|program|develop|engineer|software|industr|profession|career|tech\b|work|build|"
    rf"writ|doing this|devops|design|hack|ship|{multilingual.WORK})"
)
_SKILL_AFTER = re.compile(
    r"(?:'|\u2019)?\s*(?:of\s+)?(?:(?:professional|hands-on|commercial|production|working|solid|"
    r"practical|real-world)\s+)*(?:experience\s+)?(?:of\s+|with\s+|in\s+|using\s+|writing\s+|"
    r"doing\s+|working (?:with|in)\s+|programming in\s+|coding in\s+|developing (?:in|with)\s+)?"
    rf"(?:(?:{multilingual.EXPERIENCE})\s+)?(?:{multilingual.SKILL_JOIN})?"  # "4 años con Swift"
)
_SKILL_BEFORE = re.compile(
    # "Java dev for 5 years", "(Unity + C#) for 5 years"
    r"\A(?:\)\s*(?=for|since))?\s*(?:(?:developer|dev|engineer|programmer)\s+(?=for|since))?"
    rf"(?:\(|:|-|\u2013|\u2014|,|for|since|{multilingual.FOR})?\s*(?:over|about|~|almost|nearly|"
    r"around|the (?:last|past))?\s*\Z"
)
# "for 10 years before that" is a duration, "two years before the pandemic" a point in time.
_DURATION_SKIP = re.compile(r"\s*(?:before|prior|earlier)\b")
# Between skills listed together: "X and Y", "X, Y", "X/Y", "X & Y", "(X + Y)", "X y Y", "X und Y".
_LIST_GAP = re.compile(r"\(?\s*(?:,|/|&|\+|,?\s+(?:and|y|e|et|und))\s*\(?")
_MAX_LISTED = 4
_FIRST_PERSON = re.compile(
    r"\b(?:i've|i have|been|i'm|i am|i (?:\w+ly\s+)?(?:worked|was|coded|programmed|developed|"
    r"built|wrote|did|spent|freelanced|served))\b"
)
_FOREIGN_FOR = re.compile(rf"\b(?:{multilingual.FOR})\s+\Z")
_SINCE = re.compile(
    rf"(?:since|{'|'.join(multilingual.SINCE_WORDS)})\s+(?:early\s+|late\s+|mid[- ]?)?"
    r"(19[6-9]\d|20\d\d)\b"
)
# "seit 2016 als DevOps-Engineer", "since 2015 as a backend developer"
_AS_ROLE = re.compile(
    rf"\s+(?:as|als|como|comme|come)\s+(?:a\s+|an\s+)?[^.\n]{{0,30}}?(?:{multilingual.WORK}|"
    r"developer|programmer|engineer|architect|dev\b|sre\b|admin)"
)
_STARTED = re.compile(
    r"(?:started|began)\b(?P<mid>[^.\n]{0,40}?)\b(?:in|back in|around)\s+(19[6-9]\d|20\d\d)\b"
)
_START_WORDS = re.compile(
    r"cod|program|develop|career|working|professional|engineer|to code|software|hack"
)

LOOSE_GROUPS: tuple[str, ...] = ("years_glued",)  # "Go (5y)": after punctuation too

TRIGGERS: dict[str, tuple[str, ...]] = {
    "years": ("year", "yr", "decade", "month", *multilingual.UNIT_WORDS),
    "years_glued": GLUED_AMOUNTS,
    "since": ("since", *multilingual.SINCE_WORDS),
    "started": ("started", "began"),
}


@dataclass(frozen=True, slots=True)
class YearsFinding:
    """A stated amount of experience: career-wide, for one mention, or both."""

    years: float
    start: int
    end: int
    career: bool
    mention_index: int | None = None
    listed: bool = False  # copied to a skill listed before the one it follows


def _mention_at(low: str, starts: Sequence[int], pos: int, slack: int = 2) -> int | None:
    """The mention starting right at ``pos``, after whitespace only ("Go - 3 yrs": Go's)."""
    i = bisect_left(starts, pos)
    if i < len(starts) and starts[i] - pos <= slack and not low[pos:starts[i]].strip():
        return i
    return None


def _mention_before(
    low: str, ends: Sequence[int], starts: Sequence[int], pos: int, begin: int
) -> int | None:
    i = bisect_left(ends, pos + 1) - 1
    if i >= 0 and ends[i] >= begin and _SKILL_BEFORE.match(low[ends[i]:pos]):
        return i
    return None


def _amount(low: str, span: Span, spans: tuple[Sequence[int], Sequence[int]]
            ) -> YearsFinding | None:
    start, end = span
    while start < end and not low[start].isalpha():
        start += 1  # a glued amount: the unit starts after the number ("9y")
    if start > 0 and low[start - 1].isalpha():
        return None
    unit_end = end
    while unit_end < len(low) and low[unit_end].isalpha():
        unit_end += 1
    unit = low[start:unit_end]
    if not unit_ok(unit):
        return None
    # a number must come right before the unit; without one in the widest window there is
    # none in the sentence either
    skipped = _SKIP_AFTER.match(low, unit_end) is not None
    if _QUANTITY.search(low, max(0, start - 40), start) is None or (
            skipped and not _DURATION_SKIP.match(low, unit_end)):
        return None
    begin, _ = sentence_bounds(low, start, end, reach=120)
    quantity = _QUANTITY.search(low, max(begin, start - 40), start)
    if quantity is None or _VAGUE.search(low, max(begin, start - 20), start):
        return None
    if skipped and not _FOR_BEFORE.search(low, max(begin, quantity.start() - 40), quantity.start()):
        return None
    value = number(quantity.group("num"))
    if value is None:
        return None
    if _SKIP_BEFORE.search(low, max(begin, quantity.start() - 30), quantity.start()) and not (
        _CAREER_BEFORE.search(low, max(begin, quantity.start() - 40), quantity.start())
    ):
        return None
    years = unit_years(unit, value)
    if not 0 <= years <= MAX_YEARS:
        return None
    starts, ends = spans
    before = low[max(begin, quantity.start() - 40):quantity.start()]
    career = bool(_CAREER_AFTER.match(low, unit_end) or _CAREER_BEFORE.search(before)) or bool(
        _FOR_BEFORE.search(before)
        and _CAREER_WORDS.search(low, begin, min(len(low), unit_end + 40))
        and (_FIRST_PERSON.search(low, begin, quantity.start()) is not None
             or _FOREIGN_FOR.search(before) is not None)
    )
    skill_pos = _SKILL_AFTER.match(low, unit_end)
    mention = _mention_at(low, starts, skill_pos.end()) if skill_pos else None
    if mention is None:
        mention = _mention_before(low, ends, starts, quantity.start(), begin)
    if mention is None and not career:
        career = standalone(low, quantity.start(), unit_end) or after_with(low, before, unit_end)
        if not career:
            return None
    return YearsFinding(years, quantity.start(), unit_end, career, mention)


def _since(low: str, span: Span, today_year: int, pattern: re.Pattern[str],
           spans: tuple[Sequence[int], Sequence[int]]) -> YearsFinding | None:
    found = pattern.match(low, span[0])
    if found is None:
        return None
    years = float(today_year - int(found.group(found.lastindex or 1)))
    if not 0 <= years <= MAX_YEARS:
        return None
    begin, _ = sentence_bounds(low, span[0], span[1], reach=120)
    starts, ends = spans
    if pattern is _STARTED:
        mid_start, mid_end = found.span("mid")
        i = bisect_left(starts, mid_start)
        mention = i if i < len(starts) and starts[i] < mid_end else None
        career = bool(_START_WORDS.search(found.group("mid")))
        if mention is None and not career:
            return None
        return YearsFinding(years, found.start(), found.end(), career, mention)
    mention = _mention_before(low, ends, starts, span[0], begin)
    if mention is None:  # "Unity dev since 2017": the role noun needs "since" after it
        mention = _mention_before(low, ends, starts, span[1], begin)
    if mention is None and not (_CAREER_WORDS.search(low, begin, span[0])
                                or standalone(low, found.start(), found.end())
                                or _AS_ROLE.match(low, found.end())):
        return None
    return YearsFinding(years, found.start(), found.end(), mention is None, mention)


def _listed_with(low: str, amount: YearsFinding, spans: tuple[Sequence[int], Sequence[int]]
                 ) -> list[YearsFinding]:
    """The same amount for the skills listed right before the one it follows: "Bash and Linux
    for 10 years" gives Bash 10 years as well."""
    index = amount.mention_index
    starts, ends = spans
    if index is None or starts[index] > amount.start:
        return []
    listed: list[YearsFinding] = []
    while index > 0 and len(listed) < _MAX_LISTED and _LIST_GAP.fullmatch(
        low, ends[index - 1], starts[index]
    ):
        index -= 1
        listed.append(YearsFinding(amount.years, amount.start, amount.end, False, index, True))
    return listed


def find_years(
    low: str,
    hits: Mapping[str, Sequence[Span]],
    mention_starts: Sequence[int],
    mention_ends: Sequence[int],
    today_year: int,
) -> list[YearsFinding]:
    """Every usable experience statement, in text order (mentions given by sorted starts and
    ends; ``mention_index`` refers to them)."""
    spans = (mention_starts, mention_ends)
    found: list[YearsFinding] = []
    for span in (*hits.get("years", ()), *hits.get("years_glued", ())):
        amount = _amount(low, span, spans)
        if amount is not None:
            found.append(amount)
            found.extend(_listed_with(low, amount, spans))
    for span in hits.get("since", ()):
        since = _since(low, span, today_year, _SINCE, spans)
        if since is not None:
            found.append(since)
    for span in hits.get("started", ()):
        started = _since(low, span, today_year, _STARTED, spans)
        if started is not None:
            found.append(started)
    found.sort(key=lambda f: f.start)
    return found


def career_years(findings: Sequence[YearsFinding]) -> YearsFinding | None:
    """The career total: the largest career statement, else the largest per-skill figure."""
    career = [f for f in findings if f.career]
    pool = career or list(findings)
    return max(pool, key=lambda f: f.years) if pool else None
