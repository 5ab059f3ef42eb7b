"""Compiled skill matcher: one Aho-Corasick pass over lowercased text, then per-hit checks."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from threading import Lock

import ahocorasick

from bot.taxonomy.keys import Term, Trigger, compile_automaton, skill_terms, trigger_keys
from bot.taxonomy.person_names import NAME_AFTER, NAME_AFTER_GROUP, NAME_CUES, NAME_CUES_GROUP
from bot.taxonomy.scan import ScanResult, scan_text
from bot.taxonomy.skill import SkillMention
from bot.taxonomy.taxonomy import Taxonomy

TriggerGroups = Mapping[str, Iterable[str]]


class TextScanner:
    """Skill hits and trigger words of a text in one pass (see ``SkillMatcher.scanner``)."""

    __slots__ = ("_automaton", "_known", "_literals", "_shared")

    def __init__(
        self,
        automaton: ahocorasick.Automaton,
        literals: tuple[tuple[str, tuple[Trigger, ...]], ...],
        known: frozenset[str],
        shared: frozenset[int] = frozenset(),
    ) -> None:
        self._automaton = automaton
        self._literals = literals
        self._known = known
        self._shared = shared

    def scan(self, text: str) -> ScanResult:
        """Accepted skill hits, trigger spans by group, and the lowercased scan text."""
        return scan_text(self._automaton, self._literals, self._known, text, self._shared)


# Words around people's and companies' names (bot.taxonomy.person_names), in every automaton.
_NAME_WORDS: dict[str, tuple[str, ...]] = {NAME_CUES_GROUP: NAME_CUES, NAME_AFTER_GROUP: NAME_AFTER}

# Recently used taxonomies (held, so that ids stay unique) and their matchers.
_SHARED: OrderedDict[int, tuple[Taxonomy, SkillMatcher]] = OrderedDict()
_SHARED_LIMIT = 16
_SHARED_LOCK = Lock()


class SkillMatcher:
    """Finds skill mentions in free text; build once per taxonomy and reuse."""

    __slots__ = ("_known", "_lock", "_plain", "_scanners", "_shared", "_taxonomy", "_terms")

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy
        self._terms: dict[str, Term] = skill_terms(taxonomy)
        self._known = frozenset(key[1:].rstrip() for key in self._terms)
        # terms of shared abbreviations ("tf") and of compound names that also name another
        # skill ("ruby on rails"), by identity: only hits on them need a second look
        self._shared = frozenset(
            id(term) for term in self._terms.values() if term.choices or term.also
        )
        # the words a person's name follows ("I'm", "call me") ride along in every automaton
        cues, _ = trigger_keys(_NAME_WORDS, (NAME_AFTER_GROUP,))
        self._plain = TextScanner(
            compile_automaton(self._terms, cues, taxonomy.english), (), self._known, self._shared
        )
        self._scanners: dict[object, TextScanner] = {}
        self._lock = Lock()

    @classmethod
    def shared(cls, taxonomy: Taxonomy) -> SkillMatcher:
        """A matcher for this taxonomy object, reused while it is among the recently used."""
        with _SHARED_LOCK:
            entry = _SHARED.get(id(taxonomy))
            if entry is not None:
                _SHARED.move_to_end(id(taxonomy))
                return entry[1]
        matcher = cls(taxonomy)
        with _SHARED_LOCK:
            _SHARED[id(taxonomy)] = (taxonomy, matcher)
            while len(_SHARED) > _SHARED_LIMIT:
                _SHARED.popitem(last=False)
        return matcher

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy this matcher was compiled from."""
        return self._taxonomy

    def find(self, text: str) -> list[SkillMention]:
        """Skill mentions in text order, non-overlapping (longest wins), ambiguity resolved."""
        if not text:
            return []
        # positional arguments: this runs once per mention
        return [
            SkillMention(*info, text[start:end], start, end)
            for start, end, info in self._plain.scan(text).hits
        ]

    def scanner(self, triggers: TriggerGroups, loose: Iterable[str] = ()) -> TextScanner:
        """A scanner that also reports these trigger words (group -> words), built once.

        Words starting with a letter or digit hit at word starts: after whitespace or at the
        start of the text, or for the ``loose`` groups after any separator. Other words (emoji)
        hit anywhere. Spans are ``(start, end)`` in text order by end.
        """
        signature = (
            tuple(sorted((group, tuple(words)) for group, words in triggers.items())),
            tuple(sorted(loose)),
        )
        with self._lock:
            found = self._scanners.get(signature)
            if found is None:
                groups = {**dict(signature[0]), **_NAME_WORDS}
                keys, literal = trigger_keys(groups, (*signature[1], NAME_AFTER_GROUP))
                automaton = compile_automaton(self._terms, keys, self._taxonomy.english)
                literals = tuple((word, tuple(literal[word])) for word in sorted(literal))
                found = TextScanner(automaton, literals, self._known, self._shared)
                self._scanners[signature] = found
        return found
