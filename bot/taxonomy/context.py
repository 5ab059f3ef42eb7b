"""Context evidence that decides whether an ambiguous word ("Go", "Swift", "spring") is a skill.

Each candidate needs a number of evidence points that grows with how common its alias is as
English (see ``terms.evidence_needed``). Points come from the words around it; neighbouring
skill mentions are added by the matcher (``coordination_points``). Weights live in the tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9][a-z0-9+#'’\-]*")
_SENTENCE_END = re.compile(r"[.!?;:\n•·|]\s|\n|^\s*[-*]\s")
_OPENERS = frozenset("\"'“‘([{*-–—•")
_QUOTES = frozenset("\"'“”‘’")
WINDOW = 60  # characters looked at on each side of a candidate

# Words right before a skill that show it is used as a technology.
STRONG_BEFORE = frozenset({
    "write", "writes", "wrote", "writing", "written", "code", "coded", "coding", "program",
    "programmed", "programming", "learn", "learning", "learned", "learnt", "know", "knows",
    "knowing", "master", "mastered", "mastering", "proficient", "fluent", "expert", "experienced",
    "expertise", "specialize", "specialise", "specialized", "specialised", "specializing",
    "using", "use", "uses", "used", "adopt", "adopted", "migrated", "migrating", "rewrote",
    "rewriting", "ported", "porting", "built", "build", "building", "develop", "developing",
    "developed", "deploy", "deployed", "deploying", "maintain", "maintained", "teach", "teaching",
    "mentor", "mentoring", "studying", "study", "prefer", "skills", "stack",
})
# Weak hints: prepositions that often introduce a tool ("in Go", "with Rust", "from PHP").
WEAK_BEFORE = frozenset({"in", "with", "from", "via", "into", "like", "about"})
# Before these, a lowercase common word is a verb or phrase, not a name ("I go", "to express").
VERB_BEFORE = frozenset({
    "i", "you", "we", "they", "he", "she", "it", "to", "will", "would", "can", "could", "should",
    "must", "might", "may", "lets", "let's", "don't", "didn't", "doesn't", "won't", "cannot",
    "can't", "please", "never", "also", "just", "always", "often", "really",
})
DETERMINERS = frozenset({
    "my", "your", "his", "her", "our", "their", "its", "a", "an", "the", "this", "that", "some",
    "any", "every", "each", "very", "so", "too", "quite",
})
NAMING = frozenset({"called", "named", "nicknamed", "dubbed", "titled", "alias", "aka"})
# Words right after a skill that show it is a technology ("Go developer", "React version").
STRONG_AFTER = frozenset({
    "developer", "developers", "dev", "devs", "engineer", "engineers", "engineering", "programmer",
    "programmers", "programming", "code", "coding", "codebase", "library", "libraries", "lib",
    "framework", "frameworks", "app", "apps", "application", "applications", "api", "apis",
    "backend", "back-end", "frontend", "front-end", "service", "services", "microservice",
    "microservices", "server", "servers", "stack", "project", "projects", "version", "versions",
    "sdk", "lang", "language", "development", "module", "modules", "package", "packages",
    "runtime", "compiler", "script", "scripts", "scripting", "cluster", "clusters", "ecosystem",
    "toolchain", "tooling", "bindings", "syntax", "generics", "goroutines", "goroutine",
    "channels", "experience", "expertise", "skills", "certification", "certified", "ide",
    "binary", "binaries", "interop", "web", "mobile", "ios", "android", "tests", "testing",
    "components", "component", "hooks", "plugin", "plugins", "query", "queries", "database",
    "schema", "instance", "instances", "deployment", "deployments", "pipeline", "pipelines",
    "boot", "mvc", "native", "ui", "devops", "integration", "migration",
})
# General software vocabulary anywhere near a candidate: weak evidence of a technical context.
TECH_VOCAB = frozenset({
    "concurrency", "concurrent", "bug", "bugs", "debugging", "debug", "deploy", "deployed",
    "database", "databases", "query", "queries", "server", "servers", "api", "apis", "backend",
    "frontend", "code", "coding", "programming", "developer", "developers", "engineer",
    "library", "framework", "microservice", "microservices", "pipeline", "pipelines",
    "infrastructure", "shutdown", "graceful-shutdown", "latency", "async", "thread", "threads",
    "runtime", "compile", "compiler", "production", "refactor", "refactoring", "repo",
    "repository", "open-source", "stack", "full-stack", "statistics", "statistical",
    "scripting", "script", "scripts", "sdk", "ios", "macos", "kernel", "embedded", "firmware",
    "cli", "tooling", "containers", "container", "cluster", "deployment", "devops", "software",
    "typed", "syntax", "memory", "garbage", "goroutines", "web", "frameworks", "libraries",
    "orm", "json", "rest", "graphql", "grpc", "app", "apps", "mobile", "data", "analytics",
})


@dataclass(slots=True)
class Local:
    """What the surrounding words say about one candidate."""

    points: int
    sentence_start: bool


def _words_before(lowered: str, start: int) -> tuple[list[str], bool]:
    """Up to three words before ``start`` within the sentence; and whether it opens a sentence."""
    lo = max(0, start - WINDOW)
    chunk = lowered[lo:start]
    cut = 0
    for match in _SENTENCE_END.finditer(chunk):
        cut = match.end()
    chunk = chunk[cut:]
    stripped = chunk.rstrip()
    while stripped and stripped[-1] in _OPENERS:
        stripped = stripped[:-1].rstrip()
    opens = not stripped and (cut > 0 or lo == 0)
    return _WORD.findall(chunk)[-3:], opens


def _words_after(lowered: str, end: int) -> list[str]:
    chunk = lowered[end : end + WINDOW]
    match = _SENTENCE_END.search(chunk)
    if match is not None:
        chunk = chunk[: match.start()]
    return _WORD.findall(chunk)[:6]


def local_evidence(
    text: str, lowered: str, start: int, end: int, capitals: bool
) -> Local:
    """Evidence points from the words and letter case around ``text[start:end]``."""
    before, opens = _words_before(lowered, start)
    after = _words_after(lowered, end)
    surface = text[start:end]
    points = 0
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    nxt = after[0] if after else ""
    lower_surface = surface.islower()
    if prev in STRONG_BEFORE or (prev in {"in", "with"} and prev2 in STRONG_BEFORE):
        points += 2
    elif prev == "of" and prev2 in {"years", "yrs", "months", "lots", "bit"}:
        points += 2
    elif prev in WEAK_BEFORE and not lower_surface:
        points += 1  # "in Go", but not "in flux", "with spring"
    if nxt in STRONG_AFTER:
        points += 2
    elif prev in DETERMINERS and nxt and nxt not in TECH_VOCAB:
        points -= 1  # "my Swift reply", "the rust on": used as an ordinary adjective / noun
    if lower_surface and prev in VERB_BEFORE:
        points -= 2
    if prev in NAMING or prev2 in NAMING:
        points -= 3
    if start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
        points -= 1
    nearby = set(before) | set(after[1:])
    if nearby & TECH_VOCAB:
        points += 1
    if any(c.isupper() for c in surface[1:]) and not surface.isupper():
        points += 2  # internal capitals are deliberate: "JavaScript", "iOS", "MySQL"
    elif capitals and surface[:1].isupper() and not opens and not surface.isupper():
        points += 1
    return Local(points, opens)


_COORDINATION = re.compile(
    r"\s*(?:,|/|&|\+|\||;|,?\s*(?:and|or|&|to|vs\.?|versus|plus)|\(|\)|,\s*\()\s*\Z"
)


def coordination_points(lowered: str, left_end: int, right_start: int) -> int:
    """Points from a neighbouring skill: 2 if listed together ("X, Y", "X/Y", "X and Y"),
    1 if close by in the same sentence, else 0."""
    if right_start < left_end:
        return 0
    gap = lowered[left_end:right_start]
    if _COORDINATION.match(gap) or not gap.strip():
        return 2
    if len(gap) <= 40 and not _SENTENCE_END.search(gap):
        return 1
    return 0
