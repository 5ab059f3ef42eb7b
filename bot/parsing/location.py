"""Timezone from what the member says: offsets, zone abbreviations, IANA names or where they live.

Rules: an explicit zone (IANA name, "UTC+2", "PST", "Pacific Time") wins over a current place
("based in Berlin", "I'm in Toronto", "📍 Lisbon"), which wins over an origin ("I'm from
Bengaluru", "I'm a student from Lagos"); common Spanish, Portuguese, French, German and Italian
cues count too ("vivo en", "moro em", "basée à", "aus"); the first of the strongest kind is used.
Whole-hour offsets map to ``Etc/GMT-N`` (tzdb inverts the sign: UTC+2 is Etc/GMT-2); the
half-hour offsets used by one country or region map to a representative zone (+05:30
Asia/Kolkata, -03:30 America/St_Johns, ...), other odd offsets to None. Ambiguous abbreviations
need context: CST is America/Chicago with US context or Asia/Shanghai with China context, IST is
Asia/Kolkata / Asia/Jerusalem / Europe/Dublin with India / Israel / Ireland context, and
otherwise None. Two-letter ones (PT, ET, CT, MT) need a nearby "time", "zone", "hours" or a
clock time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from bot.parsing import multilingual, place_names
from bot.parsing.place_names import is_mention, place_after
from bot.parsing.triggers import Span

_ABBREVIATIONS: dict[str, str | None] = {
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
    "MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
    "CST": None, "CDT": "America/Chicago", "CT": "America/Chicago",
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "NST": "America/St_Johns", "NDT": "America/St_Johns", "BRT": "America/Sao_Paulo",
    "ART": "America/Argentina/Buenos_Aires", "BST": "Europe/London", "IST": None,
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "EET": "Europe/Athens",
    "EEST": "Europe/Athens", "MSK": "Europe/Moscow", "TRT": "Europe/Istanbul",
    "GST": "Asia/Dubai", "PKT": "Asia/Karachi", "NPT": "Asia/Kathmandu", "ICT": "Asia/Bangkok",
    "WIB": "Asia/Jakarta", "SGT": "Asia/Singapore", "MYT": "Asia/Kuala_Lumpur",
    "PHT": "Asia/Manila", "PHST": "Asia/Manila", "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul", "AWST": "Australia/Perth", "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "SAST": "Africa/Johannesburg",
    "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi",
}
_NEEDS_CONTEXT = frozenset({"PT", "ET", "CT", "MT", "ART", "CAT", "EAT", "WAT", "GST", "WEST"})
_TIME_PHRASES: dict[str, str | None] = {
    "pacific time": "America/Los_Angeles", "mountain time": "America/Denver",
    "central time": "America/Chicago", "eastern time": "America/New_York",
    "central european time": "Europe/Berlin", "central european summer time": "Europe/Berlin",
    "eastern european time": "Europe/Athens", "british summer time": "Europe/London",
    "greenwich mean time": "Etc/GMT", "indian standard time": "Asia/Kolkata",
    "india standard time": "Asia/Kolkata", "japan standard time": "Asia/Tokyo",
    "pacific standard time": "America/Los_Angeles", "eastern standard time": "America/New_York",
    "central standard time": None, "mountain standard time": "America/Denver",
}
_ODD_OFFSETS = {
    (5, 30): "Asia/Kolkata", (5, 45): "Asia/Kathmandu", (9, 30): "Australia/Adelaide",
    (3, 30): "Asia/Tehran", (4, 30): "Asia/Kabul", (-3, 30): "America/St_Johns",
    (6, 30): "Asia/Yangon", (10, 30): "Australia/Lord_Howe", (8, 45): "Australia/Eucla",
    (-9, 30): "Pacific/Marquesas", (12, 45): "Pacific/Chatham",
}
_OFFSET = re.compile(
    r"(?:utc|gmt)\s*(?P<sign>[+\-\u2212\u2013])\s*(?P<hours>\d{1,2})(?:[:.h]?(?P<minutes>\d{2}))?"
    r"(?!\d)"
)
_BARE_UTC = re.compile(
    r"(?:(?:time ?zone|tz)\s*(?:is|:|=)?\s*|\b(?:in|on) )(?:utc|gmt)\b(?!\s*[+\-\u2212\u2013]\s*\d)"
)
_IANA = re.compile(r"[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?")
_TIME_CONTEXT = re.compile(
    r"time|zone|\btz\b|hours|\d\s*(?:am|pm)\b|\d:\d\d|\b\d{1,2}\s*[-\u2013]\s*\d{1,2}\b|\butc|"
    r"\bgmt"
)
_CONTEXT = {
    "CST": (re.compile(r"\b(?:us|usa|u\.s\.|united states|america|texas|chicago|illinois|"
                       r"minnesota|dallas|houston|austin|midwest|cdt)\b"), "America/Chicago",
            re.compile(r"\b(?:china|chinese|beijing|shanghai|shenzhen|hangzhou|guangzhou)\b"),
            "Asia/Shanghai"),
    "IST": (re.compile(r"\b(?:india|indian|bangalore|bengaluru|mumbai|delhi|hyderabad|pune|"
                       r"chennai|kolkata|noida|gurgaon|gurugram)\b"), "Asia/Kolkata",
            re.compile(r"\b(?:israel|tel aviv|jerusalem|haifa)\b"), "Asia/Jerusalem"),
}
_IRELAND = re.compile(r"\b(?:ireland|irish|dublin|cork|galway)\b")

_CURRENT = (
    r"based (?:in|out of)|living in|live in|lives in|located in|location\s*:|residing in|"
    r"reside in|currently in|moved to|relocated to|relocating to|remotely from|remote from|"
    r"working from|home is|city\s*:|\U0001f4cd|\U0001f30d|\U0001f30e|\U0001f30f|\U0001f3e0|"
    + multilingual.CURRENT_PLACE
)
_ORIGIN = (
    r"i'm from|i am from|im from|originally from|come from|comes from|hailing from|hail from|"
    + multilingual.ORIGIN_PLACE
)
_LOCATION_CUE = re.compile(
    rf"(?P<current>{_CURRENT})|(?P<origin>{_ORIGIN})|"
    r"(?P<im>\b(?:i'm|i am|im)\s+(?:(?:currently|now|also|a|an|the|\w+)\s+){0,5}?in\s)|"
    r"(?P<origin_im>\b(?:i'm|i am|im)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?from\s)"
)
_SELF = ("i'm", "i am", "im")
_IM_REACH = 100  # "I'm" + up to five words + " in"
_IN = re.compile(r"\s(?:in|from)\s")
_NOT_A_PLACE_VERB = re.compile(
    r"interested|experienced|skilled|proficient|fluent|expert|special|versed|certified|involved|"
    r"engaged|trained|good|great|strong|passionate|love|charge|favou?r|touch|tech|it\b|school"
)
# Zone abbreviations are matched case-insensitively, then read case-sensitively from the text;
# they may follow punctuation ("(CET)", "9-5/PT").
LOOSE_GROUPS: tuple[str, ...] = ("zone_abbr", *place_names.LOOSE_GROUPS)
TRIGGERS: dict[str, tuple[str, ...]] = {
    "zone_abbr": tuple(abbr.lower() for abbr in _ABBREVIATIONS),
    "zone": ("utc", "gmt", "time zone", "timezone", "tz", "europe/", "america/", "asia/",
             "africa/", "australia/", "pacific/", "atlantic/", "indian/", *_TIME_PHRASES),
    "place": ("based", "living in", "live in", "lives in", "located", "location", "residing",
              "reside", "currently in", "moved to", "relocat", "remotely from", "remote from",
              "working from", "home is", "city", "\U0001f4cd", "\U0001f30d", "\U0001f30e",
              "\U0001f30f", "\U0001f3e0", "i'm ", "i am ", "im ", "originally from", "come from",
              "comes from", "hailing from", "hail from", *multilingual.PLACE_WORDS),
    **place_names.TRIGGERS,
}


@dataclass(frozen=True, slots=True)
class ZoneFinding:
    """A zone, how explicit the statement was (3 zone, 2 current place, 1 origin), and where."""

    zone: str
    rank: int
    start: int
    end: int


@cache
def _zones_by_lower() -> dict[str, str]:
    return {z.lower(): z for z in available_timezones() if "/" in z}


def _offset_zone(sign: str, hours: int, minutes: int) -> str | None:
    negative = sign != "+"
    if minutes:
        return _ODD_OFFSETS.get((-hours if negative else hours, minutes))
    if hours == 0:
        return "UTC"
    if hours > (12 if negative else 14):
        return None
    return f"Etc/GMT{'+' if negative else '-'}{hours}"


def _abbreviation_zone(abbr: str, low: str, start: int) -> str | None:
    zone = _ABBREVIATIONS.get(abbr)
    if abbr in _NEEDS_CONTEXT and not _TIME_CONTEXT.search(low, max(0, start - 30), start + 40):
        return None
    if abbr in _CONTEXT:
        home, home_zone, other, other_zone = _CONTEXT[abbr]
        if home.search(low):
            return home_zone
        if other.search(low):
            return other_zone
        return "Europe/Dublin" if abbr == "IST" and _IRELAND.search(low) else None
    return zone


def _explicit(text: str, low: str, span: Span) -> tuple[str | None, int, int]:
    start, end = span
    offset = _OFFSET.match(low, start)
    if offset:
        zone = _offset_zone(offset["sign"], int(offset["hours"]), int(offset["minutes"] or 0))
        return zone, offset.start(), offset.end()
    if low.startswith(("utc", "gmt", "time", "tz"), start):
        bare = _BARE_UTC.search(low, max(0, start - 20), end + 30)
        zone = "UTC" if bare and "utc" in bare.group(0) else "Etc/GMT"
        return (zone if bare else None), start, end
    if text[end - 1:end] == "/":
        iana = _IANA.match(text, start)
        found = _zones_by_lower().get(iana.group(0).lower()) if iana else None
        return found, start, (iana.end() if iana else end)
    phrase = low[start:end]
    if phrase in _TIME_PHRASES:
        return _TIME_PHRASES[phrase], start, end
    return None, start, end


def _abbreviation_spans(text: str, hits: Sequence[Span]) -> list[Span]:
    """The trigger hits that are standalone uppercase zone abbreviations ("PST", "(CET)")."""
    spans: list[Span] = []
    for start, end in hits:
        if text[start:end] in _ABBREVIATIONS and not text[end:end + 1].isalpha():
            spans.append((start, end))
    return spans


def _from_place(text: str, low: str, span: Span,
                mentions: tuple[Sequence[int], Sequence[int]]) -> ZoneFinding | None:
    start, end = span
    if low.startswith(_SELF, start) and not _IN.search(low, end - 1, end + _IM_REACH) and not (
        low.startswith("from", end)
    ):
        return None  # "I'm ..." names a place only as "I'm (...) in X" or "I'm from X"
    cue = _LOCATION_CUE.match(low, start)
    if cue is None or (cue.start() > 0 and low[cue.start() - 1].isalpha()):
        return None
    kind = cue.lastgroup
    if kind in ("im", "origin_im") and _NOT_A_PLACE_VERB.search(cue.group(0)):
        return None
    zone, end = place_after(text, cue.end(), capitalised=kind != "current")
    if zone is None:
        return None
    if kind != "current" and is_mention(mentions, cue.end(), end):
        return None  # the "place" is a skill ("I'm into Go")
    return ZoneFinding(zone, 1 if kind in ("origin", "origin_im") else 2, cue.start(), end)


def find_timezone(text: str, low: str, hits: Mapping[str, Sequence[Span]],
                  mention_starts: Sequence[int], mention_ends: Sequence[int]
                  ) -> ZoneFinding | None:
    """The member's zone from the strongest statement, first one first; None if unsure.

    Skill mentions (sorted starts and ends) keep "I'm into Go" from naming a place.
    """
    best: ZoneFinding | None = None
    for span in hits.get("zone", ()):
        zone, start, end = _explicit(text, low, span)
        if zone is not None:
            best = ZoneFinding(zone, 3, start, end)
            break
    for span in _abbreviation_spans(text, hits.get("zone_abbr", ())):
        if best is not None and span[0] > best.start:
            break
        abbreviated = _abbreviation_zone(text[span[0]:span[1]], low, span[0])
        if abbreviated is not None:
            best = ZoneFinding(abbreviated, 3, span[0], span[1])
            break
    if best is not None:
        return best
    for span in hits.get("place", ()):
        found = _from_place(text, low, span, (mention_starts, mention_ends))
        if found is not None and (best is None or found.rank > best.rank):
            best = found
            if best.rank == 2:
                break
    if best is None or best.rank < 2:
        loose = place_names.loose_place(text, low, hits, (mention_starts, mention_ends))
        if loose is not None and (best is None or loose[1] > best.rank):
            best = ZoneFinding(*loose)
    return best
