"""Word boundaries for automaton hits: the scan alphabet, versions, plurals, and tokens to ignore
(URLs, e-mail addresses, file paths)."""

from __future__ import annotations

import re
import string
from collections.abc import Container

from bot.taxonomy.vocabulary import COMPOUND_AFTER

# The automaton scans a copy of the lowercased text in which every separator is a space, so that
# keys can start with a space and only ever hit at word starts. "+", "#" and "." stay: they are
# part of names (C++, C#, .NET, Node.js). Work happens on latin-1 bytes (characters outside
# latin-1 become "?", a separator), which keeps one byte per character, so offsets in both
# copies equal offsets in the text, and lowercasing and mapping run at C speed.
_KEEP = set(b"+#.")
_SEPARATOR_BYTES = bytes(
    b for b in range(256)
    if b not in _KEEP and (chr(b) in string.punctuation or chr(b).isspace() or 0x80 <= b < 0xC0)
)
_SCAN_TABLE = bytes.maketrans(_SEPARATOR_BYTES, b" " * len(_SEPARATOR_BYTES))
# Lowercase for latin-1 letters too ("Étudiant", "Über"), not only ASCII; one byte each.
_UPPER = bytes([*range(0x41, 0x5B), *range(0xC0, 0xD7), *range(0xD8, 0xDF)])
_LOWER_TABLE = bytes.maketrans(_UPPER, bytes(b + 0x20 for b in _UPPER))


def prepare(text: str) -> tuple[str, str]:
    """Lowercased text (same offsets; exotic characters as "?") and its scan copy."""
    raw = text.encode("latin-1", "replace")
    raw = raw.lower() if text.isascii() else raw.translate(_LOWER_TABLE)
    return raw.decode("latin-1"), raw.translate(_SCAN_TABLE).decode("latin-1")


def scan_chars(term: str) -> str:
    """``term`` as the scan copy shows it, character for character ("i'm " -> "i m ")."""
    return term.encode("latin-1", "replace").translate(_SCAN_TABLE).decode("latin-1")


def scan_form(term: str) -> str:
    """The form of a normalised alias in the scan copy ("ci/cd" -> "ci cd")."""
    return " ".join(scan_chars(term).split())


# A version right after a name: "python3", "Vue3", "Postgres 15", "Python 3.11", "Java 17",
# but not counts ("Python 2 years", "Docker 20 times").
_VERSION = re.compile(
    r"(?:v?\d+(?:\.\d+){0,3}(?:\.x)?|[ \-]v?(?:\d{1,2}(?:\.\d+){0,3}(?:\.x)?|\d+\.\d+))"
    r"(?![\w+#%]|\.\d|\s*(?:\+|%|years?\b|yrs?\b|months?\b|times?\b|days?\b|weeks?\b|hours?\b"
    r"|minutes?\b|people\b|users\b|engineers\b|developers\b|x\b|k\b))"
)
_POSSESSIVE = re.compile(r"['’]s(?!\w)")
# "Go-based", "C-powered": a short name in a compound that makes it a technology.
_COMPOUND = re.compile(rf"-(?:{'|'.join(sorted(COMPOUND_AFTER))})(?![\w-])")
_PLURAL = re.compile(r"e?s(?!\w)")
_SYMBOLS = frozenset("+#")
_SHORT_BLOCKERS = frozenset("-'’&.")

_TLD = (r"com|org|net|io|dev|ai|co|app|me|info|edu|gov|uk|de|fr|ly|sh|xyz|so|gg|tv|us|ca|au"
        r"|in|jp|cn|ru|nl|eu|ch|se|no|es|it|pl|br|blog|tech|site|page|cc")
_DOMAIN = re.compile(rf"[a-z0-9\-]\.(?:{_TLD})(?![a-z0-9\-])")
_FILE_END = re.compile(r"/[\w.\-]*\.[a-z0-9]{1,5}$")
_TOKEN_TRIM = "()[]{}<>\"'`,;:!?.“”‘’"
TOKEN_REACH = 256


def in_ignored_token(
    lowered: str, start: int, end: int, known: Container[str] = frozenset()
) -> bool:
    """Whether the hit lies in a URL, e-mail address, domain name or file path.

    The whitespace-delimited token around the hit is examined, looking at most TOKEN_REACH
    characters each way so that a huge unbroken "token" costs no more than a long URL. A
    slash-separated token whose parts are all ``known`` names ("ts/react/next.js") is a list.
    """
    lo = max(0, start - TOKEN_REACH)
    hi = min(len(lowered), end + TOKEN_REACH)
    left = max(lowered.rfind(" ", lo, start), lowered.rfind("\n", lo, start),
               lowered.rfind("\t", lo, start))
    left = lo if left < 0 else left + 1
    right_candidates = [i for i in (lowered.find(" ", end, hi), lowered.find("\n", end, hi),
                                    lowered.find("\t", end, hi)) if i >= 0]
    right = min(right_candidates) if right_candidates else hi
    token = lowered[left:right].strip(_TOKEN_TRIM)
    if len(token) <= end - start:
        return False
    if "://" in token or token.startswith("www.") or "\\" in token:
        return True
    if "@" in token and "." in token[token.index("@") :]:
        return True
    outside = lowered[left:start] + " " + lowered[end:right]
    if _DOMAIN.search(outside.rstrip(_TOKEN_TRIM)):
        return True  # "python.org", "github.com/me/python-lib"; not "ASP.NET" (name is the token)
    if "/" in token:
        if token.startswith(("/", "~/", "./", "../")):
            return True
        return bool(_FILE_END.search(token)) and not all(
            scan_form(part) in known for part in token.split("/")
        )
    return False


def clean_end(lowered: str, end: int, short: bool, plural_ok: bool) -> int:
    """End of the surface if the hit ends on a boundary (after a version / plural), else -1."""
    size = len(lowered)
    if end >= size:
        return end
    after = lowered[end]
    if after in _SYMBOLS:
        return -1  # "c" in "c++", "f" in "f#"
    if (after.isdigit() and not short) or after in " -v":
        match = _VERSION.match(lowered, end)
        if match is not None and (not short or match.group().startswith(" ")):
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
        if after == "-" and _COMPOUND.match(lowered, end):
            return end
        return -1
    if after == "." and end + 1 < size and lowered[end + 1].isalnum():
        return -1  # "vue.config", "python.org"
    if after == "_":
        return -1
    return end


def starts_cleanly(lowered: str, start: int, short: bool) -> bool:
    """No identifier character glued to the front of the hit (the scan text hides some)."""
    if start == 0:
        return True
    before = lowered[start - 1]
    if before in "_@$&" or before.isalnum():
        return False
    return not (short and before in _SHORT_BLOCKERS)
