"""Abbreviations several skills share ("tf": Terraform or TensorFlow), decided per mention by the
kinds of skills named around it: "tf modules, AWS, Ansible" is Terraform, "tf/keras" TensorFlow.
A mention that nothing around it decides is dropped (a miss is better than a wrong skill).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.taxonomy.keys import Term

Info = tuple[str, str, str, str]  # skill id, name, category, kind
Hit = tuple[int, int, Term]

# Categories whose skills keep company: infrastructure tools with clouds, ML libraries with data
# tools, databases with each other. A neighbour in the family of a choice's category votes for it.
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"devops", "cloud", "platform", "os"}),
    frozenset({"ml", "data"}),
    frozenset({"database"}),
    frozenset({"messaging"}),
)
_REACH = 120  # characters to a neighbour on the same line
_SAME_SKILL = 3  # "tf and Terraform Cloud": the skill itself named nearby outweighs its kin


def _family(category: str) -> frozenset[str]:
    for family in _FAMILIES:
        if category in family:
            return family
    return frozenset({category})


def _choose(text: str, hits: Sequence[Hit], index: int) -> Info | None:
    """The choice most of the nearby skills on the same line speak for, if exactly one."""
    start, end, term = hits[index]
    scores = [0] * len(term.choices)
    families = [_family(choice[2]) for choice in term.choices]
    ids = [choice[0] for choice in term.choices]
    for j, (other_start, other_end, other) in enumerate(hits):
        if j == index or other.choices:
            continue
        left, right = (other_end, start) if other_end <= start else (end, other_start)
        if right - left > _REACH or "\n" in text[left:right]:
            continue
        for k, family in enumerate(families):
            if other.info[0] == ids[k]:
                scores[k] += _SAME_SKILL
            elif other.info[2] in family:
                scores[k] += 1
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return term.choices[scores.index(best)]


def decide_shared(text: str, hits: Sequence[Hit]) -> list[tuple[int, int, Info]]:
    """Accepted hits as mentions, each shared abbreviation read as its one fitting skill or
    dropped, and a compound name followed by the skills it also names ("ruby on rails")."""
    mentions: list[tuple[int, int, Info]] = []
    for index, (start, end, term) in enumerate(hits):
        if not term.choices:
            # the skills a compound also names go first: what follows the name ("for 6 years")
            # binds to the nearest mention before it, the compound's own skill
            mentions.extend((start, end, info) for info in term.also)
            mentions.append((start, end, term.info))
            continue
        chosen = _choose(text, hits, index)
        if chosen is not None:
            mentions.append((start, end, chosen))
    return mentions
