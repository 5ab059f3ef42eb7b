"""Context evidence that decides whether an ambiguous word ("Go", "Swift", "spring") is a skill.

Each candidate needs a number of evidence points that grows with how common its alias is as
English (see ``terms.evidence_needed``). Points come from the words around it; neighbouring
skill mentions are added by the matcher (``coordination_points``). Weights live in the tables.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?;:\n•·|]\s|\n")
_CLAUSE_END = re.compile(r"[.!?;]\s|\n|•")
_LAST_CLAUSE_END = re.compile(r".*(?:[.!?;]\s|\n|•)", re.DOTALL)
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
    "mentor", "mentoring", "studying", "study", "prefer", "skills", "stack", "languages",
    "language", "tools", "technologies", "tech", "frameworks", "libraries", "proficiency",
    "familiarity", "experience", "favorite", "favourite",
})
# Weak hints: prepositions that often introduce a tool ("in Go", "with Rust", "from PHP").
WEAK_BEFORE = frozenset({"in", "with", "from", "via", "into", "like", "about"})
# Before these, a lowercase common word is a verb or phrase, not a name ("I go", "to express").
VERB_BEFORE = frozenset({
    "i", "you", "we", "they", "he", "she", "it", "to", "will", "would", "can", "could", "should",
    "must", "might", "may", "lets", "let's", "don't", "didn't", "doesn't", "won't", "cannot",
    "can't", "please", "never", "also", "just", "always", "often", "really", "t", "s",
})
DETERMINERS = frozenset({
    "my", "your", "his", "her", "our", "their", "its", "a", "an", "the", "this", "that", "some",
    "any", "every", "each", "very", "so", "too", "quite",
})
YEARS = frozenset({"years", "yrs", "months", "lots", "bit", "decade", "decades"})
# Words around a person's or company's name ("a startup called Flux", "my colleague Julia").
NAMING = frozenset({
    "called", "named", "nicknamed", "dubbed", "titled", "alias", "aka", "colleague", "friend",
    "wife", "husband", "daughter", "son", "sister", "brother", "mom", "dad", "manager", "boss",
    "mr", "mrs", "ms", "dr", "meet", "met", "thanks", "thank", "hi", "hello", "dear", "cofounder",
    "co-founder", "founder", "ceo", "cto",
})
NAME_AFTER = frozenset({"said", "says", "told", "asked", "helped", "thinks", "thought", "who"})
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
    "boot", "mvc", "native", "ui", "devops", "integration", "migration", "middleware",
    "routes", "router", "handlers", "handler", "workers", "jobs", "types", "interfaces",
})
# General software vocabulary anywhere near a candidate: weak evidence of a technical context.
TECH_VOCAB = frozenset({
    "concurrency", "concurrent", "bug", "bugs", "debugging", "debug", "deploy", "deployed",
    "database", "databases", "query", "queries", "server", "servers", "api", "apis", "backend",
    "frontend", "code", "coding", "programming", "developer", "developers", "engineer",
    "library", "framework", "microservice", "microservices", "pipeline", "pipelines",
    "infrastructure", "shutdown", "graceful", "latency", "async", "thread", "threads",
    "runtime", "compile", "compiler", "production", "refactor", "refactoring", "repo",
    "repository", "stack", "statistics", "statistical",
    "scripting", "script", "scripts", "sdk", "ios", "macos", "kernel", "embedded", "firmware",
    "cli", "tooling", "containers", "container", "cluster", "deployment", "devops", "software",
    "typed", "syntax", "garbage", "goroutines", "web", "frameworks", "libraries",
    "orm", "json", "rest", "graphql", "grpc", "app", "apps", "mobile", "data", "analytics",
})


def local_evidence(
    text: str,
    scan: str,
    start: int,
    end: int,
    *,
    capitals: bool,
    upper_name: bool,
    acronym: bool,
    versioned: bool,
) -> int:
    """Evidence points from the words and letter case around ``text[start:end]``.

    ``scan`` is the lowercased text with separators turned into spaces (same offsets), so words
    come from a plain ``split``. ``capitals``: a capital letter is evidence for this alias;
    ``upper_name``: the skill is written in capitals ("PHP"); ``acronym``: a two-letter
    abbreviation of a longer name ("ML", "JS"); ``versioned``: a version number follows
    ("Go 1.21"), which only names have.
    """
    lo = start - WINDOW if start > WINDOW else 0
    # punctuation from the text: in the lowered copies "?" also stands for "我"
    clause = _LAST_CLAUSE_END.match(text, lo, start)
    cut = clause.end() if clause is not None else -1
    before = [w.strip(".") for w in scan[cut if cut >= 0 else lo : start].split()[-3:]]
    hi = end + WINDOW
    stop = _CLAUSE_END.search(text, end, hi)
    after = [w.strip(".") for w in scan[end : stop.start() if stop is not None else hi].split()[:6]]
    opens = not before and (cut >= 0 or lo == 0)
    prev = before[-1] if before else ""
    prev2 = before[-2] if len(before) > 1 else ""
    nxt = after[0] if after else ""
    surface = text[start:end]
    lower_surface = surface.islower()
    points = 0
    if (
        prev in STRONG_BEFORE
        or (prev2 in STRONG_BEFORE and prev in {"in", "with"})
        or (prev == "of" and prev2 in YEARS)
    ):
        points += 2
    elif prev in WEAK_BEFORE and not lower_surface:
        points += 1  # "in Go", but not "in flux", "with spring"
    if nxt in STRONG_AFTER:
        points += 2
    elif prev in DETERMINERS and nxt and nxt not in TECH_VOCAB:
        points -= 1  # "my Swift reply", "the rust on": used as an ordinary adjective / noun
    if lower_surface and prev in VERB_BEFORE:
        points -= 2
    if prev in NAMING or prev2 in NAMING or nxt in NAME_AFTER:
        points -= 3
    if start and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES:
        points -= 1
    if not (TECH_VOCAB.isdisjoint(before) and TECH_VOCAB.isdisjoint(after[1:])):
        points += 1
    if versioned:
        points += 2
    if lower_surface or not surface[:1].isalpha():
        return points
    if surface.isupper():
        # "PHP", "SQL" are written so; "GO", "SWIFT" (shouting) are not evidence
        return points + 1 if (capitals and upper_name) or acronym else points
    if not surface[1:].islower() and any(c.isupper() for c in surface[1:]):
        return points + 2  # internal capitals are deliberate: "JavaScript", "iOS", "MySQL"
    if capitals and not opens:
        return points + 1  # a capital in mid-sentence
    return points


_COORDINATION = re.compile(
    r"\s*(?:,|/|&|\+|\||;|,?\s*(?:and|or|&|to|vs\.?|versus|plus)|\(|\)|,\s*\()\s*\Z"
    r"|\s*\n\s*(?:[-*•·–]\s*)?\Z"  # one per line, as in a bulleted list
)


def coordination_points(text: str, left_end: int, right_start: int) -> int:
    """Points from a neighbouring skill: 2 if listed together ("X, Y", "X/Y", "X and Y"),
    1 if close by in the same sentence, else 0."""
    if right_start < left_end:
        return 0
    gap = text[left_end:right_start]
    if _COORDINATION.match(gap.lower()):
        return 2
    if len(gap) <= 40 and not _SENTENCE_END.search(gap):
        return 1
    return 0
