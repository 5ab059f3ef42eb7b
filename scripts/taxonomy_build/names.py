"""Display names for devicon-only entries, whose ids are squashed lowercase ("kalilinux").

The id is split into known words (English words from wordfreq, and words of other skills'
names) and each word takes the casing other names give it: "microsoftsqlserver" ->
"Microsoft SQL Server", "githubactions" -> "GitHub Actions". Ids that do not split cleanly
keep a capitalised form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from taxonomy_build.wordfreqs import word_zipf

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_DIGITS = re.compile(r"^(?P<body>[a-z]+?)(?P<digits>\d+)$")
MIN_ENGLISH_ZIPF = 3.3  # pieces must be real words ("kali linux"), not fragments ("mon")
MIN_PIECE = 3
MAX_PIECES = 3


class NameCasing:
    """Casing of words as other skills write them ("sql" -> "SQL", "github" -> "GitHub")."""

    def __init__(self, names: Iterable[str]) -> None:
        seen: dict[str, Counter[str]] = {}
        for name in names:
            for word in _WORD.findall(name):
                if word.lower() != word:
                    seen.setdefault(word.lower(), Counter())[word] += 1
        self._casing = {low: forms.most_common(1)[0][0] for low, forms in sorted(seen.items())}

    def known(self, piece: str) -> bool:
        """Whether another skill's name has this as a distinctive word ("SQL", "GitHub",
        "Linux"), not just an ordinary capitalised one ("No", "Use")."""
        form = self._casing.get(piece)
        if form is None:
            return False
        return form != piece.capitalize() or word_zipf(piece) < MIN_ENGLISH_ZIPF

    def cased(self, piece: str) -> str:
        """The word as names write it, else capitalised."""
        return self._casing.get(piece, piece.capitalize())

    def display(self, squashed: str) -> str:
        """Best display name for a squashed lowercase id."""
        match = _DIGITS.match(squashed)
        body, digits = (match["body"], match["digits"]) if match else (squashed, "")
        pieces = None if word_zipf(body) > 0 else self._split(body)
        if pieces is None or not any(self.known(p) for p in pieces):
            # a word in its own right ("rancher"), no clean split, or a brand made of ordinary
            # words ("clickhouse", "datadog") whose spelling cannot be guessed
            return self.cased(body) + digits
        words: list[str] = []
        plain = ""
        for piece in pieces:
            if self.known(piece):
                if plain:
                    words.append(plain.capitalize())
                    plain = ""
                words.append(self.cased(piece))
            else:
                plain += piece  # "apache" + "air" + "flow" -> "Apache Airflow"
        if plain:
            words.append(plain.capitalize())
        return " ".join(words) + digits

    def _split(self, body: str) -> tuple[str, ...] | None:
        @cache
        def best(i: int) -> tuple[int, float, tuple[str, ...]] | None:
            if i == len(body):
                return 0, 0.0, ()
            options = []
            for j in range(i + 1, len(body) + 1):
                piece = body[i:j]
                score = self._score(piece)
                if score is None:
                    continue
                rest = best(j)
                if rest is not None:
                    options.append((rest[0] + 1, rest[1] - score, (piece, *rest[2])))
            return min(options) if options else None

        found = best(0)
        if found is None or found[0] > MAX_PIECES:
            return None
        return found[2]

    def _score(self, piece: str) -> float | None:
        if self.known(piece) and len(piece) >= 2:
            return 10.0
        if len(piece) >= MIN_PIECE and word_zipf(piece) >= MIN_ENGLISH_ZIPF:
            return word_zipf(piece)
        return None
