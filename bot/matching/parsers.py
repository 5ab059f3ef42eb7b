"""Command-line parsers of ``/mentor`` and ``/match`` (registered in bot/commandline.py)."""

from __future__ import annotations

import re

from bot.commands import Command
from bot.domain.community import Actor
from bot.errors import UsageError
from bot.matching.commands import (
    AnswerCheckin,
    AnswerRequest,
    CancelRequest,
    FindMentors,
    MentorOff,
    MentorOn,
    MentorPause,
    MentorResume,
    RateMentor,
    RequestMentor,
    RunRound,
    ShowMatching,
    ShowMentoring,
    StopSeeking,
)
from bot.matching.domain import CheckinAnswer

MAX_CAPACITY = 10
MAX_TOPICS = 20

MENTOR_USAGE = (
    "Mentoring:\n"
    "  /mentor                       your mentoring status\n"
    "  /mentor on [capacity] [topics]  e.g. /mentor on 2 Rust, Go (topics default to your skills)\n"
    "  /mentor pause <until>         e.g. /mentor pause 2 weeks, /mentor pause 2026-12-01\n"
    "  /mentor resume                end a pause now\n"
    "  /mentor off                   stop mentoring"
)
MATCH_USAGE = (
    "Finding a mentor:\n"
    "  /match [topic]                the best mentors for your learning goals (or one topic)\n"
    "  /match request <id> [topic]   ask a mentor (the buttons do this for you)\n"
    "  /match cancel <request>       withdraw a request\n"
    "  /match status                 your requests and mentorships\n"
    "  /match stop                   stop looking (no rounds, no \"tell me when\")\n"
    "  /match checkin <pairing> met|scheduled|notyet|notworking\n"
    "  /match rate <pairing> <1-5>   rate your mentor after meeting\n"
    "  /match end <pairing>          end a mentorship\n"
    "  /match accept|decline <request>   answer a request (mentors)\n"
    "  /match round                  match every waiting mentee at once (organizers)"
)

_CHECKIN_WORDS = {
    "met": CheckinAnswer.MET, "yes": CheckinAnswer.MET,
    "scheduled": CheckinAnswer.SCHEDULED, "planned": CheckinAnswer.SCHEDULED,
    "notyet": CheckinAnswer.NOT_YET, "not_yet": CheckinAnswer.NOT_YET,
    "not-yet": CheckinAnswer.NOT_YET, "no": CheckinAnswer.NOT_YET,
    "notworking": CheckinAnswer.NOT_WORKING, "not_working": CheckinAnswer.NOT_WORKING,
    "not-working": CheckinAnswer.NOT_WORKING, "end": CheckinAnswer.NOT_WORKING,
    "stop": CheckinAnswer.NOT_WORKING,
}
_SPLIT = re.compile(r"\s*[,;]\s*|\s+and\s+")


def _number(text: str, what: str, usage: str) -> int:
    value = text.strip().lstrip("#")
    if not value.isdecimal() or len(value) > 12 or int(value) <= 0:
        raise UsageError(f"{what} should be a number, e.g. {usage}")
    return int(value)


def topics_of(text: str) -> tuple[str, ...]:
    """Comma-separated topics, blanks and repeats dropped (case-insensitive)."""
    seen: dict[str, str] = {}
    for part in _SPLIT.split(text.strip()):
        cleaned = part.strip()
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    if len(seen) > MAX_TOPICS:
        raise UsageError(f"Name at most {MAX_TOPICS} topics.")
    return tuple(seen.values())


def parse_mentor(rest: str, actor: Actor) -> Command:
    """``/mentor``, ``/mentor on [capacity] [topics]``, ``off``, ``pause <until>``, ``resume``."""
    sub, _, args = rest.strip().partition(" ")
    word, args = sub.lower(), args.strip()
    if word in {"", "status"} and not args:
        return ShowMentoring(actor=actor)
    if word in {"on", "start"}:
        first, _, more = args.partition(" ")
        capacity = None
        if first.isdecimal():
            capacity = int(first)
            if not 1 <= capacity <= MAX_CAPACITY:
                raise UsageError(
                    f"Capacity is how many mentees at once, from 1 to {MAX_CAPACITY}, "
                    "e.g. /mentor on 2"
                )
            args = more
        return MentorOn(actor=actor, capacity=capacity, topics=topics_of(args))
    if word in {"off", "stop"} and not args:
        return MentorOff(actor=actor)
    if word == "pause":
        if not args:
            raise UsageError("Say until when, e.g. /mentor pause 2 weeks or /mentor pause 1 March")
        return MentorPause(actor=actor, until=args)
    if word in {"resume", "unpause"} and not args:
        return MentorResume(actor=actor)
    raise UsageError(MENTOR_USAGE)


def parse_match(rest: str, actor: Actor) -> Command:
    """``/match [topic]`` and its subcommands."""
    sub, _, args = rest.strip().partition(" ")
    word, args = sub.lower(), args.strip()
    parts = args.split()
    if word == "request":
        if not parts:
            raise UsageError("Use the Ask button under a suggestion, or /match request <id>.")
        mentor = _number(parts[0], "The mentor", "/match request 12")
        return RequestMentor(actor=actor, mentor_id=mentor, topic=" ".join(parts[1:]))
    if word in {"accept", "decline"}:
        if len(parts) != 1:
            raise UsageError(f"Use /match {word} <request number>, e.g. /match {word} 7")
        request = _number(parts[0], "The request", f"/match {word} 7")
        return AnswerRequest(actor=actor, request_id=request, accept=word == "accept")
    if word in {"cancel", "withdraw"}:
        if len(parts) != 1:
            raise UsageError("Use /match cancel <request number>, e.g. /match cancel 7")
        return CancelRequest(
            actor=actor, request_id=_number(parts[0], "The request", "/match cancel 7")
        )
    if word == "checkin":
        answer = _CHECKIN_WORDS.get("".join(parts[1:]).lower()) if len(parts) >= 2 else None
        if answer is None:
            raise UsageError("Use /match checkin <pairing> met|scheduled|notyet|notworking")
        pairing = _number(parts[0], "The mentorship", "/match checkin 3 met")
        return AnswerCheckin(actor=actor, pairing_id=pairing, answer=answer)
    if word == "end":
        if len(parts) != 1:
            raise UsageError("Use /match end <pairing number>, e.g. /match end 3")
        pairing = _number(parts[0], "The mentorship", "/match end 3")
        return AnswerCheckin(actor=actor, pairing_id=pairing, answer=CheckinAnswer.NOT_WORKING)
    if word == "rate":
        if len(parts) != 2 or parts[1] not in {"1", "2", "3", "4", "5"}:
            raise UsageError("Rate from 1 to 5, e.g. /match rate 3 5")
        pairing = _number(parts[0], "The mentorship", "/match rate 3 5")
        return RateMentor(actor=actor, pairing_id=pairing, rating=int(parts[1]))
    if word in {"status", "stop", "round", "help"} and not args:
        if word == "help":
            raise UsageError(MATCH_USAGE)
        return {"status": ShowMatching, "stop": StopSeeking, "round": RunRound}[word](actor=actor)
    return FindMentors(actor=actor, topic=rest.strip())
