"""Handlers of ``/mentor`` and ``/match``; ``MATCHING_HANDLERS`` goes into the dispatcher."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.commands import Command
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
from bot.matching.handlers.checkins import answer_checkin, rate_mentor
from bot.matching.handlers.find import find_mentors, show_matching, stop_seeking
from bot.matching.handlers.mentor import (
    mentor_off,
    mentor_on,
    mentor_pause,
    mentor_resume,
    show_mentoring,
)
from bot.matching.handlers.requests import answer_request, cancel_request, request_mentor
from bot.matching.handlers.round import run_round
from bot.replies import Reply
from bot.services import Services

MATCHING_HANDLERS: dict[type[Command], Callable[[Any, Services], Awaitable[Reply]]] = {
    ShowMentoring: show_mentoring,
    MentorOn: mentor_on,
    MentorOff: mentor_off,
    MentorPause: mentor_pause,
    MentorResume: mentor_resume,
    FindMentors: find_mentors,
    ShowMatching: show_matching,
    StopSeeking: stop_seeking,
    RequestMentor: request_mentor,
    AnswerRequest: answer_request,
    CancelRequest: cancel_request,
    AnswerCheckin: answer_checkin,
    RateMentor: rate_mentor,
    RunRound: run_round,
}
