"""Automaton keys: every spelling of every alias (plus optional trigger words) in scan form.

A key starts with a space (the scan copy turns every separator into one), so keys only hit at
word starts. Short aliases ("c", "go") also end with a separator or a full stop so that they do
not hit at every word starting with those letters. Each key carries what a hit on it means: a
skill term (how to check and weigh the hit) and/or trigger words the intro parser asked for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import NamedTuple

import ahocorasick

from bot.taxonomy.boundaries import scan_chars, scan_form
from bot.taxonomy.english import EnglishFrequency
from bot.taxonomy.skill import Skill
from bot.taxonomy.taxonomy import Taxonomy
from bot.taxonomy.terms import capital_counts, evidence_needed, is_short, normalize, variants

# In the scan copy hyphens are spaces already, so these joiners give every spelling.
SCAN_JOINERS = (" ", "", ".")
_ORDER_DEPTH = 3


class Term(NamedTuple):
    """What a scan key stands for: the skill, and how to check and weigh a hit on it."""

    length: int  # of the alias in the text
    back: int  # a hit ending at padded index i starts at text index i - back
    info: tuple[str, str, str, str]  # skill id, name, category, kind (SkillMention's head)
    need: int
    capitals: bool
    upper_name: bool  # the skill's name is written in capitals ("PHP", "SQL")
    acronym: bool  # a two-letter abbreviation of a longer name ("ML", "JS"), not "Go"
    short: bool
    plural_ok: bool
    # an abbreviation several skills share ("tf"): each one's info; ``info`` is the first
    choices: tuple[tuple[str, str, str, str], ...] = ()
    # other skills a compound name also names ("ruby on rails": Ruby): each one's info
    also: tuple[tuple[str, str, str, str], ...] = ()


class Trigger(NamedTuple):
    """A trigger word of one group; the hit is ``[start, start + length)`` in the text.

    A strict trigger counts only after whitespace (or at the start); a loose one after any
    separator.
    """

    group: str
    length: int
    back: int  # as Term.back
    loose: bool = False


# Value stored in the automaton: the skill term (if any) and the trigger words (if any).
KeyValue = tuple[Term | None, tuple[Trigger, ...]]


def skill_terms(taxonomy: Taxonomy) -> dict[str, Term]:
    """Scan key -> term for every spelling of every skill name and alias."""
    terms: dict[str, Term] = {}
    ordered = sorted(taxonomy, key=lambda s: s.id)
    # Canonical names claim their spellings before any alias of another skill can.
    for pass_aliases in (False, True):
        for skill in ordered:
            sources = skill.aliases if pass_aliases else (skill.name,)
            for raw in sources:
                term = normalize(raw)
                zipf = taxonomy.zipf(term)
                for key in variants(scan_form(term), SCAN_JOINERS):
                    if key and " " + key not in terms:
                        _add_key(terms, key, skill, zipf)
    for alias, ids in sorted(taxonomy.shared_aliases.items()):
        key = scan_form(normalize(alias))
        owners = [skill for skill in map(taxonomy.get, ids) if skill is not None]
        if key and " " + key not in terms and " " + key + " " not in terms and owners:
            _add_key(terms, key, owners[0], taxonomy.zipf(normalize(alias)),
                     tuple(_info(skill) for skill in owners))
    for alias, ids in sorted(taxonomy.implied_aliases.items()):
        named = tuple(_info(skill) for skill in map(taxonomy.get, ids) if skill is not None)
        for spelling in variants(scan_form(normalize(alias)), SCAN_JOINERS):
            found = terms.get(" " + spelling)
            if found is not None and named:
                terms[" " + spelling] = found._replace(also=named)
    return terms


def _info(skill: Skill) -> tuple[str, str, str, str]:
    return (skill.id, skill.name, skill.category, skill.kind)


def _add_key(terms: dict[str, Term], key: str, skill: Skill, zipf: float,
             choices: tuple[tuple[str, str, str, str], ...] = ()) -> None:
    short = is_short(key)
    base = Term(
        length=len(key),
        back=len(key),
        info=_info(skill),
        need=evidence_needed(key, zipf),
        capitals=capital_counts(key, zipf),
        upper_name=skill.name.isupper(),
        acronym=short and key.isalpha() and len(key) == 2 and key != skill.name.lower(),
        short=short,
        plural_ok=skill.kind == "concept",
        choices=choices,
    )
    if not short:
        terms[" " + key] = base
        return
    for tail in (" ", "."):
        terms[" " + key + tail] = base._replace(back=len(key) + 1)


def trigger_keys(
    groups: Mapping[str, Iterable[str]], loose: Iterable[str] = ()
) -> tuple[dict[str, list[Trigger]], dict[str, list[Trigger]]]:
    """Scan keys of trigger words that start with a letter or digit, and the other words
    (emoji), which the scan copy cannot hold and are looked up in the text itself."""
    keys: dict[str, list[Trigger]] = {}
    literal: dict[str, list[Trigger]] = {}
    loose_groups = frozenset(loose)
    for group, words in groups.items():
        for word in dict.fromkeys(w.lower() for w in words):
            if not word[:1].isalnum():
                literal.setdefault(word, []).append(Trigger(group, len(word), 0, True))
                continue
            key = " " + scan_chars(word)
            entry = Trigger(group, len(word), len(key) - 1, group in loose_groups)
            keys.setdefault(key, []).append(entry)
    return keys, literal


def compile_automaton(
    terms: Mapping[str, Term],
    triggers: Mapping[str, list[Trigger]],
    english: EnglishFrequency,
) -> ahocorasick.Automaton:
    """One automaton for skill keys and trigger keys.

    Keys are added most common English prefixes first: pyahocorasick searches a node's
    children in insertion order, so this makes the usual steps short.
    """
    weights = _prefix_weights(english)
    merged: dict[str, KeyValue] = {}
    for key in sorted({*terms, *triggers}, key=lambda k: _order(k, weights)):
        merged[key] = (terms.get(key), tuple(triggers.get(key, ())))
    automaton = ahocorasick.Automaton()
    for key, value in merged.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def _order(key: str, weights: Mapping[str, float]) -> tuple[tuple[float, ...], str]:
    body = key[1:]
    return tuple(-weights.get(body[:i], 0.0) for i in range(1, _ORDER_DEPTH + 1)), key


@cache
def _prefix_weights(english: EnglishFrequency) -> dict[str, float]:
    """How often English words start with each prefix (up to three letters)."""
    weights: Counter[str] = Counter()
    for word, zipf in english.items():
        weight = 10.0**zipf
        for i in range(1, min(len(word), _ORDER_DEPTH) + 1):
            weights[word[:i]] += weight
    return dict(weights)
