"""``/mentor`` and ``/match`` command lines."""

from __future__ import annotations

import pytest

from bot.commandline import parse_command
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
from tests.support.actors import actor

ALICE = actor("alice")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/mentor", ShowMentoring(actor=ALICE)),
        ("/mentor on", MentorOn(actor=ALICE)),
        ("/mentor on 3", MentorOn(actor=ALICE, capacity=3)),
        ("/mentor on 2 Rust, Go and rust",
         MentorOn(actor=ALICE, capacity=2, topics=("Rust", "Go"))),
        ("/mentor ON system design; Kubernetes",
         MentorOn(actor=ALICE, topics=("system design", "Kubernetes"))),
        ("/mentor off", MentorOff(actor=ALICE)),
        ("/mentor pause 2 weeks", MentorPause(actor=ALICE, until="2 weeks")),
        ("/mentor resume", MentorResume(actor=ALICE)),
        ("/match", FindMentors(actor=ALICE)),
        ("/match  Rust ", FindMentors(actor=ALICE, topic="Rust")),
        ("/match machine learning", FindMentors(actor=ALICE, topic="machine learning")),
        ("/match request 12", RequestMentor(actor=ALICE, mentor_id=12)),
        ("/match request 12 rust", RequestMentor(actor=ALICE, mentor_id=12, topic="rust")),
        ("/match accept 7", AnswerRequest(actor=ALICE, request_id=7, accept=True)),
        ("/match decline #7", AnswerRequest(actor=ALICE, request_id=7, accept=False)),
        ("/match cancel 7", CancelRequest(actor=ALICE, request_id=7)),
        ("/match status", ShowMatching(actor=ALICE)),
        ("/match stop", StopSeeking(actor=ALICE)),
        ("/match round", RunRound(actor=ALICE)),
        ("/match checkin 3 met", AnswerCheckin(actor=ALICE, pairing_id=3,
                                               answer=CheckinAnswer.MET)),
        ("/match checkin 3 not yet", AnswerCheckin(actor=ALICE, pairing_id=3,
                                                   answer=CheckinAnswer.NOT_YET)),
        ("/match checkin 3 notworking", AnswerCheckin(actor=ALICE, pairing_id=3,
                                                      answer=CheckinAnswer.NOT_WORKING)),
        ("/match end 3", AnswerCheckin(actor=ALICE, pairing_id=3,
                                       answer=CheckinAnswer.NOT_WORKING)),
        ("/match rate 3 5", RateMentor(actor=ALICE, pairing_id=3, rating=5)),
    ],
)
def test_command_lines(line: str, expected: object) -> None:
    assert parse_command(line, ALICE) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/mentor on 0", "from 1 to 10"),
        ("/mentor on 11 Rust", "from 1 to 10"),
        ("/mentor pause", "until when"),
        ("/mentor dance", "/mentor on [capacity]"),
        ("/match request", "Ask button"),
        ("/match request bob", "should be a number"),
        ("/match accept", "/match accept <request number>"),
        ("/match accept 0", "should be a number"),
        ("/match accept 99999999999999", "should be a number"),
        ("/match checkin 3 maybe", "met|scheduled|notyet|notworking"),
        ("/match rate 3 6", "from 1 to 5"),
        ("/match rate 3", "from 1 to 5"),
        ("/match help", "Finding a mentor"),
        ("/match cancel", "/match cancel <request number>"),
    ],
)
def test_mistakes_get_a_friendly_usage_message(line: str, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_command(line, ALICE)
    assert message in caught.value.message


def test_too_many_topics_are_refused() -> None:
    with pytest.raises(UsageError, match="at most 20"):
        parse_command("/mentor on " + ", ".join(f"t{i}" for i in range(21)), ALICE)
