"""Where a raw automaton hit may start and end: word boundaries, versions, plurals, and spans to
ignore (URLs, e-mail addresses, file paths)."""

from __future__ import annotations

import re
from bisect import bisect_right

# Text that names no skill even though it may contain skill words.
_IGNORED = re.compile(
    r"""(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>"')\]]+"""  # URLs with a scheme or www.
    r"""|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"""  # e-mail addresses
    r"""|\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|io|dev|ai|co|app|me|info|edu|gov|uk|de)"""
    r"""(?:/[^\s<>"')\]]*)?(?![\w])"""  # bare domains, with a path
    r"""|(?<![\w/])(?:~|\.{1,2})?/[\w.\-]+(?:/[\w.\-]*)+"""  # absolute / relative paths
    r"""|\b[a-z]:\\[^\s]+"""  # windows paths
    r"""|\b[\w.\-]+/[\w.\-]+(?:/[\w.\-]+)*\.[a-z0-9]{1,5}\b""",  # dir/file.ext
    re.IGNORECASE,
)
# A version right after a name: "python3", "Vue3", "Postgres 15", "Python 3.11", "Java 17",
# but not counts ("Python 2 years", "Docker 20 times").
_VERSION = re.compile(
    r"(?:v?\d+(?:\.\d+){0,3}(?:\.x)?|[ \-]v?(?:\d{1,2}(?:\.\d+){0,3}(?:\.x)?|\d+\.\d+))"
    r"(?![\w+#%]|\.\d|\s*(?:\+|%|years?\b|yrs?\b|months?\b|times?\b|days?\b|weeks?\b|hours?\b"
    r"|minutes?\b|people\b|users\b|engineers\b|developers\b|x\b|k\b))"
)
_POSSESSIVE = re.compile(r"['’]s(?!\w)")
_PLURAL = re.compile(r"(?:e?s)(?!\w)")
_SYMBOLS = frozenset("+#")
_BEFORE_BLOCKERS = frozenset("_@$&")
_SHORT_BLOCKERS = frozenset("-'’&.")


def ignored_spans(lowered: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of URL / e-mail / path spans (sorted, non-overlapping)."""
    starts: list[int] = []
    ends: list[int] = []
    if "/" not in lowered and "@" not in lowered and "." not in lowered:
        return starts, ends
    for match in _IGNORED.finditer(lowered):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def inside(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the ignored spans."""
    starts, ends = spans
    if not starts:
        return False
    i = bisect_right(starts, start) - 1
    if i >= 0 and ends[i] > start:
        return True
    return i + 1 < len(starts) and starts[i + 1] < end


def starts_cleanly(lowered: str, start: int, short: bool) -> bool:
    """No alphanumeric (or identifier) character glued to the front of the hit."""
    if start == 0:
        return True
    before = lowered[start - 1]
    if before.isalnum() or before in _BEFORE_BLOCKERS:
        return False
    if before == "." and start >= 2 and lowered[start - 2].isalnum():
        return False  # "main.go", "config.rs": part of a file or dotted name
    return not (short and before in _SHORT_BLOCKERS)


def clean_end(lowered: str, end: int, short: bool, plural_ok: bool, versioned: bool) -> int:
    """End of the surface if the hit ends on a boundary (after a version / plural), else -1."""
    size = len(lowered)
    if end >= size:
        return end
    after = lowered[end]
    if after in _SYMBOLS:
        return -1  # "c" in "c++", "f" in "f#"
    if versioned and (after.isdigit() or after in " -v") and (not short or after == " "):
        match = _VERSION.match(lowered, end)
        if match is not None:
            return match.end()
    if after.isalnum():
        if plural_ok and not short:
            match = _PLURAL.match(lowered, end)
            if match is not None:
                return match.end()
        return -1
    if short and after in _SHORT_BLOCKERS:
        nxt = lowered[end + 1] if end + 1 < size else " "
        if after == "." and not nxt.isalnum():
            return end  # "I know C."
        if after in "'’" and _POSSESSIVE.match(lowered, end):
            return end
        return -1
    if after == "." and end + 1 < size and lowered[end + 1].isalnum():
        return -1  # "vue.config", "python.org"
    if after == "_":
        return -1
    return end
