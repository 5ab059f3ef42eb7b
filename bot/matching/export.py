"""The matching feature's part of ``mentormeet export``: everything matching stores about a
community, as JSON-ready records shared by the in-memory and SQL stores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.export_records import ExportSections, JsonRecord, to_jsonable
from bot.matching.codec import reply_to_json
from bot.matching.domain import MatchRequest, MentorState, Notice, Pairing, RoundRecord
from bot.matching.ports import PairingRepository, RequestRepository, SeekerRepository

MATCHING_SECTIONS = (
    "matching_mentors", "matching_requests", "matching_pairings", "matching_seekers",
    "matching_wishes", "matching_notices", "matching_rounds",
)


@dataclass(frozen=True, slots=True)
class StoredNotice:
    """A queued direct message with its delivery state, as the outbox stores it."""

    notice: Notice
    status: str
    available_at: datetime | None
    failure: str | None


def _record(value: object) -> JsonRecord:
    record: JsonRecord = to_jsonable(value)
    return record


def mentor_record(state: MentorState) -> JsonRecord:
    """A mentor's settings (topics, pause), open slots used and received ratings."""
    return _record(state)


def request_record(request: MatchRequest) -> JsonRecord:
    """One mentoring request with its score and reasons."""
    return _record(request)


def pairing_record(pairing: Pairing) -> JsonRecord:
    """One pairing with its check-in answers and rating."""
    return _record(pairing)


def notice_record(stored: StoredNotice) -> JsonRecord:
    """One queued direct message: its text as stored, who it is to and about, its state."""
    notice = stored.notice
    return _record({
        "id": notice.id, "community_id": notice.community_id,
        "recipient_id": notice.recipient_id, "about_id": notice.about_id,
        "kind": notice.kind, "ref_id": notice.ref_id, "reply": reply_to_json(notice.reply),
        "created_at": notice.created_at, "attempts": notice.attempts,
        "status": stored.status, "available_at": stored.available_at,
        "failure": stored.failure,
    })


def round_record(record: RoundRecord) -> JsonRecord:
    """One cohort round."""
    return _record(record)


async def export_matching(
    community_id: int,
    *,
    mentors: Sequence[MentorState],
    requests: RequestRepository,
    pairings: PairingRepository,
    seekers: SeekerRepository,
    notices: Sequence[StoredNotice],
    rounds: Sequence[RoundRecord],
) -> ExportSections:
    """Every matching section for one community; the store lists what its ports cannot."""
    ordered_mentors = sorted(mentors, key=lambda m: m.member_id)
    return {
        "matching_mentors": [mentor_record(m) for m in ordered_mentors],
        "matching_requests": [
            request_record(r) for r in await requests.for_community(community_id)
        ],
        "matching_pairings": [
            pairing_record(p) for p in await pairings.for_community(community_id)
        ],
        "matching_seekers": [_record(s) for s in await seekers.seekers(community_id)],
        "matching_wishes": [_record(w) for w in await seekers.wishes(community_id)],
        "matching_notices": [
            notice_record(n) for n in sorted(notices, key=lambda n: n.notice.id)
        ],
        "matching_rounds": [round_record(r) for r in sorted(rounds, key=lambda r: r.id)],
    }
