"""German learning cues with the verb at the end: "Ich möchte Rust lernen", "will Go lernen".

The infinitive closes the clause, so the cue governs the skills named before it: from a modal
verb ("möchte", "will", "werde", ...) in the same clause, or else from the clause start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.parsing.triggers import Span

TRIGGERS: dict[str, tuple[str, ...]] = {"learning_final": ("lernen", "erlernen", "lerne ich")}

_REACH = 80  # characters looked back from the infinitive
_CLAUSE_START = re.compile(r".*(?:[.,;:!?(\n\u2022|]|\s-\s)", re.DOTALL)
_MODAL = re.compile(
    r".*\b(?:möchte|möchten|will|wollen|wollte|würde|werde|werden|muss|plane|versuche|fange|"
    r"hoffe|gerne|gern)\b",
    re.DOTALL,
)
# "Maschinelles Lernen", "tiefes Lernen": the noun, after an adjective.
_NOUN_BEFORE = re.compile(r"es\s+\Z")
# "lernen" as a noun or adjective part ("Maschinelles Lernen", "lernende"): not a cue. The
# inverted "Spark lerne ich gerade" closes its clause the same way.
_WORD_END = re.compile(r"(?:er)?lernen\b|lerne ich\b")


def final_learning_spans(low: str, hits: Sequence[Span]) -> list[tuple[int, int, int]]:
    """(scope start, scope end, cue end) for each clause-final "lernen": skills named in
    ``[scope start, scope end)`` are being learned."""
    found: list[tuple[int, int, int]] = []
    for start, _ in hits:
        word = _WORD_END.match(low, start)
        if word is None or (start > 0 and low[start - 1].isalpha()):
            continue
        floor = max(0, start - _REACH)
        clause = _CLAUSE_START.match(low, floor, start)
        begin = clause.end() if clause is not None else floor
        modal = _MODAL.match(low, begin, start)
        if modal is not None:
            begin = modal.end()
        elif len(low[begin:start].split()) > 4 or _NOUN_BEFORE.search(low, begin, start):
            continue
        if begin < start:
            found.append((begin, start, word.end()))
    return found
