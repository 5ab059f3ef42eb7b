"""Normalisation of skill names and aliases, their spelling variants, and how ambiguous each is."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s\-_.]+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_WORD = re.compile(r"[\W_]+")
_TRAILING_VERSION = re.compile(r"(?<=[a-z+#])[\s\-]?v?\d+(?:\.\d+)*(?:\.x)?$")

# Evidence a mention needs before it counts, by how common the alias is as English (zipf).
# Below COMMON_ZIPF an alias is a technology name and needs none ("kubernetes", "postgres").
COMMON_ZIPF = 3.0
VERY_COMMON_ZIPF = 4.5
# From here on a capital letter proves nothing: "Go", "Spring", "Express" start sentences, name
# seasons and titles.
CAPITAL_BLIND_ZIPF = VERY_COMMON_ZIPF


def normalize(term: str) -> str:
    """Lowercase, trimmed, single-spaced form used as a lookup key."""
    return _SPACES.sub(" ", term.strip().lower())


def squash(term: str) -> str:
    """Separator-free key: ``Node.js`` / ``node js`` / ``nodejs`` all become ``nodejs``."""
    lowered = term.lower().replace("++", "pp").replace("+", "plus").replace("#", "sharp")
    return _NON_ALNUM.sub("", lowered)


def slug(name: str) -> str:
    """Id for a skill defined by name: ``Acme Deploy`` -> ``acme-deploy``, ``C#`` -> ``csharp``."""
    lowered = normalize(name).replace("++", "pp").replace("#", "sharp").replace("+", "plus")
    return _NON_WORD.sub("-", lowered).strip("-")


def strip_version(term: str) -> str:
    """``postgres 15`` -> ``postgres``, ``python3`` -> ``python``; otherwise unchanged."""
    return _TRAILING_VERSION.sub("", term)


def variants(term: str, joiners: tuple[str, ...] = (" ", "-", "", ".")) -> Iterator[str]:
    """Spellings of a normalised term that differ only in separators (space, hyphen, dot, none).

    ``machine learning`` -> ``machine-learning``, ``machinelearning``; ``node.js`` -> ``node js``,
    ``nodejs``, ``node-js``. A leading dot (``.net``) is part of the name and kept.
    """
    yield term
    body = term[1:] if term.startswith(".") else term
    parts = [p for p in _SEPARATORS.split(body) if p]
    if len(parts) < 2:
        return
    prefix = "." if term.startswith(".") else ""
    for joiner in joiners:
        candidate = prefix + joiner.join(parts)
        if candidate != term:
            yield candidate


def is_short(term: str) -> bool:
    """One- and two-character plain aliases (C, R, Go, S3) always need context."""
    return len(term) <= 2 and term.isalnum()


def evidence_needed(term: str, zipf: float) -> int:
    """Points of context evidence a mention of this alias needs (0 = always a skill)."""
    if is_short(term):
        return 2
    if zipf < COMMON_ZIPF:
        return 0
    return 1 if zipf < VERY_COMMON_ZIPF else 2


def capital_counts(term: str, zipf: float) -> bool:
    """Whether a mid-sentence capital is evidence for this alias being a name."""
    return not is_short(term) and zipf < CAPITAL_BLIND_ZIPF
