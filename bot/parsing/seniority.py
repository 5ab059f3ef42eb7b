"""Career stage from how the member describes themselves.

Mapping (judgement calls): student/intern/trainee/bootcamp/new grad -> student; junior/entry-level
/associate -> junior; mid-level/intermediate -> mid; senior/Sr./Snr -> senior; staff and plain
"architect" titles -> staff (architect titles range from mid-level to chief, so the middle of the
IC ladder); tech/team lead, "ran/led a ... team", engineering manager, head of engineering, CTO,
VP/director of engineering -> lead; principal, distinguished, chief architect, engineering
fellow -> principal.

Strength: a present self-description ("I'm a Sr. Engineer", "working as a tech lead") beats a
title at the start of a line ("Senior Backend Engineer at X") or leading a team ("ran a
four-person team"). Past roles ("I was a junior", "started as an intern"), plural titles ("worked
with senior engineers"), titles of others ("a meeting with the CTO") and bare words ("a senior
member of the community") do not count, except a bare level word in a first-person statement
("I'm senior"), the weakest evidence. Within the strongest evidence the highest level wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.domain.profile import Seniority
from bot.parsing.clauses import sentence_start
from bot.parsing.triggers import Span, matches_at

_ROLE = (
    r"(?:engineer|developer|dev|programmer|architect|sre|scientist|analyst|designer|consultant|"
    r"administrator|sysadmin|swe|sde|coder|researcher|tester|specialist|technologist|hacker|"
    r"devops|contractor|freelancer|manager|associate)(?![\w-])"
)
_LEVELS = {
    "senior": Seniority.SENIOR, "sr": Seniority.SENIOR, "snr": Seniority.SENIOR,
    "junior": Seniority.JUNIOR, "jr": Seniority.JUNIOR, "entry-level": Seniority.JUNIOR,
    "entry level": Seniority.JUNIOR, "associate": Seniority.JUNIOR, "mid level": Seniority.MID,
    "midlevel": Seniority.MID, "mid": Seniority.MID,
    "intermediate": Seniority.MID, "staff": Seniority.STAFF, "principal": Seniority.PRINCIPAL,
    "distinguished": Seniority.PRINCIPAL, "chief": Seniority.PRINCIPAL, "lead": Seniority.LEAD,
}
_LEVEL_WORD = (
    r"senior|sr|snr|junior|jr|entry[- ]level|associate|mid[- ]?level|mid|intermediate|staff|"
    r"principal|distinguished|chief|lead"
)
_LEAD_TITLES = (
    "tech lead", "technical lead", "team lead", "engineering lead", "development lead",
    "dev lead", "squad lead", "chapter lead", "engineering manager", "development manager",
    "software manager", "dev manager", "cto", "vp of engineering", "vp engineering",
    # a field's lead: "Mobile lead", "QA lead at ..."
    "mobile lead", "frontend lead", "front-end lead", "backend lead", "back-end lead",
    "android lead", "ios lead", "platform lead", "infrastructure lead", "infra lead", "qa lead",
    "test lead", "devops lead", "sre lead", "security lead", "data science lead", "ml lead",
)
_TEAM_VERBS = (
    "ran", "run", "runs", "running", "led", "lead", "leading", "leads", "managed", "manage",
    "managing", "manages", "headed", "heading",
)
_STUDENT_WORDS = (
    "student", "intern", "trainee", "apprentice", "undergrad", "undergraduate", "bootcamp",
    "bootcamper", "boot camp", "new grad", "recent grad", "recent graduate", "fresh grad",
    "fresh graduate", "fresher", "freshman", "sophomore", "phd candidate", "phd student",
    "grad student", "graduate student", "junior year", "senior year", "final year",
    "final-year", "first-year", "second-year", "third-year", "fourth-year", "1st-year",
    "2nd-year", "3rd-year", "4th-year", "cs major", "computer science major",
    # Spanish, Portuguese, French, Italian, German: "soy estudiante", "Informatikstudent"
    "estudiante", "estudante", "studente", "studentessa", "studentin", "werkstudent",
    "werkstudentin",
    "informatikstudent", "informatikstudentin",
)
# A field of study before a class year names a student: "CS junior at UT Austin".
_FIELDS = (
    "cs", "ce", "ee", "ece", "comp sci", "compsci", "computer science", "computer engineering",
    "informatics",
)
_CLASS_YEARS = r"freshman|sophomore|junior|senior|undergrad|student|major"
# Role words a level may follow, as French, Spanish or Portuguese put it: "dev backend senior".
_ROLE_WORDS = frozenset({
    "engineer", "developer", "dev", "programmer", "architect", "sre", "scientist", "analyst",
    "designer", "consultant", "swe", "sde", "coder", "researcher", "tester", "specialist",
    "devops", "manager", "desarrollador", "desarrolladora", "desenvolvedor", "desenvolvedora",
    "développeur", "développeuse", "developpeur", "ingénieur", "ingénieure", "ingenieur",
    "ingeniero", "ingeniera", "engenheiro", "engenheira", "entwickler", "entwicklerin",
    "sviluppatore", "sviluppatrice",
})


def _role_before(low: str, line_start: int, begin: int) -> int | None:
    """Where a role word one or two words before ``begin`` starts ("Dev backend senior")."""
    window = low[max(line_start, begin - 40) : begin]
    words = window.split()[-2:]
    for word in reversed(words):
        if word.lower() in _ROLE_WORDS:
            return begin - len(window) + window.rfind(word)
    return None
# Every alternative starts at its trigger word, so checking a hit is one anchored match.
# Student wordings have trigger words of their own, so the level pattern need not try them all.
_STUDENT = re.compile(
    rf"(?P<student>(?:{'|'.join(sorted(_STUDENT_WORDS, key=len, reverse=True))})\b(?!s\b)|"
    r"studying (?:computer science|cs|software engineering|informatics)\b|"
    r"[\u00e9\u00c9]tudiante?\b(?!s\b)|"  # only ASCII is lowercased: "Étudiant en informatique"
    rf"(?:{'|'.join(_FIELDS)})\s+(?:{_CLASS_YEARS})\b(?!s\b))"
)
_SENIORITY = re.compile(
    # "Level: mid", "Seniority - senior"
    r"(?P<label>(?:level|seniority)\s*[:=\u2013-]\s*(?P<value>mid[- ]?level|entry[- ]level|mid|"
    r"senior|junior|intermediate|staff|principal|lead)\b)|"
    rf"(?P<title>(?P<level>{_LEVEL_WORD})\.?\s+(?:[\w+#./&-]+\s+){{0,3}}?{_ROLE})|"
    rf"(?P<lead>(?:{'|'.join(_LEAD_TITLES)})\b(?!ing|er)|head of (?:engineering|development|"
    r"technology|tech|platform|backend|frontend|data|infrastructure|mobile|software)\b|"
    r"director of (?:engineering|technology|software)\b)|"
    rf"(?P<team>(?:{'|'.join(_TEAM_VERBS)})\s+(?:(?:a|an|the|my|our|small|large|growing|"
    r"distributed|remote|cross-functional|\d+|[\w]+-person|[\w]+-strong)\s+){0,3}"
    r"(?:[\w-]+\s+){0,2}?(?:team|teams|squad|group|department|org|organi[sz]ation)\b)|"
    r"(?P<fellow>(?:engineering|technical|technology) fellow\b)|"
    r"(?P<architect>architect\b)|"
    r"(?P<bare>(?:senior|junior|mid[- ]level|intermediate|entry[- ]level)\b)"
)
_PAST = re.compile(
    r"\b(?:was|used to be|former(?:ly)?|ex-|previously|started (?:out )?(?:as|my)|began|"
    r"back when|before that|prior to|he|she|they|his|her|their|my (?:boss|manager|lead))\b"
)
_PRESENT = re.compile(
    r"(?:\bi'm|\bi am|\bim|\bi work as|\bworking as|\bwork as|\bcurrently|\bnow|"
    r"\bmy (?:role|title|position|job) is|\bas (?:a|an)|\bpromoted to|\bhired as|\bjoined as|"
    r"\bi,|\bsoy|\bsou|\bje suis|\bich bin|\bsono)\b[^.\n]{0,50}\Z"
)
# What may stand between the start of a line and a headline title ("- **Senior Engineer**",
# "- 🧑‍💻 Senior Android dev", "**Role:** Staff ML Engineer").
_LINE_PREFIX = re.compile(
    r"[^\w\n]*(?:(?:current\s+)?(?:role|title|job(?:\s+title)?|position|occupation)"
    r"[^\w\n]*[:=\u2013\u2014-][^\w\n]*)?"
)

TRIGGERS: dict[str, tuple[str, ...]] = {
    "seniority": (
        "senior", "sr", "snr", "junior", "jr", "entry", "associate", "mid", "intermediate",
        "staff", "principal", "distinguished", "chief", "lead", "head of", "director of",
        "engineering fellow", "technical fellow", "technology fellow", "architect",
        *_LEAD_TITLES, *(f"{verb} " for verb in _TEAM_VERBS), "level", "seniority",
    ),
    "student": (
        *_STUDENT_WORDS, *(f"{field} " for field in _FIELDS), "studying", "\u00e9tudiant",
    ),
}


@dataclass(frozen=True, slots=True)
class SeniorityFinding:
    """A seniority with the phrase it came from and how strongly it describes the writer."""

    level: Seniority
    strength: int
    start: int
    end: int


def _level(match: re.Match[str]) -> Seniority | None:
    group = match.lastgroup
    if group == "title":
        return _LEVELS.get(match.group("level").rstrip(".").replace("-", " "))
    if group == "bare":
        return _LEVELS.get(match.group(0).replace("-", " "))
    if group == "label":
        return _LEVELS.get(match.group("value").replace("-", " "))
    return {
        "lead": Seniority.LEAD, "team": Seniority.LEAD, "fellow": Seniority.PRINCIPAL,
        "architect": Seniority.STAFF, "student": Seniority.STUDENT,
    }.get(group or "")


def _strength(low: str, match: re.Match[str]) -> int:
    """3 present self-description, 2 headline (at the start of a line or sentence) or "ran a
    team", 1 "I'm senior", 0 not the writer."""
    begin, group = match.start(), match.lastgroup
    line_start = low.rfind("\n", 0, begin) + 1
    if group == "bare":  # "Dev backend senior à Montréal": the level after its role
        role = _role_before(low, line_start, begin)
        if role is not None:
            begin, group = role, "title"
    sentence = sentence_start(low, begin, max(line_start, begin - 60))
    before = low[sentence:begin]
    if _PAST.search(before):
        return 0
    if _PRESENT.search(before):
        return 1 if group == "bare" else 3
    if group == "bare":
        return 0
    if group == "team":
        return 2
    for head in (line_start, sentence):
        prefix = _LINE_PREFIX.match(low, head, begin)
        if prefix is not None and prefix.end() == begin:
            return 2
    return 0


def find_seniority(low: str, hits: Mapping[str, Sequence[Span]]) -> SeniorityFinding | None:
    """The writer's own seniority: strongest self-description first, then the highest level."""
    best: SeniorityFinding | None = None
    matches = matches_at(_SENIORITY, low, hits.get("seniority", ()))
    student = hits.get("student")
    if student:
        matches += matches_at(_STUDENT, low, student)
    for match in matches:
        level = _level(match)
        if level is None:
            continue
        strength = _strength(low, match)
        if strength == 0:
            continue
        finding = SeniorityFinding(level, strength, match.start(), match.end())
        if best is None or (strength, list(Seniority).index(level)) > (
            best.strength, list(Seniority).index(best.level)
        ):
            best = finding
    return best
