"""How common a word is in English, for aliases the build did not score (community config).

data/english_words.json carries English words in zipf buckets (lower bounds: the matcher's
thresholds in ``terms`` and PHRASE_WORD_ZIPF), produced at build time by wordfreq, so that the
runtime needs no wordfreq. The table is wordfreq data (CC-BY-SA 4.0) and lives in its own file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

_PLAIN_WORD = re.compile(r"[a-z]+")
# Same rule as the build: a phrase is everyday English only when all its words are very common.
PHRASE_WORD_ZIPF = 5.5


class EnglishFrequency:
    """Bucketed zipf frequencies of English words."""

    __slots__ = ("_buckets",)

    def __init__(self, buckets: Mapping[str, str]) -> None:
        table: dict[str, float] = {}
        for bound, words in sorted(buckets.items(), key=lambda item: float(item[0])):
            for word in words.split():
                table[word] = float(bound)
        self._buckets = table

    def items(self) -> Iterator[tuple[str, float]]:
        """Every word with the lower bound of its zipf bucket."""
        return iter(self._buckets.items())

    def estimate(self, term: str) -> float:
        """Lower bound of the zipf bucket of a word or phrase; 0.0 if rare or not plain words."""
        words = term.lower().replace("-", " ").split()
        if not words or not all(_PLAIN_WORD.fullmatch(w) for w in words):
            return 0.0
        if len(words) == 1:
            return self._buckets.get(words[0], 0.0)
        lowest = min(self._buckets.get(w, 0.0) for w in words)
        return lowest if lowest >= PHRASE_WORD_ZIPF else 0.0
