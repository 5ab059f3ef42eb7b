"""How common an alias is as English, from wordfreq (a build-time dependency only)."""

from __future__ import annotations

import re
from functools import cache
from importlib.metadata import version

from wordfreq import top_n_list, zipf_frequency

from bot.taxonomy.english import PHRASE_WORD_ZIPF
from bot.taxonomy.terms import COMMON_ZIPF, VERY_COMMON_ZIPF

# PHRASE_WORD_ZIPF: a phrase is everyday English only when every word in it is very common
# ("to do", "just in time"); "machine learning" or "spring boot" are specific.
_PLAIN_WORD = re.compile(r"^[a-z]+$")


@cache
def word_zipf(word: str) -> float:
    """Zipf frequency of one lowercase word in English (0.0 when unknown)."""
    return float(zipf_frequency(word, "en"))


def alias_zipf(alias: str) -> float:
    """Zipf-like commonness of an alias as English text, rounded for a stable file.

    Aliases carrying symbols or digits ("c++", "node.js", "k8s") are not English words: 0.0.
    Multi-word aliases count as common only when all of their words are very common.
    """
    words = alias.lower().replace("-", " ").split()
    if not words or not all(_PLAIN_WORD.match(w) for w in words):
        return 0.0
    if len(words) == 1:
        return round(word_zipf(words[0]), 2)
    lowest = min(word_zipf(w) for w in words)
    return round(lowest, 2) if lowest >= PHRASE_WORD_ZIPF else 0.0


# Bucket lower bounds shipped for the runtime (bot/taxonomy/english.py): the thresholds the
# matcher uses (bot/taxonomy/terms.py) and the phrase rule.
BUCKETS = (COMMON_ZIPF, VERY_COMMON_ZIPF, PHRASE_WORD_ZIPF)
_VOCABULARY_SIZE = 100_000


def wordfreq_version() -> str:
    """The installed wordfreq version (recorded in english_words.json)."""
    return version("wordfreq")


def english_buckets() -> dict[str, str]:
    """Plain English words with zipf >= 3.0, space-joined per bucket, sorted for a stable file."""
    buckets: dict[float, list[str]] = {bound: [] for bound in BUCKETS}
    for word in top_n_list("en", _VOCABULARY_SIZE):
        if not _PLAIN_WORD.match(word) or len(word) < 2:
            continue
        zipf = word_zipf(word)
        fitting = [bound for bound in BUCKETS if zipf >= bound]
        if fitting:
            buckets[fitting[-1]].append(word)
    return {f"{bound:.1f}": " ".join(sorted(set(words))) for bound, words in buckets.items()}
